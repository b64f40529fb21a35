import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { go } from "../main";
import { renderBatches, renderBatch, timeLeft } from "./batches";
import { renderBatchReview } from "./batchReview";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { BatchRecord } from "../bindings/BatchRecord";
import type { DraftSummary } from "../bindings/DraftSummary";
import type { RowVerdict } from "../bindings/RowVerdict";
import type { ResultRow } from "../bindings/ResultRow";

beforeEach(page);
afterEach(() => clearMocks());

const summary = (over: Partial<DraftSummary> = {}): DraftSummary => ({
  batch_id: "b-1",
  file: { name: "payouts.csv", format: "csv", encoding: "UTF-8 with BOM", separator: ";", worksheet: null, other_worksheets: [], empty_rows: 1, sha256: "ab".repeat(32) },
  decimal: "comma",
  headers: ["country", "currency", "amount", "bank_account"],
  mapping: [
    { column: 0, header: "country", field: "country", matched: "exact", note: null },
    { column: 1, header: "currency", field: "currency", matched: "exact", note: null },
    { column: 2, header: "amount", field: "amount", matched: "exact", note: null },
    { column: 3, header: "bank_account", field: "bank_account", matched: "exact", note: null },
  ],
  missing_columns: [],
  fields: ["country", "currency", "amount", "bank_account", "document_id"],
  counts: { rows: 2, ready: 1, blocked: 1, excluded: 0, warned: 0 },
  // A total no float holds: it must be shown digit for digit.
  totals: [{ currency: "MXN", count: 1, total: "90071992547409.93", total_shown: "MXN 90.071.992.547.409,93" }],
  // The core's words for the encoding (in the active language).
  encoding_shown: "UTF-8 with BOM",
  confirmation: null,
  ...over,
});

const cell = (text: string) => ({ text, kind: "text" as const });
const ready: RowVerdict = {
  row: 2, external_id: "b-1-2", cells: ["MX", "MXN", "1.234,56", "002010077777777771"].map(cell),
  request: null, errors: [], warnings: [], excluded: false, fixed: false,
};
const blocked: RowVerdict = {
  row: 3, external_id: "b-1-3", cells: ["MX", "MXN", "10", "2.01007777777777E+17"].map(cell),
  request: null, excluded: false, fixed: false, warnings: [],
  errors: [{ field: "bank_account", column: 3, code: "scientific_notation", message: "2.01007777777777E+17 is a number in scientific notation" }],
};

const batch = (over: Partial<BatchRecord> = {}): BatchRecord => ({
  id: "b-1", scope: "sandbox", file_name: "payouts.csv", file_sha256: "ab", format: "csv", separator: ";", decimal: "comma",
  operator: "ana", headers: ["country"], totals: [{ currency: "MXN", count: 3, total: "30.00", total_shown: "MXN 30.00" }], rows: 3,
  state: "ready", rate_per_minute: 60, sender: null, lease_until: null, interrupted: false,
  created_at: "2026-11-30T10:00:00.000Z", updated_at: "2026-11-30T10:00:00.000Z",
  progress: { payouts: 3, excluded: 0, waiting: 3, in_flight: 0, created: 0, declined: 0, not_sent: 0, rejected: 0, completed: 0, cancelled: 0 },
  ...over,
});

describe("batches", () => {
  it("a dropped file goes to the shell as its bytes with the declared decimal style, then to its review", async () => {
    const calls = commands({
      country_forms: () => [{ code: "MX", name: "Mexico", currency: "MXN", currencies: ["MXN"], document_types: [], account_types: [], common: [], methods: [{ id: "bank_transfer", label: "Bank transfer (CLABE)", label_shown: "Bank transfer (CLABE)", bank_code: null, pick_bank: false, fields: [] }] }],
      batch_list: () => [],
      batch_draft: () => null,
      batch_open: () => summary(),
    });
    await renderBatches(view(), vi.fn());
    (view().querySelector("#batch-decimal") as HTMLSelectElement).value = "comma";
    const file = new File(["país;monto\nMX;1,50\n"], "pagos.csv", { type: "text/csv" });
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [file] } });
    view().querySelector("#batch-drop")?.dispatchEvent(drop);
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "batch_open")).toBe(true));
    const sent = calls.find((c) => c.cmd === "batch_open")?.args as unknown;
    expect(sent).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(sent as Uint8Array)).toContain("MX;1,50");
    expect(view().querySelector("#template-method")?.textContent).toContain("Bank transfer (CLABE)");
    expect(view().querySelector("#batch-list-empty")).not.toBeNull();
  });

  it("choose a file asks the shell's dialog with the declared style; closing it changes nothing", async () => {
    const calls = commands({ country_forms: () => [], batch_list: () => [], batch_draft: () => null, batch_pick: () => null });
    await renderBatches(view(), vi.fn());
    (view().querySelector("#batch-decimal") as HTMLSelectElement).value = "comma";
    (view().querySelector("#batch-pick") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "batch_pick")).toBe(true));
    expect(calls.find((c) => c.cmd === "batch_pick")?.args).toEqual({ decimal: "comma" });
    expect(view().querySelector("#batch-open-error")).toBeNull();
  });

  it("the review shows how the file was read, the core's messages at the cells and exact totals", async () => {
    const calls = commands({
      batch_draft: () => summary(),
      batch_draft_rows: () => ({ rows: [ready, blocked], total: 2, offset: 0 }),
    });
    await renderBatchReview(view(), vi.fn());
    expect(view().querySelector("#review-file")?.textContent).toContain("UTF-8 with BOM, separated by “;”");
    expect(view().querySelector("#review-counts")?.textContent).toBe("1 ready · 1 with errors · 0 with warnings · 0 excluded");
    await vi.waitFor(() => expect(view().querySelector(".cell-error")).not.toBeNull());
    const bad = view().querySelector(".cell-error") as HTMLElement;
    expect(bad.textContent).toBe("2.01007777777777E+17");
    expect(bad.title).toContain("scientific notation");
    // The core's total in the file's own style (a comma file here), digit for digit.
    expect(view().querySelector("#review-total-MXN")?.textContent).toBe("MXN 90.071.992.547.409,93");
    expect(calls.find((c) => c.cmd === "batch_draft_rows")?.args).toMatchObject({ batch: "b-1", filter: "all", offset: 0 });
  });

  it("a cell fixed in place is checked again by the core", async () => {
    const fixedRow = { ...blocked, errors: [], cells: [...blocked.cells.slice(0, 3), cell("002010077777777771")], fixed: true };
    const calls = commands({
      batch_draft: () => summary(),
      batch_draft_rows: () => ({ rows: [ready, blocked], total: 2, offset: 0 }),
      batch_fix_cell: () => ({ row: fixedRow, summary: summary({ counts: { rows: 2, ready: 2, blocked: 0, excluded: 0, warned: 0 } }) }),
    });
    await renderBatchReview(view(), vi.fn());
    await vi.waitFor(() => expect(view().querySelector("#review-open-3")).not.toBeNull());
    (view().querySelector("#review-open-3") as HTMLButtonElement).click();
    const input = view().querySelector("#fix-3") as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(view().querySelector("#fix-why-3")?.textContent).toContain("scientific notation");
    input.value = "002010077777777771";
    (view().querySelector("#fix-save") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#fix-result")?.textContent).toBe("Row 3 is ready."));
    expect(calls.find((c) => c.cmd === "batch_fix_cell")?.args).toEqual({ batch: "b-1", row: 3, column: 3, text: "002010077777777771" });
    expect(view().querySelector("#review-counts")?.textContent).toContain("2 ready");
  });

  it("nothing is written until the control total is typed; then it goes to the core as typed", async () => {
    const calls = commands({
      batch_draft: () => summary(),
      batch_draft_rows: () => ({ rows: [ready, blocked], total: 2, offset: 0 }),
      batch_confirm: () => batch(),
      batch_status: () => batch(),
      batch_results: () => [],
    });
    await renderBatchReview(view(), vi.fn());
    (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#review-control-missing")).not.toBeNull());
    expect(calls.some((c) => c.cmd === "batch_confirm")).toBe(false);
    (view().querySelector("#control-count-MXN") as HTMLInputElement).value = "1";
    (view().querySelector("#control-total-MXN") as HTMLInputElement).value = "90.071.992.547.409,93";
    (view().querySelector("#batch-rate") as HTMLInputElement).value = "120";
    (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "batch_confirm")).toBe(true));
    expect(calls.find((c) => c.cmd === "batch_confirm")?.args).toEqual({
      batch: "b-1", controls: [{ currency: "MXN", count: 1, total: "90.071.992.547.409,93" }], rate: 120, sameFileAgain: false, payDuplicatesAgain: false,
    });
  });

  it("a file imported before is refused, and importing it again asks first", async () => {
    let tries = 0;
    const calls = commands({
      batch_draft: () => summary(),
      batch_draft_rows: () => ({ rows: [ready], total: 1, offset: 0 }),
      batch_confirm: (a) => {
        tries += 1;
        if (!a.sameFileAgain) throw { code: "invalid_input", field: "file", message: "this file was already imported as batch b-0" };
        return batch();
      },
      batch_status: () => batch(),
      batch_results: () => [],
    });
    await renderBatchReview(view(), vi.fn());
    (view().querySelector("#control-count-MXN") as HTMLInputElement).value = "1";
    (view().querySelector("#control-total-MXN") as HTMLInputElement).value = "1";
    (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#batch-same-file")).not.toBeNull());
    (view().querySelector("#batch-same-file") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain("Every row would be paid again"));
    (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(tries).toBe(2));
    expect(calls.filter((c) => c.cmd === "batch_confirm").map((c) => c.args.sameFileAgain)).toEqual([false, true]);
  });

  it("in production the core's question is asked before the batch is written", async () => {
    const calls = commands({
      batch_draft: () => summary({ confirmation: "Write this batch of 1 payouts (MXN 90071992547409.93 in 1 payouts) in D24-PRODUCTION and send them?" }),
      batch_draft_rows: () => ({ rows: [ready], total: 1, offset: 0 }),
    });
    await renderBatchReview(view(), vi.fn());
    (view().querySelector("#control-count-MXN") as HTMLInputElement).value = "1";
    (view().querySelector("#control-total-MXN") as HTMLInputElement).value = "1";
    (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain("D24-PRODUCTION"));
    (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.cmd === "batch_confirm")).toBe(false);
  });
});

it("rows repeating a recent payout are written only when the operator says to pay them again", async () => {
  const calls = commands({
    batch_draft: () => summary(),
    batch_draft_rows: () => ({ rows: [ready], total: 1, offset: 0 }),
    batch_confirm: (a) => {
      if (!a.payDuplicatesAgain) throw { code: "invalid_input", field: "duplicates", message: "1 rows pay the same amount to the same account as a payout of the last 24 hours (rows 2)" };
      return batch();
    },
    batch_status: () => batch(),
    batch_results: () => [],
  });
  await renderBatchReview(view(), vi.fn());
  (view().querySelector("#control-count-MXN") as HTMLInputElement).value = "1";
  (view().querySelector("#control-total-MXN") as HTMLInputElement).value = "1";
  (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(view().querySelector("#batch-pay-duplicates")).not.toBeNull());
  (view().querySelector("#batch-pay-duplicates") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain("second, separate payments"));
  (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "batch_confirm").length).toBe(2));
  expect(calls.filter((c) => c.cmd === "batch_confirm").map((c) => c.args.payDuplicatesAgain)).toEqual([false, true]);
});

it("the grid is one Tab stop: the arrows move through the rows and Enter opens the one chosen", async () => {
  commands({
    batch_draft: () => summary(),
    batch_draft_rows: () => ({ rows: [ready, blocked], total: 2, offset: 0 }),
  });
  await renderBatchReview(view(), vi.fn());
  await vi.waitFor(() => expect(view().querySelector("#review-open-3")).not.toBeNull());
  const grid = view().querySelector("#review-grid") as HTMLElement;
  expect(grid.tabIndex).toBe(0);
  expect((view().querySelector("#review-open-2") as HTMLElement).tabIndex).toBe(-1);
  grid.focus();
  grid.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
  grid.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await vi.waitFor(() => expect(view().querySelector(".fix-panel h2")?.textContent).toContain("Row 3"));
});

it("excluding a currency's last row drops its control total", async () => {
  const two = summary({ totals: [{ currency: "MXN", count: 1, total: "10.00", total_shown: "MXN 10.00" }, { currency: "USD", count: 1, total: "5.00", total_shown: "USD 5.00" }] });
  const calls = commands({
    batch_draft: () => two,
    batch_draft_rows: () => ({ rows: [ready, blocked], total: 2, offset: 0 }),
    batch_exclude: () => summary({ totals: [{ currency: "MXN", count: 1, total: "10.00", total_shown: "MXN 10.00" }] }),
    batch_confirm: () => batch(),
    batch_status: () => batch(),
    batch_results: () => [],
  });
  await renderBatchReview(view(), vi.fn());
  await vi.waitFor(() => expect(view().querySelector("#review-open-2")).not.toBeNull());
  (view().querySelector("#review-open-2") as HTMLButtonElement).click();
  (view().querySelector("#fix-exclude") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(view().querySelector("#control-count-USD")).toBeNull());
  (view().querySelector("#control-count-MXN") as HTMLInputElement).value = "1";
  (view().querySelector("#control-total-MXN") as HTMLInputElement).value = "10";
  (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(calls.some((c) => c.cmd === "batch_confirm")).toBe(true));
  expect((calls.find((c) => c.cmd === "batch_confirm")?.args.controls as unknown[]).length).toBe(1);
});

describe("a batch being sent", () => {
  const rows: ResultRow[] = [
    { row: 2, cells: [], external_id: "b-1-2", outcome: "created", cashout_id: 8400001, status: "PENDING", code: null, explanation: "", updated_at: "" },
    { row: 3, cells: [], external_id: "b-1-3", outcome: "declined", cashout_id: null, status: null, code: 300, explanation: "Invalid document", updated_at: "" },
  ];

  it("shows the progress with counts per outcome and offers what the state allows", async () => {
    const sending = batch({ state: "sending", lease_until: "2999-01-01T00:00:00.000Z", progress: { ...batch().progress, waiting: 1, created: 1, declined: 1 } });
    commands({ batch_status: () => sending, batch_results: () => rows });
    await go({ view: "batch", id: "b-1" });
    const bar = view().querySelector("#batch-progress") as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([2, 3]);
    expect(view().querySelector("#batch-counts")?.textContent).toContain("1 created · 1 declined · 0 not sent · 0 being checked · 1 waiting");
    expect(view().querySelector("#batch-pause")).not.toBeNull();
    expect(view().querySelector("#batch-send")).toBeNull();
    await vi.waitFor(() => expect(view().querySelector(".outcome-declined")?.textContent).toContain("300: Invalid document"));
  });

  it("a send whose desk stopped is shown as interrupted and can be resumed", async () => {
    // The core says whether its sender is gone (by the journal's clock, not the window's).
    const stale = batch({ state: "sending", lease_until: "2000-01-01T00:00:00.000Z", interrupted: true });
    const calls = commands({ batch_status: () => stale, batch_results: () => [], batch_send: () => batch({ state: "sending", lease_until: "2999-01-01T00:00:00.000Z" }) });
    await renderBatch(view(), "b-1", vi.fn());
    expect(view().querySelector("#batch-counts")?.textContent).toContain("interrupted");
    (view().querySelector("#batch-send") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "batch_send")).toBe(true));
    expect(calls.find((c) => c.cmd === "batch_send")?.args).toEqual({ id: "b-1", rate: 60 });
  });

  it("cancelling the rest asks first, naming what stays and what is never sent", async () => {
    const calls = commands({ batch_status: () => batch({ state: "paused", progress: { ...batch().progress, waiting: 2, created: 1 } }), batch_results: () => [], batch_cancel: () => batch({ state: "cancelled" }) });
    await renderBatch(view(), "b-1", vi.fn());
    (view().querySelector("#batch-cancel") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain("2 rows not sent yet are marked never sent; the 1 already created stay"));
    (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "batch_cancel")).toBe(true));
    await vi.waitFor(() => expect(view().querySelector("#batch-cancel")).toBeNull());
  });

  it("a focused Pause keeps the focus while the progress is read again every second", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let n = 0;
      commands({
        batch_status: () => batch({ state: "sending", lease_until: "2999-01-01T00:00:00.000Z", progress: { ...batch().progress, created: ++n, waiting: 3 - Math.min(n, 2) } }),
        batch_results: () => [],
      });
      await renderBatch(view(), "b-1", vi.fn());
      const pause = view().querySelector("#batch-pause") as HTMLButtonElement;
      pause.focus();
      await vi.advanceTimersByTimeAsync(3500);
      expect(n).toBeGreaterThan(2);
      expect(document.activeElement).toBe(pause);
    } finally {
      vi.useRealTimers();
    }
  });

  it("time left is read from the rate", () => {
    expect(timeLeft(batch({ rate_per_minute: 60, progress: { ...batch().progress, waiting: 30 } }))).toBe("about 30 s left");
    expect(timeLeft(batch({ rate_per_minute: 60, progress: { ...batch().progress, waiting: 600 } }))).toBe("about 10 min left");
  });
});

describe("the batches screens in the operator's language", () => {
  const forms = () => [{ code: "MX", name: "Mexico", currency: "MXN", currencies: ["MXN"], document_types: [], account_types: [], common: [], methods: [{ id: "bank_transfer", label: "Bank transfer (CLABE)", label_shown: "Bank transfer (CLABE)", bank_code: null, pick_bank: false, fields: [] }] }];
  const listed = () => [
    batch({ state: "sending", lease_until: "2999-01-01T00:00:00.000Z", progress: { ...batch().progress, payouts: 3, excluded: 1, waiting: 1, created: 1, declined: 1 } }),
    batch({ id: "b-2", file_name: "pagos-noviembre.xlsx", state: "paused", interrupted: false }),
  ];
  const rows: ResultRow[] = [
    { row: 2, cells: [], external_id: "b-1-2", outcome: "created", cashout_id: 8400001, status: "PENDING", code: null, explanation: "", updated_at: "" },
    { row: 3, cells: [], external_id: "b-1-3", outcome: "declined", cashout_id: null, status: null, code: 300, explanation: "Invalid document", updated_at: "" },
    { row: 4, cells: [], external_id: "b-1-4", outcome: "not_sent", cashout_id: null, status: null, code: null, explanation: "", updated_at: "" },
  ];
  const paused = () => batch({ state: "paused", progress: { ...batch().progress, waiting: 1, created: 1, declined: 1 } });

  it("the batches list speaks Spanish", async () => {
    commands({ country_forms: forms, batch_list: listed, batch_draft: () => summary() });
    setLang("es");
    try {
      await renderBatches(view(), vi.fn());
      expect(view().querySelector("h1")?.textContent).toBe("Lotes");
      expect(view().querySelector("#batch-import-title")?.textContent).toBe("Importar un archivo");
      expect(view().querySelector("#batch-pick")?.textContent).toBe("Elegir un archivo…");
      expect(view().querySelector("#batch-decimal")?.textContent).toContain("coma antes de los centavos");
      expect(view().querySelector("#batch-draft-pending")?.textContent).toBe("payouts.csv está en revisión (2 filas); todavía no se registró nada de él.");
      expect(view().querySelector("#batch-table thead")?.textContent).toContain("Avance");
      const first = view().querySelector("#batch-table tbody tr") as HTMLElement;
      expect(first.textContent).toContain("enviando");
      expect(first.textContent).toContain("1 creado · 1 rechazado por el proveedor · 0 no enviados · 0 en verificación · 1 por enviar · 1 excluido");
      expect(first.querySelector("button")?.getAttribute("aria-label")).toBe("Abrir el lote payouts.csv");
    } finally {
      setLang("en");
    }
  });

  it("no word of the batches list escapes translation (pseudo-locale)", async () => {
    commands({ country_forms: forms, batch_list: listed, batch_draft: () => summary() });
    usePseudo(true);
    try {
      await renderBatches(view(), vi.fn());
      expect(view().querySelector("#batch-table")).not.toBeNull();
      expect(untranslated(view(), ["Mexico", "MX", "Bank transfer (CLABE)", "payouts.csv", "pagos-noviembre.xlsx"])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });

  it("an empty environment says so in Portuguese", async () => {
    commands({ country_forms: () => [], batch_list: () => [], batch_draft: () => null });
    setLang("pt-BR");
    try {
      await renderBatches(view(), vi.fn());
      expect(view().querySelector("#batch-list-empty")?.textContent).toBe("Ainda não há lotes neste ambiente.");
      expect(view().querySelector("#template-xlsx")?.textContent).toBe("Salvar modelo Excel…");
    } finally {
      setLang("en");
    }
  });

  it("a batch's screen speaks Portuguese", async () => {
    commands({ batch_status: paused, batch_results: () => rows });
    setLang("pt-BR");
    try {
      await renderBatch(view(), "b-1", vi.fn());
      expect(view().querySelector("h1")?.textContent).toBe("Lote");
      expect(view().querySelector("#batch-head")?.textContent).toContain("3 linhas · registrado em 2026-11-30 07:00:00 por ana");
      expect(view().querySelector("#batch-head")?.textContent).toContain("totais: MXN 30.00 em 3 pagamentos");
      expect(view().querySelector("#batch-counts")?.textContent).toBe("pausado — 1 criado · 1 recusado pelo provedor · 0 não enviados · 0 em verificação · 1 a enviar");
      expect(view().querySelector("#batch-progress")?.getAttribute("aria-label")).toBe("2 de 3 linhas enviadas");
      expect(view().querySelector("#batch-send")?.textContent).toBe("Retomar");
      expect(view().querySelector("#batch-cancel")?.textContent).toBe("Cancelar o restante");
      await vi.waitFor(() => expect(view().querySelector(".outcome-declined")?.textContent).toContain("recusado pelo provedor"));
      expect(view().querySelector(".outcome-created")?.textContent).toContain("Pendente");
      expect(view().querySelector(".outcome-not_sent")?.textContent).toContain("não enviado");
    } finally {
      setLang("en");
    }
  });

  it("cancelling the rest asks in Spanish", async () => {
    commands({ batch_status: () => batch({ state: "paused", progress: { ...batch().progress, waiting: 2, created: 1 } }), batch_results: () => [] });
    setLang("es");
    try {
      await renderBatch(view(), "b-1", vi.fn());
      (view().querySelector("#batch-cancel") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent)
        .toBe("¿Cancelar el resto de este lote? Las 2 filas aún no enviadas se marcan como nunca enviadas; el pago ya creado queda como está."));
      expect(document.querySelector("#confirm-yes")?.textContent).toBe("Cancelar el resto");
      (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    } finally {
      setLang("en");
    }
  });

  it("no word of a batch's screen escapes translation (pseudo-locale)", async () => {
    const data = ["payouts.csv", "ana", "b-1", "MXN", "Invalid document"];
    usePseudo(true);
    try {
      // Being sent: time left, Pause.
      commands({ batch_status: () => batch({ state: "sending", lease_until: "2999-01-01T00:00:00.000Z", progress: { ...batch().progress, excluded: 1, waiting: 1, created: 1, declined: 1 } }), batch_results: () => rows });
      await renderBatch(view(), "b-1", vi.fn());
      await vi.waitFor(() => expect(view().querySelector(".outcome-declined")).not.toBeNull());
      expect(view().querySelector("#batch-pause")).not.toBeNull();
      expect(untranslated(view(), data)).toEqual([]);
      // Paused: the rate and Resume.
      commands({ batch_status: paused, batch_results: () => rows });
      await renderBatch(view(), "b-1", vi.fn());
      await vi.waitFor(() => expect(view().querySelector(".outcome-declined")).not.toBeNull());
      expect(view().querySelector("#batch-send")).not.toBeNull();
      expect(untranslated(view(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
