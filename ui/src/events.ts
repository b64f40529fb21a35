// Fans out the events the shell pushes (watcher events, clicked desktop notifications) to
// whoever is on screen. The shell's channel is opened once, in main.ts, and calls `dispatch`;
// views register here instead of opening channels of their own, so an event arrives once
// however often a view is drawn. Tests drive views through `dispatch` directly.
import type { DeskEvent } from "./bindings/DeskEvent";

export type Listener = (event: DeskEvent) => void;

type Entry = { fn: Listener; alive: () => boolean };

const listeners = new Set<Entry>();

/** Registers a listener; returns the function that removes it. `alive` says whether it is
 * still wanted (views pass "my navigation is still current"): once it answers false the
 * listener is dropped, at the next event or navigation at the latest. */
export function listen(fn: Listener, alive: () => boolean = () => true): () => void {
  const entry: Entry = { fn, alive };
  listeners.add(entry);
  return () => void listeners.delete(entry);
}

/** Drops the listeners of views that are gone; main.ts calls it on every navigation. */
export function prune(): void {
  for (const e of [...listeners]) if (!e.alive()) listeners.delete(e);
}

/** Delivers one event to every live listener. One failing listener must not keep the event
 * from the others (a toast must still appear if a view fails to redraw). */
export function dispatch(event: DeskEvent): void {
  for (const e of [...listeners]) {
    if (!e.alive()) {
      listeners.delete(e);
      continue;
    }
    try {
      e.fn(event);
    } catch (err) {
      console.error("desk event listener failed", err);
    }
  }
}

/** How many listeners are registered (for tests: a view that is gone must leave none). */
export const listenerCount = (): number => listeners.size;
