import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderLookup } from "./lookup";
import { page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";

beforeEach(page);

const $ = <T extends HTMLElement>(sel: string) => view().querySelector(sel) as T;
const ask = (kind: string, value: string) => {
  $<HTMLSelectElement>("#lookup-kind").value = kind;
  $<HTMLInputElement>("#lookup-value").value = value;
  $("#lookup-go").click();
};

describe("the lookup", () => {
  it("opens a payout by external id or by cashout id", async () => {
    const go = vi.fn();
    await renderLookup(view(), go);
    expect($("h1").textContent).toBe("Lookup");
    ask("external_id", " ext-9 ");
    expect(go).toHaveBeenCalledWith({ view: "detail", which: { external_id: "ext-9" } });
    ask("id", "42");
    expect(go).toHaveBeenCalledWith({ view: "detail", which: { id: 42 } });
  });

  it("a cashout id that is not a positive whole number is refused at the form", async () => {
    const go = vi.fn();
    await renderLookup(view(), go);
    ask("id", "4.5");
    expect($("#lookup-error").textContent).toBe("A cashout id is a positive whole number.");
    expect(go).not.toHaveBeenCalled();
  });

  it("the lookup speaks Spanish when the core does", async () => {
    setLang("es");
    try {
      await renderLookup(view(), vi.fn());
      expect($("h1").textContent).toBe("Consulta");
      expect($("label[for=lookup-kind]").textContent).toBe("Buscar por");
      expect([...$<HTMLSelectElement>("#lookup-kind").options].map((o) => o.textContent)).toEqual(["Id externo", "Id del retiro"]);
      expect($("#lookup-go").textContent).toBe("Consultar");
      ask("id", "-3");
      expect($("#lookup-error").textContent).toBe("El id del retiro es un número entero positivo.");
    } finally {
      setLang("en");
    }
  });

  it("the lookup speaks Portuguese when the core does", async () => {
    setLang("pt-BR");
    try {
      await renderLookup(view(), vi.fn());
      expect($("h1").textContent).toBe("Consulta");
      expect(view().querySelector("p.muted")?.textContent).toContain("saque");
      expect($("label[for=lookup-value]").textContent).toBe("Identificador");
    } finally {
      setLang("en");
    }
  });

  it("no word of the lookup escapes translation (pseudo-locale)", async () => {
    usePseudo(true);
    try {
      await renderLookup(view(), vi.fn());
      expect(untranslated(view())).toEqual([]);
      ask("id", "abc");
      expect($("#lookup-error").textContent).not.toBe("");
      expect(untranslated(view())).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
