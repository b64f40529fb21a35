// The app shell: the environment bar, the navigation, and which view is shown. Views are in
// views/; every rule (validation, transitions, texts) comes from the core over IPC. It also
// opens the one channel of shell events and reacts to those that concern the whole window
// (toasts, "provider unreachable", clicked notifications); views listen via events.ts.
import * as ipc from "./ipc";
import * as events from "./events";
import { mount, h, notice } from "./dom";
import { showToast, refOf, clearToasts } from "./toasts";
import { clock } from "./views/status";
import { t, setLang, onLanguage, setNumberStyle } from "./i18n";
import { setDateStyles } from "./dates";
import type { LocaleView } from "./bindings/LocaleView";
import { renderNew } from "./views/newCashout";
import { renderList, type ListPreset } from "./views/list";
import { renderOverview } from "./views/overview";
import { renderDetail } from "./views/detail";
import { renderLookup } from "./views/lookup";
import { renderSettings } from "./views/settings";
import { renderHolds } from "./views/holds";
import { renderAudit } from "./views/audit";
import { renderApprovals, setBadge } from "./views/approvals";
import { renderBatches, renderBatch } from "./views/batches";
import { renderBatchReview } from "./views/batchReview";
import type { CashoutRef } from "./bindings/CashoutRef";
import type { DeskEvent } from "./bindings/DeskEvent";

export type Route =
  | { view: "new" }
  | { view: "overview" }
  | { view: "list"; preset?: ListPreset }
  | { view: "lookup" }
  | { view: "settings" }
  | { view: "holds" }
  | { view: "audit" }
  | { view: "approvals" }
  | { view: "batches" }
  | { view: "batch-review" }
  | { view: "batch"; id: string }
  | { view: "detail"; which: CashoutRef };

let route = 0;
/** Which navigation is current: async work started for an older one must not draw. */
export const routeToken = (): number => route;

const viewEl = () => document.getElementById("view") as HTMLElement;

/** The watcher's state in the environment bar. Kept as one element that survives redraws of
 * the bar (the bar is redrawn on every settings change; the watcher state must stay). */
function watchState(): HTMLElement {
  let el = document.getElementById("watch-state");
  if (!el) el = h("span", { id: "watch-state", class: "watch-state", role: "status" });
  return el;
}

export async function refreshEnvBar(): Promise<void> {
  const bar = document.getElementById("env-bar");
  if (!bar) return;
  try {
    const s = await ipc.appStatus();
    bar.className = `env-bar env-${s.colour}`;
    const creds = s.demo_credentials
      ? t("env-demo-credentials")
      : s.credentials.stored
        ? t("env-credentials-stored", { last4: s.credentials.api_key_last4 ?? "" })
        : t("env-no-credentials");
    // Approvals live in the team journal: the section is there only on one.
    const nav = document.getElementById("nav-approvals");
    if (nav) nav.hidden = !s.signed_in_as;
    if (s.signed_in_as) void refreshApprovalsBadge();
    mount(
      bar,
      h("span", { id: "env-name" }, s.name.toUpperCase()),
      h("span", { class: "env-host", id: "env-host" }, s.host || t("env-no-host")),
      s.production ? h("span", {}, t("env-real-money")) : null,
      s.problem ? h("span", { class: "env-host" }, s.problem) : null,
      // Which journal, and who the team journal signed in: every desk of a team shows it.
      s.signed_in_as ? h("span", { class: "env-host", id: "env-team" }, t("env-team-journal", { who: s.signed_in_as })) : null,
      s.journal_problem ? h("span", { class: "env-host", id: "env-team-problem" }, t("env-team-not-connected")) : null,
      watchState(),
      h("span", { class: "env-creds", id: "env-creds" }, creds),
    );
  } catch (e) {
    mount(bar, notice("network", ipc.asReport(e).message), watchState());
  }
}

/** The count of payouts waiting for this operator's approval, on the navigation (kept up to
 * date by the shell's `approvals` events; read here when the bar is drawn). */
export async function refreshApprovalsBadge(): Promise<void> {
  if (document.getElementById("nav-approvals")?.hidden !== false) return;
  try {
    setBadge((await ipc.approvalsPage("waiting_for_me")).waiting_for_me);
  } catch {
    // The badge is a convenience: the view itself says what is wrong.
  }
}

/** `detail` (the network error, from the core) is there on hover for whoever investigates. */
function showWatchState(text: string | null, detail?: string): void {
  const el = watchState();
  el.textContent = text ?? "";
  el.title = detail ?? "";
  el.classList.toggle("offline", text !== null);
  if (!el.isConnected) document.getElementById("env-bar")?.append(el);
}

/** What the window as a whole does with a shell event; views react on their own. */
export function onDeskEvent(e: DeskEvent): void {
  if (e.type === "open") {
    const which = refOf(e);
    if (which) void go({ view: "detail", which });
    else if (e.batch_id) void go({ view: "batch", id: e.batch_id });
    return;
  }
  // A batch's rows are told per batch (the core folds them); the toast opens the batch.
  // A newer version is offered: a toast that opens Settings → About.
  if (e.type === "update_offered") {
    showToast(e.notice, () => undefined, () => void go({ view: "settings" }));
    return;
  }
  if (e.type === "batch_notice") {
    const id = e.notice.batch_id;
    showToast(e.notice, () => undefined, id ? () => void go({ view: "batch", id }) : undefined);
    return;
  }
  // Another desk changed the team journal: the views on screen re-read on their own.
  if (e.type === "journal") return;
  // Payouts waiting for my approval: the count, and a notice (in the core's words) when one
  // more arrived; the shell raised it as a desktop notification too.
  if (e.type === "approvals") {
    setBadge(e.waiting_for_me);
    if (e.notice) showToast(e.notice, () => void go({ view: "approvals" }));
    return;
  }
  if (e.notice) showToast(e.notice, (which) => void go({ view: "detail", which }));
  switch (e.event.kind) {
    case "offline":
      showWatchState(t("watch-offline", { at: clock(e.event.retry_at) }), e.event.detail);
      break;
    case "stalled":
      showWatchState(t("watch-stalled", { at: clock(e.event.retry_at) }), e.event.detail);
      break;
    case "online":
      showWatchState(null);
      break;
    default:
      break;
  }
}

/** Where the window is, to draw it again in another language. */
let shown: Route = { view: "new" };

/** The words of the static page (navigation, regions), in the current language. */
export function applyShellWords(): void {
  document.querySelectorAll<HTMLButtonElement>(".nav button").forEach((b) => {
    const label = b.firstChild;
    const text = t(`nav-${b.dataset.view ?? ""}`);
    if (label?.nodeType === Node.TEXT_NODE) label.textContent = b.querySelector(".nav-badge") ? `${text} ` : text;
  });
  document.querySelector(".nav")?.setAttribute("aria-label", t("nav-label"));
  document.getElementById("toasts")?.setAttribute("aria-label", t("toasts-label"));
}

/** The core switched language: every word on screen is drawn again (no restart). */
export function redrawInLanguage(view: LocaleView): Promise<void> {
  setNumberStyle(view.number_style);
  setDateStyles(view);
  setLang(view.lang);
  clearToasts();
  applyShellWords();
  void refreshEnvBar();
  return go(shown);
}

export function go(to: Route): Promise<void> {
  route += 1;
  shown = to;
  // Listeners of the view being left go now, not at the next event.
  events.prune();
  document.querySelectorAll<HTMLButtonElement>(".nav button").forEach((b) => {
    if (b.dataset.view === to.view || (b.dataset.view === "batches" && to.view.startsWith("batch"))) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  });
  const el = viewEl();
  mount(el);
  // The view scrolls on its own (the bar above it never does): a new view starts at its top,
  // not where the last one was left.
  el.scrollTop = 0;
  const done = (() => {
    switch (to.view) {
      case "new": return renderNew(el, go);
      case "overview": return renderOverview(el, go);
      case "list": return renderList(el, go, to.preset);
      case "lookup": return renderLookup(el, go);
      case "settings": return renderSettings(el, refreshEnvBar);
      case "holds": return renderHolds(el, go);
      case "audit": return renderAudit(el);
      case "approvals": return renderApprovals(el, go);
      case "batches": return renderBatches(el, go);
      case "batch-review": return renderBatchReview(el, go);
      case "batch": return renderBatch(el, to.id, go);
      case "detail": return renderDetail(el, to.which, go);
    }
  })();
  el.focus();
  return (done ?? Promise.resolve()).catch((e: unknown) => mount(el, notice("network", ipc.asReport(e).message)));
}

async function start(): Promise<void> {
  document.querySelectorAll<HTMLButtonElement>(".nav button").forEach((b) => {
    b.addEventListener("click", () => void go({ view: b.dataset.view as "new" }));
  });
  // The bar and the form load side by side. Creates an earlier session left unknown are looked
  // up (reconcile sends nothing) once the form is on screen: it must not delay the first paint.
  // The core's language (settings → the system's locale → English) before the first words.
  try {
    const locale = await ipc.locale();
    setNumberStyle(locale.number_style);
    setDateStyles(locale);
    setLang(locale.lang);
  } catch {
    // English, the page's own words, stays.
  }
  applyShellWords();
  onLanguage(applyShellWords);
  void refreshEnvBar();
  // The overview once there are payouts; the form on a new desk.
  let first: Route = { view: "new" };
  try {
    if ((await ipc.listCashouts({ limit: 1 })).length > 0) first = { view: "overview" };
  } catch {
    // The form, which needs no journal read.
  }
  await go(first);
  // Events only once the form is drawn, so start-up is not slowed by them.
  events.listen(onDeskEvent);
  ipc.subscribeEvents(events.dispatch).catch((e: unknown) => {
    showWatchState(t("watch-unavailable", { message: ipc.asReport(e).message }));
  });
  // Two frames after the form is in the DOM it is on screen: tell the start-up probe.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    void ipc.uiPainted().catch(() => undefined);
    void ipc.reconcile().catch(() => undefined);
  }));
}

if (typeof window !== "undefined" && !(window as { __CASHOUT_TEST__?: boolean }).__CASHOUT_TEST__) {
  window.addEventListener("DOMContentLoaded", () => void start());
}
