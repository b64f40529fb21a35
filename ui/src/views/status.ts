// Small shared pieces of the payout views: the status badge and how amounts, times and
// durations are written. Display only: amounts stay the core's exact decimal strings (never
// parsed into floats), and nothing here decides anything about a payout.
import { h } from "../dom";
import { statusLabel } from "../diagram";
import { t } from "../i18n";
import { moment } from "../dates";
import type { PayoutView } from "../bindings/PayoutView";

export { statusLabel };

/** Where a payout stands, in words: its status (the core's label), or while no status is known
 * the state of its create. The badge's text, and what an action's result says it is now. */
export function statusText(p: PayoutView): string {
  if (p.status === "UNKNOWN") return t("badge-unknown", { code: p.status_code === null ? "?" : String(p.status_code) });
  if (p.status) return statusLabel(p.status);
  if (p.checking) return t("badge-checking");
  if (p.phase === "queued") return t("badge-in-batch");
  if (p.phase === "not_sent") return t("badge-not-sent");
  if (p.phase === "abandoned") return t("badge-abandoned");
  return "—";
}

export function statusBadge(p: PayoutView): HTMLElement {
  const text = statusText(p);
  if (p.status === "UNKNOWN") return h("span", { class: "status status-UNKNOWN", title: t("status-UNKNOWN-meaning") }, text);
  if (p.status) return h("span", { class: `status status-${p.status}` }, text);
  if (p.checking) return h("span", { class: "status checking" }, text);
  if (p.phase === "queued") return h("span", { class: "status status-QUEUED", title: t("badge-in-batch-title") }, text);
  if (p.phase === "not_sent") return h("span", { class: "status status-NOT_SENT" }, text);
  if (p.phase === "abandoned") return h("span", { class: "status status-ABANDONED" }, text);
  return h("span", { class: "status" }, text);
}

/** An amount as the core wrote it for the operator's locale (`BRL 1.234,56`): money is never
 * formatted here (the webview's Intl differs per platform). Without the core's text, the exact
 * decimal after its ISO code, as the core writes it in English (`BRL 1234.56`). */
export function amountText(amount: string | null | undefined, currency: string | null | undefined, shown?: string | null): string {
  if (shown) return shown;
  return amount ? `${currency ?? ""} ${amount}`.trim() : "";
}

export function money(p: PayoutView): string {
  return amountText(p.amount, p.currency, p.amount_shown);
}

/** A journal timestamp as every table shows it: on the operator's clock, to the second, in
 * the locale's way ("21/11/2026, 05:00:03" in pt-BR). */
export function stamp(iso: string | null | undefined): string {
  return moment(iso, "second");
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
  if (d > 0) return hrs > 0 ? t("duration-days-hours", { d, h: hrs }) : t("duration-days", { d });
  if (hrs > 0) return min > 0 ? t("duration-hours-minutes", { h: hrs, min }) : t("duration-hours", { h: hrs });
  if (min > 0) return t("duration-minutes", { min });
  return t("duration-under-minute");
}
