// The state diagram of one payout, as SVG, drawn from the core's lifecycle table (statuses and
// transitions come over IPC; only the layout is decided here). The current status is filled,
// the path the payout took is drawn bold with the time of each step, the late
// COMPLETED -> REJECTED edge is dashed, edges not taken are dimmed. Status names and edge words
// are the messages' (the core's status labels); what each status means is the core's sentence.
import { t } from "./i18n";
import { moment } from "./dates";
import type { Action } from "./bindings/Action";
import type { CashoutStatus } from "./bindings/CashoutStatus";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import type { Lifecycle } from "./bindings/Lifecycle";

const SVG = "http://www.w3.org/2000/svg";
const W = 132;
const H = 46;

/** The statuses the table draws; UNKNOWN (a number the desk does not know) is not a place on
 * the diagram: no node is filled then, and the label says so. */
type Drawn = Exclude<CashoutStatus, "UNKNOWN">;

/** Where each status sits: the happy path left to right, side exits below and above. */
export const LAYOUT: Record<Drawn, { x: number; y: number }> = {
  DECLINED: { x: 20, y: 130 },
  PENDING: { x: 200, y: 130 },
  ON_HOLD: { x: 200, y: 20 },
  CANCELLED: { x: 200, y: 240 },
  DELIVERED: { x: 390, y: 130 },
  COMPLETED: { x: 580, y: 130 },
  REJECTED: { x: 580, y: 240 },
};

/** A status's label in the current language (the core's `status-<NAME>` messages). */
export function statusLabel(s: CashoutStatus): string {
  switch (s) {
    case "PENDING": return t("status-PENDING");
    case "COMPLETED": return t("status-COMPLETED");
    case "CANCELLED": return t("status-CANCELLED");
    case "REJECTED": return t("status-REJECTED");
    case "DELIVERED": return t("status-DELIVERED");
    case "ON_HOLD": return t("status-ON_HOLD");
    case "DECLINED": return t("status-DECLINED");
    case "UNKNOWN": return t("status-UNKNOWN");
  }
}

/** The word on an edge an operator action causes. */
function actionWord(a: Action): string {
  switch (a) {
    case "hold": return t("diagram-edge-hold");
    case "release": return t("diagram-edge-release");
    case "cancel": return t("diagram-edge-cancel");
  }
}

/** The diagram's accessible name: where the payout is, then the path it took. */
function labelOf(current: CashoutStatus | null, path: { status: CashoutStatus }[]): string {
  const now = current === "UNKNOWN"
    ? t("diagram-now-unknown")
    : current === null
      ? t("diagram-now-not-known")
      : t("diagram-now", { status: statusLabel(current) });
  const taken = path.length
    ? t("diagram-path", { path: path.map((p) => statusLabel(p.status)).join(" → ") })
    : t("diagram-no-path");
  return `${now} ${taken}`;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The statuses the payout went through, in order, with the time each was first observed. */
export function pathOf(history: HistoryEntry[]): { status: CashoutStatus; at: string }[] {
  const steps: { status: CashoutStatus; at: string }[] = [];
  for (const h of history) {
    if (!h.status) continue;
    if (steps.length && steps[steps.length - 1]!.status === h.status) continue;
    steps.push({ status: h.status, at: h.at });
  }
  return steps;
}


function anchor(from: { x: number; y: number }, to: { x: number; y: number }) {
  const c1 = { x: from.x + W / 2, y: from.y + H / 2 };
  const c2 = { x: to.x + W / 2, y: to.y + H / 2 };
  const dx = c2.x - c1.x;
  const dy = c2.y - c1.y;
  // Leave and enter through the box sides facing each other.
  const out = (c: { x: number; y: number }, sx: number, sy: number) =>
    Math.abs(dx) * H > Math.abs(dy) * W
      ? { x: c.x + (sx * W) / 2, y: c.y }
      : { x: c.x, y: c.y + (sy * H) / 2 };
  return { a: out(c1, Math.sign(dx), Math.sign(dy)), b: out(c2, -Math.sign(dx), -Math.sign(dy)) };
}

const placeOf = (s: CashoutStatus): { x: number; y: number } | null => (s === "UNKNOWN" ? null : LAYOUT[s]);

export function drawDiagram(table: Lifecycle, current: CashoutStatus | null, history: HistoryEntry[]): SVGSVGElement {
  const svg = el("svg", { viewBox: "0 0 740 300", class: "diagram", role: "img" });
  const path = pathOf(history);
  svg.setAttribute("aria-label", labelOf(current, path));
  const defs = el("defs", {});
  for (const [id, colour] of [["arrow", "#c3ccd6"], ["arrow-taken", "#105e66"]] as const) {
    const m = el("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    m.append(el("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }));
    defs.append(m);
  }
  svg.append(defs);
  const takenEdges = new Set<string>();
  for (let i = 1; i < path.length; i++) takenEdges.add(`${path[i - 1]!.status}>${path[i]!.status}`);
  for (const edge of table.transitions) {
    const from = placeOf(edge.from);
    const to = placeOf(edge.to);
    if (!from || !to) continue;
    const { a, b } = anchor(from, to);
    // Two-way pairs (PENDING <-> ON_HOLD) are drawn side by side.
    const twoWay = table.transitions.some((o) => o.from === edge.to && o.to === edge.from);
    const shift = twoWay ? (edge.from < edge.to ? -12 : 12) : 0;
    const taken = takenEdges.has(`${edge.from}>${edge.to}`);
    const cls = `edge${taken ? " taken" : ""}${edge.late ? " late" : ""}`;
    const line = el("path", {
      d: `M${a.x + shift},${a.y} L${b.x + shift},${b.y}`,
      class: cls,
      "marker-end": `url(#${taken ? "arrow-taken" : "arrow"})`,
      "data-edge": `${edge.from}>${edge.to}`,
    });
    svg.append(line);
    const word = edge.late ? t("diagram-edge-late") : edge.by ? actionWord(edge.by) : "";
    if (word) {
      const lx = (a.x + b.x) / 2 + shift + (twoWay ? Math.sign(shift) * 10 : 6);
      const ly = (a.y + b.y) / 2 - 4;
      const text = el("text", { x: lx, y: ly, class: "edge-label", "text-anchor": twoWay && shift < 0 ? "end" : "start" });
      text.textContent = word;
      svg.append(text);
    }
  }
  for (const s of table.statuses) {
    const pos = placeOf(s.status);
    if (!pos) continue;
    const step = path.find((p) => p.status === s.status);
    const cls = `node${step ? " taken" : ""}${s.status === current ? " current" : ""}`;
    const g = el("g", { class: cls, "data-status": s.status });
    const title = el("title", {});
    title.textContent = s.meaning;
    g.append(title, el("rect", { x: pos.x, y: pos.y, width: W, height: H, rx: 8 }));
    const name = el("text", { x: pos.x + W / 2, y: pos.y + (step ? 19 : 28), "text-anchor": "middle" });
    name.textContent = statusLabel(s.status);
    g.append(name);
    if (step) {
      const when = el("text", { x: pos.x + W / 2, y: pos.y + 36, "text-anchor": "middle", class: "when" });
      // The time alone fits the box; the day and time in full are in the step's title.
      when.textContent = moment(step.at, "time");
      title.textContent = `${s.meaning} (${moment(step.at)})`;
      g.append(when);
    }
    svg.append(g);
  }
  return svg;
}
