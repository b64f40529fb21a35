// Check any cashout by cashout_id or external_id, even one created elsewhere (e.g. in the
// Merchant Panel); it is added to the journal and shown with its diagram.
import { h, mount } from "../dom";
import type { Route } from "../main";
import { t } from "../i18n";

export async function renderLookup(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const kind = h("select", { id: "lookup-kind" }, h("option", { value: "external_id" }, t("col-external-id")), h("option", { value: "id" }, t("col-cashout-id")));
  const value = h("input", { id: "lookup-value", type: "text", required: true });
  const error = h("div", { class: "field-error", role: "alert", id: "lookup-error" });
  const form = h(
    "form",
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        const v = value.value.trim();
        if (kind.value === "id") {
          const n = Number(v);
          if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) {
            error.textContent = t("lookup-bad-id");
            return;
          }
          go({ view: "detail", which: { id: n } });
        } else if (v) {
          go({ view: "detail", which: { external_id: v } });
        }
      },
    },
    h("div", { class: "row" },
      h("label", { for: "lookup-kind" }, t("lookup-by")), kind,
      h("label", { for: "lookup-value" }, t("lookup-value")), value,
      h("button", { type: "submit", class: "primary", id: "lookup-go" }, t("lookup-check"))),
    error,
  );
  mount(el, h("h1", {}, t("lookup-title")), h("p", { class: "muted" }, t("lookup-intro")), form);
  value.focus();
}
