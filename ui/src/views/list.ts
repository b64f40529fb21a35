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
import { money, statusBadge, statusLabel } from "./status";
import { t } from "../i18n";

const PAGE = 50;

/** The list's status filter also offers these states of unsettled creates, by create phase.
 * Labels are functions: they are read in the language of the moment the list is drawn. */
const PHASE_GROUPS: Record<string, { label: () => string; phases: Phase[] }> = {
  "phase:checking": { label: () => t("list-phase-checking"), phases: ["intent", "unknown", "sent_not_found"] },
  "phase:queued": { label: () => t("list-phase-queued"), phases: ["queued"] },
  "phase:not_sent": { label: () => t("list-phase-not-sent"), phases: ["not_sent"] },
  "phase:abandoned": { label: () => t("list-phase-abandoned"), phases: ["abandoned"] },
};

/** The periods offered; the core turns each into instants in the operator's time zone. The
 * values are the core's own period kinds (typed: a misspelt kind does not compile). */
const PERIODS: ["" | Period["kind"], () => string][] = [
  ["", () => t("list-period-any")],
  ["today", () => t("list-period-today")],
  ["yesterday", () => t("list-period-yesterday")],
  ["last7_days", () => t("list-period-last-7-days")],
  ["last30_days", () => t("list-period-last-30-days")],
  ["this_month", () => t("list-period-this-month")],
  ["custom", () => t("list-period-custom")],
];

/** What the list opens filtered by (the overview's tiles and bars). */
export type ListPreset = { status?: CashoutStatus | null; phases?: Phase[]; period?: Period | null; currency?: string | null; sentOnly?: boolean };

/** A column of the table: its header, and for a sortable one its sort key, the direction a
 * first click sorts it in and the header button's tooltip. */
type Column = { label: () => string; sort?: { key: SortKey; ascending: boolean; title: () => string } };
const COLUMNS: Column[] = [
  { label: () => t("list-col-status"), sort: { key: "status", ascending: true, title: () => t("list-sort-status") } },
  { label: () => t("col-cashout-id") },
  { label: () => t("col-external-id") },
  { label: () => t("list-col-country") },
  { label: () => t("col-amount"), sort: { key: "amount", ascending: false, title: () => t("list-sort-amount") } },
  { label: () => t("col-beneficiary"), sort: { key: "beneficiary", ascending: true, title: () => t("list-sort-beneficiary") } },
  { label: () => t("list-col-requested"), sort: { key: "created", ascending: false, title: () => t("list-sort-requested") } },
  { label: () => "" },
];

/** Whether a desk event may have changed what the list shows. */
function changesTheList(e: DeskEvent): boolean {
  if (e.type === "journal") return true;
  return e.type === "watch" && (e.event.kind === "changed" || e.event.kind === "reconciled");
}

export async function renderList(el: HTMLElement, go: (r: Route) => void, preset: ListPreset = {}): Promise<void> {
  let offset = 0;
  let sort: { key: SortKey; ascending: boolean } = { key: "created", ascending: false };
  // The statuses and countries come from the core's tables.
  const [table, forms] = await Promise.all([ipc.lifecycle(), ipc.countryForms()]);
  // The statuses of the core's table, then the states of creates that are not settled (by
  // their create phase), so an operator can find every payout that is "checking…" or never
  // left this computer.
  const status = h("select", { id: "filter-status" },
    h("option", { value: "" }, t("list-any-status")),
    ...table.statuses.map((s) => h("option", { value: s.status }, statusLabel(s.status))),
    h("option", { value: "UNKNOWN" }, t("list-status-unknown")),
    ...Object.entries(PHASE_GROUPS).map(([key, g]) => h("option", { value: key }, g.label())));
  // The country's name is the core's (its country table), with its ISO code.
  const country = h("select", { id: "filter-country" }, h("option", { value: "" }, t("list-any-country")), ...forms.map((f) => h("option", { value: f.code }, `${f.name} (${f.code})`)));
  const period = h("select", { id: "filter-period" }, ...PERIODS.map(([v, label]) => h("option", { value: v }, label())));
  // The currencies the countries pay in (the core's forms), and USD.
  const codes = [...new Set(forms.flatMap((f) => f.currencies))].sort();
  const currency = h("select", { id: "filter-currency" }, h("option", { value: "" }, t("list-any-currency")), ...codes.map((c) => h("option", { value: c }, c)));
  // What the overview counts as sent (its "sent" tile and daily bars open the list with it).
  const sentOnly = h("input", { id: "filter-sent", type: "checkbox" }) as HTMLInputElement;
  const from = h("input", { id: "filter-from", type: "date", "aria-describedby": "filter-dates-error" });
  const to = h("input", { id: "filter-to", type: "date", "aria-describedby": "filter-dates-error" });
  const datesError = h("span", { id: "filter-dates-error", class: "field-error", role: "alert" });
  const dates = h("span", { class: "row", id: "filter-dates", hidden: true },
    h("label", { for: "filter-from" }, t("list-from")), from,
    h("label", { for: "filter-to" }, t("list-to")), to, datesError);
  const text = h("input", { id: "filter-text", type: "search", placeholder: t("list-search-placeholder") });
  let typing: number | undefined;
  const body = h("div", {});
  const pager = h("div", { class: "row" });
  const chosenPeriod = (): Period | null => {
    switch (period.value) {
      case "": return null;
      case "custom": return { kind: "custom", from: from.value || null, to: to.value || null };
      default: return { kind: period.value } as Exclude<Period, { kind: "custom" }>;
    }
  };
  const filters = (): Partial<ListFilter> => ({
    status: (status.value && !PHASE_GROUPS[status.value] ? status.value : null) as CashoutStatus | null,
    phases: PHASE_GROUPS[status.value]?.phases ?? [],
    country: country.value || null,
    currency: currency.value || null,
    sent_only: sentOnly.checked,
    text: text.value || null,
    period: chosenPeriod(),
    sort: sort.key,
    ascending: sort.ascending,
  });
  const exported = h("div", { id: "export-result" });
  const exportButton = h("button", { type: "button", id: "export-csv" }, t("list-export-csv"));
  exportButton.addEventListener("click", async () => {
    // Disabled while the save dialog is open: a second click must not open another.
    exportButton.disabled = true;
    mount(exported);
    try {
      // No page: the export is every payout the filters match, not the page on screen.
      const r = await ipc.exportCashouts(filters());
      // null: the operator closed the save dialog; nothing was written, nothing to say.
      if (r) mount(exported, notice("ok", t("list-exported", { count: r.rows, file: r.file }), "exported"));
    } catch (e) {
      mount(exported, errorNotice(ipc.asReport(e), "export-error"));
    } finally {
      exportButton.disabled = false;
    }
  });
  const header = (column: Column): HTMLElement => {
    const label = column.label();
    const col = column.sort;
    if (!col) return h("th", { scope: "col" }, label);
    const active = sort.key === col.key;
    const arrow = active ? (sort.ascending ? " ▲" : " ▼") : "";
    return h("th", { scope: "col", "aria-sort": active ? (sort.ascending ? "ascending" : "descending") : "none" },
      h("button", {
        type: "button", class: "sort", id: `sort-${col.key}`,
        title: col.title(),
        onclick: () => {
          sort = active ? { key: col.key, ascending: !sort.ascending } : { key: col.key, ascending: col.ascending };
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
          ? notice("info", t("list-empty"), "cashouts-empty")
          : h(
              "table",
              { id: "cashouts-table" },
              h("thead", {}, h("tr", {}, ...COLUMNS.map(header))),
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
                    h("td", { class: "nowrap", title: p.created_at }, p.created_shown),
                    h("td", {}, h("button", {
                      type: "button",
                      id: `open-${p.cashout_id !== null ? `id-${p.cashout_id}` : `ext-${p.external_id ?? ""}`}`,
                      "aria-label": t("open-payout-label", { id: String(p.cashout_id ?? p.external_id ?? "") }),
                      onclick: () => go({ view: "detail", which: p.cashout_id !== null ? { id: p.cashout_id } : { external_id: p.external_id ?? "" } }),
                    }, t("open"))),
                  ),
                ),
              ),
            ),
      );
      mount(
        pager,
        h("button", { type: "button", disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); void load(); } }, t("list-newer")),
        h("span", { class: "muted" }, shown.length === 0 ? t("list-range-none") : `${offset + 1}–${offset + shown.length}`),
        h("button", { type: "button", disabled: !more, onclick: () => { offset += PAGE; void load(); } }, t("list-older")),
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
  // Opened from the overview: its filter, shown in the controls so it can be changed.
  if (preset.status) status.value = preset.status;
  if (preset.currency) {
    if (![...currency.options].some((o) => o.value === preset.currency)) currency.append(h("option", { value: preset.currency }, preset.currency));
    currency.value = preset.currency;
  }
  if (preset.sentOnly) sentOnly.checked = true;
  if (preset.phases?.length) {
    const wanted = [...preset.phases].sort().join();
    const group = Object.entries(PHASE_GROUPS).find(([, g]) => [...g.phases].sort().join() === wanted);
    if (group) status.value = group[0];
  }
  if (preset.period) {
    period.value = preset.period.kind;
    if (preset.period.kind === "custom") {
      from.value = preset.period.from ?? "";
      to.value = preset.period.to ?? "";
      dates.hidden = false;
    }
  }
  status.addEventListener("change", () => reset());
  country.addEventListener("change", () => reset());
  currency.addEventListener("change", () => reset());
  sentOnly.addEventListener("change", () => reset());
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
    h("h1", {}, t("list-title")),
    h("div", { class: "row" },
      h("span", { class: "filter" }, h("label", { for: "filter-status" }, t("list-col-status")), status),
      h("span", { class: "filter" }, h("label", { for: "filter-country" }, t("list-col-country")), country),
      h("span", { class: "filter" }, h("label", { for: "filter-currency" }, t("list-currency")), currency),
      h("span", { class: "filter" }, h("label", { for: "filter-period" }, t("list-col-requested")), period),
      h("span", { class: "filter" }, sentOnly, h("label", { for: "filter-sent" }, t("list-sent-only"))),
      h("span", { class: "filter" }, h("label", { for: "filter-text" }, t("list-search")), text),
      h("button", { type: "button", id: "list-refresh", onclick: () => void load() }, t("refresh")),
      exportButton),
    dates,
    exported,
    body,
    pager,
  );
  await load();
}
