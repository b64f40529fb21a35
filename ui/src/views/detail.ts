// One payout: its state diagram (from the core's transition table), its history, the actions
// the table allows right now, a rejection explained with the field to fix, the bank and the
// provider reference. Opening it checks the status with the provider; afterwards the status
// watcher's changes redraw it without a click. The signing inspector shows the requests sent
// for it, as the core kept them (secrets already masked there).
import * as ipc from "../ipc";
import * as events from "../events";
import { h, mount, notice } from "../dom";
import { drawDiagram } from "../diagram";
import { routeToken, type Route } from "../main";
import type { CashoutRef } from "../bindings/CashoutRef";
import type { DeskEvent } from "../bindings/DeskEvent";
import type { ExchangeRecord } from "../bindings/ExchangeRecord";
import type { PayoutView } from "../bindings/PayoutView";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { ApprovalDetail } from "../bindings/ApprovalDetail";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import { money, stamp, statusBadge, statusLabel, statusText } from "./status";
import { t } from "../i18n";
import { copyable } from "../copy";
import { hasDraft, startFrom } from "./newCashout";

/** Provider refusal, network trouble and local problems look different. */
export function errorNotice(r: ErrorReport, id?: string): HTMLElement {
  switch (r.code) {
    // The provider answered and refused.
    case "api_error":
    case "not_found":
    case "unauthorized":
      return notice("api", r.message, id);
    // The provider could not be reached, or its answer is not known or not believed.
    case "network":
    case "not_sent":
    case "malformed_response":
    case "provider_fault":
    case "outcome_unknown":
      return notice("network", r.message, id);
    // Everything decided here: input, journal, keychain, settings.
    default:
      return notice("validation", r.message, id);
  }
}

/** The history with the approvers' votes in it, in time order (both times are fixed-width UTC
 * text, so text order is time order). */
function withVotes(history: HistoryEntry[], d: ApprovalDetail | null): HistoryEntry[] {
  const votes: HistoryEntry[] = (d?.approval?.votes ?? []).map((v) => ({
    at: v.at,
    event: "approval",
    status: null,
    detail: v.reason
      ? t("detail-vote-reason", { decision: v.decision, approver: v.approver, reason: v.reason })
      : t("detail-vote", { decision: v.decision, approver: v.approver }),
  }));
  return [...history, ...votes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** What a history line says happened, in words: every event name the core's journal writes
 * (`insert_history` / `history` in crates/cashout-core/src/journal, and the desk's
 * `record_status` / `record_event` callers), and the votes' `approval` added here. A name this
 * version does not know is shown as it is. The approval review shows its history with it too. */
const EVENTS: Record<string, () => string> = {
  // The create protocol.
  intent: () => t("detail-event-intent"),
  sent: () => t("detail-event-sent"),
  created: () => t("detail-event-created"),
  declined: () => t("detail-event-declined"),
  unknown: () => t("detail-event-unknown"),
  not_found: () => t("detail-event-not-found"),
  not_delivered: () => t("detail-event-not-delivered"),
  abandoned: () => t("detail-event-abandoned"),
  duplicate: () => t("detail-event-duplicate"),
  queued: () => t("detail-event-queued"),
  // Statuses the provider reported, and the lookups and actions that asked.
  found: () => t("detail-event-found"),
  status: () => t("detail-event-status"),
  watch: () => t("detail-event-watch"),
  action: () => t("detail-event-action"),
  refused: () => t("detail-event-refused"),
  action_failed: () => t("detail-event-action-failed"),
  action_unknown: () => t("detail-event-action-unknown"),
  reconcile_failed: () => t("detail-event-reconcile-failed"),
  foreign: () => t("detail-event-foreign"),
  // Which record is which payout.
  linked: () => t("detail-event-linked"),
  not_linked: () => t("detail-event-not-linked"),
  added: () => t("detail-event-added"),
  corrects: () => t("detail-event-corrects"),
  corrected_by: () => t("detail-event-corrected-by"),
  imported: () => t("detail-event-imported"),
  merge_conflict: () => t("detail-event-merge-conflict"),
  // A vote (see `withVotes`).
  approval: () => t("detail-event-approval"),
};
export const eventText = (event: string): string => (Object.prototype.hasOwnProperty.call(EVENTS, event) ? EVENTS[event]!() : event);

/** How a kept request ended (the core's outcome names), in words; an unknown one as it is. */
const OUTCOMES: Record<string, () => string> = {
  ok: () => t("detail-ex-outcome-ok"),
  refused: () => t("detail-ex-outcome-refused"),
  not_delivered: () => t("detail-ex-outcome-not-delivered"),
  outcome_unknown: () => t("detail-ex-outcome-unknown"),
};
const outcomeText = (o: string): string => (Object.prototype.hasOwnProperty.call(OUTCOMES, o) ? OUTCOMES[o]!() : o);

function confirmDialog(text: string, confirmLabel: string): Promise<boolean> {
  return askDialog(text, confirmLabel, null).then((v) => v !== null);
}

/** A modal question. With `reasonLabel`, it also asks for a reason (required to confirm) and
 * answers it; otherwise it answers "" on confirm. `null`: the operator kept things as they are. */
function askDialog(text: string, confirmLabel: string, reasonLabel: string | null): Promise<string | null> {
  return new Promise((resolve) => {
    const before = document.activeElement as HTMLElement | null;
    const close = (v: string | null) => { back.remove(); before?.focus(); resolve(v); };
    const reason = reasonLabel ? h("input", { type: "text", id: "confirm-reason", "aria-label": reasonLabel }) : null;
    const yes = h("button", { type: "button", class: "danger", id: "confirm-yes", disabled: reason !== null, onclick: () => close(reason ? reason.value.trim() : "") }, confirmLabel);
    reason?.addEventListener("input", () => { yes.disabled = reason.value.trim() === ""; });
    const no = h("button", { type: "button", id: "confirm-no", onclick: () => close(null) }, t("detail-keep-it"));
    const focusables = () => [reason, yes, no].filter((e): e is HTMLInputElement | HTMLButtonElement => e !== null && !e.disabled);
    const back = h("div", { class: "modal-back" },
      h("div", { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "confirm-text" },
        h("p", { id: "confirm-text" }, text),
        reasonLabel ? h("label", { for: "confirm-reason", class: "modal-label" }, reasonLabel) : null,
        reason,
        h("div", { class: "row" }, yes, no)));
    back.addEventListener("keydown", (e) => {
      if (e.key === "Escape") close(null);
      // Keep Tab inside the dialog.
      if (e.key === "Tab") {
        e.preventDefault();
        const list = focusables();
        const at = list.indexOf(document.activeElement as HTMLInputElement);
        list[(at + (e.shiftKey ? list.length - 1 : 1)) % list.length]?.focus();
      }
    });
    document.body.append(back);
    // The safe choice has the focus: one Enter must never send or cancel money.
    no.focus();
  });
}
export { confirmDialog };

/** One request of the signing inspector, exactly as the core kept it: the body is the text
 * that was signed and sent (passphrase and API Key masked by the core), shown verbatim. */
export function exchangeBlock(x: ExchangeRecord): HTMLElement {
  const explained = x.explanation
    // The code's name and explanation are the core's words.
    ? notice("api", t("detail-provider-code", { code: String(x.explanation.code), name: x.explanation.name, explanation: x.explanation.explanation }))
    : null;
  explained?.classList.add("exchange-explanation");
  return h("section", { class: "exchange" },
    h("h3", {}, `${x.method} ${x.path}`),
    h("dl", { class: "facts exchange-facts" },
      h("dt", {}, t("detail-ex-sent-at")), h("dd", { class: "exchange-at" }, stamp(x.at)),
      h("dt", {}, t("detail-ex-http-status")), h("dd", { class: "exchange-status" }, x.http_status === null ? t("detail-ex-no-answer") : String(x.http_status)),
      h("dt", {}, t("detail-ex-outcome")), h("dd", { class: "exchange-outcome" }, outcomeText(x.outcome)),
      h("dt", {}, t("detail-ex-body")), h("dd", {}, h("pre", { class: "exchange-body" }, x.body)),
      h("dt", {}, t("detail-ex-signature")), h("dd", {}, h("code", { class: "exchange-signature" }, x.signature)),
      h("dt", {}, t("detail-ex-answer")), h("dd", {}, x.answer === null ? h("span", { class: "muted" }, t("detail-ex-none-arrived")) : h("pre", { class: "exchange-answer" }, x.answer))),
    explained);
}

export async function renderDetail(el: HTMLElement, which: CashoutRef, go: (r: Route) => void, initial?: PayoutView): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  const table = await ipc.lifecycle();
  const message = h("div", { id: "detail-message" });
  /** Says the page changed by itself, apart from the result of the operator's own action. */
  const live = h("div", { id: "detail-live" });
  let view: PayoutView | null = initial ?? null;
  let timer: number | undefined;
  /** Draws overlap (an event while an action answers): only the latest may reach the screen. */
  let draws = 0;
  /** The operator chose to see the account whole (kept across redraws of this payout). */
  let showAccount = false;
  const refNow = (): CashoutRef => (view?.cashout_id ? { id: view.cashout_id } : which);

  // The inspector is one element kept across redraws, so it stays open (and keeps the
  // operator's place in it) when the status changes underneath.
  const inspectorBody = h("div", { id: "inspector-body" });
  const inspector = h("details", { id: "inspector", class: "inspector" },
    h("summary", { id: "inspector-summary" }, t("detail-inspector-title")),
    h("p", { class: "muted", id: "inspector-note" }, t("detail-inspector-note")),
    inspectorBody);
  const loadExchanges = async () => {
    try {
      const list = await ipc.cashoutExchanges(refNow());
      if (!current()) return;
      mount(inspectorBody, list.length === 0
        ? notice("info", t("detail-inspector-empty"), "inspector-empty")
        : h("div", { id: "exchanges" }, ...list.map(exchangeBlock)));
    } catch (e) {
      if (current()) mount(inspectorBody, errorNotice(ipc.asReport(e), "inspector-error"));
    }
  };
  inspector.addEventListener("toggle", () => { if (inspector.open) void loadExchanges(); });
  const refreshInspector = () => { if (inspector.open) void loadExchanges(); };

  const render = async () => {
    const mine = ++draws;
    const ref = refNow();
    const [history, approval] = await Promise.all([
      ipc.cashoutHistory(ref).catch(() => []),
      // Only a team journal keeps approvals; anything else answers without one.
      ipc.approvalDetail(ref).catch(() => null),
    ]);
    if (!view || !current() || mine !== draws) return;
    const p = view;
    /** Runs an action: `running` says it is under way, `done` what it left the payout as. */
    const act = async (running: () => string, done: (status: string) => string, fn: () => Promise<PayoutView>) => {
      mount(message, notice("info", running()));
      try {
        view = await fn();
        mount(message, notice("ok", done(statusText(view)), "action-result"));
      } catch (e) {
        mount(message, errorNotice(ipc.asReport(e), "action-error"));
        view = await ipc.checkCashout(ref).catch(() => view);
      }
      await render();
      refreshInspector();
    };
    // Under approval, the approval flow holds and releases it, not a click here.
    const underApproval = approval?.under_approval === true;
    const can = (a: string) => p.allowed_actions.includes(a as never) && !(underApproval && (a === "hold" || a === "release"));
    const actions = h("div", { class: "row", id: "detail-actions" },
      h("button", {
        type: "button", id: "action-hold", disabled: !can("hold"),
        onclick: () => void act(() => t("detail-holding"), (status) => t("detail-held", { status }), () => ipc.holdCashout(p.cashout_id!)),
      }, t("detail-hold")),
      h("button", {
        type: "button", id: "action-release", disabled: !can("release"),
        onclick: () => void act(() => t("detail-releasing"), (status) => t("detail-released", { status }), () => ipc.releaseCashout(p.cashout_id!)),
      }, t("detail-release")),
      h("button", {
        type: "button", class: "danger", id: "action-cancel", disabled: !can("cancel"),
        onclick: async () => {
          const id = String(p.cashout_id);
          const ok = await confirmDialog(p.beneficiary
            ? t("detail-cancel-ask", { id, amount: money(p), beneficiary: p.beneficiary })
            : t("detail-cancel-ask-anonymous", { id, amount: money(p) }), t("detail-cancel-confirm"));
          if (ok) await act(() => t("detail-cancelling"), (status) => t("detail-cancelled", { status }), () => ipc.cancelCashout(p.cashout_id!, p.external_id));
        },
      }, t("detail-cancel")),
      h("button", {
        type: "button", id: "action-refresh",
        onclick: () => void act(() => t("detail-checking-provider"), (status) => t("detail-checked", { status }), () => ipc.checkCashout(ref)),
      }, t("refresh")),
      // Details the provider refused are not worth keeping: save the corrected payout's.
      p.payee && p.status !== "REJECTED" && p.status !== "DECLINED"
        ? h("button", { type: "button", id: "action-save-beneficiary", onclick: () => void saveBeneficiary() }, t("detail-save-beneficiary"))
        : null,
    );
    // The field to fix is named as this payout's form names it (a PIX e-mail payout's key is
    // its e-mail key): the core maps the provider's field to the method's label.
    const toFix = p.field_to_fix?.label ?? p.rejection_explanation?.field;
    const rejection = p.rejection_code !== null && p.rejection_code !== undefined
      // The explanation and the field's label are the core's words.
      ? notice("api", [
          t("detail-rejected-with", { code: String(p.rejection_code), reason: p.rejection_reason ?? "", explanation: p.rejection_explanation?.explanation ?? "" }),
          toFix ? t("detail-field-to-fix", { field: toFix }) : "",
        ].filter(Boolean).join(" "), "rejection")
      : null;
    // Who is paid, as sent: the bank by name and the account (or PIX key) masked in the
    // middle until the operator asks to see it whole.
    const payee = p.payee;
    const account = payee
      ? h("span", {},
          h("span", { id: "payee-account", class: "id-value" }, showAccount ? payee.account : payee.account_masked),
          h("button", {
            type: "button", class: "masked-toggle", id: "payee-account-toggle", "aria-pressed": String(showAccount),
            onclick: () => { showAccount = !showAccount; void render(); },
          }, showAccount ? t("detail-account-hide") : t("detail-account-show")))
      : null;
    const facts = h("dl", { class: "facts" },
      ...([
        [t("detail-fact-status"), statusBadge(p)],
        [t("col-cashout-id"), p.cashout_id !== null ? copyable(String(p.cashout_id), t("detail-what-cashout-id"), "copy-cashout-id") : t("detail-not-known-yet")],
        [t("col-external-id"), p.external_id ? copyable(p.external_id, t("detail-what-external-id"), "copy-external-id") : "—"],
        [t("detail-fact-requested"), h("span", { title: p.created_at }, p.created_shown)],
        [t("col-amount"), money(p) || "—"],
        [t("col-beneficiary"), p.beneficiary ?? "—"],
        // The account's label is the core's (the payout method's own name for it).
        ...(payee
          ? [
              [t("detail-fact-document"), payee.document],
              ...(payee.bank ? [[t("detail-fact-bank"), payee.bank]] : []),
              ...(payee.branch ? [[t("detail-fact-branch"), payee.branch]] : []),
              [payee.account_label, account!],
            ] as [string, string | Node][]
          : []),
        [t("detail-fact-country"), p.country ?? "—"],
        [t("detail-fact-provider-reference"), p.provider_reference ? copyable(p.provider_reference, t("detail-what-provider-reference"), "copy-provider-reference") : "—"],
        [t("detail-fact-environment"), p.environment],
        // The progress ("1 of 2 approved · by …") is the core's sentence.
        ...(approval?.approval
          ? [[t("detail-fact-approval"), t("detail-approval-line", { state: approval.approval.state, progress: approval.progress ?? "", who: approval.approval.prepared_by })]] as [string, string][]
          : []),
        [t("detail-fact-last-checked"), stamp(p.updated_at)],
      ] as [string, string | Node][]).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
    );
    const hist = h("table", { id: "history" },
      h("thead", {}, h("tr", {}, h("th", {}, t("detail-history-time")), h("th", {}, t("detail-history-event")), h("th", {}, t("detail-history-status")), h("th", {}, t("detail-history-detail")))),
      // A line's detail is the core's (or a vote's, with the approver's own reason).
      h("tbody", {}, ...withVotes(history, approval).map((e) => h("tr", {},
        h("td", {}, stamp(e.at)),
        h("td", {}, eventText(e.event)),
        h("td", {}, e.status ? statusLabel(e.status) : ""),
        h("td", {}, e.detail ?? "")))));
    const checking = p.checking;
    const ext = p.external_id;
    const resend = async () => {
      if (!ext) return;
      await act(() => t("detail-resending"), (status) => t("detail-resent", { status }), () => ipc.resendCashout({ external_id: ext }));
    };
    const abandon = async () => {
      if (!ext) return;
      let risk: string;
      try {
        risk = await ipc.abandonRisk();
      } catch (e) {
        // Never asked without the risk in the core's words.
        mount(message, errorNotice(ipc.asReport(e), "detail-error"));
        return;
      }
      const reason = await askDialog(p.beneficiary
        ? t("detail-abandon-ask", { id: ext, amount: money(p), beneficiary: p.beneficiary, risk })
        : t("detail-abandon-ask-anonymous", { id: ext, amount: money(p), risk }), t("detail-abandon-confirm"), t("detail-abandon-reason"));
      if (reason === null) return;
      await act(() => t("detail-abandoning"), (status) => t("detail-abandoned", { status }), () => ipc.abandonCashout({ external_id: ext }, reason));
    };
    const saveBeneficiary = async () => {
      // The account's label is the core's; the account is shown masked.
      const masked = { label: p.payee?.account_label ?? "", account: p.payee?.account_masked ?? "" };
      const label = await askDialog(p.beneficiary
        ? t("detail-save-ask", { beneficiary: p.beneficiary, ...masked })
        : t("detail-save-ask-anonymous", masked), t("detail-save-confirm"), t("detail-save-label"));
      if (label === null || !current()) return;
      try {
        // A label the team uses already is replaced only on the operator's word.
        const taken = (await ipc.listBeneficiaries()).find((b) => b.label === label.trim().replace(/\s+/g, " "));
        if (taken && !(await confirmDialog(t("detail-save-taken", {
          name: taken.label, label: taken.payee?.account_label ?? "", account: taken.payee?.account_masked ?? "", who: taken.saved_by,
        }), t("detail-save-replace")))) return;
        await ipc.saveBeneficiary(label, ref);
        mount(message, notice("ok", t("detail-saved", { name: label.trim() }), "beneficiary-saved"));
      } catch (e) {
        mount(message, errorNotice(ipc.asReport(e), "beneficiary-error"));
      }
    };
    // A payout that moved no money and never will (REJECTED, or declined by the provider)
    // starts a new one from its request, the field to fix focused; the two are linked.
    const startNew = async (kind: "correct" | "copy") => {
      if (!ext) return;
      // Nothing typed is lost without the operator's word.
      if (hasDraft() && !(await confirmDialog(t("detail-replace-draft"), t("detail-replace-draft-confirm")))) return;
      try {
        const request = await ipc.sentRequest(ref);
        if (!request || !current()) return;
        const field = p.field_to_fix?.label ?? p.rejection_explanation?.field;
        // Three sentences: what this copy is (the decline's note is the core's), what to
        // correct (the field's label is the core's), and that nothing is sent unreviewed.
        const what = p.rejection_code !== null && p.rejection_code !== undefined
          ? t("detail-copy-of-rejected", { kind, id: ext, code: String(p.rejection_code), reason: p.rejection_reason ?? "" })
          : p.note
            ? t("detail-copy-of-declined-note", { kind, id: ext, note: p.note })
            : t("detail-copy-of-declined", { kind, id: ext });
        startFrom({
          request,
          focus: p.field_to_fix?.name ?? null,
          corrects: ext,
          note: [what, field ? t("detail-copy-correct-field", { field }) : t("detail-copy-correct-it"), t("detail-copy-new-id")].join(" "),
        });
        go({ view: "new" });
      } catch (e) {
        mount(message, errorNotice(ipc.asReport(e), "detail-error"));
      }
    };
    // The core says which payouts moved no money and never will (REJECTED, or declined for good).
    const correctable = ext !== null && p.correctable;
    const recovery = p.recovery.length || correctable
      ? h("div", { class: "row", id: "recovery" },
          p.recovery.includes("resend") ? h("button", { type: "button", class: "primary", id: "action-resend", onclick: () => void resend() }, p.phase === "not_sent" ? t("detail-retry") : t("detail-resend")) : null,
          p.recovery.includes("abandon") ? h("button", { type: "button", class: "danger", id: "action-abandon", onclick: () => void abandon() }, t("detail-abandon")) : null,
          correctable && p.status === "REJECTED" ? h("button", { type: "button", class: "primary", id: "action-correct", onclick: () => void startNew("correct") }, t("detail-pay-again")) : null,
          correctable && p.status === "DECLINED" ? h("button", { type: "button", id: "action-copy-new", onclick: () => void startNew("copy") }, t("detail-copy-new")) : null)
      : null;
    // The core says what the state means; the screen only places it.
    const noteId = checking ? "checking" : p.phase === "not_sent" ? "not-sent" : p.phase === "abandoned" ? "abandoned" : "unknown-status";
    const stateNote = p.state_note
      ? h("div", { class: `notice ${p.phase === "abandoned" ? "notice-validation" : "notice-network"}`, role: "status", id: noteId }, p.state_note)
      : null;
    // A redraw nobody asked for must not throw the keyboard focus back to the top.
    const focused = document.activeElement instanceof HTMLElement && el.contains(document.activeElement) ? document.activeElement.id : "";
    mount(el,
      h("h1", {}, t("detail-title", { id: String(p.cashout_id ?? p.external_id ?? "") })),
      stateNote,
      message,
      live,
      recovery,
      actions,
      rejection,
      h("div", { class: "detail-grid" }, h("div", {}, drawDiagram(table, p.status, history)), facts),
      h("h2", {}, t("detail-history")),
      hist,
      inspector,
      h("div", { class: "row" }, h("button", { type: "button", onclick: () => go({ view: "list" }) }, t("detail-back-to-list"))),
    );
    if (focused) document.getElementById(focused)?.focus();
    window.clearTimeout(timer);
    if (checking && ext) {
      // While on screen, the core is asked for a lookup every few seconds; it makes one only
      // when due by its back-off (as the watcher would), and else answers from the journal.
      timer = window.setTimeout(async () => {
        if (!current()) return;
        try {
          view = await ipc.lookUpOpen({ external_id: ext });
          mount(message);
        } catch (e) {
          mount(message, errorNotice(ipc.asReport(e), "detail-error"));
        }
        await render();
      }, 3000);
    }
  };

  // A change the watcher saw for this payout redraws it from the payout in the event (no call
  // to the provider). Dropped when the operator navigates away (routeToken changes).
  const same = (p: PayoutView) => {
    const mineId = view?.cashout_id ?? ("id" in which ? which.id : null);
    const mineExt = view?.external_id ?? ("external_id" in which ? which.external_id : null);
    return (p.cashout_id !== null && p.cashout_id === mineId) || (p.external_id !== null && p.external_id === mineExt);
  };
  events.listen((e: DeskEvent) => {
    // Another desk changed the team journal: re-read this payout as recorded (a local read,
    // no provider call; the announcement names a journal record, not a cashout).
    if (e.type === "journal") {
      if (e.change.kind === "resync" || e.change.kind === "payout") {
        void ipc.recordedCashout(which).then((v) => {
          if (!current() || !v) return;
          view = v;
          void render();
          refreshInspector();
        }).catch(() => undefined);
      }
      return;
    }
    if (e.type !== "watch" || e.event.kind !== "changed" || !same(e.event.payout)) return;
    view = e.event.payout;
    mount(live, notice("info", t("detail-updated", { at: stamp(e.event.at) }), "detail-updated"));
    void render();
    refreshInspector();
  }, current);

  if (!view) {
    // The journal's record first (no network), then the provider's answer.
    view = await ipc.recordedCashout(which).catch(() => null);
    if (!current()) return;
    if (view) await render();
    else mount(el, notice("info", t("detail-checking-provider")));
    try {
      view = await ipc.checkCashout(which);
    } catch (e) {
      const r = ipc.asReport(e);
      if (!current()) return;
      if (!view) {
        mount(el, h("h1", {}, t("detail-title-plain")), errorNotice(r, "detail-error"), h("button", { type: "button", onclick: () => go({ view: "lookup" }) }, t("detail-back")));
        return;
      }
      mount(message, errorNotice(r, "detail-error"));
    }
  }
  await render();
}
