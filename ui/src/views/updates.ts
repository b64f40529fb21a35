// Updates, under Settings → About: where the app asks (the publisher, or IT's mirror), when it
// last asked and what came of it, "Check for updates", and for an offered version "Install now"
// (refused while this desk is sending: the core says why) or "Install on quit". The shell's
// updater verifies the signature and the signed version; the words of refusals are the core's.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import type { UpdateOffer } from "../bindings/UpdateOffer";
import { errorNotice } from "./detail";
import { t } from "../i18n";

export async function renderUpdates(el: HTMLElement): Promise<void> {
  const status = h("p", { id: "update-status", class: "muted" });
  const out = h("div", { id: "update-out", "aria-live": "polite" });
  const drawStatus = async () => {
    try {
      const s = await ipc.updateStatus();
      // Three facts joined by " · ": where it asks, the last check (its result in the core's
      // words), and a version waiting for the app to quit.
      status.textContent = [
        s.endpoint ? t("updates-from", { endpoint: s.endpoint }) : t("updates-no-server"),
        s.last_check ? t("updates-last-checked", { at: s.last_check, result: s.last_result ?? "" }) : null,
        s.on_quit ? t("updates-on-quit", { version: s.on_quit }) : null,
      ].filter((x) => x !== null).join(" · ");
    } catch (e) {
      mount(status, errorNotice(ipc.asReport(e)));
    }
  };
  const install = async (version: string, now: boolean) => {
    for (const b of el.querySelectorAll<HTMLButtonElement>("#update-install-now, #update-install-on-quit")) b.disabled = true;
    mount(out, notice("info", now ? t("updates-installing-now") : t("updates-installing-on-quit")));
    try {
      mount(out, notice("ok", await ipc.updateInstall(version, now), "update-installed"));
    } catch (e) {
      mount(out, errorNotice(ipc.asReport(e), "update-error"));
    }
    await drawStatus();
  };
  const showOffer = (o: UpdateOffer | null) => {
    if (!o) {
      mount(out, notice("ok", t("updates-newest"), "update-none"));
      return;
    }
    mount(out,
      // The release notes are the publisher's, in its words.
      notice("info", `${t("updates-offer", { version: o.version, current: o.current })}${o.notes ? ` ${o.notes}` : ""}`, "update-offer"),
      o.blocked ? notice("validation", o.blocked, "update-blocked") : null,
      h("div", { class: "row" },
        h("button", { type: "button", class: "primary", id: "update-install-now", disabled: o.blocked !== null, onclick: () => void install(o.version, true) }, t("updates-install-now")),
        h("button", { type: "button", id: "update-install-on-quit", onclick: () => void install(o.version, false) }, t("updates-install-on-quit"))));
  };
  const checkNow = async () => {
    mount(out, notice("info", t("updates-checking")));
    try {
      showOffer(await ipc.updateCheck());
    } catch (e) {
      mount(out, errorNotice(ipc.asReport(e), "update-error"));
    }
    await drawStatus();
  };
  mount(el,
    status,
    h("div", { class: "row" }, h("button", { type: "button", id: "update-check", onclick: () => void checkNow() }, t("updates-check"))),
    out);
  await drawStatus();
}
