// The overview: per currency, what moved in a period, what is in flight and on hold now, what
// came back rejected and why, and the daily volume as a bar chart with the same numbers in a
// table. Every figure is the core's (exact decimal sums, already written for the operator's
// locale); nothing is added up or formatted here. Each tile, status row and bar opens the list
// with that filter. Currencies are never added together nor drawn on one axis.
import * as ipc from "../ipc";
import * as events from "../events";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import { t } from "../i18n";
import { errorNotice } from "./detail";
import { duration } from "./status";
import { day } from "../dates";
import type { CurrencyOverview } from "../bindings/CurrencyOverview";
import type { Figure } from "../bindings/Figure";
import type { Overview } from "../bindings/Overview";
import type { Period } from "../bindings/Period";
import type { ListPreset } from "./list";

const SVG = "http://www.w3.org/2000/svg";
/** The chart's drawing box: bars share it, one per day. */
const CHART_W = 720;
const CHART_H = 120;

const PERIODS: [Period["kind"], () => string][] = [
  ["today", () => t("overview-period-today")],
  ["last7_days", () => t("overview-period-last-7-days")],
  ["last30_days", () => t("overview-period-last-30-days")],
  ["this_month", () => t("overview-period-this-month")],
  ["custom", () => t("overview-period-custom")],
];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** One tile: a figure with its words, a button that opens the list with its filter. */
function tile(id: string, label: string, figure: Figure, open: () => void, extra?: string): HTMLElement {
  return h("button", { type: "button", class: "tile", id, onclick: open },
    h("span", { class: "tile-label" }, label),
    h("strong", { class: "tile-sum num" }, figure.shown),
    h("span", { class: "tile-count" }, t("overview-payouts", { count: figure.count, shown: figure.count_shown })),
    extra ? h("span", { class: "tile-extra" }, extra) : null);
}

/** Money in flight is two statuses: the tile is a group whose two buttons open each. */
function inFlightTile(c: CurrencyOverview, open: (preset: ListPreset) => void): HTMLElement {
  return h("div", { class: "tile", id: `tile-in-flight-${c.currency}`, role: "group", "aria-labelledby": `in-flight-label-${c.currency}` },
    h("span", { class: "tile-label", id: `in-flight-label-${c.currency}` }, t("overview-in-flight")),
    h("strong", { class: "tile-sum num" }, c.in_flight.shown),
    h("span", { class: "tile-count" }, t("overview-payouts", { count: c.in_flight.count, shown: c.in_flight.count_shown })),
    h("span", { class: "tile-extra" },
      h("button", { type: "button", class: "link", onclick: () => open({ status: "PENDING", currency: c.currency }) }, t("status-PENDING")),
      " · ",
      h("button", { type: "button", class: "link", onclick: () => open({ status: "DELIVERED", currency: c.currency }) }, t("status-DELIVERED"))));
}

/** The daily volume: one bar per day, scaled by the core's exact heights, opening that day's
 * payouts. The chart is a group named by its one-sentence summary; its bars are buttons with
 * their own names, reached as one tab stop and walked with the arrow keys (a month of bars is
 * not thirty tab stops). */
function chart(c: CurrencyOverview, openDay: (day: string) => void): SVGSVGElement {
  const n = Math.max(1, c.days.length);
  const slot = CHART_W / n;
  const barW = Math.max(1, slot * 0.7);
  const root = svg("svg", { viewBox: `0 0 ${CHART_W} ${CHART_H + 18}`, class: "volume-chart", role: "group", "aria-label": c.chart_label, id: `chart-${c.currency}` });
  // The roving tab stop: the last day with money (today's, usually).
  let stop = -1;
  c.days.forEach((d, i) => { if (d.figure.count > 0) stop = i; });
  const bars: SVGGElement[] = [];
  const focusBar = (i: number) => {
    const b = bars[Math.max(0, Math.min(bars.length - 1, i))];
    if (!b) return;
    bars.forEach((x) => x.setAttribute("tabindex", "-1"));
    b.setAttribute("tabindex", "0");
    b.focus();
  };
  root.append(svg("line", { x1: 0, y1: CHART_H, x2: CHART_W, y2: CHART_H, class: "axis" }));
  c.days.forEach((d, i) => {
    const height = (d.height / 1000) * (CHART_H - 4);
    const g = svg("g", { class: "bar", tabindex: i === stop ? 0 : -1, "data-day": d.day, role: "button", "aria-label": t("overview-bar", { day: day(d.day), sum: d.figure.shown, count: d.figure.count }) });
    bars.push(g);
    const title = svg("title", {});
    title.textContent = t("overview-bar", { day: day(d.day), sum: d.figure.shown, count: d.figure.count });
    g.append(title);
    // The whole slot takes the click and the hover, not just the (maybe tiny) bar.
    g.append(svg("rect", { x: i * slot, y: 0, width: slot, height: CHART_H, class: "bar-slot" }));
    if (height > 0) g.append(svg("rect", { x: i * slot + (slot - barW) / 2, y: CHART_H - height, width: barW, height, class: "bar-fill" }));
    g.addEventListener("click", () => openDay(d.day));
    g.addEventListener("keydown", (e) => {
      const key = (e as KeyboardEvent).key;
      if (key === "Enter" || key === " ") {
        e.preventDefault();
        openDay(d.day);
      } else if (key === "ArrowRight" || key === "ArrowLeft" || key === "Home" || key === "End") {
        e.preventDefault();
        focusBar(key === "Home" ? 0 : key === "End" ? bars.length - 1 : i + (key === "ArrowRight" ? 1 : -1));
      }
    });
    root.append(g);
  });
  // The first and last day under the axis: the table below has every day.
  const first = svg("text", { x: 0, y: CHART_H + 14, class: "chart-day" });
  first.textContent = c.days[0] ? day(c.days[0].day) : "";
  const last = svg("text", { x: CHART_W, y: CHART_H + 14, class: "chart-day", "text-anchor": "end" });
  const lastDay = c.days[c.days.length - 1];
  last.textContent = lastDay ? day(lastDay.day) : "";
  root.append(first, last);
  return root;
}

function currencySection(o: Overview, c: CurrencyOverview, open: (preset: ListPreset) => void): HTMLElement {
  const period: Period = { kind: "custom", from: o.first_day, to: o.last_day };
  const oldest = c.on_hold.oldest_secs !== null && c.on_hold.figure.count > 0
    ? t("overview-oldest-hold", { age: duration(c.on_hold.oldest_secs) })
    : undefined;
  const provisional = c.provisional.count > 0
    ? t("overview-provisional", { sum: c.provisional.shown, count: c.provisional.count, days: o.late_window_days })
    : undefined;
  const late = c.late_rejections.count > 0
    ? t("overview-late", { sum: c.late_rejections.shown, count: c.late_rejections.count })
    : undefined;
  const tiles = h("div", { class: "tiles" },
    tile(`tile-sent-${c.currency}`, t("overview-sent"), c.sent, () => open({ period, currency: c.currency, sentOnly: true })),
    inFlightTile(c, open),
    tile(`tile-on-hold-${c.currency}`, t("overview-on-hold"), c.on_hold.figure, () => open({ status: "ON_HOLD", currency: c.currency }), oldest),
    tile(`tile-completed-${c.currency}`, t("overview-completed"), c.completed, () => open({ status: "COMPLETED", period, currency: c.currency }), provisional),
    tile(`tile-rejected-${c.currency}`, t("overview-rejected"), c.rejected, () => open({ status: "REJECTED", period, currency: c.currency }), late));
  const statuses = h("table", { class: "overview-statuses", id: `statuses-${c.currency}` },
    h("caption", {}, t("overview-by-status", { first: day(o.first_day), last: day(o.last_day) })),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("overview-col-status")), h("th", { scope: "col", class: "num" }, t("overview-col-count")), h("th", { scope: "col", class: "num" }, t("col-amount")))),
    h("tbody", {}, ...c.by_status.map((s) => h("tr", { "data-key": s.key },
      h("td", {}, h("button", { type: "button", class: "link", onclick: () => open({ status: s.status, phases: s.phases, period, currency: c.currency }) }, s.label)),
      h("td", { class: "num" }, s.figure.count_shown),
      h("td", { class: "num" }, s.figure.shown)))));
  const rejections = c.top_rejections.length === 0 ? null : h("table", { class: "overview-rejections", id: `rejections-${c.currency}` },
    h("caption", {}, t("overview-top-rejections")),
    h("thead", {}, h("tr", {}, ...[t("overview-col-code"), t("overview-col-meaning"), t("overview-col-field"), t("overview-col-count"), t("col-amount")].map((x, i) => h("th", { scope: "col", class: i >= 3 ? "num" : null }, x)))),
    h("tbody", {}, ...c.top_rejections.map((r) => h("tr", {},
      h("td", { class: "nowrap" }, `${r.code} ${r.name}`),
      h("td", {}, r.explanation),
      h("td", {}, r.field ?? "—"),
      h("td", { class: "num" }, r.figure.count_shown),
      h("td", { class: "num" }, r.figure.shown)))));
  const openDay = (day: string) => open({ period: { kind: "custom", from: day, to: day }, currency: c.currency, sentOnly: true });
  const daily = h("details", { class: "overview-days" },
    h("summary", {}, t("overview-daily-table")),
    h("table", { id: `days-${c.currency}` },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("overview-col-day")), h("th", { scope: "col", class: "num" }, t("overview-col-count")), h("th", { scope: "col", class: "num" }, t("overview-col-sent")))),
      h("tbody", {}, ...c.days.map((d) => h("tr", {}, h("td", {}, day(d.day)), h("td", { class: "num" }, d.figure.count_shown), h("td", { class: "num" }, d.figure.shown))))));
  return h("section", { class: "overview-currency", id: `overview-${c.currency}`, "aria-labelledby": `overview-title-${c.currency}` },
    h("h2", { id: `overview-title-${c.currency}` }, c.currency),
    tiles,
    h("h3", {}, t("overview-daily-volume")),
    chart(c, openDay),
    daily,
    h("div", { class: "overview-tables" }, statuses, rejections));
}

export async function renderOverview(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  const period = h("select", { id: "overview-period" }, ...PERIODS.map(([v, label]) => h("option", { value: v }, label())));
  period.value = "last30_days";
  const from = h("input", { id: "overview-from", type: "date", "aria-describedby": "overview-dates-error" });
  const to = h("input", { id: "overview-to", type: "date", "aria-describedby": "overview-dates-error" });
  const datesError = h("span", { id: "overview-dates-error", class: "field-error", role: "alert" });
  const dates = h("span", { class: "row", id: "overview-dates", hidden: true },
    h("label", { for: "overview-from" }, t("overview-from")), from,
    h("label", { for: "overview-to" }, t("overview-to")), to, datesError);
  const body = h("div", { id: "overview-body" });
  // What changed, said once in a short line (the tables themselves are not re-announced).
  const said = h("p", { class: "muted", id: "overview-scope", role: "status" });
  let asked = 0;
  let again: number | undefined;
  const chosen = (): Period => period.value === "custom"
    ? { kind: "custom", from: from.value || null, to: to.value || null }
    : { kind: period.value } as Exclude<Period, { kind: "custom" }>;
  const open = (preset: ListPreset) => go({ view: "list", preset });
  const load = async () => {
    // Only the latest question's answer is drawn: an older one arriving last must not show
    // another period's figures.
    const mine = ++asked;
    datesError.textContent = "";
    from.removeAttribute("aria-invalid");
    to.removeAttribute("aria-invalid");
    try {
      const o = await ipc.overview({ period: chosen(), time_zone: null });
      if (!current() || mine !== asked) return;
      said.textContent = t("overview-scope", { first: day(o.first_day), last: day(o.last_day), zone: o.time_zone, count: o.payouts });
      mount(body,
        o.unreadable > 0 ? notice("validation", t("overview-unreadable", { count: o.unreadable }), "overview-unreadable") : null,
        o.amount_unknown > 0 ? notice("info", t("overview-amount-unknown", { count: o.amount_unknown }), "overview-amount-unknown") : null,
        o.currencies.length === 0
          ? notice("info", t("overview-empty"), "overview-empty")
          : h("div", {}, ...o.currencies.map((c) => currencySection(o, c, open))));
    } catch (e) {
      if (!current() || mine !== asked) return;
      const r = ipc.asReport(e);
      if (r.field === "period_from" || r.field === "period_to" || r.field === "period") {
        datesError.textContent = r.message;
        (r.field === "period_to" ? to : from).setAttribute("aria-invalid", "true");
        return;
      }
      mount(body, errorNotice(r, "overview-error"));
    }
  };
  period.addEventListener("change", () => {
    dates.hidden = period.value !== "custom";
    if (period.value === "custom") from.focus();
    else void load();
  });
  from.addEventListener("change", () => void load());
  to.addEventListener("change", () => void load());
  // A payout changed here or on another desk: the figures are read again.
  // Many changes in a burst (a batch being sent) are read once, a moment after the last.
  events.listen((e) => {
    if ((e.type === "watch" && e.event.kind === "changed") || e.type === "journal") {
      window.clearTimeout(again);
      again = window.setTimeout(() => void load(), 300);
    }
  }, current);
  mount(el,
    h("h1", {}, t("overview-title")),
    h("div", { class: "row" },
      h("span", { class: "filter" }, h("label", { for: "overview-period" }, t("overview-period")), period),
      h("button", { type: "button", id: "overview-refresh", onclick: () => void load() }, t("refresh"))),
    dates,
    said,
    body);
  await load();
}
