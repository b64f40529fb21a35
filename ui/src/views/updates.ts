// Updates, under Settings → About: where the app asks (the publisher, or IT's mirror), when it
// last asked and what came of it, "Check for updates", and for an offered version "Install now"
// (refused while this desk is sending: the core says why) or "Install on quit". The shell's
// updater verifies the signature and the signed version; the words of refusals are the core's.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import type { UpdateOffer } from "../bindings/UpdateOffer";
import { errorNotice } from "./detail";

export async function renderUpdates(el: HTMLElement): Promise<void> {
  const status = h("p", { id: "update-status", class: "muted" });
  const out = h("div", { id: "update-out", "aria-live": "polite" });
  const drawStatus = async () => {
    try {
      const s = await ipc.updateStatus();
      const where = s.endpoint ? `Updates from ${s.endpoint}` : "No update server: a development build (set your IT's mirror above to use one)";
      const last = s.last_check ? ` · last checked ${s.last_check}: ${s.last_result ?? ""}` : "";
      const quit = s.on_quit ? ` · version ${s.on_quit} installs when the app quits` : "";
      status.textContent = `${where}${last}${quit}`;
    } catch (e) {
      mount(status, errorNotice(ipc.asReport(e)));
    }
  };
  const install = async (version: string, now: boolean) => {
    for (const b of el.querySelectorAll<HTMLButtonElement>("#update-install-now, #update-install-on-quit")) b.disabled = true;
    mount(out, notice("info", now ? "Downloading, verifying and installing…" : "Downloading and verifying for install on quit…"));
    try {
      mount(out, notice("ok", await ipc.updateInstall(version, now), "update-installed"));
    } catch (e) {
      mount(out, errorNotice(ipc.asReport(e), "update-error"));
    }
    await drawStatus();
  };
  const showOffer = (o: UpdateOffer | null) => {
    if (!o) {
      mount(out, notice("ok", "This is the newest version.", "update-none"));
      return;
    }
    mount(out,
      notice("info", `Version ${o.version} is available (running ${o.current}).${o.notes ? ` ${o.notes}` : ""}`, "update-offer"),
      o.blocked ? notice("validation", o.blocked, "update-blocked") : null,
      h("div", { class: "row" },
        h("button", { type: "button", class: "primary", id: "update-install-now", disabled: o.blocked !== null, onclick: () => void install(o.version, true) }, "Install now and restart"),
        h("button", { type: "button", id: "update-install-on-quit", onclick: () => void install(o.version, false) }, "Install on quit")));
  };
  const checkNow = async () => {
    mount(out, notice("info", "Checking…"));
    try {
      showOffer(await ipc.updateCheck());
    } catch (e) {
      mount(out, errorNotice(ipc.asReport(e), "update-error"));
    }
    await drawStatus();
  };
  mount(el,
    status,
    h("div", { class: "row" }, h("button", { type: "button", id: "update-check", onclick: () => void checkNow() }, "Check for updates")),
    out);
  await drawStatus();
}
