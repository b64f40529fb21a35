// A scrolling list that draws only the rows in view, so 10,000 rows scroll as smoothly as 50:
// a spacer as tall as every row together, and the visible slice (plus a margin) positioned in
// it. Rows have one fixed height. Display only: what a row holds is the caller's.
import { h } from "./dom";

export interface VirtualList {
  /** The scrolling element to put on the page. */
  el: HTMLElement;
  /** Draws again, with a new row count when given (rows may have changed). */
  refresh(total?: number): void;
  /** Scrolls so that row `index` is in view. */
  reveal(index: number): void;
}

/** `render(i)` draws row `i` (0-based); it is called only for rows in view. */
export function virtualList(opts: {
  id: string;
  label: string;
  total: number;
  rowHeight: number;
  height: number;
  render: (index: number) => HTMLElement;
  /** Told which rows are in view after each draw (to fetch them when they are not loaded). */
  onView?: (first: number, last: number) => void;
}): VirtualList {
  let total = opts.total;
  const spacer = h("div", { class: "vlist-spacer" });
  const el = h("div", { id: opts.id, class: "vlist", role: "table", "aria-label": opts.label, "aria-rowcount": total, tabindex: -1 }, spacer);
  el.style.height = `${opts.height}px`;
  const margin = 10;
  let frame = 0;
  const draw = () => {
    frame = 0;
    spacer.style.height = `${total * opts.rowHeight}px`;
    el.setAttribute("aria-rowcount", String(total));
    const first = Math.max(0, Math.floor(el.scrollTop / opts.rowHeight) - margin);
    const last = Math.min(total - 1, Math.ceil((el.scrollTop + opts.height) / opts.rowHeight) + margin);
    // Keep the focused row's element when it stays in view, so keyboard focus is not lost.
    const focused = document.activeElement?.closest?.(".vlist-row") as HTMLElement | null;
    const keep = focused && spacer.contains(focused) ? Number(focused.dataset.index) : -1;
    const rows: HTMLElement[] = [];
    for (let i = first; i <= last; i++) {
      const row = i === keep && focused ? focused : opts.render(i);
      row.classList.add("vlist-row");
      row.dataset.index = String(i);
      row.setAttribute("role", "row");
      row.setAttribute("aria-rowindex", String(i + 1));
      row.style.top = `${i * opts.rowHeight}px`;
      row.style.height = `${opts.rowHeight}px`;
      rows.push(row);
    }
    spacer.replaceChildren(...rows);
    opts.onView?.(first, last);
  };
  el.addEventListener("scroll", () => {
    if (!frame) frame = requestAnimationFrame(draw);
  });
  draw();
  return {
    el,
    refresh(next?: number) {
      if (next !== undefined) total = next;
      draw();
    },
    reveal(index: number) {
      const top = index * opts.rowHeight;
      if (top < el.scrollTop || top + opts.rowHeight > el.scrollTop + opts.height) {
        el.scrollTop = Math.max(0, top - opts.height / 2);
      }
      draw();
    },
  };
}
