// The review of a batch file in the operator's language: every word of the window comes from
// the messages; the file's own cells, headers and fields, and the core's sentences, stay as sent.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderBatchReview } from "./batchReview";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { DraftSummary } from "../bindings/DraftSummary";
import type { RowVerdict } from "../bindings/RowVerdict";

beforeEach(page);
afterEach(() => clearMocks());

const summary = (over: Partial<DraftSummary> = {}): DraftSummary => ({
  batch_id: "b-1",
  file: { name: "payouts.csv", format: "csv", encoding: "UTF-8 with BOM", separator: ";", worksheet: null, other_worksheets: [], empty_rows: 1, sha256: "ab".repeat(32) },
  decimal: "comma",
  headers: ["country", "currency", "amount", "bank_account", ""],
  mapping: [
    { column: 0, header: "country", field: "country", matched: "exact", note: null },
    { column: 1, header: "currency", field: "currency", matched: "synonym", note: null },
    { column: 2, header: "amount", field: "amount", matched: "chosen", note: null },
    { column: 3, header: "bank_account", field: "bank_account", matched: "exact", note: null },
    { column: 4, header: "", field: null, matched: "unmapped", note: null },
  ],
  missing_columns: [],
  fields: ["country", "currency", "amount", "bank_account", "document_id"],
  counts: { rows: 3, ready: 1, blocked: 1, excluded: 1, warned: 0 },
  totals: [{ currency: "MXN", count: 1, total: "90071992547409.93", total_shown: "MXN 90,071,992,547,409.93" }],
  // The core's words for the encoding (in the active language).
  encoding_shown: "UTF-8 con BOM",
  confirmation: null,
  ...over,
});

const cell = (text: string) => ({ text, kind: "text" as const });
const ready: RowVerdict = {
  row: 2, external_id: "b-1-2", cells: ["MX", "MXN", "1.234,56", "002010077777777771", ""].map(cell),
  request: null, errors: [], warnings: [], excluded: false, fixed: false,
};
const blocked: RowVerdict = {
  row: 3, external_id: "b-1-3", cells: ["MX", "MXN", "10", "2.01007777777777E+17", ""].map(cell),
  request: null, excluded: false, fixed: false, warnings: [],
  errors: [
    { field: "bank_account", column: 3, code: "scientific_notation", message: "2.01007777777777E+17 is a number in scientific notation" },
    { field: "document_id", column: null, code: "required", message: "document_id is required" },
  ],
};
const left: RowVerdict = { ...ready, row: 4, external_id: "b-1-4", excluded: true };

/** What the fixtures themselves put on screen: the file's name, its encoding (the core's words),
 * headers, fields, cells, external ids and the core's messages. */
const data = [
  "payouts.csv", "UTF-8 con BOM", "country", "currency", "amount", "bank_account", "document_id",
  "MX", "MXN", "b-1-2", "b-1-3", "b-1-4",
  "2.01007777777777E+17 is a number in scientific notation", "document_id is required",
];

describe("the review in the operator's language", () => {
  it("the review speaks Spanish", async () => {
    commands({ batch_draft: () => summary(), batch_draft_rows: () => ({ rows: [ready, blocked, left], total: 3, offset: 0 }) });
    setLang("es");
    try {
      await renderBatchReview(view(), vi.fn());
      expect(view().querySelector("h1")?.textContent).toBe("Revisar lote");
      expect(view().querySelector("#review-file")?.textContent).toBe("payouts.csv · CSV, UTF-8 con BOM, separado por “;” · 3 filas, 1 fila vacía omitida");
      expect(view().querySelector("#review-counts")?.textContent).toBe("1 lista · 1 con errores · 0 con advertencias · 1 excluida");
      expect(view().querySelector("#review-filter-errors")?.textContent).toBe("Con errores");
      expect(view().querySelector("#review-totals-table thead")?.textContent).toContain("Total esperado");
      expect(view().querySelector("#control-count-MXN")?.getAttribute("aria-label")).toBe("Cantidad esperada de pagos en MXN");
      await vi.waitFor(() => expect(view().querySelector("#review-open-3")).not.toBeNull());
      expect(view().querySelector("#review-open-3")?.getAttribute("aria-label")).toBe("Fila 3: 2 errores; abrir para corregir");
      expect(view().querySelector(".grid-excluded .grid-mark")?.textContent).toBe("excluida");
      (view().querySelector("#review-open-3") as HTMLButtonElement).click();
      expect(view().querySelector(".fix-panel h2")?.textContent).toBe("Fila 3 · id externo b-1-3");
      expect(view().querySelector("#fix-save")?.textContent).toBe("Revisar de nuevo");
      (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#review-control-missing")?.textContent)
        .toBe("Escriba la cantidad esperada de pagos en MXN y su total (el total de control) antes de registrar el lote."));
    } finally {
      setLang("en");
    }
  });

  it("a file imported before is offered again in Portuguese, under the core's own message", async () => {
    commands({
      batch_draft: () => summary({ file: { ...summary().file, format: "xlsx", worksheet: "Pagos", other_worksheets: ["Notas"], empty_rows: 0 } }),
      batch_draft_rows: () => ({ rows: [ready], total: 1, offset: 0 }),
      // The core's message, in whatever language it speaks: the window does not read it.
      batch_confirm: () => { throw { code: "invalid_input", field: "file", message: "este arquivo já foi importado como lote b-0" }; },
    });
    setLang("pt-BR");
    try {
      await renderBatchReview(view(), vi.fn());
      expect(view().querySelector("#review-file")?.textContent).toBe("payouts.csv · Pasta de trabalho do Excel, planilha “Pagos” (não lidas: Notas) · 3 linhas");
      expect(view().querySelector("#review-counts")?.textContent).toBe("1 pronta · 1 com erros · 0 com avisos · 1 excluída");
      (view().querySelector("#control-count-MXN") as HTMLInputElement).value = "1";
      (view().querySelector("#control-total-MXN") as HTMLInputElement).value = "1";
      (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#batch-same-file")?.textContent).toBe("Importar mesmo assim"));
      (view().querySelector("#batch-same-file") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent)
        .toBe("este arquivo já foi importado como lote b-0\n\nRegistrá-lo mesmo assim como um novo lote? Todas as linhas seriam pagas de novo."));
      (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    } finally {
      setLang("en");
    }
  });

  it("nothing under review says so in Spanish", async () => {
    commands({ batch_draft: () => null });
    setLang("es");
    try {
      await renderBatchReview(view(), vi.fn());
      expect(view().querySelector("#review-none")?.textContent).toBe("No hay ningún archivo en revisión. Abra uno en Lotes.");
    } finally {
      setLang("en");
    }
  });

  it("no word of the review escapes translation (pseudo-locale)", async () => {
    commands({
      batch_draft: () => summary({ missing_columns: ["document_id"] }),
      batch_draft_rows: () => ({ rows: [ready, blocked, left], total: 3, offset: 0 }),
    });
    usePseudo(true);
    try {
      await renderBatchReview(view(), vi.fn());
      await vi.waitFor(() => expect(view().querySelector("#review-open-3")).not.toBeNull());
      expect(view().querySelector("#review-missing-columns")).not.toBeNull();
      // The row editor and the notice of a missing control total, too.
      (view().querySelector("#review-open-3") as HTMLButtonElement).click();
      (view().querySelector("#batch-confirm") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#review-control-missing")).not.toBeNull());
      expect(view().querySelector("#fix-row-issues")).not.toBeNull();
      expect(untranslated(view(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });

  it("a review with nothing ready has no word left untranslated either (pseudo-locale)", async () => {
    commands({
      batch_draft: () => summary({ totals: [], counts: { rows: 1, ready: 0, blocked: 1, excluded: 0, warned: 0 } }),
      batch_draft_rows: () => ({ rows: [blocked], total: 1, offset: 0 }),
    });
    usePseudo(true);
    try {
      await renderBatchReview(view(), vi.fn());
      await vi.waitFor(() => expect(view().querySelector("#review-open-3")).not.toBeNull());
      expect(view().querySelector("#review-nothing")).not.toBeNull();
      expect(untranslated(view(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
