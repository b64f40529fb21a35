// The app shell: the environment bar, the navigation, and which view is shown. Views are in
// views/; every rule (validation, transitions, texts) comes from the core over IPC.
import * as ipc from "./ipc";
import { mount, h, notice } from "./dom";
import { renderNew } from "./views/newCashout";
import { renderList } from "./views/list";
import { renderDetail } from "./views/detail";
import { renderLookup } from "./views/lookup";
import { renderSettings } from "./views/settings";
import type { CashoutRef } from "./bindings/CashoutRef";

export type Route = { view: "new" } | { view: "list" } | { view: "lookup" } | { view: "settings" } | { view: "detail"; which: CashoutRef };

let route = 0;
/** Which navigation is current: async work started for an older one must not draw. */
export const routeToken = (): number => route;

const viewEl = () => document.getElementById("view") as HTMLElement;

export async function refreshEnvBar(): Promise<void> {
  const bar = document.getElementById("env-bar");
  if (!bar) return;
  try {
    const s = await ipc.appStatus();
    bar.className = `env-bar env-${s.colour}`;
    const creds = s.demo_credentials
      ? "demo credentials"
      : s.credentials.stored
        ? `credentials stored (API Key …${s.credentials.api_key_last4 ?? ""})`
        : "no credentials stored";
    mount(
      bar,
      h("span", { id: "env-name" }, s.name.toUpperCase()),
      h("span", { class: "env-host", id: "env-host" }, s.host || "(no host)"),
      s.production ? h("span", {}, "REAL MONEY") : null,
      s.problem ? h("span", { class: "env-host" }, s.problem) : null,
      h("span", { class: "env-creds", id: "env-creds" }, creds),
    );
  } catch (e) {
    mount(bar, notice("network", ipc.asReport(e).message));
  }
}

export function go(to: Route): Promise<void> {
  route += 1;
  document.querySelectorAll<HTMLButtonElement>(".nav button").forEach((b) => {
    if (b.dataset.view === to.view) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  });
  const el = viewEl();
  mount(el);
  const done = (() => {
    switch (to.view) {
      case "new": return renderNew(el, go);
      case "list": return renderList(el, go);
      case "lookup": return renderLookup(el, go);
      case "settings": return renderSettings(el, refreshEnvBar);
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
  // The bar and the form load side by side; creates an earlier session left unknown are looked
  // up in the background (reconcile sends nothing).
  void refreshEnvBar();
  void ipc.reconcile().catch(() => undefined);
  await go({ view: "new" });
  // Two frames after the form is in the DOM it is on screen: tell the start-up probe.
  requestAnimationFrame(() => requestAnimationFrame(() => void ipc.uiPainted().catch(() => undefined)));
}

if (typeof window !== "undefined" && !(window as { __CASHOUT_TEST__?: boolean }).__CASHOUT_TEST__) {
  window.addEventListener("DOMContentLoaded", () => void start());
}
