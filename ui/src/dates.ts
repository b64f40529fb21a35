// Moments (the journal's RFC 3339 instants) written the way the operator's locale writes them,
// on the operator's clock.
//
// The core reads the locale's pattern off CLDR (ICU4X) and hands it over as a `DateStyle`
// (`LocaleView.date_style`, `date_style_seconds`); writing a moment here is substituting its
// local fields into that pattern, with no date rule of the webview's own (its `Intl` data
// differs per platform). The core checks that the pattern writes what ICU4X writes; the goldens
// in dates.test.ts are the core's. Until the core has answered, moments are written ISO-like.
import type { DateStyle } from "./bindings/DateStyle";

export interface Wall { year: number; month: number; day: number; hour: number; minute: number; second: number }

let styles: { day: DateStyle; minute: DateStyle; second: DateStyle; time: DateStyle } | null = null;

/** Takes the core's styles for the active locale. */
export function setDateStyles(view: { day_style: DateStyle; date_style: DateStyle; date_style_seconds: DateStyle; time_style: DateStyle }): void {
  styles = { day: view.day_style, minute: view.date_style, second: view.date_style_seconds, time: view.time_style };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** `w` in `style`: the same substitution as the core's `DateStyle::render`. */
export function render(style: DateStyle, w: Wall): string {
  return style.parts.map((p) => {
    switch (p.kind) {
      case "text": return p.text;
      case "year": return String(w.year);
      case "month": return pad(w.month, p.width);
      case "day": return pad(w.day, p.width);
      case "hour24": return pad(w.hour, p.width);
      case "hour12": return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, p.width);
      case "minute": return pad(w.minute, 2);
      case "second": return pad(w.second, 2);
      case "day_period": return w.hour < 12 ? style.am : style.pm;
    }
  }).join("");
}

/** The operator's wall clock at `iso` (the system's time zone, as the core's lists use). */
export function wallOf(iso: string): Wall | null {
  // Only full instants: `Date` would also read "2026" or "11/30" as some moment.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

/** A calendar day the core names `YYYY-MM-DD` (the overview's days) in the locale's way; other
 * text as it is. */
export function day(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !styles) return iso;
  return render(styles.day, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 });
}

/** `iso` on the operator's clock in the locale's way, to the second (histories, the audit log),
 * the minute, or its time alone (the diagram); "—" for none; text that is not an instant as it
 * is. */
export function moment(iso: string | null | undefined, precision: "minute" | "second" | "time" = "second"): string {
  if (!iso) return "—";
  const w = wallOf(iso);
  if (!w) return iso;
  if (!styles) {
    const time = `${pad(w.hour, 2)}:${pad(w.minute, 2)}`;
    const day = `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
    switch (precision) {
      case "time": return `${time}:${pad(w.second, 2)}`;
      case "minute": return `${day} ${time}`;
      case "second": return `${day} ${time}:${pad(w.second, 2)}`;
    }
  }
  return render(styles[precision], w);
}
