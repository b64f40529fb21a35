import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderList } from "./list";
import { commands, page, payout, table, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import { dispatch } from "../events";
import type { CountryForm } from "../bindings/CountryForm";
import type { ListFilter } from "../bindings/ListFilter";

beforeEach(page);
afterEach(() => clearMocks());

const forms = [{ code: "BR", name: "Brazil" }, { code: "MX", name: "Mexico" }] as CountryForm[];

describe("the cashouts list", () => {
  it("export uses the filters on screen, not the page, and says where it went", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout()], export_cashouts: () => ({ file: "C:\\Users\\ana\\cashouts.csv", rows: 3 }) });
    await renderList(view(), vi.fn());
    (view().querySelector("#filter-status") as HTMLSelectElement).value = "ON_HOLD";
    (view().querySelector("#filter-country") as HTMLSelectElement).value = "MX";
    (view().querySelector("#filter-text") as HTMLInputElement).value = "ana";
    (view().querySelector("#export-csv") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#export-result")?.textContent).toBe("Exported 3 payouts to C:\\Users\\ana\\cashouts.csv"));
    expect(calls.find((c) => c.cmd === "export_cashouts")?.args).toEqual({ filter: { status: "ON_HOLD", phases: [], country: "MX", currency: null, sent_only: false, text: "ana", period: null, sort: "created", ascending: false } });
  });

  it("opened from the overview's sent figure, the list asks for what reached the provider and shows it ticked", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [] });
    await renderList(view(), vi.fn(), { currency: "BRL", sentOnly: true, period: { kind: "custom", from: "2026-11-30", to: "2026-11-30" } });
    expect((calls.find((c) => c.cmd === "list_cashouts")?.args.filter as { sent_only: unknown; currency: unknown })).toMatchObject({ sent_only: true, currency: "BRL" });
    const box = view().querySelector("#filter-sent") as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(view().querySelector('label[for="filter-sent"]')?.textContent).toBe("Sent to the provider only");
    // Unticked by the operator: every payout again.
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts").at(-1)?.args.filter).toMatchObject({ sent_only: false }));
  });

  it("opened from the overview, the list reads and shows that filter", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [] });
    await renderList(view(), vi.fn(), { status: null, phases: ["unknown", "intent", "sent_not_found"], period: { kind: "custom", from: "2026-11-29", to: "2026-11-30" } });
    expect((calls.find((c) => c.cmd === "list_cashouts")?.args.filter as { phases: unknown; period: unknown })).toMatchObject({
      phases: ["intent", "unknown", "sent_not_found"],
      period: { kind: "custom", from: "2026-11-29", to: "2026-11-30" },
    });
    expect((view().querySelector("#filter-status") as HTMLSelectElement).value).toBe("phase:checking");
    expect((view().querySelector("#filter-dates") as HTMLElement).hidden).toBe(false);
  });

  it("opened from a currency's figures, the list shows only that currency", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => [{ ...forms[0], currencies: ["BRL", "USD"] }, { ...forms[1], currencies: ["MXN", "USD"] }] as CountryForm[], list_cashouts: () => [] });
    await renderList(view(), vi.fn(), { status: "REJECTED", currency: "MXN" });
    expect((calls.find((c) => c.cmd === "list_cashouts")?.args.filter as { currency: unknown; status: unknown })).toMatchObject({ currency: "MXN", status: "REJECTED" });
    const select = view().querySelector("#filter-currency") as HTMLSelectElement;
    expect(select.value).toBe("MXN");
    expect([...select.options].map((o) => o.value)).toEqual(["", "BRL", "MXN", "USD"]);
  });

  it("every period the list offers is one the core reads (the last 7 and 30 days included)", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [] });
    await renderList(view(), vi.fn(), { status: "ON_HOLD", period: { kind: "last30_days" } });
    expect((calls.find((c) => c.cmd === "list_cashouts")?.args.filter as { status: unknown; period: unknown })).toMatchObject({ status: "ON_HOLD", period: { kind: "last30_days" } });
    const kinds = [...(view().querySelector("#filter-period") as HTMLSelectElement).options].map((o) => o.value);
    expect(kinds).toEqual(["", "today", "yesterday", "last7_days", "last30_days", "this_month", "custom"]);
  });

  it("the status filter finds creates that are checking or were never sent, by their phase", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [] });
    await renderList(view(), vi.fn());
    const status = view().querySelector("#filter-status") as HTMLSelectElement;
    status.value = "phase:not_sent";
    status.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2));
    expect((calls.at(-1)?.args.filter as { status: unknown; phases: unknown })).toMatchObject({ status: null, phases: ["not_sent"] });
    status.value = "phase:checking";
    status.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(3));
    expect((calls.at(-1)?.args.filter as { phases: unknown }).phases).toEqual(["intent", "unknown", "sent_not_found"]);
  });

  it("export with no file chosen shows nothing", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [], export_cashouts: () => null });
    await renderList(view(), vi.fn());
    (view().querySelector("#export-csv") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "export_cashouts")).toBe(true));
    await new Promise((r) => setTimeout(r, 10));
    expect(view().querySelector("#export-result")?.textContent).toBe("");
  });

  it("a failed export shows the core's error", async () => {
    commands({
      lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [],
      export_cashouts: () => { throw { code: "io", message: "Could not write /readonly/cashouts.csv: permission denied", field: null, api_code: null, errors: [], external_id: null }; },
    });
    await renderList(view(), vi.fn());
    (view().querySelector("#export-csv") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#export-error")?.textContent).toContain("permission denied"));
  });

  it("another desk's change re-reads the page with the filters on screen, once per burst", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout()] });
    await renderList(view(), vi.fn());
    const status = view().querySelector("#filter-status") as HTMLSelectElement;
    status.value = "ON_HOLD";
    status.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2));
    for (const id of [3, 4, 5]) dispatch({ type: "journal", change: { kind: "payout", id } });
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(3);
    expect((calls.at(-1)?.args.filter as { status: unknown }).status).toBe("ON_HOLD");
  });

  it("a column header sorts by it, a second click turns the order round, and the focus stays on the header", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout()] });
    await renderList(view(), vi.fn());
    const lists = () => calls.filter((c) => c.cmd === "list_cashouts");
    (view().querySelector("#sort-amount") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(lists()).toHaveLength(2));
    expect(lists().at(-1)?.args.filter).toMatchObject({ sort: "amount", ascending: false, offset: 0 });
    await vi.waitFor(() => expect(document.activeElement?.id).toBe("sort-amount"));
    expect(view().querySelector("#sort-amount")?.closest("th")?.getAttribute("aria-sort")).toBe("descending");
    (view().querySelector("#sort-amount") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(lists()).toHaveLength(3));
    expect(lists().at(-1)?.args.filter).toMatchObject({ sort: "amount", ascending: true });
    (view().querySelector("#sort-beneficiary") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(lists()).toHaveLength(4));
    expect(lists().at(-1)?.args.filter).toMatchObject({ sort: "beneficiary", ascending: true });
    // The created column shows the operator's local time from the core, the instant on hover.
    const cell = view().querySelector("#cashouts-table tbody td.nowrap") as HTMLElement;
    expect(cell.textContent).toBe("2026-11-21 04:59");
    expect(cell.title).toBe("2026-11-21T07:59:58.000Z");
  });

  it("a period is sent as the core's period, and a mistyped custom date is said at the date fields", async () => {
    const calls = commands({
      lifecycle: () => table, country_forms: () => forms,
      list_cashouts: (a) => {
        const f = (a as { filter: ListFilter }).filter;
        if (f.period?.kind === "custom" && f.period.to === "2026-11-01") {
          throw { code: "invalid_input", message: "the range ends (2026-11-01) before it starts (2026-11-30)", field: "period_to", api_code: null, errors: [], external_id: null };
        }
        return [payout()];
      },
    });
    await renderList(view(), vi.fn());
    const period = view().querySelector("#filter-period") as HTMLSelectElement;
    period.value = "yesterday";
    period.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2));
    expect((calls.at(-1)?.args.filter as ListFilter).period).toEqual({ kind: "yesterday" });
    expect((view().querySelector("#filter-dates") as HTMLElement).hidden).toBe(true);
    period.value = "custom";
    period.dispatchEvent(new Event("change"));
    expect((view().querySelector("#filter-dates") as HTMLElement).hidden).toBe(false);
    expect(document.activeElement?.id).toBe("filter-from");
    const from = view().querySelector("#filter-from") as HTMLInputElement;
    const to = view().querySelector("#filter-to") as HTMLInputElement;
    from.value = "2026-11-30";
    from.dispatchEvent(new Event("change"));
    to.value = "2026-11-01";
    to.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(view().querySelector("#filter-dates-error")?.textContent).toContain("before it starts"));
    expect(to.getAttribute("aria-invalid")).toBe("true");
    // The rows on screen stay: nothing is lost because of a typo.
    expect(view().querySelector("#cashouts-table")).not.toBeNull();
    to.value = "2026-12-01";
    to.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(view().querySelector("#filter-dates-error")?.textContent).toBe(""));
    expect(to.hasAttribute("aria-invalid")).toBe(false);
    expect((calls.at(-1)?.args.filter as ListFilter).period).toEqual({ kind: "custom", from: "2026-11-30", to: "2026-12-01" });
  });

  it("a status change the watcher sees re-reads the page and gives the focus back to the same row", async () => {
    let status: "PENDING" | "COMPLETED" = "PENDING";
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout({ cashout_id: 1, status }), payout({ cashout_id: 2 })] });
    await renderList(view(), vi.fn());
    (view().querySelector("#open-id-2") as HTMLButtonElement).focus();
    status = "COMPLETED";
    dispatch({ type: "watch", event: { kind: "changed", payout: payout({ cashout_id: 1, status: "COMPLETED" }), from: "PENDING", to: "COMPLETED", at: "2026-11-21T08:00:00.000Z", late: false } as never, notice: null });
    // The badge says the status in the core's words (status-COMPLETED).
    await vi.waitFor(() => expect(view().querySelector("#cashouts-table tbody tr .status-COMPLETED")?.textContent).toBe("Completed"));
    expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2);
    expect(document.activeElement?.id).toBe("open-id-2");
    // Events that change nothing on the list (the provider came back online) read nothing.
    dispatch({ type: "watch", event: { kind: "online", at: "2026-11-21T08:00:00.000Z" }, notice: null });
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2);
  });

  it("an answer to an older read never draws over a newer one", async () => {
    let release: ((v: unknown) => void) | null = null;
    let n = 0;
    commands({
      lifecycle: () => table, country_forms: () => forms,
      list_cashouts: () => {
        n += 1;
        // The second read (a live refresh) answers late, after the third (the typed search).
        if (n === 2) return new Promise((r) => { release = r; }).then(() => [payout({ beneficiary: "Stale Row" })]);
        return [payout({ beneficiary: n === 1 ? "First" : "Typed Search" })];
      },
    });
    await renderList(view(), vi.fn());
    dispatch({ type: "journal", change: { kind: "resync" } });
    await vi.waitFor(() => expect(n).toBe(2));
    (view().querySelector("#list-refresh") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#cashouts-table")?.textContent).toContain("Typed Search"));
    release!(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(view().querySelector("#cashouts-table")?.textContent).toContain("Typed Search");
    expect(view().querySelector("#cashouts-table")?.textContent).not.toContain("Stale Row");
  });

  it("the list speaks Spanish when the core does", async () => {
    commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout()], export_cashouts: () => ({ file: "C:\\Users\\ana\\cashouts.csv", rows: 3 }) });
    setLang("es");
    try {
      await renderList(view(), vi.fn());
      expect(view().querySelector("h1")?.textContent).toBe("Retiros");
      expect(view().querySelector("#cashouts-table thead")?.textContent).toContain("Monto");
      expect((view().querySelector("#sort-amount") as HTMLElement).title).toBe("Ordenar por monto");
      expect(view().querySelector("#filter-status option")?.textContent).toBe("Cualquier estado");
      expect([...view().querySelectorAll("#filter-status option")].map((o) => o.textContent)).toContain("En espera");
      expect(view().querySelector("#cashouts-table tbody .status")?.textContent).toBe("Pendiente");
      expect((view().querySelector("#filter-text") as HTMLInputElement).placeholder).toBe("nombre, id, documento o cuenta");
      (view().querySelector("#export-csv") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#export-result")?.textContent).toBe("Se exportaron 3 pagos a C:\\Users\\ana\\cashouts.csv"));
    } finally {
      setLang("en");
    }
  });

  it("no word of the list escapes translation (pseudo-locale)", async () => {
    const rows = [
      payout(),
      payout({ cashout_id: 8, external_id: "ext-8", status: "ON_HOLD", beneficiary: "Bruno Lima" }),
      payout({ cashout_id: 9, external_id: "ext-9", status: "UNKNOWN", status_code: 9 }),
      payout({ cashout_id: null, external_id: "ext-10", status: null, phase: "sent_not_found", checking: true }),
      payout({ cashout_id: null, external_id: "ext-11", status: null, phase: "queued" }),
      payout({ cashout_id: null, external_id: "ext-12", status: null, phase: "not_sent" }),
      payout({ cashout_id: null, external_id: "ext-13", status: null, phase: "abandoned" }),
    ];
    commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => rows, export_cashouts: () => ({ file: "C:\\Users\\ana\\cashouts.csv", rows: 1 }) });
    usePseudo(true);
    try {
      await renderList(view(), vi.fn());
      (view().querySelector("#export-csv") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#exported")).not.toBeNull());
      const data = ["Ana Souza", "Bruno Lima", "Brazil", "Mexico", "BR", "MX", "BRL", ...rows.map((r) => r.external_id ?? "")];
      expect(untranslated(view(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
