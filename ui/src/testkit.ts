// Fixtures shared by the view tests: the page skeleton of index.html, payouts and the
// lifecycle table shaped as the core sends them, and a mock of the IPC commands by name.
// Only tests import this module.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { DeskEvent } from "./bindings/DeskEvent";
import type { Lifecycle } from "./bindings/Lifecycle";
import type { Notice } from "./bindings/Notice";
import type { PayoutView } from "./bindings/PayoutView";

/** The parts of index.html the shell and views draw into. */
export function page(): void {
  document.body.innerHTML = `
    <header id="env-bar" class="env-bar"></header>
    <nav class="nav">
      <button type="button" data-view="list" id="nav-list">Cashouts</button>
      <button type="button" data-view="holds" id="nav-holds">On hold</button>
      <button type="button" data-view="audit" id="nav-audit">Audit log</button>
    </nav>
    <main id="view" class="view" tabindex="-1"></main>
    <div id="toasts" class="toasts" role="region" aria-live="polite" aria-label="Notifications"></div>`;
}

export const view = (): HTMLElement => document.getElementById("view") as HTMLElement;

export function payout(over: Partial<PayoutView> = {}): PayoutView {
  const p: PayoutView = {
    cashout_id: 7, external_id: "ext-7", status: "PENDING", status_code: 0,
    environment: "sandbox", amount: "150.25", currency: "BRL", amount_shown: "BRL 150.25", country: "BR",
    beneficiary: "Ana Souza", allowed_actions: ["hold", "cancel"], recovery: [], checking: false, correctable: false,
    created_at: "2026-11-21T07:59:58.000Z", created_local: "2026-11-21 04:59", created_shown: "2026-11-21 04:59", updated_at: "2026-11-21T08:00:00.000Z",
    ...over,
  };
  // The core writes the amount for the locale; in English, the code and the exact decimal.
  if (!("amount_shown" in over)) p.amount_shown = p.amount ? `${p.currency ?? ""} ${p.amount}`.trim() : undefined;
  return p;
}

export const table: Lifecycle = {
  statuses: (["PENDING", "COMPLETED", "CANCELLED", "REJECTED", "DELIVERED", "ON_HOLD", "DECLINED"] as const).map((s) => ({
    status: s, code: null, meaning: s, is_final: false, actions: [],
  })),
  transitions: [
    { from: "PENDING", to: "ON_HOLD", by: "hold", late: false },
    { from: "PENDING", to: "DELIVERED", by: null, late: false },
    { from: "DELIVERED", to: "COMPLETED", by: null, late: false },
  ],
};

/** A `changed` event of the watcher, with or without the notice it raised. */
export function changed(p: PayoutView, notice: Notice | null = null): DeskEvent {
  return { type: "watch", notice, event: { kind: "changed", at: "2026-11-21T09:30:00.000Z", from: "PENDING", to: p.status ?? "PENDING", late_rejection: false, payout: p } };
}

export type Calls = { cmd: string; args: Record<string, unknown> }[];

/** Mocks the commands by name; every call is recorded. A handler may throw an ErrorReport.
 * A command without a handler fails the way an unknown command would. */
export function commands(handlers: Record<string, (args: Record<string, unknown>) => unknown>): Calls {
  const calls: Calls = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const fn = handlers[cmd];
    if (!fn) throw { code: "internal", message: `no mock for ${cmd}`, field: null, api_code: null, errors: [], external_id: null };
    return fn(a);
  });
  return calls;
}

/** Text on screen that did not go through the messages: with the pseudo-locale on
 * (`usePseudo(true)`), every translated text is inside ⟦…⟧, so any word of two or more
 * letters outside those brackets — in text, or in an aria-label, title or placeholder — was
 * never translated. `data` lists what the fixtures themselves put on screen (names, ids,
 * the core's own sentences), which is not the window's to translate. */
export function untranslated(root: Element, data: string[] = []): string[] {
  const found: string[] = [];
  const check = (text: string | null, where: string): void => {
    if (!text) return;
    // Innermost first: a translated message may hold another (⟦CSV, ⟦UTF-8 …⟧, …⟧).
    let rest = text;
    for (let before = ""; before !== rest;) { before = rest; rest = rest.replace(/⟦[^⟦⟧]*⟧/g, " "); }
    for (const d of [...data].sort((a, b) => b.length - a.length)) if (d) rest = rest.split(d).join(" ");
    if (/[A-Za-z]{2,}/.test(rest)) found.push(`${where}: ${text.trim()}`);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest("style, script")) continue;
    check(n.textContent, `text in <${n.parentElement?.tagName.toLowerCase() ?? "?"}>`);
  }
  for (const el of root.querySelectorAll("*")) {
    for (const a of ["aria-label", "title", "placeholder", "aria-description"]) check(el.getAttribute(a), `${a} of <${el.tagName.toLowerCase()}>`);
    if (el instanceof HTMLInputElement && (el.type === "button" || el.type === "submit")) check(el.value, "button value");
  }
  return found;
}
