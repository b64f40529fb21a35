// The window's words. The messages are the core's own Fluent files
// (crates/cashout-core/locales/<lang>/*.ftl), bundled into the page at build time, so the window,
// the CLI and the exports say the same thing in the same words. The language is the core's
// choice (settings → the OS locale → English), told to the window at start and on every switch;
// views call `t(id, args)` and redraw when `onLanguage` fires. Money and numbers are never
// formatted here: the core sends them written for the locale (the webview's Intl differs per
// platform).
import { FluentBundle, FluentNumber, FluentResource } from "@fluent/bundle";
import type { FluentVariable } from "@fluent/bundle";

export type Lang = "en" | "es" | "pt-BR";
export const LANGS: readonly Lang[] = ["en", "es", "pt-BR"];

// Every .ftl of every language, as text. The path is relative to this file.
const files = import.meta.glob("../../crates/cashout-core/locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** The files of one language, by file name. */
export function filesOf(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const m = /locales\/([^/]+)\/([^/]+\.ftl)$/.exec(path);
    if (m?.[2] && m[1] === lang) out[m[2]] = text;
  }
  return out;
}

function makeBundle(lang: string, texts: string[]): FluentBundle {
  // Isolation marks (U+2068/9) around arguments surprise people and break comparisons.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const text of texts) {
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length) console.error(`messages of ${lang}:`, errors);
  }
  return bundle;
}

const bundles = new Map<string, FluentBundle>();
function bundleOf(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    b = makeBundle(lang, Object.values(filesOf(lang)));
    bundles.set(lang, b);
  }
  return b;
}

let current: Lang = "en";
/** The grouping separator of the core's locale (`1.234` in es-CO): counts are grouped with it. */
let group = ",";
let decimal = ".";

/** A count in a message: grouped from four digits with the core's separator, never with the
 * webview's Intl (whose data differs per platform); it still selects plural forms by value. */
class Count extends FluentNumber {
  override toString(): string {
    const digits = Math.trunc(Math.abs(this.value)).toString(10);
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return this.value < 0 ? `-${grouped}` : grouped;
  }
}

/** Takes the core's separators (its `number_style`) for counts in messages and amounts put
 * back in the form. */
export function setNumberStyle(style: { group: string; decimal: string }): void {
  group = style.group;
  decimal = style.decimal;
}

/** A canonical amount (`1234.5`, as the journal keeps it) written the way an operator of the
 * active locale types it (`1234,5` in pt-BR): its decimal point becomes the locale's, nothing
 * is grouped. The core reads every such text back as the same amount (a core test checks that
 * for every offered locale), so a correction's amount is not refused until retyped. */
export function amountAsTyped(canonical: string): string {
  return canonical.replace(".", decimal);
}

/** Numbers that name rather than count (a payout's id, a file's row, a code): never grouped. */
const NOT_COUNTS = new Set(["id", "row", "rows_list", "seq", "code", "port", "year"]);

function counted(args: Args | undefined): Record<string, FluentVariable> | null {
  if (!args) return null;
  const out: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(args)) {
    // A bare number would be written by the webview's Intl: counts by the core's separator,
    // naming numbers as they are.
    if (typeof v !== "number") out[k] = v;
    else if (NOT_COUNTS.has(k) || !Number.isInteger(v)) out[k] = String(v);
    else out[k] = new Count(v);
  }
  return out;
}
/** The tests' pseudo-locale is on (see `usePseudo`). */
let pseudo = false;
const listeners = new Set<() => void>();

/** The language the window speaks now. */
export const lang = (): Lang => current;

/** Switches the window's language (as the core has) and redraws whoever listens. */
export function setLang(next: string): void {
  const l = (LANGS as readonly string[]).includes(next) ? (next as Lang) : "en";
  if (l === current) return;
  current = l;
  document.documentElement.lang = l;
  for (const f of [...listeners]) f();
}

/** Calls `f` after every language switch; returns how to stop. */
export function onLanguage(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export type Args = Record<string, FluentVariable>;

/** Message `id` in the current language, English when the language lacks it, the id itself
 * when no language has it (the completeness test keeps that from shipping). */
export function t(id: string, args?: Args): string {
  for (const b of [bundleOf(pseudo ? "en" : current), bundleOf("en")]) {
    const m = b.getMessage(id);
    if (m?.value) {
      const text = b.formatPattern(m.value, counted(args));
      return pseudo ? pseudoOf(text) : text;
    }
  }
  return id;
}

/** An attribute of a message (`id.attr`), e.g. a button's accessible label. */
export function tAttr(id: string, attr: string, args?: Args): string {
  for (const b of [bundleOf(pseudo ? "en" : current), bundleOf("en")]) {
    const p = b.getMessage(id)?.attributes[attr];
    if (p) {
      const text = b.formatPattern(p, counted(args));
      return pseudo ? pseudoOf(text) : text;
    }
  }
  return `${id}.${attr}`;
}

/** Tests only: speak a pseudo-locale made from English: every rendered message is wrapped in
 * ⟦…⟧ with its letters accented, so text on screen that never went through `t` stands out. */
export function usePseudo(on: boolean): void {
  pseudo = on;
}

const ACCENTED: Record<string, string> = { a: "á", e: "é", i: "í", o: "ó", u: "ú", A: "Á", E: "É", I: "Í", O: "Ó", U: "Ú", n: "ñ", c: "ç" };
function pseudoOf(text: string): string {
  return `⟦${text.replace(/[aeiouAEIOUnc]/g, (ch) => ACCENTED[ch] ?? ch)}⟧`;
}
