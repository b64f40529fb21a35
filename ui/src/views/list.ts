// The journal as a list, a page at a time (the journal answers pages; the list never loads
// everything): filtered by status, country, period of the operator's calendar and free text
// (accents, case and separators ignored — the core's rule), sorted by a column header either
// way. It stays true by itself: a change the watcher sees or another desk makes re-reads the
// page with the same filters, keeping the scroll position and the row that had the focus. The
// same filters export every matching payout to a reconciliation CSV (the shell asks where).
import * as ipc from "../ipc";
import * as events from "../events";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { CashoutStatus } from "../bindings/CashoutStatus";
import type { ListFilter } from "../bindings/ListFilter";
import type { Period } from "../bindings/Period";
import type { Phase } from "../bindings/Phase";
import type { SortKey } from "../bindings/SortKey";
import type { DeskEvent } from "../bindings/DeskEvent";
import { errorNotice } from "./detail";
import { money, statusBadge } from "./status";

const PAGE = 50;

/** The list's status filter also offers these states of unsettled creates, by create phase. */
const PHASE_GROUPS: Record<string, { label: string; phases: Phase[] }> = {
  "phase:checking": { label: "checking… (sent, not confirmed)", phases: ["intent", "unknown", "sent_not_found"] },
  "phase:queued": { label: "IN BATCH (not sent yet)", phases: ["queued"] },
  "phase:not_sent": { label: "NOT SENT (never left)", phases: ["not_sent"] },
  "phase:abandoned": { label: "ABANDONED", phases: ["abandoned"] },
};

/** The periods offered; the core turns each into instants in the operator's time zone. */
const PERIODS: [string, string][] = [
  ["", "Any time"],
  ["today", "Today"],
  ["yesterday", "Yesterday"],
  ["last_7_days", "Last 7 days"],
  ["this_month", "This month"],
  ["custom", "Dates…"],
];

/** The sortable columns, and the direction a first click sorts them in. */
const SORTABLE: Record<string, { key: SortKey; ascending: boolean }> = {
  Status: { key: "status", ascending: true },
  Amount: { key: "amount", ascending: false },
  Beneficiary: { key: "beneficiary", ascending: true },
  Requested: { key: "created", ascending: false },
};

/** Whether a desk event may have changed what the list shows. */
function changesTheList(e: DeskEvent): boolean {
  if (e.type === "journal") return true;
  return e.type === "watch" && (e.event.kind === "changed" || e.event.kind === "reconciled");
}

export async function renderList(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  let offset = 0;
  let sort: { key: SortKey; ascending: boolean } = { key: "created", ascending: false };
  // The statuses and countries come from the core's tables.
  const [table, forms] = await Promise.all([ipc.lifecycle(), ipc.countryForms()]);
  // The statuses of the core's table, then the states of creates that are not settled (by
  // their create phase), so an operator can find every payout that is "checking…" or never
  // left this computer.
  const status = h("select", { id: "filter-status" },
    h("option", { value: "" }, "Any status"),
    ...table.statuses.map((s) => h("option", { value: s.status }, s.status.replace("_", " "))),
    h("option", { value: "UNKNOWN" }, "UNKNOWN (status code not known)"),
    ...Object.entries(PHASE_GROUPS).map(([key, g]) => h("option", { value: key }, g.label)));
  const country = h("select", { id: "filter-country" }, h("option", { value: "" }, "Any country"), ...forms.map((f) => h("option", { value: f.code }, `${f.name} (${f.code})`)));
  const period = h("select", { id: "filter-period" }, ...PERIODS.map(([v, label]) => h("option", { value: v }, label)));
  const from = h("input", { id: "filter-from", type: "date", "aria-describedby": "filter-dates-error" });
  const to = h("input", { id: "filter-to", type: "date", "aria-describedby": "filter-dates-error" });
  const datesError = h("span", { id: "filter-dates-error", class: "field-error", role: "alert" });
  const dates = h("span", { class: "row", id: "filter-dates", hidden: true },
    h("label", { for: "filter-from" }, "From"), from,
    h("label", { for: "filter-to" }, "To"), to, datesError);
  const text = h("input", { id: "filter-text", type: "search", placeholder: "name, id, document or account" });
  let typing: number | undefined;
  const body = h("div", {});
  const pager = h("div", { class: "row" });
  const chosenPeriod = (): Period | null => {
    switch (period.value) {
      case "": return null;
      case "custom": return { kind: "custom", from: from.value || null, to: to.value || null };
      default: return { kind: period.value } as Period;
    }
  };
  const filters = (): Partial<ListFilter> => ({
    status: (status.value && !PHASE_GROUPS[status.value] ? status.value : null) as CashoutStatus | null,
    phases: PHASE_GROUPS[status.value]?.phases ?? [],
    country: country.value || null,
    text: text.value || null,
    period: chosenPeriod(),
    sort: sort.key,
    ascending: sort.ascending,
  });
  const exported = h("div", { id: "export-result" });
  const exportButton = h("button", { type: "button", id: "export-csv" }, "Export CSV");
  exportButton.addEventListener("click", async () => {
    // Disabled while the save dialog is open: a second click must not open another.
    exportButton.disabled = true;
    mount(exported);
    try {
      // No page: the export is every payout the filters match, not the page on screen.
      const r = await ipc.exportCashouts(filters());
      // null: the operator closed the save dialog; nothing was written, nothing to say.
      if (r) mount(exported, notice("ok", `Exported ${r.rows} ${r.rows === 1 ? "payout" : "payouts"} to ${r.file}`, "exported"));
    } catch (e) {
      mount(exported, errorNotice(ipc.asReport(e), "export-error"));
    } finally {
      exportButton.disabled = false;
    }
  });
  const header = (label: string): HTMLElement => {
    const col = SORTABLE[label];
    if (!col) return h("th", { scope: "col" }, label);
    const active = sort.key === col.key;
    const arrow = active ? (sort.ascending ? " ▲" : " ▼") : "";
    return h("th", { scope: "col", "aria-sort": active ? (sort.ascending ? "ascending" : "descending") : "none" },
      h("button", {
        type: "button", class: "sort", id: `sort-${col.key}`,
        title: `Sort by ${label.toLowerCase()}`,
        onclick: () => {
          sort = active ? { key: col.key, ascending: !sort.ascending } : { ...col };
          reset(`sort-${col.key}`);
        },
      }, label, arrow));
  };
  /** Reads the page again; `focusId` names the element to give the focus back to (a row's
   * Open button or a header) once it is drawn again. */
  /** Reads overlap (a live refresh while the operator types): only the latest may draw. */
  let reads = 0;
  const load = async (focusId?: string) => {
    const mine = ++reads;
    try {
      const rows = await ipc.listCashouts({ ...filters(), limit: PAGE + 1, offset });
      if (mine !== reads) return;
      mount(datesError);
      from.removeAttribute("aria-invalid");
      to.removeAttribute("aria-invalid");
      const more = rows.length > PAGE;
      const shown = rows.slice(0, PAGE);
      mount(
        body,
        shown.length === 0
          ? notice("info", "No payouts match.", "cashouts-empty")
          : h(
              "table",
              { id: "cashouts-table" },
              h("thead", {}, h("tr", {}, ...["Status", "Cashout id", "External id", "Country", "Amount", "Beneficiary", "Requested", ""].map(header))),
              h(
                "tbody",
                {},
                ...shown.map((p) =>
                  h(
                    "tr",
                    { "data-key": p.cashout_id !== null ? `id-${p.cashout_id}` : `ext-${p.external_id ?? ""}` },
                    h("td", {}, statusBadge(p)),
                    h("td", {}, p.cashout_id ?? "—"),
                    h("td", { class: "id" }, p.external_id ?? "—"),
                    h("td", {}, p.country ?? ""),
                    h("td", { class: "num" }, money(p)),
                    h("td", {}, p.beneficiary ?? ""),
                    h("td", { class: "nowrap", title: p.created_at }, p.created_local),
                    h("td", {}, h("button", {
                      type: "button",
                      id: `open-${p.cashout_id !== null ? `id-${p.cashout_id}` : `ext-${p.external_id ?? ""}`}`,
                      "aria-label": `Open payout ${p.cashout_id ?? p.external_id ?? ""}`,
                      onclick: () => go({ view: "detail", which: p.cashout_id !== null ? { id: p.cashout_id } : { external_id: p.external_id ?? "" } }),
                    }, "Open")),
                  ),
                ),
              ),
            ),
      );
      mount(
        pager,
        h("button", { type: "button", disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); void load(); } }, "Newer"),
        h("span", { class: "muted" }, shown.length === 0 ? "none" : `${offset + 1}–${offset + shown.length}`),
        h("button", { type: "button", disabled: !more, onclick: () => { offset += PAGE; void load(); } }, "Older"),
      );
      if (focusId) (document.getElementById(focusId) as HTMLElement | null)?.focus({ preventScroll: true });
    } catch (e) {
      if (mine !== reads) return;
      const r = ipc.asReport(e);
      // A date that is not one: said at the date fields, the list left as it was.
      if (r.field === "period_from" || r.field === "period_to" || r.field === "period") {
        mount(datesError, r.message);
        (r.field === "period_from" ? from : to).setAttribute("aria-invalid", "true");
        return;
      }
      mount(body, notice("network", r.message));
    }
  };
  const reset = (focusId?: string) => { offset = 0; void load(focusId); };
  // The watcher saw a status change, or another desk changed the team journal: re-read this
  // page with the same filters, keeping where the operator has scrolled to and the row that
  // has the focus (events come in bursts: one re-read per burst).
  const token = routeToken();
  let burst = 0;
  events.listen((e) => {
    if (!changesTheList(e)) return;
    window.clearTimeout(burst);
    burst = window.setTimeout(() => {
      const y = window.scrollY;
      const focused = document.activeElement?.id || undefined;
      void load(focused).then(() => window.scrollTo({ top: y }));
    }, 200);
  }, () => token === routeToken() && body.isConnected);
  status.addEventListener("change", () => reset());
  country.addEventListener("change", () => reset());
  period.addEventListener("change", () => {
    dates.hidden = period.value !== "custom";
    if (period.value === "custom") from.focus();
    reset();
  });
  from.addEventListener("change", () => reset());
  to.addEventListener("change", () => reset());
  // Searched once typing pauses, not at every key.
  text.addEventListener("input", () => { window.clearTimeout(typing); typing = window.setTimeout(reset, 250); });
  mount(
    el,
    h("h1", {}, "Cashouts"),
    h("div", { class: "row" },
      h("span", { class: "filter" }, h("label", { for: "filter-status" }, "Status"), status),
      h("span", { class: "filter" }, h("label", { for: "filter-country" }, "Country"), country),
      h("span", { class: "filter" }, h("label", { for: "filter-period" }, "Requested"), period),
      h("span", { class: "filter" }, h("label", { for: "filter-text" }, "Search"), text),
      h("button", { type: "button", id: "list-refresh", onclick: () => void load() }, "Refresh"),
      exportButton),
    dates,
    exported,
    body,
    pager,
  );
  await load();
}
