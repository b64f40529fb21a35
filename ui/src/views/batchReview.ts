// The review of a batch file before anything is written: how the file was read, which column
// fills which field, every row checked by the core (the form's messages at the cell, errors
// apart from warnings), fixing a cell in place, leaving rows out, the totals per currency and
// the control totals the operator types before the batch is written. Every verdict, total and
// comparison is the core's; this view draws them and sends what the operator typed.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { DraftSummary } from "../bindings/DraftSummary";
import type { RowVerdict } from "../bindings/RowVerdict";
import type { RowFilter } from "../bindings/RowFilter";
import type { DecimalStyle } from "../bindings/DecimalStyle";
import type { Issue } from "../bindings/Issue";
import { confirmDialog, errorNotice } from "./detail";
import { virtualList, type VirtualList } from "../virtual";
import { t } from "../i18n";

const ROW_HEIGHT = 30;
const GRID_HEIGHT = 300;
const PAGE = 100;

/** "1.234,56" or "1,234.56", as the operator picks the file's style (in the current language:
 * call it when drawing). */
export function decimalOptions(): [DecimalStyle, string][] {
  return [["point", t("batch-decimal-point")], ["comma", t("batch-decimal-comma")]];
}

function fileLine(s: DraftSummary): string {
  const f = s.file;
  const encoding = s.encoding_shown ?? "";
  const how = f.format === "xlsx"
    ? f.other_worksheets.length
      ? t("review-file-xlsx-others", { sheet: f.worksheet ?? "", others: f.other_worksheets.join(", ") })
      : t("review-file-xlsx", { sheet: f.worksheet ?? "" })
    : f.separator === "tab"
      ? t("review-file-csv-tabs", { encoding })
      : t("review-file-csv", { encoding, separator: f.separator ?? "," });
  const rows = f.empty_rows
    ? t("review-file-rows-skipped", { rows: s.counts.rows, empty: f.empty_rows })
    : t("review-file-rows", { rows: s.counts.rows });
  return `${f.name} · ${how} · ${rows}`;
}

function countsLine(s: DraftSummary): string {
  const c = s.counts;
  return t("review-counts", { ready: c.ready, blocked: c.blocked, warned: c.warned, excluded: c.excluded });
}

/** Issues of one cell (column `col`) of a row. */
function cellIssues(v: RowVerdict, col: number): { errors: Issue[]; warnings: Issue[] } {
  return {
    errors: v.errors.filter((e) => e.column === col),
    warnings: v.warnings.filter((w) => w.column === col),
  };
}

export async function renderBatchReview(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  let summary = await ipc.batchDraft();
  if (!current()) return;
  if (!summary) {
    mount(el, h("h1", {}, t("review-title")), notice("info", t("review-none"), "review-none"));
    return;
  }
  let s: DraftSummary = summary;
  let filter: RowFilter = "all";
  let total = s.counts.rows;
  const loaded = new Map<number, RowVerdict>();
  let focusRow: number | null = null;
  /** The row the arrow keys are on (its index in the filtered rows). */
  let cursor = 0;
  const asked = new Set<number>();

  const fileInfo = h("p", { id: "review-file", class: "muted" });
  const counts = h("p", { id: "review-counts", role: "status" });
  const missing = h("div", { id: "review-missing" });
  const mapping = h("div", { id: "review-mapping" });
  const totals = h("div", { id: "review-totals" });
  const editor = h("div", { id: "review-editor" });
  const result = h("div", { id: "review-result" });

  const decimal = h("select", { id: "review-decimal", "aria-label": t("batch-decimal-aria") },
    ...decimalOptions().map(([v, label]) => h("option", { value: v, selected: v === s.decimal }, label)));
  decimal.addEventListener("change", async () => {
    try {
      s = await ipc.batchSetDecimal(s.batch_id, decimal.value as DecimalStyle);
      reload();
    } catch (e) {
      mount(result, errorNotice(ipc.asReport(e), "review-error"));
    }
  });

  const filterButtons = (["all", "errors", "warnings", "excluded"] as RowFilter[]).map((f) =>
    h("button", { type: "button", "data-filter": f, id: `review-filter-${f}`, "aria-pressed": String(f === filter), onclick: () => { filter = f; reload(); } },
      f === "all" ? t("review-filter-all") : f === "errors" ? t("review-filter-errors") : f === "warnings" ? t("review-filter-warnings") : t("review-filter-excluded")));

  const renderRow = (i: number): HTMLElement => {
    const v = loaded.get(i);
    if (!v) return h("div", { class: "grid-row grid-loading" }, h("span", { class: "grid-cell" }, "…"));
    const state = v.excluded ? "excluded" : v.errors.length ? "error" : v.warnings.length ? "warning" : "ready";
    const count = v.errors.length;
    const mark = state === "excluded" ? t("review-mark-excluded") : state === "error" ? t("review-mark-errors", { count }) : state === "warning" ? t("review-mark-warning") : t("review-mark-ready");
    const openLabel = state === "excluded" ? t("review-open-excluded", { row: v.row }) : state === "error" ? t("review-open-errors", { row: v.row, count }) : state === "warning" ? t("review-open-warning", { row: v.row }) : t("review-open-ready", { row: v.row });
    return h("div", { class: `grid-row grid-${state}${i === cursor ? " grid-cursor" : ""}`, "data-row": v.row, "aria-selected": i === cursor ? "true" : null },
      h("span", { class: "grid-cell grid-rownum", role: "cell" },
        h("button", { type: "button", class: "link", tabindex: -1, id: `review-open-${v.row}`, "aria-label": openLabel, onclick: () => openEditor(v.row) }, String(v.row))),
      h("span", { class: `grid-cell grid-mark mark-${state}`, role: "cell" }, mark),
      ...s.headers.map((_, col) => {
        const { errors, warnings } = cellIssues(v, col);
        const text = v.cells[col]?.text ?? "";
        const cls = errors.length ? "cell-error" : warnings.length ? "cell-warning" : "";
        const why = [...errors, ...warnings].map((x) => x.message).join(" ");
        return h("span", { class: `grid-cell ${cls}`, role: "cell", title: why || text }, text);
      }),
      // Problems of the row that no column holds (a field the file has no column for).
      h("span", { class: "grid-cell grid-rowissue", role: "cell", title: v.errors.filter((e) => e.column === null).map((e) => e.message).join(" ") },
        v.errors.filter((e) => e.column === null).map((e) => e.field).join(", ")),
    );
  };

  const fetchFrom = async (first: number) => {
    const start = Math.floor(first / PAGE) * PAGE;
    if (asked.has(start)) return;
    asked.add(start);
    const wanted = filter;
    try {
      const page = await ipc.batchDraftRows(s.batch_id, wanted, start, PAGE);
      if (!current() || wanted !== filter) return;
      page.rows.forEach((r, k) => loaded.set(start + k, r));
      if (page.total !== total) total = page.total;
      grid.refresh(total);
      // Back to the row just fixed or excluded, once it is drawn again.
      if (focusRow !== null) {
        const at = [...loaded.entries()].find(([, r]) => r.row === focusRow)?.[0];
        if (at !== undefined) {
          cursor = at;
          focusRow = null;
          grid.reveal(cursor);
          grid.el.focus();
        }
      }
    } catch (e) {
      asked.delete(start);
      if (current()) mount(result, errorNotice(ipc.asReport(e), "review-error"));
    }
  };

  const header = () => h("div", { class: "grid-row grid-head", role: "row" },
    h("span", { class: "grid-cell grid-rownum", role: "columnheader" }, t("batch-col-row")),
    h("span", { class: "grid-cell grid-mark", role: "columnheader" }, t("review-col-check")),
    ...s.headers.map((hd) => h("span", { class: "grid-cell", role: "columnheader" }, hd)),
    h("span", { class: "grid-cell grid-rowissue", role: "columnheader" }, t("review-col-other")));
  const headWrap = h("div", { class: "grid-headwrap" });
  const grid: VirtualList = virtualList({
    id: "review-grid",
    label: t("review-grid-label"),
    total,
    rowHeight: ROW_HEIGHT,
    height: GRID_HEIGHT,
    render: renderRow,
    onView: (first, last) => {
      if (!loaded.has(first)) void fetchFrom(first);
      if (!loaded.has(last)) void fetchFrom(last);
    },
  });
  // The header scrolls sideways with the rows.
  grid.el.addEventListener("scroll", () => { headWrap.scrollLeft = grid.el.scrollLeft; });
  // The keyboard: the grid is one Tab stop (Tab goes on to the totals); the arrows, Page keys,
  // Home and End move through the rows, Enter opens the one chosen.
  grid.el.tabIndex = 0;
  grid.el.addEventListener("keydown", (e) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 9, PageUp: -9 };
    if (e.key in step || e.key === "Home" || e.key === "End") {
      e.preventDefault();
      cursor = e.key === "Home" ? 0 : e.key === "End" ? total - 1 : Math.min(total - 1, Math.max(0, cursor + (step[e.key] ?? 0)));
      grid.reveal(cursor);
    } else if (e.key === "Enter") {
      const v = loaded.get(cursor);
      if (v) {
        e.preventDefault();
        void openEditor(v.row);
      }
    }
  });

  const drawMapping = () => {
    const selects = s.mapping.map((m) => {
      const sel = h("select", { id: `map-${m.column}`, "aria-label": t("review-map-field-label", { header: m.header || String(m.column + 1) }) },
        h("option", { value: "" }, t("review-map-unused")),
        ...s.fields.map((f) => h("option", { value: f, selected: m.field === f }, f)));
      sel.addEventListener("change", async () => {
        const choices = s.mapping.map((x) => (x.column === m.column ? sel.value || null : x.field));
        try {
          s = await ipc.batchSetMapping(s.batch_id, choices);
          reload();
        } catch (e) {
          mount(result, errorNotice(ipc.asReport(e), "review-error"));
          sel.value = m.field ?? "";
        }
      });
      return h("tr", {},
        h("th", { scope: "row" }, m.header || t("review-map-column", { column: m.column + 1 })),
        h("td", {}, sel),
        // The note is the core's sentence; how the column was matched is said here.
        h("td", { class: "muted" }, m.note ?? (m.matched === "synonym" ? t("review-map-synonym") : m.matched === "chosen" ? t("review-map-chosen") : "")));
    });
    mount(mapping, h("details", { id: "review-mapping-details", open: s.missing_columns.length > 0 },
      h("summary", {}, t("review-map-summary", { used: s.mapping.filter((m) => m.field).length, total: s.mapping.length })),
      h("table", { class: "mapping-table" }, h("tbody", {}, ...selects))));
  };

  const typed = new Map<string, { count: HTMLInputElement; total: HTMLInputElement }>();
  const drawTotals = () => {
    // A currency whose last row was excluded has no total to confirm any more.
    for (const currency of [...typed.keys()]) {
      if (!s.totals.some((x) => x.currency === currency)) typed.delete(currency);
    }
    const rows = s.totals.map((x) => {
      const kept = typed.get(x.currency);
      const count = kept?.count ?? h("input", { id: `control-count-${x.currency}`, inputmode: "numeric", class: "control-count", "aria-label": t("review-expected-count-label", { currency: x.currency }) });
      const sum = kept?.total ?? h("input", { id: `control-total-${x.currency}`, inputmode: "decimal", class: "control-total", "aria-label": t("review-expected-total-label", { currency: x.currency }), placeholder: s.decimal === "comma" ? "1.234,56" : "1,234.56" });
      typed.set(x.currency, { count, total: sum });
      return h("tr", { "data-currency": x.currency },
        h("th", { scope: "row" }, x.currency),
        h("td", { class: "num", id: `review-count-${x.currency}` }, String(x.count)),
        h("td", { class: "num", id: `review-total-${x.currency}` }, x.total_shown || x.total),
        h("td", {}, count), h("td", {}, sum));
    });
    mount(totals, s.totals.length === 0
      ? notice("validation", t("review-nothing"), "review-nothing")
      : h("table", { id: "review-totals-table", class: "totals-table" },
          h("caption", { class: "muted" }, t("review-totals-caption")),
          h("thead", {}, h("tr", {}, ...[t("review-col-currency"), t("review-col-payouts"), t("review-col-total"), t("review-col-expected-payouts"), t("review-col-expected-total")].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, ...rows)));
  };

  const drawSummary = () => {
    fileInfo.textContent = fileLine(s);
    counts.textContent = countsLine(s);
    decimal.value = s.decimal;
    mount(missing, s.missing_columns.length
      ? notice("validation", t("review-missing-columns", { fields: s.missing_columns.join(", "), count: s.missing_columns.length }), "review-missing-columns")
      : null);
    filterButtons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.filter === filter)));
    drawMapping();
    drawTotals();
    mount(headWrap, header());
  };

  /** Reads the rows again (after a change of the file's reading, a fix, an exclusion);
   * `keepPlace` keeps the scroll where the operator was working. */
  function reload(keepPlace = false): void {
    loaded.clear();
    asked.clear();
    total = filter === "all" ? s.counts.rows : filter === "errors" ? s.counts.blocked : filter === "excluded" ? s.counts.excluded : s.counts.warned;
    drawSummary();
    if (!keepPlace) {
      grid.el.scrollTop = 0;
      cursor = 0;
    }
    grid.refresh(total);
  }

  /** The row editor: each column's cell as an input, its problems beside it. */
  async function openEditor(row: number): Promise<void> {
    let v: RowVerdict | undefined = [...loaded.values()].find((x) => x.row === row);
    if (!v) return;
    const inputs = s.headers.map((hd, col) => {
      const { errors, warnings } = cellIssues(v as RowVerdict, col);
      const input = h("input", { id: `fix-${col}`, value: v?.cells[col]?.text ?? "", "aria-invalid": errors.length ? "true" : null, "aria-describedby": errors.length || warnings.length ? `fix-why-${col}` : null });
      return { col, input, block: h("div", { class: "fix-field" },
        h("label", { for: `fix-${col}` }, hd, s.mapping[col]?.field ? h("span", { class: "muted" }, ` (${s.mapping[col].field})`) : null),
        input,
        errors.length || warnings.length ? h("div", { id: `fix-why-${col}`, class: errors.length ? "field-error" : "field-warning" }, [...errors, ...warnings].map((x) => x.message).join(" ")) : null) };
    });
    const rowWide = [...v.errors, ...v.warnings].filter((x) => x.column === null);
    const save = h("button", { type: "button", class: "primary", id: "fix-save" }, t("review-check-again"));
    const exclude = h("button", { type: "button", id: "fix-exclude" }, v.excluded ? t("review-include") : t("review-exclude"));
    const close = h("button", { type: "button", id: "fix-close" }, t("review-close"));
    save.addEventListener("click", async () => {
      try {
        let changed = false;
        for (const { col, input } of inputs) {
          if (input.value !== (v?.cells[col]?.text ?? "")) {
            const fixed = await ipc.batchFixCell(s.batch_id, row, col, input.value);
            v = fixed.row;
            s = fixed.summary;
            changed = true;
          }
        }
        if (!current()) return;
        // Drawn again with its new verdict, where it was.
        if (changed) reload(true);
        mount(editor, notice(v && v.errors.length === 0 ? "ok" : "validation",
          v && v.errors.length === 0 ? t("review-row-ready", { row }) : t("review-row-still-errors", { row, count: v?.errors.length ?? 0 }), "fix-result"));
        focusRow = row;
      } catch (e) {
        // The values typed stay: the message goes above them.
        document.getElementById("fix-error")?.remove();
        editor.querySelector(".fix-panel")?.prepend(errorNotice(ipc.asReport(e), "fix-error"));
      }
    });
    exclude.addEventListener("click", async () => {
      try {
        s = await ipc.batchExclude(s.batch_id, row, !(v?.excluded ?? false));
        reload(true);
        mount(editor, notice("info", v?.excluded ? t("review-row-included", { row }) : t("review-row-excluded", { row }), "fix-result"));
        focusRow = row;
      } catch (e) {
        mount(editor, errorNotice(ipc.asReport(e), "fix-error"));
      }
    });
    close.addEventListener("click", () => { mount(editor); grid.el.focus(); });
    mount(editor, h("section", { class: "fix-panel", "aria-label": t("review-row-title", { row }) },
      h("h2", {}, t("review-row-title", { row }), h("span", { class: "muted" }, " · ", t("review-row-external-id", { id: v.external_id }))),
      rowWide.length ? h("ul", { class: "field-error", id: "fix-row-issues" }, ...rowWide.map((x) => h("li", {}, `${x.field}: ${x.message}`))) : null,
      h("div", { class: "fix-grid" }, ...inputs.map((i) => i.block)),
      h("div", { class: "row" }, save, exclude, close)));
    (inputs.find((i) => i.input.getAttribute("aria-invalid") === "true")?.input ?? inputs[0]?.input)?.focus();
  }

  const rate = h("input", { id: "batch-rate", type: "number", min: 1, max: 600, value: 60, class: "rate", "aria-label": t("review-rate-aria") });
  const confirmButton = h("button", { type: "button", class: "primary", id: "batch-confirm" }, t("review-write"));
  const discard = h("button", { type: "button", id: "batch-discard" }, t("review-discard"));

  const controls = () => [...typed.entries()].map(([currency, inp]) => ({
    currency,
    count: Number.parseInt(inp.count.value.trim() || "-1", 10),
    total: inp.total.value.trim(),
  }));

  const write = async (sameFileAgain: boolean, payDuplicatesAgain = false) => {
    mount(result);
    const typedControls = controls();
    const blank = typedControls.find((c) => !Number.isInteger(c.count) || c.count < 0 || c.total === "");
    if (blank) {
      mount(result, notice("validation", t("review-control-missing", { currency: blank.currency }), "review-control-missing"));
      typed.get(blank.currency)?.[!Number.isInteger(blank.count) || blank.count < 0 ? "count" : "total"].focus();
      return;
    }
    // The question is the core's sentence; only the button is the window's.
    if (s.confirmation && !(await confirmDialog(s.confirmation, t("review-write-and-send")))) return;
    try {
      const batch = await ipc.batchConfirm(s.batch_id, typedControls, Number(rate.value), sameFileAgain, payDuplicatesAgain);
      if (current()) void go({ view: "batch", id: batch.id });
    } catch (e) {
      if (!current()) return;
      const r = ipc.asReport(e);
      // The core refuses on `file` at this step only for a file imported before; its message is
      // in the operator's language, so it is never matched here.
      if (r.field === "file") {
        const again = h("button", { type: "button", class: "danger", id: "batch-same-file" }, t("review-same-file"));
        again.addEventListener("click", async () => {
          if (await confirmDialog(`${r.message}\n\n${t("review-same-file-question")}`, t("review-same-file"))) void write(true, payDuplicatesAgain);
        });
        mount(result, errorNotice(r, "review-error"), again);
      } else if (r.field === "duplicates") {
        const again = h("button", { type: "button", class: "danger", id: "batch-pay-duplicates" }, t("review-pay-again"));
        again.addEventListener("click", async () => {
          if (await confirmDialog(`${r.message}\n\n${t("review-pay-again-question")}`, t("review-pay-again"))) void write(sameFileAgain, true);
        });
        const show = h("button", { type: "button", id: "batch-show-duplicates", onclick: () => { filter = "warnings"; reload(); } }, t("review-show-duplicates"));
        mount(result, errorNotice(r, "review-error"), h("div", { class: "row" }, show, again));
      } else {
        mount(result, errorNotice(r, "review-error"));
        if (r.field === "control_total") typed.values().next().value?.count.focus();
      }
    }
  };
  confirmButton.addEventListener("click", () => void write(false));
  discard.addEventListener("click", async () => {
    if (!(await confirmDialog(t("review-discard-confirm"), t("review-discard")))) return;
    await ipc.batchDiscard().catch(() => null);
    void go({ view: "batches" });
  });

  mount(el,
    h("h1", {}, t("review-title")),
    fileInfo,
    h("div", { class: "row" }, h("label", { for: "review-decimal" }, t("batch-decimal-label")), decimal),
    missing,
    mapping,
    counts,
    h("div", { class: "row", role: "group", "aria-label": t("review-show-rows-label") }, ...filterButtons),
    h("div", { class: "grid" }, headWrap, grid.el),
    editor,
    totals,
    // A label, the number typed, then its unit: never one sentence cut around the input.
    h("div", { class: "row" }, h("label", { for: "batch-rate" }, t("batch-rate-label")), rate, h("span", { class: "muted" }, t("batch-rate-unit")), confirmButton, discard),
    result);
  drawSummary();
  grid.refresh(total);
}
