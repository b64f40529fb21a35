import { describe, expect, it, vi } from "vitest";
import { dispatch, listen, listenerCount, prune } from "./events";
import type { DeskEvent } from "./bindings/DeskEvent";

const online: DeskEvent = { type: "watch", notice: null, event: { kind: "online", at: "2026-11-21T10:00:00Z" } };

describe("desk events", () => {
  it("every listener gets each event once, until it unregisters", () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = listen(a);
    const offB = listen(b);
    dispatch(online);
    offA();
    dispatch(online);
    offB();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledWith(online);
  });

  it("a listener whose view is gone gets nothing and is dropped", () => {
    let alive = true;
    const fn = vi.fn();
    const before = listenerCount();
    listen(fn, () => alive);
    alive = false;
    prune();
    expect(listenerCount()).toBe(before);
    dispatch(online);
    expect(fn).not.toHaveBeenCalled();
  });

  it("a failing listener does not keep the event from the others", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const after = vi.fn();
    const off1 = listen(() => { throw new Error("redraw failed"); });
    const off2 = listen(after);
    dispatch(online);
    expect(after).toHaveBeenCalledTimes(1);
    off1();
    off2();
    error.mockRestore();
  });
});
