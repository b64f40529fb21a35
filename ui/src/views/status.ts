// Small shared pieces of the payout views.
import { h } from "../dom";
import type { PayoutView } from "../bindings/PayoutView";

export function statusBadge(p: PayoutView): HTMLElement {
  if (p.status) return h("span", { class: `status status-${p.status}` }, p.status.replace("_", " "));
  if (p.phase === "unknown" || p.phase === "intent") return h("span", { class: "status checking" }, "checking…");
  if (p.phase === "not_sent") return h("span", { class: "status" }, "NOT SENT");
  return h("span", { class: "status" }, "—");
}

export function money(p: PayoutView): string {
  return p.amount ? `${p.amount} ${p.currency ?? ""}`.trim() : "";
}
