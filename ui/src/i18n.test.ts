// The window's messages: the same files as the core's, every id the UI asks for defined in
// every language, and a switch of language redraws.
import { describe, expect, it } from "vitest";
import { filesOf, LANGS, lang, onLanguage, setLang, t, usePseudo } from "./i18n";

// The UI's own sources, as text (the tests and generated bindings left out).
const sources = import.meta.glob(["./**/*.ts", "!./**/*.test.ts", "!./bindings/**"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Every message id the UI names literally: `t("id"` and `tAttr("id"`. */
function idsUsed(): Map<string, string> {
  const used = new Map<string, string>();
  for (const [file, text] of Object.entries(sources)) {
    for (const m of text.matchAll(/\bt(?:Attr)?\(\s*"([a-z][\w-]*)"/g)) if (m[1]) used.set(m[1], file);
  }
  return used;
}

function ids(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)) if (m[1]) out.add(m[1]);
  return out;
}

describe("messages", () => {
  it("every language has the same message files", () => {
    const names = Object.keys(filesOf("en")).sort();
    expect(names.length).toBeGreaterThan(0);
    for (const l of LANGS) expect(Object.keys(filesOf(l)).sort()).toEqual(names);
  });

  it("every id the UI uses is defined in every language", () => {
    const missing: string[] = [];
    for (const l of LANGS) {
      const defined = new Set<string>();
      for (const text of Object.values(filesOf(l))) for (const id of ids(text)) defined.add(id);
      for (const [id, file] of idsUsed()) if (!defined.has(id)) missing.push(`${l}: ${id} (used in ${file})`);
    }
    expect(missing).toEqual([]);
  });

  it("a switch of language changes the words and tells the listeners", () => {
    let told = 0;
    const stop = onLanguage(() => { told += 1; });
    setLang("pt-BR");
    expect(lang()).toBe("pt-BR");
    expect(t("status-ON_HOLD")).toBe("Em espera");
    setLang("es");
    expect(t("status-ON_HOLD")).toBe("En espera");
    setLang("fr");
    expect(lang()).toBe("en");
    expect(t("status-ON_HOLD")).toBe("On hold");
    expect(told).toBe(3);
    stop();
  });

  it("an unknown id is shown as itself, never as nothing", () => {
    expect(t("no-such-message")).toBe("no-such-message");
  });

  it("the pseudo-locale marks every message it renders", () => {
    usePseudo(true);
    expect(t("status-ON_HOLD")).toBe("⟦Óñ hóld⟧");
    usePseudo(false);
    expect(t("status-ON_HOLD")).toBe("On hold");
  });
});

describe("amounts put back in the form", () => {
  it("take the locale's decimal mark and no grouping, as the core reads them back", async () => {
    const { setNumberStyle, amountAsTyped } = await import("./i18n");
    setNumberStyle({ group: ".", decimal: "," });
    try {
      expect(amountAsTyped("1234.5")).toBe("1234,5");
      expect(amountAsTyped("1000")).toBe("1000");
    } finally {
      setNumberStyle({ group: ",", decimal: "." });
    }
    expect(amountAsTyped("1234.56")).toBe("1234.56");
  });
});

describe("counts in messages", () => {
  it("are grouped with the core's separator, not the webview's Intl, and still pick plural forms", async () => {
    const { setNumberStyle } = await import("./i18n");
    setLang("pt-BR");
    setNumberStyle({ group: ".", decimal: "," });
    try {
      expect(t("overview-payouts", { count: 10000, shown: "10.000" })).toBe("10.000 pagamentos");
      expect(t("overview-bar", { day: "2026-11-30", sum: "BRL 1,00", count: 12345 })).toBe("2026-11-30: BRL 1,00 em 12.345 pagamentos");
      expect(t("overview-bar", { day: "2026-11-30", sum: "BRL 0,00", count: 0 })).toBe("2026-11-30: BRL 0,00 em 0 pagamentos");
      expect(t("overview-bar", { day: "2026-11-30", sum: "BRL 1,00", count: 1 })).toBe("2026-11-30: BRL 1,00 em 1 pagamento");
    } finally {
      setNumberStyle({ group: ",", decimal: "." });
      setLang("en");
    }
    expect(t("overview-bar", { day: "d", sum: "s", count: 1000 })).toBe("d: s in 1,000 payouts");
    // A number that names (an id, a row) is written as it is.
    expect(t("open-payout-label", { id: 8400001 })).toBe("Open payout 8400001");
  });
});
