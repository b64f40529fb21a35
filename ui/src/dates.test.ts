import { describe, expect, it } from "vitest";
import { day, moment, render, setDateStyles, wallOf } from "./dates";
import type { DateStyle } from "./bindings/DateStyle";

// The core's styles for three locales (as `cargo test -p cashout-core dates` reads them off
// ICU4X) and the core's golden strings for them (l10n/dates/tests.rs).
const text = (t: string) => ({ kind: "text" as const, text: t });
const ptBR: DateStyle = {
  parts: [{ kind: "day", width: 2 }, text("/"), { kind: "month", width: 2 }, text("/"), { kind: "year" }, text(", "), { kind: "hour24", width: 2 }, text(":"), { kind: "minute" }, text(":"), { kind: "second" }],
  am: "", pm: "",
};
const esCO: DateStyle = {
  parts: [{ kind: "day", width: 1 }, text("/"), { kind: "month", width: 2 }, text("/"), { kind: "year" }, text(", "), { kind: "hour12", width: 1 }, text(":"), { kind: "minute" }, text("\u202f"), { kind: "day_period" }],
  am: "a.\u202fm.", pm: "p.\u202fm.",
};
const enUS: DateStyle = {
  parts: [{ kind: "month", width: 1 }, text("/"), { kind: "day", width: 1 }, text("/"), { kind: "year" }, text(", "), { kind: "hour12", width: 1 }, text(":"), { kind: "minute" }, text(":"), { kind: "second" }, text("\u202f"), { kind: "day_period" }],
  am: "AM", pm: "PM",
};

const at = (year: number, month: number, day: number, hour: number, minute: number, second: number) => ({ year, month, day, hour, minute, second });

describe("moments in the locale's way", () => {
  it("writes the core's golden strings from the core's styles", () => {
    expect(render(ptBR, at(2026, 1, 5, 0, 7, 2))).toBe("05/01/2026, 00:07:02");
    expect(render(esCO, at(2026, 11, 30, 14, 3, 22))).toBe("30/11/2026, 2:03\u202fp.\u202fm.");
    expect(render(enUS, at(2026, 1, 5, 12, 0, 0))).toBe("1/5/2026, 12:00:00\u202fPM");
  });

  it("writes midnight as 12 before noon on a 12-hour clock", () => {
    expect(render(esCO, at(2026, 1, 5, 0, 7, 2))).toBe("5/01/2026, 12:07\u202fa.\u202fm.");
    expect(render(esCO, at(2026, 1, 5, 11, 59, 0))).toBe("5/01/2026, 11:59\u202fa.\u202fm.");
  });

  it("reads a journal instant on the operator's clock", () => {
    const d = new Date(2026, 10, 30, 14, 3, 22); // local
    expect(wallOf(d.toISOString())).toEqual(at(2026, 11, 30, 14, 3, 22));
  });

  it("shows text that is not an instant as it is, and nothing as a dash", () => {
    setDateStyles({ day_style: { parts: ptBR.parts.slice(0, 5), am: "", pm: "" }, date_style: esCO, date_style_seconds: ptBR, time_style: { ...esCO, parts: esCO.parts.slice(6) } });
    expect(moment("pending")).toBe("pending");
    expect(moment("2026")).toBe("2026");
    expect(moment(null)).toBe("—");
    const d = new Date(2026, 0, 5, 0, 7, 2);
    expect(moment(d.toISOString())).toBe("05/01/2026, 00:07:02");
    expect(moment(d.toISOString(), "minute")).toBe("5/01/2026, 12:07\u202fa.\u202fm.");
    expect(moment(d.toISOString(), "time")).toBe("12:07\u202fa.\u202fm.");
    // A day the core names ISO, the locale's way; anything else as it is.
    expect(day("2026-01-05")).toBe("05/01/2026");
    expect(day("2026-01")).toBe("2026-01");
  });
});
