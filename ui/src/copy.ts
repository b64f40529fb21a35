// Copy buttons. Beside an id, a button copies the whole value through the shell (the window
// has no clipboard permission of its own) and says that it did, where a screen reader hears
// it; the value itself is shown whole, never cut, so what is seen is what is copied.
import * as ipc from "./ipc";
import { h } from "./dom";
import { t } from "./i18n";

/** `value` shown whole, with a button that copies it; `what` names it for the button's label
 * ("cashout id"). `id`, when given, is the button's element id. */
export function copyable(value: string, what: string, id?: string): HTMLElement {
  const said = h("span", { class: "copy-said", role: "status" });
  const button = h("button", { type: "button", class: "copy", id, "aria-label": t("copy-label", { what }), title: t("copy-label", { what }) }, t("copy"));
  let reset = 0;
  button.addEventListener("click", async () => {
    window.clearTimeout(reset);
    try {
      await ipc.copyText(value);
      said.textContent = t("copied");
      said.classList.remove("copy-failed");
    } catch (e) {
      said.textContent = t("not-copied", { message: ipc.asReport(e).message });
      said.classList.add("copy-failed");
    }
    reset = window.setTimeout(() => { said.textContent = ""; }, 2500);
  });
  return h("span", { class: "copyable" }, h("span", { class: "id-value" }, value), button, said);
}
