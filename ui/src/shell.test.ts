import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { onDeskEvent, refreshEnvBar } from "./main";
import { showToast, TOAST_MS } from "./toasts";
import { changed, commands, page, payout, table, view } from "./testkit";
import type { Notice } from "./bindings/Notice";

beforeEach(page);
afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const completed: Notice = { title: "Payout 7 COMPLETED", body: "150.25 BRL to Ana Souza", cashout_id: 7, external_id: "ext-7", batch_id: null };

/** The detail of payout 7 can be drawn. */
function detailCommands() {
  return commands({
    lifecycle: () => table,
    recorded_cashout: () => payout({ status: "COMPLETED" }),
    check_cashout: () => payout({ status: "COMPLETED" }),
    cashout_history: () => [],
  });
}

const toasts = () => [...document.querySelectorAll<HTMLButtonElement>("#toasts .toast")];

describe("the window's reactions to shell events", () => {
  it("an event with a notice shows a toast with the notice's own title and body", () => {
    onDeskEvent(changed(payout({ status: "COMPLETED" }), completed));
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]?.querySelector(".toast-title")?.textContent).toBe(completed.title);
    expect(toasts()[0]?.querySelector(".toast-body")?.textContent).toBe(completed.body);
  });

  it("an event without a notice shows no toast", () => {
    onDeskEvent(changed(payout({ status: "DELIVERED" })));
    expect(toasts()).toHaveLength(0);
  });

  it("a toast click opens the payout", async () => {
    const calls = detailCommands();
    onDeskEvent(changed(payout({ status: "COMPLETED" }), completed));
    toasts()[0]?.click();
    await vi.waitFor(() => expect(view().querySelector("svg.diagram")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "recorded_cashout")?.args).toEqual({ which: { id: 7 } });
    expect(toasts()).toHaveLength(0);
  });

  it("a toast without a cashout id opens the payout by external id", () => {
    const open = vi.fn();
    showToast({ ...completed, cashout_id: null }, open);
    toasts()[0]?.click();
    expect(open).toHaveBeenCalledWith({ external_id: "ext-7" });
  });

  it("a toast can be dismissed without opening anything", () => {
    const open = vi.fn();
    showToast(completed, open);
    (document.querySelector("#toasts .toast-dismiss") as HTMLButtonElement).click();
    expect(toasts()).toHaveLength(0);
    expect(open).not.toHaveBeenCalled();
  });

  it("a toast expires by itself, but not while it has the focus", () => {
    vi.useFakeTimers();
    const item = showToast(completed, vi.fn());
    vi.advanceTimersByTime(TOAST_MS - 1);
    expect(toasts()).toHaveLength(1);
    item.dispatchEvent(new Event("focusin"));
    vi.advanceTimersByTime(TOAST_MS * 2);
    expect(toasts()).toHaveLength(1);
    item.dispatchEvent(new Event("focusout"));
    vi.advanceTimersByTime(TOAST_MS);
    expect(toasts()).toHaveLength(0);
  });

  it("a clicked desktop notification opens that payout", async () => {
    const calls = detailCommands();
    onDeskEvent({ type: "open", cashout_id: null, external_id: "ext-7", batch_id: null });
    await vi.waitFor(() => expect(view().querySelector("svg.diagram")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "recorded_cashout")?.args).toEqual({ which: { external_id: "ext-7" } });
  });

  it("a batch's notice shows one toast that opens the batch, as its desktop notification does", async () => {
    const calls = commands({ batch_status: () => { throw { code: "invalid_input", message: "stop here" }; }, batch_results: () => [] });
    const notice: Notice = { title: "Batch pay.csv: 2 payouts rejected", body: "2 payouts rejected (rows 3, 7)", cashout_id: null, external_id: null, batch_id: "b-1" };
    onDeskEvent({ type: "batch_notice", notice });
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]?.title).toBe("Open");
    toasts()[0]?.click();
    await vi.waitFor(() => expect(calls.find((c) => c.cmd === "batch_status")?.args).toEqual({ id: "b-1" }));
    calls.length = 0;
    onDeskEvent({ type: "open", cashout_id: null, external_id: null, batch_id: "b-1" });
    await vi.waitFor(() => expect(calls.find((c) => c.cmd === "batch_status")?.args).toEqual({ id: "b-1" }));
  });

  it("offline says polling is paused until the retry; online clears it", () => {
    const retry = new Date(2026, 10, 21, 14, 3, 22);
    onDeskEvent({ type: "watch", notice: null, event: { kind: "offline", at: new Date(2026, 10, 21, 14, 2, 52).toISOString(), retry_at: retry.toISOString(), detail: "connection refused" } });
    const state = document.getElementById("watch-state") as HTMLElement;
    expect(state.textContent).toBe("Provider unreachable — status polling paused, retrying at 14:03:22");
    expect(state.classList.contains("offline")).toBe(true);
    onDeskEvent({ type: "watch", notice: null, event: { kind: "online", at: retry.toISOString() } });
    expect(state.textContent).toBe("");
    expect(state.classList.contains("offline")).toBe(false);
  });

  it("the watcher state survives a redraw of the environment bar", async () => {
    commands({ app_status: () => ({ name: "sandbox", host: "sandbox.local", colour: "neutral", production: false, problem: null, demo_credentials: true, credentials: { stored: false, api_key_last4: null, has_read_only_key: false } }) });
    onDeskEvent({ type: "watch", notice: null, event: { kind: "offline", at: "2026-11-21T14:02:52Z", retry_at: "2026-11-21T14:03:22Z", detail: "timeout" } });
    await refreshEnvBar();
    expect(document.querySelector("#env-bar #env-name")?.textContent).toBe("SANDBOX");
    expect(document.querySelector("#env-bar #watch-state")?.textContent).toMatch(/^Provider unreachable/);
  });

  it("the environment bar names the team journal's operator, or says it is not connected", async () => {
    const base = { name: "sandbox", host: "sandbox.local", colour: "neutral", production: false, problem: null, demo_credentials: true, credentials: { stored: false, api_key_last4: null, has_read_only_key: false } };
    commands({ app_status: () => ({ ...base, signed_in_as: "ana", journal_problem: null }) });
    await refreshEnvBar();
    expect(document.querySelector("#env-bar #env-team")?.textContent).toBe("team journal · ana");
    expect(document.querySelector("#env-bar #env-team-problem")).toBeNull();
    commands({ app_status: () => ({ ...base, signed_in_as: null, journal_problem: "the team journal chosen for this desk could not be opened" }) });
    await refreshEnvBar();
    expect(document.querySelector("#env-bar #env-team")).toBeNull();
    expect(document.querySelector("#env-bar #env-team-problem")?.textContent).toBe("team journal not connected: see Settings → Journal");
  });
});
