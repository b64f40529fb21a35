// The journal as a list, newest first, filtered by status, country and free text, one page at
// a time (the journal answers pages; the list never loads everything). The same filters export
// every matching payout to a reconciliation CSV (the shell asks where to save it).
import * as ipc from "../ipc";
import * as events from "../events";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { CashoutStatus } from "../bindings/CashoutStatus";
import type { ListFilter } from "../bindings/ListFilter";
import type { Phase } from "../bindings/Phase";
import { errorNotice } from "./detail";
import { money, statusBadge } from "./status";

const PAGE = 50;

/** The list's status filter also offers these states of unsettled creates, by create phase. */
const PHASE_GROUPS: Record<string, { label: string; phases: Phase[] }> = {
  "phase:checking": { label: "checking… (sent, not confirmed)", phases: ["intent", "unknown", "sent_not_found"] },
  "phase:not_sent": { label: "NOT SENT (never left)", phases: ["not_sent"] },
  "phase:abandoned": { label: "ABANDONED", phases: ["abandoned"] },
};

export async function renderList(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  let offset = 0;
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
  const text = h("input", { id: "filter-text", type: "search", placeholder: "external_id, cashout_id or beneficiary" });
  let typing: number | undefined;
  const body = h("div", {});
  const pager = h("div", { class: "row" });
  const filters = (): Partial<ListFilter> => ({
    status: (status.value && !PHASE_GROUPS[status.value] ? status.value : null) as CashoutStatus | null,
    phases: PHASE_GROUPS[status.value]?.phases ?? [],
    country: country.value || null,
    text: text.value || null,
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
  const load = async () => {
    try {
      const rows = await ipc.listCashouts({ ...filters(), limit: PAGE + 1, offset });
      const more = rows.length > PAGE;
      const shown = rows.slice(0, PAGE);
      mount(
        body,
        shown.length === 0
          ? notice("info", "No payouts match.", "cashouts-empty")
          : h(
              "table",
              { id: "cashouts-table" },
              h("thead", {}, h("tr", {}, ...["Status", "Cashout id", "External id", "Country", "Amount", "Beneficiary", "Requested", ""].map((t) => h("th", { scope: "col" }, t)))),
              h(
                "tbody",
                {},
                ...shown.map((p) =>
                  h(
                    "tr",
                    {},
                    h("td", {}, statusBadge(p)),
                    h("td", {}, p.cashout_id ?? "—"),
                    h("td", { class: "id" }, p.external_id ?? "—"),
                    h("td", {}, p.country ?? ""),
                    h("td", { class: "num" }, money(p)),
                    h("td", {}, p.beneficiary ?? ""),
                    h("td", { class: "nowrap" }, p.created_at.slice(0, 19).replace("T", " ")),
                    h("td", {}, h("button", {
                      type: "button",
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
    } catch (e) {
      mount(body, notice("network", ipc.asReport(e).message));
    }
  };
  const reset = () => { offset = 0; void load(); };
  // Another desk changed the team journal: re-read this page with the same filters, keeping
  // where the operator has scrolled to (announcements come in bursts: one re-read per burst).
  const token = routeToken();
  let burst = 0;
  events.listen((e) => {
    if (e.type !== "journal") return;
    window.clearTimeout(burst);
    burst = window.setTimeout(() => {
      const y = window.scrollY;
      void load().then(() => window.scrollTo({ top: y }));
    }, 200);
  }, () => token === routeToken() && body.isConnected);
  status.addEventListener("change", reset);
  country.addEventListener("change", reset);
  // Searched once typing pauses, not at every key.
  text.addEventListener("input", () => { window.clearTimeout(typing); typing = window.setTimeout(reset, 250); });
  mount(
    el,
    h("h1", {}, "Cashouts"),
    h("div", { class: "row" },
      h("label", { for: "filter-status" }, "Status"), status,
      h("label", { for: "filter-country" }, "Country"), country,
      h("label", { for: "filter-text" }, "Search"), text,
      h("button", { type: "button", id: "list-refresh", onclick: () => void load() }, "Refresh"),
      exportButton),
    exported,
    body,
    pager,
  );
  await load();
}
