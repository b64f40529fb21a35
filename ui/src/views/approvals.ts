// Approvals (maker–checker on the team journal): payouts waiting for me, waiting for others,
// and decided ones; one payout's approval with the exact request that was sent, its history
// and its votes; approve, or reject with a reason. Who may vote, and every other rule, is the
// core's and the team database's: this view shows what they say (`may_vote`, `why_not`) and
// the refusals they answer with.
import * as ipc from "../ipc";
import * as events from "../events";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { ApprovalDetail } from "../bindings/ApprovalDetail";
import type { ApprovalState } from "../bindings/ApprovalState";
import type { CashoutStatus } from "../bindings/CashoutStatus";
import type { ApprovalView } from "../bindings/ApprovalView";
import type { CashoutRef } from "../bindings/CashoutRef";
import { errorNotice, eventText } from "./detail";
import { money, stamp, statusBadge } from "./status";
import { t } from "../i18n";

/** The lists, each with its label (in the language of the moment it is drawn). */
const LISTS: { id: ipc.ApprovalsList; label: (waitingForMe: number) => string }[] = [
  { id: "waiting_for_me", label: (count) => t("approvals-tab-waiting-for-me", { count }) },
  { id: "waiting_for_others", label: () => t("approvals-tab-waiting-for-others") },
  { id: "decided", label: () => t("approvals-tab-decided") },
];

/** Where an approval stands, in words. */
const STATE: Record<ApprovalState, () => string> = {
  waiting: () => t("approvals-state-waiting"),
  approved: () => t("approvals-state-approved"),
  rejected: () => t("approvals-state-rejected"),
  expired: () => t("approvals-state-expired"),
  released: () => t("approvals-state-released"),
  cancelled: () => t("approvals-state-cancelled"),
  closed: () => t("approvals-state-closed"),
};
const stateWord = (s: ApprovalState): string => STATE[s]?.() ?? s;

/** A payout status in words (the core's status names, `status-…`). */
const statusWord = (s: CashoutStatus): string => t(`status-${s}`);

function refOf(v: ApprovalView): CashoutRef {
  const p = v.payout;
  return p.cashout_id !== null ? { id: p.cashout_id } : { external_id: p.external_id ?? "" };
}

function table(items: ApprovalView[], open: (which: CashoutRef) => void): HTMLElement {
  return h("table", { id: "approvals-table" },
    h("thead", {}, h("tr", {}, ...[t("approvals-col-state"), t("col-amount"), t("col-beneficiary"), t("approvals-col-prepared-by"), t("approvals-col-expires"), t("approvals-col-approvals"), ""].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...items.map((v) => {
      const a = v.approval;
      return h("tr", { "data-external-id": v.payout.external_id ?? "" },
        h("td", {}, h("span", { class: `badge approval-${a.state}` }, stateWord(a.state))),
        h("td", { class: "num nowrap" }, money(v.payout)),
        h("td", {}, v.payout.beneficiary ?? ""),
        h("td", {}, a.prepared_by),
        h("td", { class: "nowrap" }, a.state === "waiting" ? stamp(a.expires_at) : "—"),
        // The core's words ("1 of 2 approved · by cid").
        h("td", {}, v.progress),
        h("td", {}, h("button", {
          type: "button",
          "aria-label": t("approvals-review-label", { id: v.payout.external_id ?? "" }),
          onclick: () => open(refOf(v)),
        }, t("approvals-review"))));
    })));
}

/** A term and its value in a list of facts. */
function fact(term: string, value: string, id?: string): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(h("dt", {}, term), h("dd", { id }, value));
  return f;
}

/** The approval of one payout, and the vote. */
function review(d: ApprovalDetail, decided: (outcome: HTMLElement) => void, go: (r: Route) => void, flash: HTMLElement | null): HTMLElement {
  const p = d.payout;
  const which: CashoutRef = p.cashout_id !== null ? { id: p.cashout_id } : { external_id: p.external_id ?? "" };
  const a = d.approval;
  // What the last vote did, kept across the redraw it causes.
  const result = h("div", { id: "approval-result" }, flash);
  const reason = h("textarea", { id: "approval-reason", rows: 2, "aria-describedby": "approval-reason-error" });
  const reasonError = h("div", { id: "approval-reason-error", class: "field-error", role: "alert" });
  const vote = async (decision: "approve" | "reject", button: HTMLButtonElement) => {
    button.disabled = true;
    reasonError.textContent = "";
    mount(result);
    try {
      const v = await ipc.decideApproval(which, decision, reason.value);
      // The progress and the settle error are the core's words.
      decided(v.settle_error
        ? notice("network", t("approvals-settle-error", { action: v.approval.state === "approved" ? "release" : "cancel", state: stateWord(v.approval.state), error: v.settle_error }), "approval-settle-error")
        : notice("ok", t("approvals-done", { state: stateWord(v.approval.state), progress: v.progress, status: v.payout.status ? statusWord(v.payout.status) : t("approvals-status-not-known") }), "approval-done"));
    } catch (e) {
      const r = ipc.asReport(e);
      if (r.field === "reason") {
        reasonError.textContent = r.message;
        reason.focus();
      } else {
        mount(result, errorNotice(r, "approval-error"));
      }
    } finally {
      button.disabled = false;
    }
  };
  const approve = h("button", { type: "button", id: "approval-approve", class: "primary" }, t("approvals-approve"));
  approve.addEventListener("click", () => void vote("approve", approve));
  const reject = h("button", { type: "button", id: "approval-reject", class: "danger" }, t("approvals-reject"));
  reject.addEventListener("click", () => void vote("reject", reject));
  return h("section", { id: "approval-review", "aria-labelledby": "approval-title" },
    h("h2", { id: "approval-title" }, t("approvals-review-title", { amount: money(p), beneficiary: p.beneficiary ?? "?" })),
    h("dl", { class: "facts" },
      h("dt", {}, t("approvals-fact-status")), h("dd", {}, statusBadge(p)),
      h("dt", {}, t("col-external-id")), h("dd", { class: "id" }, p.external_id ?? "—"),
      h("dt", {}, t("col-cashout-id")), h("dd", {}, p.cashout_id ?? "—"),
      // The progress is the core's words.
      a ? fact(t("approvals-fact-approval"), `${stateWord(a.state)} · ${d.progress ?? ""}`, "approval-state") : null,
      a ? fact(t("approvals-col-prepared-by"), a.prepared_by, "approval-prepared-by") : null,
      a ? fact(t("approvals-col-expires"), stamp(a.expires_at)) : null),
    a && a.votes.length
      ? h("ul", { id: "approval-votes" }, ...a.votes.map((v) =>
        h("li", {}, v.reason
          ? t("approvals-vote-reason", { at: stamp(v.at), who: v.approver, decision: v.decision, reason: v.reason })
          : t("approvals-vote", { at: stamp(v.at), who: v.approver, decision: v.decision }))))
      : null,
    // The duplicate guard's verdict and, below, why a vote is not offered: the core's words.
    notice(d.same_payouts.length ? "validation" : "info", d.duplicate_verdict, "approval-duplicates"),
    h("h3", {}, t("approvals-request-title")),
    h("pre", { id: "approval-request", class: "request" }, d.request ? JSON.stringify(d.request, null, 2) : t("approvals-request-none")),
    h("h3", {}, t("approvals-history-title")),
    // Each line: when, what happened (the journal's event name in words, as the payout's
    // history says it), the status, and the core's detail.
    h("table", { id: "approval-history" },
      h("tbody", {}, ...d.history.map((e) => h("tr", {}, h("td", { class: "nowrap" }, stamp(e.at)), h("td", {}, eventText(e.event)), h("td", {}, e.status ? statusWord(e.status) : ""), h("td", {}, e.detail ?? ""))))),
    d.may_vote
      ? h("div", { class: "vote" },
        h("label", { for: "approval-reason" }, t("approvals-reason-label")),
        reason, reasonError,
        h("div", { class: "row" }, approve, reject))
      : notice("info", d.why_not ?? "", "approval-why-not"),
    result,
    h("div", { class: "row" }, h("button", { type: "button", id: "approval-open", onclick: () => void go({ view: "detail", which }) }, t("approvals-open-payout"))));
}

export async function renderApprovals(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  let list: ipc.ApprovalsList = "waiting_for_me";
  let open: CashoutRef | null = null;
  let flash: HTMLElement | null = null;
  const tabs = h("div", { class: "row tabs", role: "group", "aria-label": t("approvals-tabs-label") });
  const body = h("div", { id: "approvals-body" });
  const panel = h("div", { id: "approval-panel" });
  const load = async () => {
    try {
      const page = await ipc.approvalsPage(list);
      if (!current()) return;
      setBadge(page.waiting_for_me);
      mount(tabs, ...LISTS.map((l) => {
        const b = h("button", {
          type: "button",
          id: `approvals-${l.id}`,
          "aria-pressed": l.id === list ? "true" : "false",
          onclick: () => { list = l.id; open = null; flash = null; mount(panel); void load(); },
        }, l.label(page.waiting_for_me));
        return b;
      }));
      mount(body,
        h("p", { class: "muted", id: "approvals-who" }, page.roles.approver
          ? t("approvals-signed-in-approver", { login: page.roles.login })
          : t("approvals-signed-in-not-approver", { login: page.roles.login })),
        page.items.length === 0
          ? notice("info", list === "waiting_for_me" ? t("approvals-none-for-me") : t("approvals-none"), "approvals-empty")
          : table(page.items, (which) => { open = which; flash = null; void show(true); }));
      if (open) await show();
    } catch (e) {
      if (!current()) return;
      const r = ipc.asReport(e);
      mount(body, errorNotice(r, "approvals-error"));
    }
  };
  // `reveal`: opened by the operator, so brought into view; a re-read leaves the scroll alone.
  const show = async (reveal = false) => {
    if (!open) return;
    try {
      const d = await ipc.approvalDetail(open);
      if (!current()) return;
      // The outcome of the last vote stays with its payout while the view re-reads.
      mount(panel, review(d, (outcome) => { flash = outcome; void load(); }, go, flash));
      if (reveal) (panel.querySelector("#approval-title") as HTMLElement | null)?.scrollIntoView({ block: "nearest" });
    } catch (e) {
      if (current()) mount(panel, errorNotice(ipc.asReport(e), "approval-error"));
    }
  };
  // Another desk voted or created: re-read (the event is only a hint). A vote being typed is
  // kept: only the list is redrawn while a reason is being written.
  events.listen((e) => {
    if (e.type !== "journal" && !(e.type === "watch" && e.event.kind === "approvals_swept")) return;
    const typing = document.activeElement?.id === "approval-reason";
    if (typing) { void ipc.approvalsPage(list).then((p) => current() && setBadge(p.waiting_for_me)).catch(() => undefined); return; }
    void load();
  }, current);
  mount(el, h("h1", {}, t("approvals-title")), tabs, body, panel);
  await load();
}

/** The count on the navigation's Approvals button (hidden at zero). */
export function setBadge(count: number): void {
  const badge = document.getElementById("approvals-badge");
  if (!badge) return;
  badge.textContent = count > 0 ? String(count) : "";
  badge.hidden = count === 0;
  badge.setAttribute("aria-label", t("approvals-badge-label", { count }));
}
