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
import { t } from "../i18n";

/** Entries per page: a page fits a 1024×700 window without scrolling far. */
const PAGE = 25;

/** The action names of the binding, in words. A record keyed by the union, so that tsc fails
 * here when the core adds an action, instead of the filter silently missing it. */
const ACTIONS: Record<AuditAction, () => string> = {
  create: () => t("audit-action-create"),
  hold: () => t("audit-action-hold"),
  release: () => t("audit-action-release"),
  cancel: () => t("audit-action-cancel"),
  lookup: () => t("audit-action-lookup"),
  credentials_saved: () => t("audit-action-credentials-saved"),
  credentials_removed: () => t("audit-action-credentials-removed"),
  environment_switched: () => t("audit-action-environment-switched"),
  export: () => t("audit-action-export"),
  audit_verified: () => t("audit-action-audit-verified"),
  resend: () => t("audit-action-resend"),
  abandon: () => t("audit-action-abandon"),
  journal_moved: () => t("audit-action-journal-moved"),
  settings_changed: () => t("audit-action-settings-changed"),
  journal_switched: () => t("audit-action-journal-switched"),
  approval_approved: () => t("audit-action-approval-approved"),
  approval_rejected: () => t("audit-action-approval-rejected"),
  approval_expired: () => t("audit-action-approval-expired"),
  approval_released: () => t("audit-action-approval-released"),
  approval_cancelled: () => t("audit-action-approval-cancelled"),
  approval_closed: () => t("audit-action-approval-closed"),
  policy_proposed: () => t("audit-action-policy-proposed"),
  policy_applied: () => t("audit-action-policy-applied"),
  policy_rejected: () => t("audit-action-policy-rejected"),
  beneficiary_saved: () => t("audit-action-beneficiary-saved"),
  beneficiary_updated: () => t("audit-action-beneficiary-updated"),
  beneficiary_deleted: () => t("audit-action-beneficiary-deleted"),
  batch_confirmed: () => t("audit-action-batch-confirmed"),
  batch_started: () => t("audit-action-batch-started"),
  batch_paused: () => t("audit-action-batch-paused"),
  batch_cancelled: () => t("audit-action-batch-cancelled"),
  batch_finished: () => t("audit-action-batch-finished"),
  update_checked: () => t("audit-action-update-checked"),
  update_installed: () => t("audit-action-update-installed"),
};

/** An entry's action in words. The log keeps the name as stored, so a name this version does
 * not know (an edited or newer entry) is shown as it is. */
function actionText(action: string): string {
  return Object.hasOwn(ACTIONS, action) ? ACTIONS[action as AuditAction]() : action.replaceAll("_", " ");
}

/** An entry's outcome: "ok" in words; otherwise the stable error code it ended with, as the
 * CLI and the CSV export write it. */
function outcomeText(outcome: string): string {
  return outcome === "ok" ? t("audit-outcome-ok") : outcome.replaceAll("_", " ");
}

export async function renderAudit(el: HTMLElement): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  let offset = 0;
  const action = h("select", { id: "audit-action" }, h("option", { value: "" }, t("audit-any-action")),
    ...(Object.entries(ACTIONS) as [AuditAction, () => string][]).map(([a, label]) => h("option", { value: a }, label())));
  const text = h("input", { id: "audit-text", type: "search", placeholder: t("audit-search-placeholder") });
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
        ? notice("info", t("audit-empty"), "audit-empty")
        // Each entry is two rows: who, when, what and the outcome in fixed columns, then the
        // detail across the whole width below them — readable at 1024×700, where a detail
        // column squeezed beside seven others wrapped a long message into a tower.
        : h("table", { id: "audit-table", class: "audit-table" },
            h("colgroup", {},
              h("col", { class: "c-seq" }), h("col", { class: "c-time" }), h("col", { class: "c-who" }),
              h("col", { class: "c-action" }), h("col", { class: "c-payout" }), h("col", { class: "c-outcome" })),
            h("thead", {}, h("tr", {}, ...[t("audit-col-seq"), t("audit-col-time"), t("audit-col-who"), t("audit-col-action"), t("audit-col-payout"), t("audit-col-outcome")].map((c) => h("th", { scope: "col" }, c)))),
            ...shown.map((e) =>
              h("tbody", { class: "audit-entry" },
                h("tr", { "data-seq": e.seq },
                  h("td", { class: "num" }, e.seq),
                  h("td", {}, stamp(e.at)),
                  h("td", {}, h("div", {}, e.os_user), h("div", { class: "muted" }, e.environment)),
                  h("td", {}, actionText(e.action)),
                  h("td", { class: "id" },
                    e.cashout_id !== null ? h("div", {}, t("audit-cashout-id", { id: String(e.cashout_id) })) : null,
                    e.external_id ? h("div", {}, e.external_id) : null,
                    e.cashout_id === null && !e.external_id ? "—" : null),
                  h("td", { class: `outcome${e.outcome === "ok" ? "" : " outcome-failed"}` }, outcomeText(e.outcome))),
                h("tr", { class: "audit-detail" }, h("td", {}),
                  h("td", { colspan: 5, class: "detail" },
                    e.detail ? h("div", {}, e.detail) : null,
                    h("div", { class: "muted audit-hash" }, t("audit-hash"), " ", copyable(e.hash, t("audit-hash-of-entry", { seq: String(e.seq) }), `copy-hash-${e.seq}`))))))));
      mount(pager,
        h("button", { type: "button", disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); void load(); } }, t("audit-newer")),
        h("span", { class: "muted" }, shown.length ? `${offset + 1}–${offset + shown.length}` : ""),
        h("button", { type: "button", disabled: !more, onclick: () => { offset += PAGE; void load(); } }, t("audit-older")));
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
  const verifyButton = h("button", { type: "button", id: "audit-verify" }, t("audit-verify"));
  verifyButton.addEventListener("click", () => void busy(verifyButton, async () => {
    mount(verdict, notice("info", t("audit-verifying")));
    try {
      const v = await ipc.verifyAudit();
      if (!current()) return;
      mount(verdict, v.intact
        ? h("div", { class: "notice notice-ok", role: "status", id: "audit-intact" },
            t("audit-intact", { count: v.entries }), " ",
            copyable(v.head_hash, t("audit-head-hash"), "copy-head-hash"))
        // Where it breaks is the core's finding, and what is wrong there its sentence.
        : notice("validation", t("audit-broken", { seq: v.broken_at === null ? "?" : String(v.broken_at), problem: v.problem ?? "" }), "audit-broken"));
      // The check is itself recorded: show it.
      reset();
    } catch (e) {
      if (current()) mount(verdict, errorNotice(ipc.asReport(e), "audit-verify-error"));
    }
  }));
  const exportButton = h("button", { type: "button", id: "audit-export" }, t("audit-export-csv"));
  exportButton.addEventListener("click", () => void busy(exportButton, async () => {
    mount(exported);
    try {
      const r = await ipc.exportAudit(filter());
      if (!current()) return;
      // null: the operator closed the save dialog; nothing happened, nothing to say.
      if (r) {
        mount(exported, notice("ok", t("audit-exported", { count: r.rows, file: r.file }), "audit-exported"));
        reset();
      }
    } catch (e) {
      if (current()) mount(exported, errorNotice(ipc.asReport(e), "audit-export-error"));
    }
  }));

  mount(el,
    h("h1", {}, t("audit-title")),
    h("div", { class: "row" },
      h("label", { for: "audit-action" }, t("audit-col-action")), action,
      h("label", { for: "audit-text" }, t("audit-search")), text,
      h("button", { type: "button", id: "audit-refresh", onclick: () => void load() }, t("refresh"))),
    h("div", { class: "row" }, verifyButton, exportButton),
    verdict,
    exported,
    body,
    pager);
  await load();
}
