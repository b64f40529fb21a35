// Small shared pieces of the payout views: the status badge and how amounts, times and
// durations are written. Display only: amounts stay the core's exact decimal strings (never
// parsed into floats), and nothing here decides anything about a payout.
import { h } from "../dom";
import type { PayoutView } from "../bindings/PayoutView";

export function statusBadge(p: PayoutView): HTMLElement {
  if (p.status === "UNKNOWN") return h("span", { class: "status status-UNKNOWN", title: "A status number this desk does not know; no action until a known status is seen." }, `UNKNOWN (code ${p.status_code ?? "?"})`);
  if (p.status) return h("span", { class: `status status-${p.status}` }, p.status.replace("_", " "));
  if (p.checking) return h("span", { class: "status checking" }, "checking…");
  if (p.phase === "queued") return h("span", { class: "status status-QUEUED", title: "A row of a batch, not sent yet: it is sent when its batch is sent or resumed." }, "IN BATCH");
  if (p.phase === "not_sent") return h("span", { class: "status status-NOT_SENT" }, "NOT SENT");
  if (p.phase === "abandoned") return h("span", { class: "status status-ABANDONED" }, "ABANDONED");
  return h("span", { class: "status" }, "—");
}

/** An exact decimal string with its currency, as every view writes amounts. */
export function amountText(amount: string | null | undefined, currency: string | null | undefined): string {
  return amount ? `${amount} ${currency ?? ""}`.trim() : "";
}

export function money(p: PayoutView): string {
  return amountText(p.amount, p.currency);
}

/** A journal timestamp as the other tables show it: "2026-11-21 08:00:03". */
export function stamp(iso: string | null | undefined): string {
  return iso ? iso.replace("T", " ").slice(0, 19) : "—";
}

/** A moment as the operator's own clock shows it ("14:03:22"), for "retrying at …": it is
 * compared with the clock on the screen, not with the journal. */
export function clock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A duration in words an operator reads at a glance: "3 d 4 h", "2 h 5 min", "12 min".
 * Only the two largest units: to the minute is noise for a hold of days. */
export function duration(totalSecs: number): string {
  const secs = Math.max(0, Math.floor(totalSecs));
  const d = Math.floor(secs / 86_400);
  const hrs = Math.floor((secs % 86_400) / 3_600);
  const min = Math.floor((secs % 3_600) / 60);
  if (d > 0) return hrs > 0 ? `${d} d ${hrs} h` : `${d} d`;
  if (hrs > 0) return min > 0 ? `${hrs} h ${min} min` : `${hrs} h`;
  if (min > 0) return `${min} min`;
  return "under 1 min";
}
