// The overview shows the core's figures as they are, per currency, opens the list with each
// tile's, status row's and bar's filter, and speaks the operator's language.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderOverview } from "./overview";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { CurrencyOverview } from "../bindings/CurrencyOverview";
import type { Figure } from "../bindings/Figure";
import type { Overview } from "../bindings/Overview";

beforeEach(page);
afterEach(() => clearMocks());

const fig = (count: number, sum: string, shown: string): Figure => ({ count, sum, shown, count_shown: String(count) });

function currency(code: string, over: Partial<CurrencyOverview> = {}): CurrencyOverview {
  return {
    currency: code,
    by_status: [
      { key: "PENDING", label: "Pending", status: "PENDING", phases: [], figure: fig(1, "10.00", `${code} 10.00`) },
      { key: "UNCONFIRMED", label: "Unconfirmed", status: null, phases: ["intent", "unknown", "sent_not_found"], figure: fig(1, "5.00", `${code} 5.00`) },
    ],
    sent: fig(3, "90071992547409.93", `${code} 90,071,992,547,409.93`),
    in_flight: fig(1, "10.00", `${code} 10.00`),
    on_hold: { figure: fig(1, "7.00", `${code} 7.00`), oldest_since: "2026-11-28T12:00:00.000Z", oldest_secs: 2 * 86_400 + 3 * 3_600 },
    completed: fig(1, "1.00", `${code} 1.00`),
    provisional: fig(1, "1.00", `${code} 1.00`),
    rejected: fig(2, "30.00", `${code} 30.00`),
    late_rejections: fig(1, "20.00", `${code} 20.00`),
    top_rejections: [{ code: 800, name: "ERROR_ACCOUNT_INCORRECT", explanation: "The bank account number is invalid.", field: "bank_account", figure: fig(2, "30.00", `${code} 30.00`) }],
    days: [
      { day: "2026-11-29", figure: fig(0, "0.00", `${code} 0.00`), height: 0 },
      { day: "2026-11-30", figure: fig(3, "45.00", `${code} 45.00`), height: 1000 },
    ],
    largest_day: "45.00",
    chart_label: `${code}, 2 days from 2026-11-29 to 2026-11-30: sent ${code} 45.00 in 3 payouts; the largest day 2026-11-30, ${code} 45.00.`,
    ...over,
  };
}

const overview: Overview = {
  scope: "sandbox", first_day: "2026-11-29", last_day: "2026-11-30", time_zone: "America/Sao_Paulo",
  at: "2026-11-30T15:00:00.000Z", locale: "en-US", late_window_days: 14, payouts: 5, unreadable: 0, amount_unknown: 0,
  currencies: [currency("BRL"), currency("MXN")],
};

describe("the overview", () => {
  it("shows each currency apart with the core's exact figures and asks for the last 30 days", async () => {
    const calls = commands({ overview: () => overview });
    await renderOverview(view(), vi.fn());
    expect(calls[0]).toEqual({ cmd: "overview", args: { query: { period: { kind: "last30_days" }, time_zone: null } } });
    const sections = [...view().querySelectorAll("section.overview-currency")];
    expect(sections.map((s) => s.querySelector("h2")?.textContent)).toEqual(["BRL", "MXN"]);
    expect(view().querySelector("#tile-sent-BRL .tile-sum")?.textContent).toBe("BRL 90,071,992,547,409.93");
    expect(view().querySelector("#tile-on-hold-BRL")?.textContent).toContain("oldest held for 2 d 3 h");
    expect(view().querySelector("#tile-completed-BRL")?.textContent).toContain("BRL 1.00 provisional");
    expect(view().querySelector("#tile-rejected-BRL")?.textContent).toContain("BRL 20.00 rejected after completion");
    // One chart per currency, named for screen readers, followed by a table of the same days.
    const chart = view().querySelector("#chart-MXN");
    expect(chart?.getAttribute("role")).toBe("group");
    expect(chart?.getAttribute("aria-label")).toContain("sent MXN 45.00 in 3 payouts");
    const days = [...view().querySelectorAll("#days-MXN tbody tr")].map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent));
    expect(days).toEqual([["2026-11-29", "0", "MXN 0.00"], ["2026-11-30", "3", "MXN 45.00"]]);
    expect(view().querySelector("#rejections-BRL tbody")?.textContent).toContain("bank_account");
  });

  it("tiles, status rows and bars open the list with their filter", async () => {
    commands({ overview: () => overview });
    const go = vi.fn();
    await renderOverview(view(), go);
    const period = { kind: "custom", from: "2026-11-29", to: "2026-11-30" };
    (view().querySelector("#tile-rejected-BRL") as HTMLButtonElement).click();
    expect(go).toHaveBeenLastCalledWith({ view: "list", preset: { status: "REJECTED", period, currency: "BRL" } });
    // "Sent" counts what reached the provider: its list leaves out declined and unsent payouts.
    (view().querySelector("#tile-sent-BRL") as HTMLButtonElement).click();
    expect(go).toHaveBeenLastCalledWith({ view: "list", preset: { period, currency: "BRL", sentOnly: true } });
    (view().querySelector("#tile-on-hold-BRL") as HTMLButtonElement).click();
    expect(go).toHaveBeenLastCalledWith({ view: "list", preset: { status: "ON_HOLD", currency: "BRL" } });
    (view().querySelector('#statuses-BRL tr[data-key="UNCONFIRMED"] button') as HTMLButtonElement).click();
    expect(go).toHaveBeenLastCalledWith({ view: "list", preset: { status: null, phases: ["intent", "unknown", "sent_not_found"], period, currency: "BRL" } });
    const bar = view().querySelector('#chart-BRL g.bar[data-day="2026-11-30"]') as SVGGElement;
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(go).toHaveBeenLastCalledWith({ view: "list", preset: { period: { kind: "custom", from: "2026-11-30", to: "2026-11-30" }, currency: "BRL", sentOnly: true } });
    // One tab stop per chart (the last day with money); the arrows walk the days.
    expect(bar.getAttribute("tabindex")).toBe("0");
    const before = view().querySelector('#chart-BRL g.bar[data-day="2026-11-29"]') as SVGGElement;
    expect(before.getAttribute("tabindex")).toBe("-1");
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
    expect(before.getAttribute("tabindex")).toBe("0");
    expect(bar.getAttribute("tabindex")).toBe("-1");
  });

  it("an answer to an older question never replaces the newer one's figures", async () => {
    let release: ((o: Overview) => void) | null = null;
    commands({
      overview: (a) => {
        const q = a.query as { period: { kind: string } };
        if (q.period.kind === "last30_days") return new Promise<Overview>((r) => { release = r; });
        return { ...overview, currencies: [currency("MXN")] };
      },
    });
    const first = renderOverview(view(), vi.fn());
    const period = view().querySelector("#overview-period") as HTMLSelectElement;
    period.value = "today";
    period.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(view().querySelector("#overview-MXN")).not.toBeNull());
    (release as unknown as (o: Overview) => void)({ ...overview, currencies: [currency("BRL")] });
    await first;
    expect(view().querySelector("#overview-BRL")).toBeNull();
    expect(view().querySelector("#overview-MXN")).not.toBeNull();
  });

  it("a custom range the core refuses is told at the dates, and an empty period says so", async () => {
    commands({
      overview: (a) => {
        const q = a.query as { period: { kind: string } };
        if (q.period.kind === "custom") throw { code: "invalid_input", field: "period_to", message: "the range ends (2026-11-01) before it starts (2026-11-05)", api_code: null, errors: [], external_id: null };
        return { ...overview, payouts: 0, currencies: [] };
      },
    });
    await renderOverview(view(), vi.fn());
    expect(view().querySelector("#overview-empty")).not.toBeNull();
    const period = view().querySelector("#overview-period") as HTMLSelectElement;
    period.value = "custom";
    period.dispatchEvent(new Event("change"));
    const to = view().querySelector("#overview-to") as HTMLInputElement;
    to.value = "2026-11-01";
    to.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(view().querySelector("#overview-dates-error")?.textContent).toContain("before it starts"));
    expect(to.getAttribute("aria-invalid")).toBe("true");
  });

  it("speaks Portuguese around the core's figures", async () => {
    commands({ overview: () => overview });
    setLang("pt-BR");
    try {
      await renderOverview(view(), vi.fn());
      expect(view().querySelector("h1")?.textContent).toBe("Resumo");
      expect(view().querySelector("#tile-sent-BRL .tile-label")?.textContent).toBe("Enviado no período");
      expect(view().querySelector("#tile-sent-BRL .tile-count")?.textContent).toBe("3 pagamentos");
      const empty = view().querySelector('#chart-BRL g.bar[data-day="2026-11-29"] title')?.textContent;
      expect(empty).toBe("2026-11-29: BRL 0.00 em 0 pagamentos");
    } finally {
      setLang("en");
    }
  });

  it("no word of the overview escapes translation (pseudo-locale)", async () => {
    commands({ overview: () => overview });
    usePseudo(true);
    try {
      await renderOverview(view(), vi.fn());
      const data = ["BRL", "MXN", "Pending", "Unconfirmed", "ERROR_ACCOUNT_INCORRECT", "The bank account number is invalid.", "bank_account", "America/Sao_Paulo",
        ...overview.currencies.map((c) => c.chart_label)];
      expect(untranslated(view(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
