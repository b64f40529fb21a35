import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { go } from "../main";
import { dispatch, listenerCount } from "../events";
import { changed, commands, page, payout, table, view } from "../testkit";
import type { ExchangeRecord } from "../bindings/ExchangeRecord";
import type { HistoryEntry } from "../bindings/HistoryEntry";

beforeEach(page);
afterEach(() => clearMocks());

/** A payout 7 that is PENDING in the journal and at the provider. */
function pendingPayout(extra: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  const history: HistoryEntry[] = [{ at: "2026-11-21T08:00:00.000Z", event: "created", status: "PENDING", detail: null }];
  const calls = commands({
    lifecycle: () => table,
    recorded_cashout: () => payout(),
    check_cashout: () => payout(),
    cashout_history: () => history,
    cashout_exchanges: () => [],
    ...extra,
  });
  return { calls, history };
}

const current = () => view().querySelector("g.node.current")?.getAttribute("data-status");

describe("the detail view", () => {
  it("a changed event for the open payout redraws the diagram without a click", async () => {
    const { calls, history } = pendingPayout();
    await go({ view: "detail", which: { id: 7 } });
    expect(current()).toBe("PENDING");
    const providerCalls = calls.filter((c) => c.cmd === "check_cashout").length;

    history.push({ at: "2026-11-21T09:30:00.000Z", event: "status", status: "DELIVERED", detail: null });
    dispatch(changed(payout({ status: "DELIVERED", allowed_actions: [] })));

    await vi.waitFor(() => expect(current()).toBe("DELIVERED"));
    expect(view().querySelector("#history tbody")?.textContent).toContain("DELIVERED");
    expect(view().querySelector("#detail-updated")).not.toBeNull();
    expect((view().querySelector("#action-hold") as HTMLButtonElement).disabled).toBe(true);
    // The event's payout is drawn as it is: nothing is asked of the provider.
    expect(calls.filter((c) => c.cmd === "check_cashout")).toHaveLength(providerCalls);
  });

  it("a payout opened by external id follows a change that carries its cashout id", async () => {
    pendingPayout({ recorded_cashout: () => payout({ cashout_id: null, status: null, phase: "unknown" }), check_cashout: () => payout({ cashout_id: null, status: null, phase: "unknown" }) });
    await go({ view: "detail", which: { external_id: "ext-7" } });
    dispatch(changed(payout({ status: "ON_HOLD" })));
    await vi.waitFor(() => expect(current()).toBe("ON_HOLD"));
  });

  it("a changed event for another payout leaves the view alone", async () => {
    pendingPayout();
    await go({ view: "detail", which: { id: 7 } });
    dispatch(changed(payout({ cashout_id: 8, external_id: "ext-8", status: "COMPLETED" })));
    await new Promise((r) => setTimeout(r, 20));
    expect(current()).toBe("PENDING");
    expect(view().querySelector("#detail-updated")).toBeNull();
  });

  it("leaving the detail unregisters its listener", async () => {
    pendingPayout({ list_cashouts: () => [], country_forms: () => [] });
    await go({ view: "list" });
    const before = listenerCount();
    await go({ view: "detail", which: { id: 7 } });
    expect(listenerCount()).toBe(before + 1);
    await go({ view: "list" });
    expect(listenerCount()).toBe(before);
    // A late event for the payout left behind does not draw over the list.
    dispatch(changed(payout({ status: "COMPLETED" })));
    await new Promise((r) => setTimeout(r, 20));
    expect(view().querySelector("svg.diagram")).toBeNull();
  });

  it("inspector shows the masked body and explains a 302", async () => {
    const body = '{"login":"…1234","pass":"********","external_id":"ext-7","amount":"150.25","currency":"BRL"}';
    const exchange: ExchangeRecord = {
      at: "2026-11-21T08:00:00.000Z", method: "POST", path: "/v3/cashout", body,
      signature: "d41d8cd98f00b204e9800998ecf8427e",
      http_status: 400, answer: '{"code":302,"message":"Invalid Signature"}', outcome: "refused",
      explanation: { code: 302, name: "Signature mismatch", explanation: "The Payload-Signature did not match: check the API Signature stored for this environment.", field: null },
    };
    const { calls } = pendingPayout({ cashout_exchanges: () => [exchange] });
    await go({ view: "detail", which: { id: 7 } });
    const inspector = view().querySelector("details#inspector") as HTMLDetailsElement;
    expect(inspector.querySelector("summary")?.textContent).toBe("Signing inspector — requests sent for this payout");
    expect(calls.some((c) => c.cmd === "cashout_exchanges")).toBe(false);

    (inspector.querySelector("summary") as HTMLElement).click();
    await vi.waitFor(() => expect(inspector.querySelector(".exchange")).not.toBeNull());

    expect(calls.find((c) => c.cmd === "cashout_exchanges")?.args).toEqual({ which: { id: 7 } });
    const x = inspector.querySelector(".exchange") as HTMLElement;
    expect(x.querySelector("pre.exchange-body")?.textContent).toBe(body);
    expect(x.querySelector("code.exchange-signature")?.textContent).toBe(exchange.signature);
    expect(x.querySelector("pre.exchange-answer")?.textContent).toBe(exchange.answer);
    expect(x.textContent).toContain("POST /v3/cashout");
    expect(x.querySelector(".exchange-status")?.textContent).toBe("400");
    const explained = x.querySelector(".exchange-explanation")?.textContent ?? "";
    expect(explained).toContain("302");
    expect(explained).toContain("Signature mismatch");
    expect(explained).toContain(exchange.explanation!.explanation);
    expect(inspector.querySelector("#inspector-note")?.textContent).toMatch(/passphrase is masked.*API Signature is never shown/);
  });

  it("the inspector stays open and is reloaded when the status changes underneath", async () => {
    // Each read finds one more status request kept (the watcher's own checks).
    let loads = 0;
    const record: ExchangeRecord = { at: "2026-11-21T08:00:00.000Z", method: "GET", path: "/v3/cashout/status", body: "{}", signature: "s", http_status: 200, answer: "{}", outcome: "ok", explanation: null };
    pendingPayout({ cashout_exchanges: () => Array.from({ length: ++loads }, () => record) });
    await go({ view: "detail", which: { id: 7 } });
    const inspector = view().querySelector("details#inspector") as HTMLDetailsElement;
    inspector.open = true;
    await vi.waitFor(() => expect(inspector.querySelectorAll(".exchange")).toHaveLength(1));
    dispatch(changed(payout({ status: "DELIVERED" })));
    await vi.waitFor(() => expect(view().querySelectorAll(".exchange").length).toBeGreaterThan(1));
    expect((view().querySelector("details#inspector") as HTMLDetailsElement).open).toBe(true);
  });
});
