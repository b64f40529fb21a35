// The hold board: every ON_HOLD payout, oldest hold first, with how long it has been held and
// what the holds reserve per currency. Board, order and totals come from the core (totals are
// exact decimal strings, never added up here); only the wording of durations is done here.
// It is read from the journal (no provider call), so it is redrawn whenever the watcher
// reports a change or an old hold.
import * as ipc from "../ipc";
import * as events from "../events";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { HoldBoard } from "../bindings/HoldBoard";
import { errorNotice } from "./detail";
import { amountText, duration, money, stamp } from "./status";
import { t } from "../i18n";

function totals(board: HoldBoard): HTMLElement {
  return h("ul", { id: "holds-totals", class: "holds-totals", "aria-label": t("holds-totals-label") },
    ...board.totals.map((total) =>
      h("li", { "data-currency": total.currency },
        h("strong", { class: "num" }, amountText(total.amount, total.currency, total.amount_shown)),
        " ", t("holds-total-in", { count: total.count }))));
}

function table(board: HoldBoard, go: (r: Route) => void): HTMLElement {
  return h("table", { id: "holds-table" },
    h("caption", { class: "muted" }, t("holds-caption", { at: stamp(board.at) })),
    h("thead", {}, h("tr", {}, ...[t("holds-col-held-for"), t("holds-col-held-since"), t("col-cashout-id"), t("col-external-id"), t("col-amount"), t("col-beneficiary"), ""].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...board.payouts.map(({ payout: p, held_since, held_for_secs }) =>
      h("tr", {},
        h("td", { class: "nowrap held-for" }, duration(held_for_secs)),
        h("td", { class: "nowrap" }, stamp(held_since)),
        h("td", {}, p.cashout_id ?? "—"),
        h("td", { class: "id" }, p.external_id ?? "—"),
        h("td", { class: "num" }, money(p)),
        h("td", {}, p.beneficiary ?? ""),
        h("td", {}, h("button", {
          type: "button",
          "aria-label": t("open-payout-label", { id: String(p.cashout_id ?? p.external_id ?? "") }),
          onclick: () => go({ view: "detail", which: p.cashout_id !== null ? { id: p.cashout_id } : { external_id: p.external_id ?? "" } }),
        }, t("open")))))));
}

export async function renderHolds(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const token = routeToken();
  const current = () => token === routeToken();
  const body = h("div", { id: "holds-body" });
  const load = async () => {
    try {
      const board = await ipc.holdBoard();
      if (!current()) return;
      mount(body, board.payouts.length === 0
        ? notice("info", t("holds-empty"), "holds-empty")
        : h("div", {}, totals(board), table(board, go)));
    } catch (e) {
      if (current()) mount(body, errorNotice(ipc.asReport(e), "holds-error"));
    }
  };
  events.listen((e) => {
    if (e.type === "watch" && (e.event.kind === "changed" || e.event.kind === "hold_alert")) void load();
    // Another desk changed the team journal: re-read the board (the event is only a hint).
    if (e.type === "journal") void load();
  }, current);
  mount(el,
    h("h1", {}, t("holds-title")),
    h("div", { class: "row" }, h("button", { type: "button", id: "holds-refresh", onclick: () => void load() }, t("refresh"))),
    body);
  await load();
}
