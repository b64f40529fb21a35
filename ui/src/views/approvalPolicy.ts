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

function describeChange(c: PolicyChange): string {
  return c.threshold === null
    ? `${c.currency}: no approval needed`
    : `${c.currency} from ${c.threshold}: ${c.approvers === 1 ? "1 approver" : `${c.approvers ?? "?"} approvers`}, within ${c.expires_after_hours} h`;
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
        ? notice("info", "No payout needs approval in this environment.", "policy-empty")
        : h("table", { id: "policy-table" },
          h("thead", {}, h("tr", {}, ...["Currency", "Needs approval from", "Approvers", "Expires after", "Proposed by", "Approved by"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, ...o.policies.map((p) => h("tr", {},
            h("td", {}, p.currency), h("td", { class: "num" }, `${p.threshold} ${p.currency}`), h("td", {}, p.approvers),
            h("td", {}, `${p.expires_after_hours} h`), h("td", {}, p.proposed_by), h("td", {}, p.approved_by))))),
      changes(o),
      o.may_propose ? proposal() : h("p", { class: "muted" }, "Changes are proposed by the team's administrators and applied when a second operator approves them."));
  };
  const decide = async (c: PolicyChange, approve: boolean) => {
    const reason = approve ? "" : (document.getElementById(`policy-reason-${c.id}`) as HTMLInputElement | null)?.value ?? "";
    try {
      await ipc.decidePolicyChange(c.id, approve, reason);
      mount(message, notice("ok", `Change ${c.id} ${approve ? "applied" : "rejected"}.`, "policy-decided"));
    } catch (e) {
      mount(message, errorNotice(ipc.asReport(e), "policy-decide-error"));
    }
    await load();
  };
  const changes = (o: PolicyOverview): HTMLElement | null => o.changes.length === 0 ? null :
    h("table", { id: "policy-changes" },
      h("caption", { class: "muted" }, "Changes, newest first"),
      h("tbody", {}, ...o.changes.slice(0, 10).map((c) => h("tr", { "data-change": c.id },
        h("td", {}, `#${c.id}`),
        h("td", {}, describeChange(c)),
        h("td", {}, `${c.state} · proposed by ${c.proposed_by} ${stamp(c.proposed_at)}${c.decided_by ? ` · ${c.state} by ${c.decided_by}` : ""}${c.reason ? `: ${c.reason}` : ""}`),
        h("td", {}, o.may_decide.includes(c.id)
          ? h("div", { class: "row" },
            h("button", { type: "button", id: `policy-approve-${c.id}`, onclick: () => void decide(c, true) }, "Approve"),
            h("input", { type: "text", id: `policy-reason-${c.id}`, "aria-label": `Why change ${c.id} is rejected`, placeholder: "why, to reject" }),
            h("button", { type: "button", id: `policy-reject-${c.id}`, class: "danger", onclick: () => void decide(c, false) }, "Reject"))
          : null)))));
  const proposal = (): HTMLElement => {
    const currency = h("input", { id: "policy-currency", type: "text", maxlength: 3, placeholder: "BRL", autocomplete: "off" });
    const threshold = h("input", { id: "policy-threshold", type: "text", inputmode: "decimal", placeholder: "1000.00 (empty: no approval)" });
    const approvers = h("select", { id: "policy-approvers" }, h("option", { value: "1" }, "1 approver"), h("option", { value: "2" }, "2 approvers"));
    const hours = h("input", { id: "policy-hours", type: "number", step: 1, min: 1, max: 720, value: 168 });
    const fields: Record<string, HTMLElement> = { currency, threshold, approvers, expires_after_hours: hours };
    const propose = async () => {
      for (const input of Object.values(fields)) input.removeAttribute("aria-invalid");
      try {
        const id = await ipc.proposeApprovalPolicy(currency.value, threshold.value.trim() || null, Number(approvers.value), Number(hours.value));
        mount(message, notice("ok", `Proposed as change ${id}: it applies when another operator approves it.`, "policy-proposed"));
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
        field("policy-currency", "Currency", currency),
        field("policy-threshold", "Needs approval from", threshold),
        field("policy-approvers", "Approvers", approvers),
        field("policy-hours", "Expires after (hours)", hours)),
      h("div", { class: "row" }, h("button", { type: "submit", id: "policy-propose" }, "Propose change")));
  };
  mount(el,
    h("h2", {}, "Approval policy"),
    h("p", { class: "muted" }, "On a team journal, payouts from a threshold up are sent on hold and released when other operators approve them."),
    body,
    message);
  await load();
}
