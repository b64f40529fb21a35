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
import { DECIMALS } from "./batchReview";
import { virtualList } from "../virtual";

/** How often a batch on screen is read again while it is sent. */
const POLL_MS = 1000;

export function stateText(b: BatchRecord): string {
  if (b.interrupted) return "interrupted — resume to go on";
  switch (b.state) {
    case "ready": return "written, not sent yet";
    case "sending": return "sending";
    case "paused": return "paused";
    case "done": return "done";
    case "cancelled": return "cancelled";
  }
}

function progressLine(b: BatchRecord): string {
  const p = b.progress;
  const parts = [`${p.created} created`, `${p.declined} declined`, `${p.not_sent} not sent`, `${p.in_flight} being checked`, `${p.waiting} waiting`];
  if (p.excluded) parts.push(`${p.excluded} excluded`);
  return parts.join(" · ");
}

/** Time left at the batch's rate, in words ("about 3 min"). */
export function timeLeft(b: BatchRecord): string {
  const rows = b.progress.waiting + b.progress.in_flight;
  if (rows === 0) return "";
  const secs = Math.ceil((rows * 60) / Math.max(1, b.rate_per_minute));
  return secs < 90 ? `about ${secs} s left` : `about ${Math.ceil(secs / 60)} min left`;
}

/** Reads a file the operator gave and opens its review. */
async function openFile(file: File, decimal: DecimalStyle, out: HTMLElement, go: (r: Route) => void): Promise<void> {
  mount(out, notice("info", `Reading ${file.name}…`, "batch-reading"));
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
  const decimal = h("select", { id: "batch-decimal", "aria-label": "How the file writes amounts" },
    ...DECIMALS.map(([v, label]) => h("option", { value: v }, label)));
  // The shell's open dialog: the shell reads the file, the window never needs its bytes.
  const pick = h("button", { type: "button", class: "primary", id: "batch-pick" }, "Choose a file…");
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
    h("p", {}, "Drop a CSV or Excel (.xlsx) file here, or"), pick,
    h("p", { class: "muted" }, "Up to 10,000 rows. Nothing is written or sent until you check the rows and confirm the totals."));
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
  const country = h("select", { id: "template-country", "aria-label": "Country of the template" },
    ...forms.map((f) => h("option", { value: f.code }, `${f.name} (${f.code})`)));
  const method = h("select", { id: "template-method", "aria-label": "Payout method of the template" });
  const fillMethods = () => {
    const f = forms.find((x) => x.code === country.value);
    mount(method, ...(f?.methods ?? []).map((m) => h("option", { value: m.id }, m.label)));
  };
  country.addEventListener("change", fillMethods);
  fillMethods();
  const templateOut = h("div", { id: "template-result" });
  const download = (xlsx: boolean) => async () => {
    try {
      const saved = await ipc.batchTemplate(country.value, method.value || null, xlsx);
      if (saved && current()) mount(templateOut, notice("ok", `Template saved to ${saved.file}.`, "template-saved"));
    } catch (e) {
      if (current()) mount(templateOut, errorNotice(ipc.asReport(e), "template-error"));
    }
  };

  const list = h("div", { id: "batch-list" });
  const draft = h("div", { id: "batch-draft-note" });
  mount(el,
    h("h1", {}, "Batches"),
    draft,
    h("section", { "aria-labelledby": "batch-import-title" },
      h("h2", { id: "batch-import-title" }, "Import a file"),
      h("div", { class: "row" }, h("label", { for: "batch-decimal" }, "Amounts are written"), decimal),
      drop, out),
    h("section", { "aria-labelledby": "batch-template-title" },
      h("h2", { id: "batch-template-title" }, "Templates"),
      h("div", { class: "row" }, country, method,
        h("button", { type: "button", id: "template-xlsx", onclick: download(true) }, "Save Excel template…"),
        h("button", { type: "button", id: "template-csv", onclick: download(false) }, "Save CSV template…")),
      templateOut),
    h("section", { "aria-labelledby": "batch-list-title" },
      h("h2", { id: "batch-list-title" }, "Batches of this environment"),
      list));
  const [batches, pending] = await Promise.all([
    ipc.batchList().catch((e: unknown) => ipc.asReport(e)),
    ipc.batchDraft().catch(() => null),
  ]);
  if (!current()) return;
  if (pending) {
    mount(draft, notice("info", `${pending.file.name} is being reviewed (${pending.counts.rows} rows); nothing of it is written yet.`, "batch-draft-pending"),
      h("button", { type: "button", id: "batch-draft-open", onclick: () => void go({ view: "batch-review" }) }, "Go on reviewing"));
  }
  if (!Array.isArray(batches)) {
    mount(list, errorNotice(batches, "batch-list-error"));
    return;
  }
  mount(list, batches.length === 0
    ? notice("info", "No batch yet in this environment.", "batch-list-empty")
    : h("table", { id: "batch-table" },
        h("thead", {}, h("tr", {}, ...["Written", "File", "Rows", "State", "Progress", ""].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...batches.map((b) => h("tr", { "data-batch": b.id },
          h("td", { class: "nowrap" }, stamp(b.created_at)),
          h("td", {}, b.file_name),
          h("td", { class: "num" }, String(b.progress.payouts)),
          h("td", {}, stateText(b)),
          h("td", {}, progressLine(b)),
          h("td", {}, h("button", { type: "button", "aria-label": `Open batch ${b.file_name}`, onclick: () => void go({ view: "batch", id: b.id }) }, "Open")))))));
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
  const rate = h("input", { id: "batch-send-rate", type: "number", min: 1, max: 600, class: "rate", "aria-label": "Requests per minute" });
  let rows: ResultRow[] = [];
  let last: BatchRecord | null = null;
  let offered = "";

  const renderRow = (i: number): HTMLElement => {
    const r = rows[i];
    if (!r) return h("div", { class: "grid-row" });
    return h("div", { class: `grid-row outcome-${r.outcome}`, "data-row": r.row },
      h("span", { class: "grid-cell grid-rownum", role: "cell" }, String(r.row)),
      h("span", { class: "grid-cell", role: "cell" }, r.outcome.replace("_", " ")),
      h("span", { class: "grid-cell", role: "cell" }, r.status ?? ""),
      h("span", { class: "grid-cell", role: "cell" }, r.cashout_id === null ? "" : String(r.cashout_id)),
      h("span", { class: "grid-cell grid-wide", role: "cell", title: r.explanation }, r.code === null ? r.explanation : `${r.code}: ${r.explanation}`),
      r.external_id ? h("span", { class: "grid-cell", role: "cell" },
        h("button", { type: "button", class: "link", "aria-label": `Open the payout of row ${r.row}`, onclick: () => void go({ view: "detail", which: r.cashout_id !== null ? { id: r.cashout_id } : { external_id: r.external_id } }) }, "Open")) : h("span", { class: "grid-cell" }));
  };
  const grid = virtualList({ id: "batch-rows-grid", label: "The batch's rows and what each became", total: 0, rowHeight: 30, height: 260, render: renderRow });

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
    if (!(await confirmDialog(`Cancel the rest of this batch? The ${b.progress.waiting} rows not sent yet are marked never sent; the ${b.progress.created} already created stay as they are.`, "Cancel the rest"))) return;
    await act(() => ipc.batchCancel(id))();
  };
  const save = (xlsx: boolean) => async () => {
    try {
      const saved = await ipc.batchSaveResults(id, xlsx);
      if (saved && current()) mount(out, notice("ok", `Result file saved to ${saved.file} (${saved.rows} rows).`, "batch-saved"));
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
        h("p", {}, h("strong", {}, b.file_name), ` · ${b.rows} rows · written ${stamp(b.created_at)} by ${b.operator}`),
        h("p", { class: "muted" }, "Batch ", copyable(b.id, "batch id", "batch-copy-id"),
          ` · totals ${b.totals.map((t) => `${t.currency} ${t.total} in ${t.count}`).join(", ")}`));
    }
    const p = b.progress;
    bar.max = Math.max(1, p.payouts);
    bar.value = p.created + p.declined + p.not_sent;
    bar.setAttribute("aria-label", `${bar.value} of ${p.payouts} rows sent`);
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
      canSend ? h("label", { for: "batch-send-rate" }, "Send at") : null,
      canSend ? rate : null,
      canSend ? h("span", { class: "muted" }, "a minute") : null,
      canSend ? h("button", { type: "button", class: "primary", id: "batch-send", onclick: send }, b.state === "ready" ? "Send batch" : "Resume") : null,
      sending ? h("button", { type: "button", id: "batch-pause", onclick: pause }, "Pause") : null,
      open ? h("button", { type: "button", class: "danger", id: "batch-cancel", onclick: () => void cancel() }, "Cancel the rest") : null,
      h("button", { type: "button", id: "batch-save-xlsx", onclick: save(true) }, "Save result (Excel)…"),
      h("button", { type: "button", id: "batch-save-csv", onclick: save(false) }, "Save result (CSV)…"));
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
    h("h1", {}, "Batch"),
    head,
    h("div", { class: "batch-bar" }, bar),
    counts,
    controls,
    out,
    h("h2", {}, "Rows"),
    h("div", { class: "grid" },
      h("div", { class: "grid-row grid-head", role: "row" },
        ...["Row", "Outcome", "Status", "Cashout id", "Code and explanation", ""].map((t, i) => h("span", { class: `grid-cell${i === 0 ? " grid-rownum" : i === 4 ? " grid-wide" : ""}`, role: "columnheader" }, t))),
      grid.el),
    rowsBox,
    h("p", {}, h("button", { type: "button", class: "link", id: "batch-back", onclick: () => void go({ view: "batches" }) }, "All batches")));
  try {
    draw(await ipc.batchStatus(id));
  } catch (e) {
    mount(el, h("h1", {}, "Batch"), errorNotice(ipc.asReport(e), "batch-error"));
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
