import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderApprovals } from "./approvals";
import { commands, page, payout, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { Approval } from "../bindings/Approval";
import type { ApprovalDetail } from "../bindings/ApprovalDetail";
import type { ApprovalsPage } from "../bindings/ApprovalsPage";

beforeEach(page);
afterEach(() => clearMocks());

const approval: Approval = {
  payout_id: 7,
  scope: "sandbox",
  currency: "BRL",
  amount: "1500.00",
  required: 2,
  prepared_by: "ana",
  requested_at: "2026-11-30T09:00:00.000Z",
  expires_at: "2026-12-07T09:00:00.000Z",
  state: "waiting",
  decided_at: null,
  settled_by: null,
  settled_at: null,
  note: null,
  votes: [{ approver: "cid", decision: "approve", reason: "invoice 42", at: "2026-11-30T09:05:00.000Z" }],
};
const held = payout({ cashout_id: 21, external_id: "big-1", status: "ON_HOLD", amount: "1500.00", beneficiary: "Ana Souza" });
const mine: ApprovalsPage = {
  roles: { login: "bea", approver: true, admin: false },
  waiting_for_me: 1,
  items: [{ approval, progress: "1 of 2 approved · by cid", payout: held, settle_error: null }],
};
const detail = (over: Partial<ApprovalDetail> = {}): ApprovalDetail => ({
  approval,
  progress: "1 of 2 approved · by cid",
  payout: held,
  request: { external_id: "big-1", amount: "1500.00", currency: "BRL", on_hold: true },
  history: [{ at: "2026-11-30T09:00:00.000Z", event: "created", status: "ON_HOLD", detail: null }],
  duplicate_verdict: "No other payout of the same amount to the same account within a day of this one.",
  same_payouts: [],
  under_approval: true,
  may_vote: true,
  why_not: null,
  ...over,
});

async function openReview(): Promise<void> {
  await renderApprovals(view(), vi.fn());
  view().querySelector<HTMLButtonElement>("#approvals-table tbody button")?.click();
  await vi.waitFor(() => expect(view().querySelector("#approval-review")).not.toBeNull());
}

describe("the approvals view", () => {
  it("lists what waits for me with its progress, and counts it on the navigation", async () => {
    document.body.append(Object.assign(document.createElement("span"), { id: "approvals-badge", hidden: true }));
    commands({ approvals_page: () => mine });
    await renderApprovals(view(), vi.fn());
    const row = view().querySelector("#approvals-table tbody tr");
    expect(row?.textContent).toContain("BRL 1500.00");
    expect(row?.textContent).toContain("ana");
    expect(row?.textContent).toContain("1 of 2 approved · by cid");
    expect(view().querySelector("#approvals-waiting_for_me")?.textContent).toBe("Waiting for me (1)");
    expect(document.getElementById("approvals-badge")?.textContent).toBe("1");
  });

  it("the review shows the request exactly as sent, the votes and the history, and approves it", async () => {
    const calls = commands({
      approvals_page: () => mine,
      approval_detail: () => detail(),
      decide_approval: () => ({ approval: { ...approval, state: "released" }, progress: "2 of 2 approved · by cid, bea", payout: { ...held, status: "PENDING" }, settle_error: null }),
    });
    await openReview();
    expect(view().querySelector("#approval-request")?.textContent).toContain('"on_hold": true');
    expect(view().querySelector("#approval-votes")?.textContent).toContain("cid approved: invoice 42");
    expect(view().querySelector("#approval-history")?.textContent).toContain("created");
    view().querySelector<HTMLButtonElement>("#approval-approve")?.click();
    await vi.waitFor(() => expect(view().querySelector("#approval-done")?.textContent).toContain("released"));
    expect(calls.find((c) => c.cmd === "decide_approval")?.args).toEqual({ which: { id: 21 }, decision: "approve", reason: "" });
  });

  it("a rejection without a reason is refused at the reason, which takes the focus", async () => {
    commands({
      approvals_page: () => mine,
      approval_detail: () => detail(),
      decide_approval: () => {
        throw { code: "approval_refused", message: "say why the payout is rejected", field: "reason" };
      },
    });
    await openReview();
    view().querySelector<HTMLButtonElement>("#approval-reject")?.click();
    await vi.waitFor(() => expect(view().querySelector("#approval-reason-error")?.textContent).toBe("say why the payout is rejected"));
    expect(document.activeElement?.id).toBe("approval-reason");
  });

  it("a payout I may not vote on says why and offers no vote", async () => {
    commands({
      approvals_page: () => mine,
      approval_detail: () => detail({ may_vote: false, why_not: "you prepared this payout: another operator approves it" }),
    });
    await openReview();
    expect(view().querySelector("#approval-why-not")?.textContent).toContain("you prepared this payout");
    expect(view().querySelector("#approval-approve")).toBeNull();
  });

  it("a refusal of the team journal is shown as the core words it", async () => {
    commands({
      approvals_page: () => {
        throw { code: "approval_refused", message: "approvals are kept in a team journal; this desk uses its local journal" };
      },
    });
    await renderApprovals(view(), vi.fn());
    expect(view().querySelector("#approvals-error")?.textContent).toContain("team journal");
  });

  it("the approvals speak Spanish when the core does", async () => {
    document.body.append(Object.assign(document.createElement("span"), { id: "approvals-badge", hidden: true }));
    commands({ approvals_page: () => mine, approval_detail: () => detail() });
    setLang("es");
    try {
      await openReview();
      expect(view().querySelector("h1")?.textContent).toBe("Aprobaciones");
      expect(view().querySelector("#approvals-waiting_for_me")?.textContent).toBe("Esperan mi aprobación (1)");
      expect(view().querySelector("#approvals-table thead")?.textContent).toContain("Preparado por");
      expect(view().querySelector("#approvals-table tbody .badge")?.textContent).toBe("esperando");
      expect(view().querySelector("#approval-votes")?.textContent).toContain("cid aprobó: invoice 42");
      expect(view().querySelector("#approval-approve")?.textContent).toBe("Aprobar");
      expect(view().querySelector("#approval-reject")?.textContent).toBe("Rechazar");
      expect(document.getElementById("approvals-badge")?.getAttribute("aria-label")).toBe("1 espera su aprobación");
    } finally {
      setLang("en");
    }
  });

  it("the review's history names the watcher's and a batch's events in the operator's language, not the core's names", async () => {
    const history: ApprovalDetail["history"] = [
      { at: "2026-11-30T08:00:00.000Z", event: "queued", status: null, detail: "row 3 of batch 2 (march.csv)" },
      { at: "2026-11-30T09:00:00.000Z", event: "watch", status: "ON_HOLD", detail: null },
    ];
    commands({ approvals_page: () => mine, approval_detail: () => detail({ history }) });
    /** The event column of each history line, in time order. */
    const events = () => [...view().querySelectorAll("#approval-history tbody tr")].map((tr) => tr.children[1]?.textContent);
    for (const [l, queued, watch] of [["pt-BR", "na fila", "acompanhamento"], ["es", "en cola", "seguimiento"]] as const) {
      setLang(l);
      try {
        await openReview();
        expect(events()).toEqual([queued, watch]);
      } finally {
        setLang("en");
      }
    }
  });

  it("a vote's outcome is said in Portuguese, with the core's progress as it words it", async () => {
    commands({
      approvals_page: () => mine,
      approval_detail: () => detail(),
      decide_approval: () => ({ approval: { ...approval, state: "released" }, progress: "2 of 2 approved · by cid, bea", payout: { ...held, status: "PENDING" }, settle_error: null }),
    });
    setLang("pt-BR");
    try {
      await openReview();
      view().querySelector<HTMLButtonElement>("#approval-approve")?.click();
      await vi.waitFor(() => expect(view().querySelector("#approval-done")).not.toBeNull());
      expect(view().querySelector("#approval-done")?.textContent).toBe("Voto registrado. Aprovação: liberada. 2 of 2 approved · by cid, bea. Status do pagamento: Pendente.");
    } finally {
      setLang("en");
    }
  });

  it("no word of the approvals escapes translation (pseudo-locale)", async () => {
    commands({ approvals_page: () => mine, approval_detail: () => detail() });
    usePseudo(true);
    try {
      await openReview();
      expect(untranslated(view(), [
        "1500.00 BRL", "Ana Souza", "ana", "bea", "cid", "big-1", "1 of 2 approved · by cid", "invoice 42",
        detail().duplicate_verdict,
        // The request exactly as sent (JSON); the history's events are in words.
        '"external_id"', '"amount"', '"currency"', '"on_hold"', "true", "BRL",
      ])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
