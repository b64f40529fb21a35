import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderApprovalPolicy } from "./approvalPolicy";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { PolicyOverview } from "../bindings/PolicyOverview";

beforeEach(page);
afterEach(() => clearMocks());

const overview = (over: Partial<PolicyOverview> = {}): PolicyOverview => ({
  roles: { login: "bea", approver: true, admin: false },
  policies: [{ scope: "sandbox", currency: "BRL", threshold: "1000.00", approvers: 2, expires_after_hours: 168, proposed_by: "adm", approved_by: "cid", changed_at: "2026-11-30T09:00:00.000Z" }],
  changes: [{ id: 4, scope: "sandbox", currency: "MXN", threshold: "20000.00", approvers: 1, expires_after_hours: 72, proposed_by: "adm", proposed_at: "2026-11-30T10:00:00.000Z", state: "proposed", decided_by: null, decided_at: null, reason: null }],
  may_propose: false,
  may_decide: [4],
  ...over,
});

describe("the approval policy", () => {
  it("shows the thresholds in force and lets a second operator apply a proposed change", async () => {
    const calls = commands({ approval_policy: () => overview(), decide_policy_change: () => null });
    await renderApprovalPolicy(view());
    expect(view().querySelector("#policy-table tbody tr")?.textContent).toContain("1000.00 BRL");
    expect(view().querySelector("[data-change='4']")?.textContent).toContain("MXN from 20000.00: 1 approver, within 72 h");
    expect(view().querySelector("#policy-form")).toBeNull();
    view().querySelector<HTMLButtonElement>("#policy-approve-4")?.click();
    await vi.waitFor(() => expect(view().querySelector("#policy-decided")?.textContent).toContain("applied"));
    expect(calls.find((c) => c.cmd === "decide_policy_change")?.args).toEqual({ change: 4, approve: true, reason: "" });
  });

  it("a change the operator may not decide offers no buttons", async () => {
    commands({ approval_policy: () => overview({ may_decide: [] }) });
    await renderApprovalPolicy(view());
    expect(view().querySelector("#policy-approve-4")).toBeNull();
  });

  it("an administrator proposes a change; a refused value is shown at its field, which takes the focus", async () => {
    const calls = commands({
      approval_policy: () => overview({ may_propose: true, roles: { login: "adm", approver: false, admin: true }, may_decide: [] }),
      propose_approval_policy: (args) => {
        if (args.threshold === "1.000,00") throw { code: "invalid_input", message: "the threshold is an amount: …", field: "threshold" };
        return 5;
      },
    });
    await renderApprovalPolicy(view());
    (view().querySelector("#policy-currency") as HTMLInputElement).value = "brl";
    (view().querySelector("#policy-threshold") as HTMLInputElement).value = "1.000,00";
    view().querySelector<HTMLButtonElement>("#policy-propose")?.click();
    await vi.waitFor(() => expect(view().querySelector("#policy-propose-error")).not.toBeNull());
    expect(document.activeElement?.id).toBe("policy-threshold");
    (view().querySelector("#policy-threshold") as HTMLInputElement).value = "1000";
    view().querySelector<HTMLButtonElement>("#policy-propose")?.click();
    await vi.waitFor(() => expect(view().querySelector("#policy-proposed")?.textContent).toContain("change 5"));
    expect(calls.filter((c) => c.cmd === "propose_approval_policy").at(-1)?.args).toEqual({ currency: "brl", threshold: "1000", approvers: 1, expiresAfterHours: 168 });
  });

  it("the policy speaks Portuguese when the core does", async () => {
    commands({ approval_policy: () => overview({ may_propose: true }) });
    setLang("pt-BR");
    try {
      await renderApprovalPolicy(view());
      expect(view().querySelector("h2")?.textContent).toBe("Política de aprovação");
      expect(view().querySelector("#policy-table thead")?.textContent).toContain("Precisa de aprovação a partir de");
      expect(view().querySelector("[data-change='4']")?.textContent).toContain("MXN a partir de 20000.00: 1 aprovador, prazo de 72 h");
      expect(view().querySelector("[data-change='4']")?.textContent).toContain("proposta · proposta por adm em 2026-11-30 07:00:00");
      expect(view().querySelector("#policy-reject-4")?.textContent).toBe("Recusar");
      expect([...(view().querySelector("#policy-approvers") as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["1 aprovador", "2 aprovadores"]);
    } finally {
      setLang("en");
    }
  });

  it("a decided change says by whom, in Spanish", async () => {
    commands({ approval_policy: () => overview({ may_decide: [], changes: [{ ...overview().changes[0]!, state: "rejected", decided_by: "cid", decided_at: "2026-11-30T11:00:00.000Z", reason: "too low" }] }) });
    setLang("es");
    try {
      await renderApprovalPolicy(view());
      expect(view().querySelector("[data-change='4']")?.textContent).toContain("rechazado · propuesto por adm el 2026-11-30 07:00:00 · rechazado por cid: too low");
    } finally {
      setLang("en");
    }
  });

  it("no word of the policy escapes translation (pseudo-locale)", async () => {
    commands({ approval_policy: () => overview({ may_propose: true }) });
    usePseudo(true);
    try {
      await renderApprovalPolicy(view());
      expect(view().querySelector("#policy-form")).not.toBeNull();
      expect(untranslated(view(), ["BRL", "MXN", "adm", "cid"])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
