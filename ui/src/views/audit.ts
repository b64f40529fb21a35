// The audit log: who did what, when, in which environment, newest first, one page at a time;
// a check of its hash chain (the verdict and where it breaks come from the core) and a CSV
// export of the filtered entries to a file the operator chooses in the save dialog.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import { routeToken } from "../main";
import type { AuditAction } from "../bindings/AuditAction";
import type { AuditFilter } from "../bindings/AuditFilter";
import { errorNotice } from "./detail";
import { copyable } from "../copy";
import { stamp } from "./status";

/** Entries per page: a page fits a 1024×700 window without scrolling far. */
const PAGE = 25;

/** The action names of the binding. A record keyed by the union, so that tsc fails here when
 * the core adds an action, instead of the filter silently missing it. */
const ACTIONS: Record<AuditAction, true> = {
  create: true, hold: true, release: true, cancel: true, lookup: true,
  credentials_saved: true, credentials_removed: true, environment_switched: true,
  export: true, audit_verified: true, resend: true, abandon: true, journal_moved: true, settings_changed: true,
  journal_switched: true, approval_approved: true, approval_rejected: true, approval_expired: true,
  approval_released: true, approval_cancelled: true, approval_closed: true, policy_proposed: true, policy_applied: true,
  policy_rejected: true, beneficiary_saved: true, beneficiary_updated: true, beneficiary_deleted: true,
  batch_confirmed: true, batch_started: true, batch_paused: true, batch_cancelled: true, batch_finished: true,
  update_checked: true, update_installed: true,
};

export async function renderAudit(el: HTMLElement): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  let offset = 0;
  const action = h("select", { id: "audit-action" }, h("option", { value: "" }, "Any action"),
    ...(Object.keys(ACTIONS) as AuditAction[]).map((a) => h("option", { value: a }, a.replaceAll("_", " "))));
  const text = h("input", { id: "audit-text", type: "search", placeholder: "ids, user or detail" });
  const body = h("div", { id: "audit-body" });
  const pager = h("div", { class: "row" });
  const verdict = h("div", { id: "audit-verdict" });
  const exported = h("div", { id: "audit-export-result" });
  let typing: number | undefined;

  const filter = (): Partial<AuditFilter> => ({
    action: (action.value || null) as AuditAction | null,
    text: text.value.trim() || null,
  });

  const load = async () => {
    try {
      const rows = await ipc.auditLog({ ...filter(), limit: PAGE + 1, offset });
      if (!current()) return;
      const more = rows.length > PAGE;
      const shown = rows.slice(0, PAGE);
      mount(body, shown.length === 0
        ? notice("info", "No entries match.", "audit-empty")
        // Each entry is two rows: who, when, what and the outcome in fixed columns, then the
        // detail across the whole width below them — readable at 1024×700, where a detail
        // column squeezed beside seven others wrapped a long message into a tower.
        : h("table", { id: "audit-table", class: "audit-table" },
            h("colgroup", {},
              h("col", { class: "c-seq" }), h("col", { class: "c-time" }), h("col", { class: "c-who" }),
              h("col", { class: "c-action" }), h("col", { class: "c-payout" }), h("col", { class: "c-outcome" })),
            h("thead", {}, h("tr", {}, ...["#", "Time", "User · environment", "Action", "Payout", "Outcome"].map((t) => h("th", { scope: "col" }, t)))),
            ...shown.map((e) =>
              h("tbody", { class: "audit-entry" },
                h("tr", { "data-seq": e.seq },
                  h("td", { class: "num" }, e.seq),
                  h("td", {}, stamp(e.at)),
                  h("td", {}, h("div", {}, e.os_user), h("div", { class: "muted" }, e.environment)),
                  h("td", {}, e.action.replaceAll("_", " ")),
                  h("td", { class: "id" },
                    e.cashout_id !== null ? h("div", {}, `id ${e.cashout_id}`) : null,
                    e.external_id ? h("div", {}, e.external_id) : null,
                    e.cashout_id === null && !e.external_id ? "—" : null),
                  h("td", { class: `outcome${e.outcome === "ok" ? "" : " outcome-failed"}` }, e.outcome.replaceAll("_", " "))),
                h("tr", { class: "audit-detail" }, h("td", {}),
                  h("td", { colspan: 5, class: "detail" },
                    e.detail ? h("div", {}, e.detail) : null,
                    h("div", { class: "muted audit-hash" }, "hash ", copyable(e.hash, `hash of entry ${e.seq}`, `copy-hash-${e.seq}`))))))));
      mount(pager,
        h("button", { type: "button", disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); void load(); } }, "Newer"),
        h("span", { class: "muted" }, shown.length ? `${offset + 1}–${offset + shown.length}` : ""),
        h("button", { type: "button", disabled: !more, onclick: () => { offset += PAGE; void load(); } }, "Older"));
    } catch (e) {
      if (current()) mount(body, errorNotice(ipc.asReport(e), "audit-error"));
    }
  };
  const reset = () => { offset = 0; void load(); };
  action.addEventListener("change", reset);
  // Searched once typing pauses, not at every key.
  text.addEventListener("input", () => { window.clearTimeout(typing); typing = window.setTimeout(reset, 250); });

  /** Runs one button's command with the button disabled meanwhile: a second click while the
   * save dialog is open must not open another. */
  const busy = async (button: HTMLButtonElement, fn: () => Promise<void>) => {
    button.disabled = true;
    try { await fn(); } finally { button.disabled = false; }
  };
  const verifyButton = h("button", { type: "button", id: "audit-verify" }, "Verify chain");
  verifyButton.addEventListener("click", () => void busy(verifyButton, async () => {
    mount(verdict, notice("info", "Checking the chain…"));
    try {
      const v = await ipc.verifyAudit();
      if (!current()) return;
      mount(verdict, v.intact
        ? h("div", { class: "notice notice-ok", role: "status", id: "audit-intact" },
            `Chain intact: ${v.entries} entries. Head (write it down to detect entries cut from the end): `,
            copyable(v.head_hash, "head hash", "copy-head-hash"))
        : notice("validation", `Chain broken at entry ${v.broken_at ?? "?"}: ${v.problem ?? ""}`, "audit-broken"));
      // The check is itself recorded: show it.
      reset();
    } catch (e) {
      if (current()) mount(verdict, errorNotice(ipc.asReport(e), "audit-verify-error"));
    }
  }));
  const exportButton = h("button", { type: "button", id: "audit-export" }, "Export CSV");
  exportButton.addEventListener("click", () => void busy(exportButton, async () => {
    mount(exported);
    try {
      const r = await ipc.exportAudit(filter());
      if (!current()) return;
      // null: the operator closed the save dialog; nothing happened, nothing to say.
      if (r) {
        mount(exported, notice("ok", `Exported ${r.rows} ${r.rows === 1 ? "entry" : "entries"} to ${r.file}`, "audit-exported"));
        reset();
      }
    } catch (e) {
      if (current()) mount(exported, errorNotice(ipc.asReport(e), "audit-export-error"));
    }
  }));

  mount(el,
    h("h1", {}, "Audit log"),
    h("div", { class: "row" },
      h("label", { for: "audit-action" }, "Action"), action,
      h("label", { for: "audit-text" }, "Search"), text,
      h("button", { type: "button", id: "audit-refresh", onclick: () => void load() }, "Refresh")),
    h("div", { class: "row" }, verifyButton, exportButton),
    verdict,
    exported,
    body,
    pager);
  await load();
}
