import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderAudit } from "./audit";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { AuditVerdict } from "../bindings/AuditVerdict";

beforeEach(page);
afterEach(() => clearMocks());

const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq, at: `2026-11-21T10:00:0${seq}.000000Z`, os_user: "ana", environment: "sandbox", action: "hold",
  cashout_id: 8_400_000 + seq, external_id: null, outcome: "ok", detail: null,
  prev_hash: "0".repeat(64), hash: "a".repeat(64), ...over,
});

const click = (id: string) => (view().querySelector(`#${id}`) as HTMLButtonElement).click();

describe("the audit log", () => {
  it("lists the entries newest first as the core sends them", async () => {
    commands({ audit_log: () => [entry(2, { action: "cancel", external_id: "ext-2", detail: "by ana" }), entry(1)] });
    await renderAudit(view());
    const rows = [...view().querySelectorAll("#audit-table tr[data-seq]")];
    expect(rows.map((r) => r.getAttribute("data-seq"))).toEqual(["2", "1"]);
    const cells = [...rows[0]!.querySelectorAll("td")].map((td) => td.textContent);
    expect(cells).toEqual(["2", "2026-11-21 07:00:02", "anasandbox", "cancel", "id 8400002ext-2", "ok"]);
    // The detail on a row of its own, across the table.
    const detail = rows[0]!.nextElementSibling as HTMLElement;
    expect(detail.querySelector("td.detail > div")?.textContent).toBe("by ana");
    // Each entry's hash is shown whole, with a button that copies it.
    expect(detail.querySelector(".audit-hash .id-value")?.textContent).toBe("a".repeat(64));
    expect(detail.querySelector(".audit-hash button.copy")?.getAttribute("aria-label")).toBe("Copy hash of entry 2");
  });

  it("the action filter offers every action and is sent as a filter", async () => {
    const calls = commands({ audit_log: () => [] });
    await renderAudit(view());
    const select = view().querySelector("#audit-action") as HTMLSelectElement;
    // "Any action" and every action of the core: 15, the 9 of approvals, 3 of saved
    // beneficiaries, 5 of batches and 2 of updates.
    expect(select.options.length).toBe(35);
    select.value = "credentials_saved";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "audit_log")).toHaveLength(2));
    expect(calls.at(-1)?.args).toEqual({ filter: { action: "credentials_saved", text: null, limit: 26, offset: 0 } });
    expect(view().querySelector("#audit-empty")).not.toBeNull();
  });

  it("verify of an intact chain shows the count and the head hash", async () => {
    const verdict: AuditVerdict = { intact: true, entries: 42, head_hash: "0123456789abcdef0123456789abcdef", broken_at: null, problem: null };
    commands({ audit_log: () => [entry(1)], verify_audit: () => verdict });
    await renderAudit(view());
    click("audit-verify");
    await vi.waitFor(() => expect(view().querySelector("#audit-intact")).not.toBeNull());
    expect(view().querySelector("#audit-verdict")?.textContent).toContain("Chain intact: 42 entries.");
    // The head hash whole (a cut one cannot be written down and compared later).
    expect(view().querySelector("#audit-intact .id-value")?.textContent).toBe("0123456789abcdef0123456789abcdef");
  });

  it("verify shows where a broken chain breaks", async () => {
    const verdict: AuditVerdict = { intact: false, entries: 42, head_hash: "ff", broken_at: 17, problem: "entry 17 does not hash to its stored hash (edited?)" };
    commands({ audit_log: () => [entry(1)], verify_audit: () => verdict });
    await renderAudit(view());
    click("audit-verify");
    await vi.waitFor(() => expect(view().querySelector("#audit-broken")).not.toBeNull());
    const shown = view().querySelector("#audit-verdict .notice") as HTMLElement;
    expect(shown.className).toContain("notice-validation");
    expect(shown.getAttribute("role")).toBe("alert");
    expect(shown.textContent).toContain("17");
    expect(shown.textContent).toContain(verdict.problem);
  });

  it("export with no file chosen shows nothing", async () => {
    const calls = commands({ audit_log: () => [entry(1)], export_audit: () => null });
    await renderAudit(view());
    click("audit-export");
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "export_audit")).toBe(true));
    await new Promise((r) => setTimeout(r, 10));
    expect(view().querySelector("#audit-export-result")?.textContent).toBe("");
    expect((view().querySelector("#audit-export") as HTMLButtonElement).disabled).toBe(false);
  });

  it("export says how many entries went to which file", async () => {
    const calls = commands({ audit_log: () => [entry(1)], export_audit: () => ({ file: "/home/ana/audit-log.csv", rows: 12 }) });
    await renderAudit(view());
    (view().querySelector("#audit-text") as HTMLInputElement).value = "8400001";
    click("audit-export");
    await vi.waitFor(() => expect(view().querySelector("#audit-export-result")?.textContent).toBe("Exported 12 entries to /home/ana/audit-log.csv"));
    expect(calls.find((c) => c.cmd === "export_audit")?.args).toEqual({ filter: { action: null, text: "8400001" } });
  });

  it("the log speaks Portuguese when the core does", async () => {
    const verdict: AuditVerdict = { intact: true, entries: 42, head_hash: "0123456789abcdef", broken_at: null, problem: null };
    commands({ audit_log: () => [entry(2, { action: "cancel", external_id: "ext-2" }), entry(1, { action: "credentials_saved" })], verify_audit: () => verdict });
    setLang("pt-BR");
    try {
      await renderAudit(view());
      expect(view().querySelector("h1")?.textContent).toBe("Registro de auditoria");
      expect(view().querySelector("#audit-table thead")?.textContent).toContain("Ação");
      const actions = [...view().querySelectorAll("#audit-table tr[data-seq]")].map((r) => r.querySelectorAll("td")[3]?.textContent);
      expect(actions).toEqual(["cancelar", "credenciais salvas"]);
      expect((view().querySelector("#audit-action option") as HTMLOptionElement).textContent).toBe("Qualquer ação");
      expect(view().querySelector(".audit-hash button.copy")?.getAttribute("aria-label")).toBe("Copiar hash da entrada 2");
      click("audit-verify");
      await vi.waitFor(() => expect(view().querySelector("#audit-intact")?.textContent).toContain("Cadeia íntegra: 42 entradas."));
    } finally {
      setLang("en");
    }
  });

  it("no word of the log escapes translation (pseudo-locale)", async () => {
    const broken: AuditVerdict = { intact: false, entries: 42, head_hash: "ff", broken_at: 17, problem: "entry 17 does not hash to its stored hash (edited?)" };
    let verdict: AuditVerdict = { intact: true, entries: 1, head_hash: "0123456789abcdef", broken_at: null, problem: null };
    commands({
      audit_log: () => [
        entry(3, { action: "approval_rejected", outcome: "network" }),
        entry(2, { action: "cancel", external_id: "ext-2", detail: "by ana" }),
        entry(1, { cashout_id: null, action: "an_action_from_a_newer_version" }),
      ],
      verify_audit: () => verdict,
      export_audit: () => ({ file: "/home/ana/audit-log.csv", rows: 1 }),
    });
    // What the core's answers themselves put on screen: users, environments, ids, hashes, the
    // detail and problem sentences, the stored names of failures and of unknown actions.
    const data = ["ana", "sandbox", "ext-2", "by ana", "a".repeat(64), "0123456789abcdef", "network", "an action from a newer version", "/home/ana/audit-log.csv", broken.problem!];
    usePseudo(true);
    try {
      await renderAudit(view());
      expect(untranslated(view(), data)).toEqual([]);
      click("audit-verify");
      await vi.waitFor(() => expect(view().querySelector("#audit-intact")).not.toBeNull());
      click("audit-export");
      await vi.waitFor(() => expect(view().querySelector("#audit-exported")).not.toBeNull());
      expect(untranslated(view(), data)).toEqual([]);
      verdict = broken;
      click("audit-verify");
      await vi.waitFor(() => expect(view().querySelector("#audit-broken")).not.toBeNull());
      expect(untranslated(view(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
