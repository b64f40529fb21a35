import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { go } from "../main";
import { dispatch } from "../events";
import { renderHolds } from "./holds";
import { duration } from "./status";
import { changed, commands, page, payout, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { HoldBoard } from "../bindings/HoldBoard";

beforeEach(page);
afterEach(() => clearMocks());

// Oldest hold first, as the core orders the board.
const board: HoldBoard = {
  at: "2026-11-24T12:00:00.000Z",
  payouts: [
    { payout: payout({ cashout_id: 11, external_id: "ext-11", status: "ON_HOLD", amount: "1000.25" }), held_since: "2026-11-21T08:00:00.000Z", held_for_secs: 3 * 86_400 + 4 * 3_600 + 59 },
    { payout: payout({ cashout_id: 12, external_id: "ext-12", status: "ON_HOLD", amount: "234.25", beneficiary: "Bruno Lima" }), held_since: "2026-11-24T09:55:00.000Z", held_for_secs: 2 * 3_600 + 5 * 60 },
  ],
  // An amount no float can hold: it must appear digit for digit.
  totals: [{ currency: "BRL", amount: "90071992547409.93", amount_shown: "BRL 90,071,992,547,409.93", count: 2 }, { currency: "MXN", amount: "0.10", amount_shown: "MXN 0.10", count: 1 }],
};

describe("the hold board", () => {
  it("holds board shows exact totals per currency", async () => {
    commands({ hold_board: () => board });
    await renderHolds(view(), vi.fn());
    const totals = [...view().querySelectorAll("#holds-totals li")].map((li) => li.textContent);
    expect(totals).toEqual(["BRL 90,071,992,547,409.93 in 2 payouts", "MXN 0.10 in 1 payout"]);
  });

  it("rows keep the core's order and say how long each payout has been held", async () => {
    commands({ hold_board: () => board });
    await renderHolds(view(), vi.fn());
    const rows = [...view().querySelectorAll("#holds-table tbody tr")];
    expect(rows.map((r) => r.querySelector(".held-for")?.textContent)).toEqual(["3 d 4 h", "2 h 5 min"]);
    expect(rows[1]?.textContent).toContain("ext-12");
    expect(rows[1]?.textContent).toContain("BRL 234.25");
    expect(rows[1]?.textContent).toContain("Bruno Lima");
    expect(rows[1]?.textContent).toContain("2026-11-24 06:55:00");
  });

  it("held-for durations read at a glance", () => {
    expect(duration(30)).toBe("under 1 min");
    expect(duration(12 * 60 + 5)).toBe("12 min");
    expect(duration(2 * 3_600)).toBe("2 h");
    expect(duration(5 * 86_400 + 59 * 60)).toBe("5 d");
  });

  it("the open button of a row opens that payout", async () => {
    commands({ hold_board: () => board });
    const open = vi.fn();
    await renderHolds(view(), open);
    (view().querySelectorAll<HTMLButtonElement>("#holds-table tbody button")[0])?.click();
    expect(open).toHaveBeenCalledWith({ view: "detail", which: { id: 11 } });
  });

  it("an empty board says nothing is on hold", async () => {
    commands({ hold_board: () => ({ at: board.at, payouts: [], totals: [] }) });
    await renderHolds(view(), vi.fn());
    expect(view().querySelector("#holds-empty")?.textContent).toBe("No payouts are on hold.");
    expect(view().querySelector("#holds-table")).toBeNull();
  });

  it("a released payout leaves the board when the watcher reports it", async () => {
    let current = board;
    commands({ hold_board: () => current });
    await go({ view: "holds" });
    expect(view().querySelectorAll("#holds-table tbody tr")).toHaveLength(2);
    current = { ...board, payouts: board.payouts.slice(0, 1), totals: [{ currency: "BRL", amount: "1000.25", amount_shown: "BRL 1,000.25", count: 1 }] };
    dispatch(changed(payout({ cashout_id: 12, status: "PENDING" })));
    await vi.waitFor(() => expect(view().querySelectorAll("#holds-table tbody tr")).toHaveLength(1));
    expect(view().querySelector("#holds-totals")?.textContent).toBe("BRL 1,000.25 in 1 payout");
  });

  it("the board speaks Portuguese when the core does", async () => {
    commands({ hold_board: () => board });
    setLang("pt-BR");
    try {
      await renderHolds(view(), vi.fn());
      expect(view().querySelector("h1")?.textContent).toBe("Em espera");
      expect(view().querySelector("#holds-totals li")?.textContent).toContain("em 2 pagamentos");
      expect(view().querySelector("#holds-table thead")?.textContent).toContain("Beneficiário");
    } finally {
      setLang("en");
    }
  });

  it("no word of the board escapes translation (pseudo-locale)", async () => {
    commands({ hold_board: () => board });
    usePseudo(true);
    try {
      await renderHolds(view(), vi.fn());
      expect(untranslated(view(), ["Ana Souza", "Bruno Lima", "ext-11", "ext-12", "BRL", "MXN"])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
