// Batches: import a spreadsheet (picked or dropped), download a template, the environment's
// batches with their progress; and one batch being sent: a progress bar with counts per
// outcome and the time left, pause, resume and cancel, every row with what it became, and the
// result file. Counts, states and outcomes are the core's; this view draws them and polls the
// batch while it is on screen.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { BatchRecord } from "../bindings/BatchRecord";
import type { ResultRow } from "../bindings/ResultRow";
import type { DecimalStyle } from "../bindings/DecimalStyle";
import { confirmDialog, errorNotice } from "./detail";
import { copyable } from "../copy";
import { stamp } from "./status";
import { decimalOptions } from "./batchReview";
import { virtualList } from "../virtual";
import { t } from "../i18n";

/** How often a batch on screen is read again while it is sent. */
const POLL_MS = 1000;

export function stateText(b: BatchRecord): string {
  if (b.interrupted) return t("batch-state-interrupted");
  switch (b.state) {
    case "ready": return t("batch-state-ready");
    case "sending": return t("batch-state-sending");
    case "paused": return t("batch-state-paused");
    case "done": return t("batch-state-done");
    case "cancelled": return t("batch-state-cancelled");
  }
}

/** The counts per outcome, side by side: each count is a message of its own. */
function progressLine(b: BatchRecord): string {
  const p = b.progress;
  const parts = [
    t("batch-progress-created", { count: p.created }),
    t("batch-progress-declined", { count: p.declined }),
    t("batch-progress-not-sent", { count: p.not_sent }),
    t("batch-progress-in-flight", { count: p.in_flight }),
    t("batch-progress-waiting", { count: p.waiting }),
  ];
  if (p.excluded) parts.push(t("batch-progress-excluded", { count: p.excluded }));
  return parts.join(" · ");
}

/** What a row of a batch became, in words; the outcome code itself stays the core's. */
function outcomeText(outcome: string): string {
  switch (outcome) {
    case "excluded": return t("batch-outcome-excluded");
    case "waiting": return t("batch-outcome-waiting");
    case "sending": return t("batch-outcome-sending");
    case "created": return t("batch-outcome-created");
    case "declined": return t("batch-outcome-declined");
    case "not_sent": return t("batch-outcome-not-sent");
    case "cancelled": return t("batch-outcome-cancelled");
    case "check": return t("batch-outcome-check");
    case "unknown": return t("batch-outcome-unknown");
    default: return outcome.replace("_", " ");
  }
}

/** A payout status's label (the core's words); a status no language names stays as sent. */
function statusText(status: string | null): string {
  if (!status) return "";
  const id = `status-${status}`;
  const label = t(id);
  return label === id ? status : label;
}

/** Time left at the batch's rate, in words ("about 3 min"). */
export function timeLeft(b: BatchRecord): string {
  const rows = b.progress.waiting + b.progress.in_flight;
  if (rows === 0) return "";
  const secs = Math.ceil((rows * 60) / Math.max(1, b.rate_per_minute));
  return secs < 90 ? t("batch-time-left-secs", { secs }) : t("batch-time-left-mins", { mins: Math.ceil(secs / 60) });
}

/** Reads a file the operator gave and opens its review. */
async function openFile(file: File, decimal: DecimalStyle, out: HTMLElement, go: (r: Route) => void): Promise<void> {
  mount(out, notice("info", t("batches-reading", { file: file.name }), "batch-reading"));
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await ipc.batchOpen(file.name, bytes, decimal);
    void go({ view: "batch-review" });
  } catch (e) {
    mount(out, errorNotice(ipc.asReport(e), "batch-open-error"));
  }
}

export async function renderBatches(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  const out = h("div", { id: "batch-open-result" });
  const decimal = h("select", { id: "batch-decimal", "aria-label": t("batch-decimal-aria") },
    ...decimalOptions().map(([v, label]) => h("option", { value: v }, label)));
  // The shell's open dialog: the shell reads the file, the window never needs its bytes.
  const pick = h("button", { type: "button", class: "primary", id: "batch-pick" }, t("batches-choose-file"));
  pick.addEventListener("click", async () => {
    mount(out);
    try {
      const opened = await ipc.batchPick(decimal.value as DecimalStyle);
      if (opened && current()) void go({ view: "batch-review" });
    } catch (e) {
      if (current()) mount(out, errorNotice(ipc.asReport(e), "batch-open-error"));
    }
  });
  const drop = h("div", { id: "batch-drop", class: "drop-zone" },
    h("p", {}, t("batches-drop-hint")), pick,
    h("p", { class: "muted" }, t("batches-drop-note")));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("drop-over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("drop-over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("drop-over");
    const file = e.dataTransfer?.files?.[0];
    if (file) void openFile(file, decimal.value as DecimalStyle, out, go);
  });

  // Templates: the country's methods come from the core's form descriptors.
  const forms = await ipc.countryForms().catch(() => []);
  if (!current()) return;
  const country = h("select", { id: "template-country", "aria-label": t("batches-template-country") },
    ...forms.map((f) => h("option", { value: f.code }, `${f.name} (${f.code})`)));
  const method = h("select", { id: "template-method", "aria-label": t("batches-template-method") });
  const fillMethods = () => {
    const f = forms.find((x) => x.code === country.value);
    mount(method, ...(f?.methods ?? []).map((m) => h("option", { value: m.id }, m.label_shown)));
  };
  country.addEventListener("change", fillMethods);
  fillMethods();
  const templateOut = h("div", { id: "template-result" });
  const download = (xlsx: boolean) => async () => {
    try {
      const saved = await ipc.batchTemplate(country.value, method.value || null, xlsx);
      if (saved && current()) mount(templateOut, notice("ok", t("batches-template-saved", { file: saved.file }), "template-saved"));
    } catch (e) {
      if (current()) mount(templateOut, errorNotice(ipc.asReport(e), "template-error"));
    }
  };

  const list = h("div", { id: "batch-list" });
  const draft = h("div", { id: "batch-draft-note" });
  mount(el,
    h("h1", {}, t("batches-title")),
    draft,
    h("section", { "aria-labelledby": "batch-import-title" },
      h("h2", { id: "batch-import-title" }, t("batches-import-title")),
      h("div", { class: "row" }, h("label", { for: "batch-decimal" }, t("batch-decimal-label")), decimal),
      drop, out),
    h("section", { "aria-labelledby": "batch-template-title" },
      h("h2", { id: "batch-template-title" }, t("batches-templates-title")),
      h("div", { class: "row" }, country, method,
        h("button", { type: "button", id: "template-xlsx", onclick: download(true) }, t("batches-template-xlsx")),
        h("button", { type: "button", id: "template-csv", onclick: download(false) }, t("batches-template-csv"))),
      templateOut),
    h("section", { "aria-labelledby": "batch-list-title" },
      h("h2", { id: "batch-list-title" }, t("batches-list-title")),
      list));
  const [batches, pending] = await Promise.all([
    ipc.batchList().catch((e: unknown) => ipc.asReport(e)),
    ipc.batchDraft().catch(() => null),
  ]);
  if (!current()) return;
  if (pending) {
    mount(draft, notice("info", t("batches-draft-pending", { file: pending.file.name, rows: pending.counts.rows }), "batch-draft-pending"),
      h("button", { type: "button", id: "batch-draft-open", onclick: () => void go({ view: "batch-review" }) }, t("batches-draft-open")));
  }
  if (!Array.isArray(batches)) {
    mount(list, errorNotice(batches, "batch-list-error"));
    return;
  }
  mount(list, batches.length === 0
    ? notice("info", t("batches-empty"), "batch-list-empty")
    : h("table", { id: "batch-table" },
        h("thead", {}, h("tr", {}, ...[t("batches-col-written"), t("batches-col-file"), t("batches-col-rows"), t("batches-col-state"), t("batches-col-progress"), ""].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, ...batches.map((b) => h("tr", { "data-batch": b.id },
          h("td", { class: "nowrap" }, stamp(b.created_at)),
          h("td", {}, b.file_name),
          h("td", { class: "num" }, String(b.progress.payouts)),
          h("td", {}, stateText(b)),
          h("td", {}, progressLine(b)),
          h("td", {}, h("button", { type: "button", "aria-label": t("batches-open-label", { file: b.file_name }), onclick: () => void go({ view: "batch", id: b.id }) }, t("open"))))))));
}

/** One batch: progress, sending controls, rows and the result file. */
export async function renderBatch(el: HTMLElement, id: string, go: (r: Route) => void): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  const head = h("div", { id: "batch-head" });
  const bar = h("progress", { id: "batch-progress", max: 1, value: 0 });
  const counts = h("p", { id: "batch-counts", role: "status", "aria-live": "polite" });
  const controls = h("div", { class: "row", id: "batch-controls" });
  const out = h("div", { id: "batch-result" });
  const rowsBox = h("div", { id: "batch-rows" });
  const rate = h("input", { id: "batch-send-rate", type: "number", min: 1, max: 600, class: "rate", "aria-label": t("batch-rate-aria") });
  let rows: ResultRow[] = [];
  let last: BatchRecord | null = null;
  let offered = "";

  const renderRow = (i: number): HTMLElement => {
    const r = rows[i];
    if (!r) return h("div", { class: "grid-row" });
    return h("div", { class: `grid-row outcome-${r.outcome}`, "data-row": r.row },
      h("span", { class: "grid-cell grid-rownum", role: "cell" }, String(r.row)),
      h("span", { class: "grid-cell", role: "cell" }, outcomeText(r.outcome)),
      h("span", { class: "grid-cell", role: "cell" }, statusText(r.status)),
      h("span", { class: "grid-cell", role: "cell" }, r.cashout_id === null ? "" : String(r.cashout_id)),
      h("span", { class: "grid-cell grid-wide", role: "cell", title: r.explanation }, r.code === null ? r.explanation : `${r.code}: ${r.explanation}`),
      r.external_id ? h("span", { class: "grid-cell", role: "cell" },
        h("button", { type: "button", class: "link", "aria-label": t("batch-open-row-label", { row: r.row }), onclick: () => void go({ view: "detail", which: r.cashout_id !== null ? { id: r.cashout_id } : { external_id: r.external_id } }) }, t("open"))) : h("span", { class: "grid-cell" }));
  };
  const grid = virtualList({ id: "batch-rows-grid", label: t("batch-rows-label"), total: 0, rowHeight: 30, height: 260, render: renderRow });

  const act = (fn: () => Promise<BatchRecord>) => async () => {
    mount(out);
    try {
      draw(await fn());
      void refreshRows();
    } catch (e) {
      if (current()) mount(out, errorNotice(ipc.asReport(e), "batch-action-error"));
    }
  };
  const send = act(() => ipc.batchSend(id, rate.value ? Number(rate.value) : null));
  const pause = act(() => ipc.batchPause(id));
  const cancel = async () => {
    const b = last;
    if (!b) return;
    if (!(await confirmDialog(t("batch-cancel-confirm", { waiting: b.progress.waiting, created: b.progress.created }), t("batch-cancel-rest")))) return;
    await act(() => ipc.batchCancel(id))();
  };
  const save = (xlsx: boolean) => async () => {
    try {
      const saved = await ipc.batchSaveResults(id, xlsx);
      if (saved && current()) mount(out, notice("ok", t("batch-saved", { file: saved.file, rows: saved.rows }), "batch-saved"));
    } catch (e) {
      if (current()) mount(out, errorNotice(ipc.asReport(e), "batch-save-error"));
    }
  };

  function draw(b: BatchRecord): void {
    const first = last === null;
    last = b;
    if (first) {
      rate.value = String(b.rate_per_minute);
      mount(head,
        h("p", {}, h("strong", {}, b.file_name), " · ", t("batch-head", { rows: b.rows, at: stamp(b.created_at), operator: b.operator })),
        h("p", { class: "muted" }, t("batch-id-label"), " ", copyable(b.id, t("batch-id-what"), "batch-copy-id"),
          " · ", t("batch-head-totals", { totals: b.totals.map((x) => t("batch-head-total", { amount: `${x.currency} ${x.total}`, count: x.count })).join(", ") })));
    }
    const p = b.progress;
    bar.max = Math.max(1, p.payouts);
    bar.value = p.created + p.declined + p.not_sent;
    bar.setAttribute("aria-label", t("batch-progress-aria", { done: bar.value, total: p.payouts }));
    counts.textContent = `${stateText(b)} — ${progressLine(b)}${b.state === "sending" && !b.interrupted ? ` · ${timeLeft(b)}` : ""}`;
    const canSend = b.state === "ready" || b.state === "paused" || b.interrupted;
    const sending = b.state === "sending" && !b.interrupted;
    const open = b.state !== "done" && b.state !== "cancelled";
    // Redrawn only when what is offered changes: a poll every second must not take the focus
    // off the button the operator is on (Pause, above all).
    const offer = `${canSend} ${sending} ${open} ${b.state}`;
    if (offer === offered) return;
    offered = offer;
    const focused = document.activeElement?.id;
    mount(controls,
      // A label, the number typed, then its unit: never one sentence cut around the input.
      canSend ? h("label", { for: "batch-send-rate" }, t("batch-rate-label")) : null,
      canSend ? rate : null,
      canSend ? h("span", { class: "muted" }, t("batch-rate-unit")) : null,
      canSend ? h("button", { type: "button", class: "primary", id: "batch-send", onclick: send }, b.state === "ready" ? t("batch-send") : t("batch-resume")) : null,
      sending ? h("button", { type: "button", id: "batch-pause", onclick: pause }, t("batch-pause")) : null,
      open ? h("button", { type: "button", class: "danger", id: "batch-cancel", onclick: () => void cancel() }, t("batch-cancel-rest")) : null,
      h("button", { type: "button", id: "batch-save-xlsx", onclick: save(true) }, t("batch-save-xlsx")),
      h("button", { type: "button", id: "batch-save-csv", onclick: save(false) }, t("batch-save-csv")));
    // The action just taken changed what is offered: the focus goes to what replaced it.
    if (focused && !document.getElementById(focused)) {
      (controls.querySelector("button") as HTMLButtonElement | null)?.focus();
    } else if (focused) document.getElementById(focused)?.focus();
  }

  const refreshRows = async () => {
    try {
      rows = await ipc.batchResults(id);
      if (current()) grid.refresh(rows.length);
    } catch (e) {
      if (current()) mount(rowsBox, errorNotice(ipc.asReport(e), "batch-rows-error"));
    }
  };

  mount(el,
    h("h1", {}, t("batch-title")),
    head,
    h("div", { class: "batch-bar" }, bar),
    counts,
    controls,
    out,
    h("h2", {}, t("batch-rows-title")),
    h("div", { class: "grid" },
      h("div", { class: "grid-row grid-head", role: "row" },
        ...[t("batch-col-row"), t("batch-col-outcome"), t("batch-col-status"), t("col-cashout-id"), t("batch-col-explanation"), ""].map((c, i) => h("span", { class: `grid-cell${i === 0 ? " grid-rownum" : i === 4 ? " grid-wide" : ""}`, role: "columnheader" }, c))),
      grid.el),
    rowsBox,
    h("p", {}, h("button", { type: "button", class: "link", id: "batch-back", onclick: () => void go({ view: "batches" }) }, t("batch-back"))));
  try {
    draw(await ipc.batchStatus(id));
  } catch (e) {
    mount(el, h("h1", {}, t("batch-title")), errorNotice(ipc.asReport(e), "batch-error"));
    return;
  }
  await refreshRows();
  // While on screen: the progress every second, the rows when it moved.
  let seen = JSON.stringify((last as BatchRecord | null)?.progress);
  const tick = async () => {
    if (!current()) return;
    try {
      const b = await ipc.batchStatus(id);
      if (!current()) return;
      draw(b);
      const now = JSON.stringify(b.progress);
      if (now !== seen) {
        seen = now;
        await refreshRows();
      }
    } catch {
      // The next tick tries again; the counts on screen stay as they were.
    }
    if (current()) window.setTimeout(() => void tick(), POLL_MS);
  };
  window.setTimeout(() => void tick(), POLL_MS);
}
