// Toasts: the in-app twin of the desktop notifications. Every watcher event that carries a
// notice shows one, with the notice's own title and body (written by the core, never here).
// A toast is a button that opens the payout; it can be dismissed and goes away by itself,
// but not while the operator is pointing at it or has it focused (time to read it).
import { h } from "./dom";
import { t } from "./i18n";
import type { Notice } from "./bindings/Notice";
import type { CashoutRef } from "./bindings/CashoutRef";

/** How long a toast stays when nobody looks at it. */
export const TOAST_MS = 15_000;
/** More than this and the oldest goes: a burst of events must not cover the screen. */
const MAX_TOASTS = 5;

/** Takes every toast down: after a switch of language, notices written in the one before would
 * stay on screen beside words in the new (each is in its payout's history and the list). */
export function clearToasts(): void {
  document.getElementById("toasts")?.replaceChildren();
}

/** The payout a notice is about, if it names one. */
export function refOf(n: { cashout_id: number | null; external_id: string | null }): CashoutRef | null {
  if (n.cashout_id !== null) return { id: n.cashout_id };
  if (n.external_id) return { external_id: n.external_id };
  return null;
}

function region(): HTMLElement {
  let el = document.getElementById("toasts");
  if (!el) {
    el = h("div", { id: "toasts", class: "toasts", role: "region", "aria-live": "polite", "aria-label": t("toasts-label") });
    document.body.append(el);
  }
  return el;
}

/** Shows `n`; a click opens its payout with `open`, or, for a notice about something else (a
 * batch), calls `openOther`. */
export function showToast(n: Notice, open: (which: CashoutRef) => void, openOther?: () => void): HTMLElement {
  const which = refOf(n);
  const box = region();
  let timer: number | undefined;
  const remove = () => { window.clearTimeout(timer); item.remove(); };
  const arm = () => { window.clearTimeout(timer); timer = window.setTimeout(remove, TOAST_MS); };
  const toast = h("button", {
    type: "button",
    class: "toast",
    title: which ? t("toast-open-payout") : openOther ? t("open") : null,
    onclick: () => { remove(); if (which) open(which); else openOther?.(); },
  }, h("strong", { class: "toast-title" }, n.title), h("span", { class: "toast-body" }, n.body));
  const dismiss = h("button", { type: "button", class: "toast-dismiss", "aria-label": t("toast-dismiss", { title: n.title }), onclick: remove }, "×");
  const item = h("div", { class: "toast-item" }, toast, dismiss);
  for (const [pause, resume] of [["mouseenter", "mouseleave"], ["focusin", "focusout"]] as const) {
    item.addEventListener(pause, () => window.clearTimeout(timer));
    item.addEventListener(resume, arm);
  }
  box.append(item);
  while (box.children.length > MAX_TOASTS) box.firstElementChild?.remove();
  arm();
  return item;
}
