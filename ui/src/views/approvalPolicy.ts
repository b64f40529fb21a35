// Settings → Approval policy (team journal): the thresholds in force per currency, the changes
// proposed and decided, a proposal form for the team's administrators, and approve / reject for
// a proposal made by someone else. Who may do what comes from the core (`may_propose`,
// `may_decide`); the team database checks it again, and its refusals are shown as it words them.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import type { PolicyOverview } from "../bindings/PolicyOverview";
import type { PolicyChange } from "../bindings/PolicyChange";
import { errorNotice } from "./detail";
import { stamp } from "./status";
import { t } from "../i18n";

function describeChange(c: PolicyChange): string {
  return c.threshold === null
    ? t("policy-change-none", { currency: c.currency })
    : t("policy-change-threshold", { currency: c.currency, threshold: c.threshold, approvers: c.approvers ?? "?", hours: c.expires_after_hours });
}

/** Where a change stands and who decided it, as facts joined by " · " (a reason, the
 * operator's own words, after a colon). */
function changeState(c: PolicyChange): string {
  const facts = [
    t("policy-change-state", { state: c.state }),
    t("policy-change-proposed-by", { who: c.proposed_by, at: stamp(c.proposed_at) }),
    c.decided_by ? t("policy-change-decided-by", { state: c.state, who: c.decided_by }) : null,
  ].filter((x) => x !== null).join(" · ");
  return c.reason ? `${facts}: ${c.reason}` : facts;
}

export async function renderApprovalPolicy(el: HTMLElement): Promise<void> {
  const message = h("div", { id: "policy-message" });
  const body = h("div", { id: "policy-body" });
  const load = async () => {
    let o: PolicyOverview;
    try {
      o = await ipc.approvalPolicy();
    } catch (e) {
      // A local journal has no approvals: say so once, quietly.
      const r = ipc.asReport(e);
      mount(body, r.code === "approval_refused" ? notice("info", r.message, "policy-none") : errorNotice(r, "policy-error"));
      return;
    }
    mount(body,
      o.policies.length === 0
        ? notice("info", t("policy-empty"), "policy-empty")
        : h("table", { id: "policy-table" },
          h("thead", {}, h("tr", {}, ...[t("policy-col-currency"), t("policy-col-threshold"), t("policy-col-approvers"), t("policy-col-expires"), t("policy-col-proposed-by"), t("policy-col-approved-by")].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, ...o.policies.map((p) => h("tr", {},
            h("td", {}, p.currency), h("td", { class: "num" }, `${p.threshold} ${p.currency}`), h("td", {}, p.approvers),
            h("td", {}, t("policy-hours", { hours: p.expires_after_hours })), h("td", {}, p.proposed_by), h("td", {}, p.approved_by))))),
      changes(o),
      o.may_propose ? proposal() : h("p", { class: "muted" }, t("policy-admins-propose")));
  };
  const decide = async (c: PolicyChange, approve: boolean) => {
    const reason = approve ? "" : (document.getElementById(`policy-reason-${c.id}`) as HTMLInputElement | null)?.value ?? "";
    try {
      await ipc.decidePolicyChange(c.id, approve, reason);
      const id = String(c.id);
      mount(message, notice("ok", approve ? t("policy-applied", { id }) : t("policy-rejected", { id }), "policy-decided"));
    } catch (e) {
      mount(message, errorNotice(ipc.asReport(e), "policy-decide-error"));
    }
    await load();
  };
  const changes = (o: PolicyOverview): HTMLElement | null => o.changes.length === 0 ? null :
    h("table", { id: "policy-changes" },
      h("caption", { class: "muted" }, t("policy-changes-caption")),
      h("tbody", {}, ...o.changes.slice(0, 10).map((c) => h("tr", { "data-change": c.id },
        h("td", {}, `#${c.id}`),
        h("td", {}, describeChange(c)),
        h("td", {}, changeState(c)),
        h("td", {}, o.may_decide.includes(c.id)
          ? h("div", { class: "row" },
            h("button", { type: "button", id: `policy-approve-${c.id}`, onclick: () => void decide(c, true) }, t("policy-approve")),
            h("input", { type: "text", id: `policy-reason-${c.id}`, "aria-label": t("policy-reason-label", { id: String(c.id) }), placeholder: t("policy-reason-placeholder") }),
            h("button", { type: "button", id: `policy-reject-${c.id}`, class: "danger", onclick: () => void decide(c, false) }, t("policy-reject")))
          : null)))));
  const proposal = (): HTMLElement => {
    // "BRL": an ISO 4217 code as an example, the same in every language.
    const currency = h("input", { id: "policy-currency", type: "text", maxlength: 3, placeholder: "BRL", autocomplete: "off" });
    const threshold = h("input", { id: "policy-threshold", type: "text", inputmode: "decimal", placeholder: t("policy-threshold-placeholder") });
    const approvers = h("select", { id: "policy-approvers" }, h("option", { value: "1" }, t("policy-approvers-count", { count: 1 })), h("option", { value: "2" }, t("policy-approvers-count", { count: 2 })));
    const hours = h("input", { id: "policy-hours", type: "number", step: 1, min: 1, max: 720, value: 168 });
    const fields: Record<string, HTMLElement> = { currency, threshold, approvers, expires_after_hours: hours };
    const propose = async () => {
      for (const input of Object.values(fields)) input.removeAttribute("aria-invalid");
      try {
        const id = await ipc.proposeApprovalPolicy(currency.value, threshold.value.trim() || null, Number(approvers.value), Number(hours.value));
        mount(message, notice("ok", t("policy-proposed", { id: String(id) }), "policy-proposed"));
        await load();
      } catch (e) {
        const r = ipc.asReport(e);
        const at = r.field ? fields[r.field] : undefined;
        at?.setAttribute("aria-invalid", "true");
        mount(message, errorNotice(r, "policy-propose-error"));
        at?.focus();
      }
    };
    const field = (id: string, label: string, input: HTMLElement) => h("div", { class: "field" }, h("label", { for: id }, label), input);
    return h("form", { id: "policy-form", onsubmit: (e: Event) => { e.preventDefault(); void propose(); } },
      h("div", { class: "form-grid" },
        field("policy-currency", t("policy-col-currency"), currency),
        field("policy-threshold", t("policy-col-threshold"), threshold),
        field("policy-approvers", t("policy-col-approvers"), approvers),
        field("policy-hours", t("policy-hours-label"), hours)),
      h("div", { class: "row" }, h("button", { type: "submit", id: "policy-propose" }, t("policy-propose"))));
  };
  mount(el,
    h("h2", {}, t("policy-title")),
    h("p", { class: "muted" }, t("policy-intro")),
    body,
    message);
  await load();
}
