import { describe, expect, it } from "vitest";
import { drawDiagram, pathOf } from "./diagram";
import type { Lifecycle } from "./bindings/Lifecycle";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import { setLang, usePseudo } from "./i18n";
import { untranslated } from "./testkit";

// The table as the core sends it (a fixture of `lifecycle`), so the test draws what the app draws.
const table: Lifecycle = {
  statuses: (["PENDING", "COMPLETED", "CANCELLED", "REJECTED", "DELIVERED", "ON_HOLD", "DECLINED"] as const).map((s) => ({
    status: s, code: null, meaning: s, is_final: false, actions: [],
  })),
  transitions: [
    { from: "PENDING", to: "ON_HOLD", by: "hold", late: false },
    { from: "PENDING", to: "CANCELLED", by: "cancel", late: false },
    { from: "PENDING", to: "DELIVERED", by: null, late: false },
    { from: "ON_HOLD", to: "PENDING", by: "release", late: false },
    { from: "ON_HOLD", to: "CANCELLED", by: "cancel", late: false },
    { from: "DELIVERED", to: "COMPLETED", by: null, late: false },
    { from: "DELIVERED", to: "REJECTED", by: null, late: false },
    { from: "COMPLETED", to: "REJECTED", by: null, late: true },
  ],
};
const at = (n: number) => `2026-11-21T08:00:0${n}.000Z`;
const history: HistoryEntry[] = [
  { at: at(0), event: "intent", status: null, detail: null },
  { at: at(1), event: "created", status: "PENDING", detail: null },
  { at: at(2), event: "status", status: "PENDING", detail: null },
  { at: at(3), event: "status", status: "DELIVERED", detail: null },
  { at: at(4), event: "status", status: "COMPLETED", detail: null },
  { at: at(5), event: "status", status: "REJECTED", detail: "rejection 826" },
];

describe("the state diagram", () => {
  it("path_of_history_keeps_each_status_once_with_its_first_time", () => {
    expect(pathOf(history)).toEqual([
      { status: "PENDING", at: at(1) },
      { status: "DELIVERED", at: at(3) },
      { status: "COMPLETED", at: at(4) },
      { status: "REJECTED", at: at(5) },
    ]);
  });

  it("late_rejection_draws_all_seven_states_current_highlighted_and_the_late_edge_taken", () => {
    const svg = drawDiagram(table, "REJECTED", history);
    expect(svg.querySelectorAll("g.node")).toHaveLength(7);
    expect(svg.querySelector("g.node.current")?.getAttribute("data-status")).toBe("REJECTED");
    const late = svg.querySelector('[data-edge="COMPLETED>REJECTED"]');
    expect(late?.getAttribute("class")).toContain("late");
    expect(late?.getAttribute("class")).toContain("taken");
    expect(svg.querySelector('[data-edge="PENDING>CANCELLED"]')?.getAttribute("class")).not.toContain("taken");
    expect(svg.querySelector('g.node[data-status="DECLINED"]')).not.toBeNull();
    // The time alone, on the operator's clock (São Paulo, UTC−3, in the tests); the day in the
    // step's title.
    expect(svg.querySelector('g.node[data-status="DELIVERED"] .when')?.textContent).toBe("05:00:03");
    expect(svg.querySelector('g.node[data-status="DELIVERED"] title')?.textContent).toContain("(2026-11-21 05:00:03)");
  });

  it("a_payout_with_unknown_outcome_has_no_current_state", () => {
    const svg = drawDiagram(table, null, history.slice(0, 1));
    expect(svg.querySelector("g.node.current")).toBeNull();
    expect(svg.querySelectorAll("path.edge.taken")).toHaveLength(0);
  });
});

describe("the state diagram's words", () => {
  const meanings = table.statuses.map((s) => s.meaning);

  it("names the statuses, the path and the arrows in English", () => {
    const svg = drawDiagram(table, "REJECTED", history);
    expect(svg.getAttribute("aria-label")).toBe("State diagram: Rejected. Path: Pending → Delivered → Completed → Rejected.");
    expect(svg.querySelector('g.node[data-status="ON_HOLD"] text')?.textContent).toBe("On hold");
    expect([...svg.querySelectorAll(".edge-label")].map((e) => e.textContent)).toEqual(["hold", "cancel", "release", "cancel", "late"]);
    expect(drawDiagram(table, null, []).getAttribute("aria-label")).toBe("State diagram: status not known yet. No path yet.");
    expect(drawDiagram(table, "UNKNOWN", []).getAttribute("aria-label")).toBe("State diagram: a status this desk does not know. No path yet.");
  });

  it("the diagram speaks Spanish when the core does", () => {
    setLang("es");
    try {
      const svg = drawDiagram(table, "ON_HOLD", [{ at: at(1), event: "created", status: "ON_HOLD", detail: null }]);
      expect(svg.getAttribute("aria-label")).toMatch(/^Diagrama de estados: En espera\. Recorrido: En espera\.$/);
      expect(svg.querySelector('g.node[data-status="ON_HOLD"] text')?.textContent).toBe("En espera");
      expect([...svg.querySelectorAll(".edge-label")].map((e) => e.textContent)).toEqual(["retener", "cancelar", "liberar", "cancelar", "tardío"]);
    } finally {
      setLang("en");
    }
  });

  it("the diagram speaks Portuguese when the core does", () => {
    setLang("pt-BR");
    try {
      const svg = drawDiagram(table, null, []);
      expect(svg.getAttribute("aria-label")).toBe("Diagrama de status: status ainda desconhecido. Nenhum percurso ainda.");
      expect(svg.querySelector('g.node[data-status="ON_HOLD"] text')?.textContent).toBe("Em espera");
      expect([...svg.querySelectorAll(".edge-label")].map((e) => e.textContent)).toContain("reter");
    } finally {
      setLang("en");
    }
  });

  it("no word of the diagram escapes translation (pseudo-locale)", () => {
    usePseudo(true);
    try {
      for (const current of ["REJECTED", "UNKNOWN", null] as const) {
        const svg = drawDiagram(table, current, current === null ? [] : history);
        // The titles are the core's meanings (here the fixture's status names).
        expect(untranslated(svg, meanings)).toEqual([]);
      }
    } finally {
      usePseudo(false);
    }
  });
});
