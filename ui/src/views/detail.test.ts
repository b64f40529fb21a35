import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { go } from "../main";
import { dispatch, listenerCount } from "../events";
import { changed, commands, page, payout, table, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { ApprovalDetail } from "../bindings/ApprovalDetail";
import type { ExchangeRecord } from "../bindings/ExchangeRecord";
import type { HistoryEntry } from "../bindings/HistoryEntry";

beforeEach(page);
afterEach(() => clearMocks());

/** A payout 7 that is PENDING in the journal and at the provider. */
function pendingPayout(extra: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  const history: HistoryEntry[] = [{ at: "2026-11-21T08:00:00.000Z", event: "created", status: "PENDING", detail: null }];
  const calls = commands({
    lifecycle: () => table,
    recorded_cashout: () => payout(),
    check_cashout: () => payout(),
    cashout_history: () => history,
    cashout_exchanges: () => [],
    ...extra,
  });
  return { calls, history };
}

const current = () => view().querySelector("g.node.current")?.getAttribute("data-status");

describe("the detail view", () => {
  it("a changed event for the open payout redraws the diagram without a click", async () => {
    const { calls, history } = pendingPayout();
    await go({ view: "detail", which: { id: 7 } });
    expect(current()).toBe("PENDING");
    const providerCalls = calls.filter((c) => c.cmd === "check_cashout").length;

    history.push({ at: "2026-11-21T09:30:00.000Z", event: "status", status: "DELIVERED", detail: null });
    dispatch(changed(payout({ status: "DELIVERED", allowed_actions: [] })));

    await vi.waitFor(() => expect(current()).toBe("DELIVERED"));
    // The history names the status in the core's words (status-DELIVERED).
    expect(view().querySelector("#history tbody tr:last-child")?.textContent).toContain("Delivered");
    expect(view().querySelector("#detail-updated")).not.toBeNull();
    expect((view().querySelector("#action-hold") as HTMLButtonElement).disabled).toBe(true);
    // The event's payout is drawn as it is: nothing is asked of the provider.
    expect(calls.filter((c) => c.cmd === "check_cashout")).toHaveLength(providerCalls);
  });

  it("a payout opened by external id follows a change that carries its cashout id", async () => {
    const open = payout({ cashout_id: null, status: null, phase: "unknown", checking: true, state_note: "Checking with the provider." });
    pendingPayout({ recorded_cashout: () => open, check_cashout: () => open, look_up_open: () => open });
    await go({ view: "detail", which: { external_id: "ext-7" } });
    dispatch(changed(payout({ status: "ON_HOLD" })));
    await vi.waitFor(() => expect(current()).toBe("ON_HOLD"));
  });

  it("a changed event for another payout leaves the view alone", async () => {
    pendingPayout();
    await go({ view: "detail", which: { id: 7 } });
    dispatch(changed(payout({ cashout_id: 8, external_id: "ext-8", status: "COMPLETED" })));
    await new Promise((r) => setTimeout(r, 20));
    expect(current()).toBe("PENDING");
    expect(view().querySelector("#detail-updated")).toBeNull();
  });

  it("leaving the detail unregisters its listener", async () => {
    pendingPayout({ list_cashouts: () => [], country_forms: () => [] });
    await go({ view: "lookup" });
    const before = listenerCount();
    await go({ view: "detail", which: { id: 7 } });
    expect(listenerCount()).toBe(before + 1);
    await go({ view: "lookup" });
    expect(listenerCount()).toBe(before);
    await go({ view: "list" });
    // A late event for the payout left behind does not draw over the list.
    dispatch(changed(payout({ status: "COMPLETED" })));
    await new Promise((r) => setTimeout(r, 20));
    expect(view().querySelector("svg.diagram")).toBeNull();
  });

  it("inspector shows the masked body and explains a 302", async () => {
    const body = '{"login":"…1234","pass":"********","external_id":"ext-7","amount":"150.25","currency":"BRL"}';
    const exchange: ExchangeRecord = {
      at: "2026-11-21T08:00:00.000Z", method: "POST", path: "/v3/cashout", body,
      signature: "d41d8cd98f00b204e9800998ecf8427e",
      http_status: 400, answer: '{"code":302,"message":"Invalid Signature"}', outcome: "refused",
      explanation: { code: 302, name: "Signature mismatch", explanation: "The Payload-Signature did not match: check the API Signature stored for this environment.", field: null },
    };
    const { calls } = pendingPayout({ cashout_exchanges: () => [exchange] });
    await go({ view: "detail", which: { id: 7 } });
    const inspector = view().querySelector("details#inspector") as HTMLDetailsElement;
    expect(inspector.querySelector("summary")?.textContent).toBe("Signing inspector — requests sent for this payout");
    expect(calls.some((c) => c.cmd === "cashout_exchanges")).toBe(false);

    (inspector.querySelector("summary") as HTMLElement).click();
    await vi.waitFor(() => expect(inspector.querySelector(".exchange")).not.toBeNull());

    expect(calls.find((c) => c.cmd === "cashout_exchanges")?.args).toEqual({ which: { id: 7 } });
    const x = inspector.querySelector(".exchange") as HTMLElement;
    expect(x.querySelector("pre.exchange-body")?.textContent).toBe(body);
    expect(x.querySelector("code.exchange-signature")?.textContent).toBe(exchange.signature);
    expect(x.querySelector("pre.exchange-answer")?.textContent).toBe(exchange.answer);
    expect(x.textContent).toContain("POST /v3/cashout");
    expect(x.querySelector(".exchange-status")?.textContent).toBe("400");
    const explained = x.querySelector(".exchange-explanation")?.textContent ?? "";
    expect(explained).toContain("302");
    expect(explained).toContain("Signature mismatch");
    expect(explained).toContain(exchange.explanation!.explanation);
    expect(inspector.querySelector("#inspector-note")?.textContent).toMatch(/passphrase is masked.*API Signature is never shown/);
  });

  it("the inspector stays open and is reloaded when the status changes underneath", async () => {
    // Each read finds one more status request kept (the watcher's own checks).
    let loads = 0;
    const record: ExchangeRecord = { at: "2026-11-21T08:00:00.000Z", method: "GET", path: "/v3/cashout/status", body: "{}", signature: "s", http_status: 200, answer: "{}", outcome: "ok", explanation: null };
    pendingPayout({ cashout_exchanges: () => Array.from({ length: ++loads }, () => record) });
    await go({ view: "detail", which: { id: 7 } });
    const inspector = view().querySelector("details#inspector") as HTMLDetailsElement;
    inspector.open = true;
    await vi.waitFor(() => expect(inspector.querySelectorAll(".exchange")).toHaveLength(1));
    dispatch(changed(payout({ status: "DELIVERED" })));
    await vi.waitFor(() => expect(view().querySelectorAll(".exchange").length).toBeGreaterThan(1));
    expect((view().querySelector("details#inspector") as HTMLDetailsElement).open).toBe(true);
  });
});

describe("a create that is not settled", () => {
  // As the core sends it: checking, with its note (the texts are the core's, tested there).
  const sentNotFound = payout({ cashout_id: null, status: null, status_code: null, phase: "sent_not_found", allowed_actions: [], recovery: ["resend", "abandon"], note: "not found by its external_id (lookup 2)", checking: true, state_note: "Sent, not found yet: it may still exist." });

  it("sent but not found yet is drawn as checking, never as not sent, and offers resend and abandon", async () => {
    pendingPayout({ recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound });
    await go({ view: "detail", which: { external_id: "ext-7" } });
    expect(view().querySelector(".status")?.textContent).toBe("checking…");
    expect(view().querySelector("#checking")?.textContent).toContain("may still exist");
    expect(view().textContent).not.toContain("NOT SENT");
    expect(view().textContent).not.toContain("Not sent");
    expect(view().querySelector("#action-resend")?.textContent).toBe("Resend with the same external id");
    expect(view().querySelector("#action-abandon")).not.toBeNull();
  });

  it("resend uses the same external id", async () => {
    const { calls } = pendingPayout({ recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound, resend_cashout: () => payout() });
    await go({ view: "detail", which: { external_id: "ext-7" } });
    (view().querySelector("#action-resend") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#action-result")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "resend_cashout")?.args.which).toEqual({ external_id: "ext-7" });
    expect(current()).toBe("PENDING");
  });

  it("abandon needs a reason and says what it risks", async () => {
    const { calls } = pendingPayout({
      recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound,
      abandon_risk: () => "If the provider did receive it, it may still be paid.",
      abandon_cashout: () => ({ ...sentNotFound, phase: "abandoned", recovery: ["resend"], checking: false, state_note: "Abandoned by an operator." }),
    });
    await go({ view: "detail", which: { external_id: "ext-7" } });
    (view().querySelector("#action-abandon") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain("may still be paid"));
    const yes = document.querySelector("#confirm-yes") as HTMLButtonElement;
    expect(yes.disabled).toBe(true);
    const reason = document.querySelector("#confirm-reason") as HTMLInputElement;
    reason.value = "paid by hand";
    reason.dispatchEvent(new Event("input"));
    expect(yes.disabled).toBe(false);
    yes.click();
    await vi.waitFor(() => expect(view().querySelector("#abandoned")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "abandon_cashout")?.args).toEqual({ which: { external_id: "ext-7" }, reason: "paid by hand" });
  });

  it("while open, the screen asks the core for a due lookup, never an audited check", async () => {
    const { calls } = pendingPayout({ recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await go({ view: "detail", which: { external_id: "ext-7" } });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(calls.filter((c) => c.cmd === "look_up_open").length).toBeGreaterThanOrEqual(2);
      // Opening the payout checked it once; the screen's own polling never does.
      expect(calls.filter((c) => c.cmd === "check_cashout")).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("abandon is not asked when the risk cannot be said", async () => {
    const { calls } = pendingPayout({
      recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound,
      abandon_risk: () => { throw { code: "internal", message: "the command could not run" }; },
    });
    await go({ view: "detail", which: { external_id: "ext-7" } });
    (view().querySelector("#action-abandon") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#detail-error")).not.toBeNull());
    expect(document.querySelector("#confirm-text")).toBeNull();
    expect(calls.filter((c) => c.cmd === "abandon_cashout")).toHaveLength(0);
  });

  it("an unknown status number is shown as such and allows nothing", async () => {
    const unknown = payout({ status: "UNKNOWN", status_code: 9, allowed_actions: [], state_note: "The provider reports status code 9." });
    pendingPayout({ recorded_cashout: () => unknown, check_cashout: () => unknown });
    await go({ view: "detail", which: { id: 7 } });
    expect(view().querySelector(".status")?.textContent).toBe("Unknown status (code 9)");
    expect(view().querySelector("#unknown-status")).not.toBeNull();
    expect((view().querySelector("#action-hold") as HTMLButtonElement).disabled).toBe(true);
    expect((view().querySelector("#action-cancel") as HTMLButtonElement).disabled).toBe(true);
  });

  it("a rejection names the field as this payout's form shows it", async () => {
    const rejected = payout({
      status: "REJECTED", status_code: 3, allowed_actions: [], rejection_code: 814, rejection_reason: "INVALID_PIX_KEY",
      rejection_explanation: { code: 814, name: "INVALID_PIX_KEY", explanation: "The PIX key is not valid.", field: "bank_account" },
      field_to_fix: { name: "email", label: "PIX e-mail key", required: true, hint: "" },
    });
    pendingPayout({ recorded_cashout: () => rejected, check_cashout: () => rejected });
    await go({ view: "detail", which: { id: 7 } });
    expect(view().querySelector("#rejection")?.textContent).toContain("Field to fix: PIX e-mail key.");
    expect(view().querySelector("#rejection")?.textContent).not.toContain("bank_account");
  });

  it("every id has a copy button that copies it whole, and the account is masked until asked", async () => {
    const long = "ext-2026-11-21-operator-batch-000000000000000000000123";
    const seen = payout({
      external_id: long, provider_reference: "REF-9f8e7d6c5b4a",
      payee: { bank: "Banco do Brasil (001)", account_label: "Account", account: "3423422-7", account_masked: "34•••22-7", branch: "1234", document: "39053344705" },
    });
    const { calls } = pendingPayout({ recorded_cashout: () => seen, check_cashout: () => seen, copy_text: () => null });
    await go({ view: "detail", which: { id: 7 } });
    // Shown whole: what is seen is what is copied.
    expect(view().querySelector(".facts")?.textContent).toContain(long);
    for (const [button, value] of [["copy-cashout-id", "7"], ["copy-external-id", long], ["copy-provider-reference", "REF-9f8e7d6c5b4a"]]) {
      (view().querySelector(`#${button}`) as HTMLButtonElement).click();
      await vi.waitFor(() => expect(calls.at(-1)).toEqual({ cmd: "copy_text", args: { text: value } }));
    }
    await vi.waitFor(() => expect(view().querySelector("#copy-provider-reference + .copy-said")?.textContent).toBe("Copied"));
    // The bank by name beside the amount; the account masked in the middle until asked.
    const facts = view().querySelector(".facts")?.textContent ?? "";
    expect(facts).toContain("BRL 150.25");
    expect(facts).toContain("Banco do Brasil (001)");
    expect(view().querySelector("#payee-account")?.textContent).toBe("34•••22-7");
    (view().querySelector("#payee-account-toggle") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#payee-account")?.textContent).toBe("3423422-7"));
    expect(view().querySelector("#payee-account-toggle")?.getAttribute("aria-pressed")).toBe("true");
    // Copying the account is not offered: nothing here reads the clipboard or hides a value
    // it copies.
    expect(calls.filter((c) => c.cmd === "copy_text")).toHaveLength(3);
  });

  it("a clipboard the shell cannot write says so beside the button", async () => {
    pendingPayout({ copy_text: () => { throw { code: "invalid_input", message: "the clipboard could not be written: no display", field: "clipboard" }; } });
    await go({ view: "detail", which: { id: 7 } });
    (view().querySelector("#copy-cashout-id") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#copy-cashout-id + .copy-said")?.textContent).toContain("Not copied: the clipboard could not be written"));
  });


  it("a payout's beneficiary is saved under a label the operator types", async () => {
    const seen = payout({ payee: { bank: null, account_label: "PIX phone key", account: "+5511987654321", account_masked: "+55•••••••4321", branch: null, document: "39053344705" } });
    const { calls } = pendingPayout({ recorded_cashout: () => seen, check_cashout: () => seen, save_beneficiary: () => [], list_beneficiaries: () => [] });
    await go({ view: "detail", which: { id: 7 } });
    (view().querySelector("#action-save-beneficiary") as HTMLButtonElement).click();
    const label = await vi.waitFor(() => document.getElementById("confirm-reason") as HTMLInputElement);
    label.value = "Ana — rent";
    label.dispatchEvent(new Event("input"));
    (document.getElementById("confirm-yes") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#beneficiary-saved")?.textContent).toContain("Saved as “Ana — rent”"));
    expect(calls.find((c) => c.cmd === "save_beneficiary")?.args).toEqual({ label: "Ana — rent", which: { id: 7 } });
  });

  it("a rejected payout's details are not offered for saving", async () => {
    const rejected = payout({ status: "REJECTED", allowed_actions: [], correctable: true, payee: { bank: null, account_label: "PIX phone key", account: "+5511987654321", account_masked: "+55•••••••4321", branch: null, document: "39053344705" } });
    pendingPayout({ recorded_cashout: () => rejected, check_cashout: () => rejected });
    await go({ view: "detail", which: { id: 7 } });
    await vi.waitFor(() => expect(view().querySelector("#action-correct")).not.toBeNull());
    expect(view().querySelector("#action-save-beneficiary")).toBeNull();
  });

  it("saving under a label the team uses already asks before replacing it", async () => {
    const seen = payout({ payee: { bank: null, account_label: "PIX phone key", account: "+5511987654321", account_masked: "+55•••••••4321", branch: null, document: "39053344705" } });
    const taken = { label: "Ana rent", details: {} as never, payee: { bank: null, account_label: "PIX phone key", account: "x", account_masked: "+55•••••••9999", branch: null, document: "1" }, saved_at: "t", saved_by: "bea" };
    const { calls } = pendingPayout({ recorded_cashout: () => seen, check_cashout: () => seen, save_beneficiary: () => [], list_beneficiaries: () => [taken] });
    await go({ view: "detail", which: { id: 7 } });
    (view().querySelector("#action-save-beneficiary") as HTMLButtonElement).click();
    const label = await vi.waitFor(() => document.getElementById("confirm-reason") as HTMLInputElement);
    label.value = "  Ana   rent ";
    label.dispatchEvent(new Event("input"));
    (document.getElementById("confirm-yes") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.getElementById("confirm-text")?.textContent).toContain("“Ana rent” is saved already"));
    expect(document.getElementById("confirm-text")?.textContent).toContain("saved by bea");
    // Kept as it was: nothing saved.
    (document.getElementById("confirm-no") as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.cmd === "save_beneficiary")).toBe(false);
  });

  it("a payout declined for good offers a copy into a new payout; one whose decline may pass offers only a resend", async () => {
    const payee = { bank: null, account_label: "PIX phone key", account: "+5511987654321", account_masked: "+55•••••••4321", branch: null, document: "39053344705" };
    const forGood = payout({ cashout_id: null, external_id: "ext-d", status: "DECLINED", allowed_actions: [], correctable: true, payee, note: "539: this payout method is not enabled" });
    pendingPayout({ recorded_cashout: () => forGood, check_cashout: () => forGood });
    await go({ view: "detail", which: { external_id: "ext-d" } });
    await vi.waitFor(() => expect(view().querySelector("#action-copy-new")).not.toBeNull());
    expect(view().querySelector("#action-correct")).toBeNull();
    clearMocks();
    // The core says 514 may pass when sent again: resend it, never a copy beside it.
    const mayPass = payout({ cashout_id: null, external_id: "ext-f", status: "DECLINED", allowed_actions: [], correctable: false, recovery: ["resend"], payee });
    pendingPayout({ recorded_cashout: () => mayPass, check_cashout: () => mayPass });
    await go({ view: "detail", which: { external_id: "ext-f" } });
    await vi.waitFor(() => expect(view().querySelector("#action-resend")).not.toBeNull());
    expect(view().querySelector("#action-copy-new")).toBeNull();
  });
});

describe("the detail in other languages", () => {
  const payee = { bank: "Banco do Brasil (001)", account_label: "PIX phone key", account: "+5511987654321", account_masked: "+55•••••••4321", branch: "1234", document: "39053344705" };
  /** The lifecycle table with a sentence as each status's meaning, as the core sends it. */
  const meanings = { ...table, statuses: table.statuses.map((s) => ({ ...s, meaning: `Meaning of ${s.status} from the core.` })) };
  const meaningTexts = meanings.statuses.map((s) => s.meaning);
  /** Text of the view outside the state diagram (diagram.ts's words are its own test's). */
  const outsideDiagram = (): Element => {
    const copy = view().cloneNode(true) as Element;
    copy.querySelectorAll("svg.diagram").forEach((svg) => svg.remove());
    return copy;
  };

  it("the detail speaks Portuguese when the core does", async () => {
    pendingPayout({ recorded_cashout: () => payout({ payee }), check_cashout: () => payout({ payee }) });
    setLang("pt-BR");
    try {
      await go({ view: "detail", which: { id: 7 } });
      expect(view().querySelector("h1")?.textContent).toBe("Pagamento 7");
      expect(view().querySelector("#action-hold")?.textContent).toBe("Reter");
      expect(view().querySelector("#action-release")?.textContent).toBe("Liberar");
      expect(view().querySelector(".facts .status")?.textContent).toBe("Pendente");
      const facts = view().querySelector(".facts")?.textContent ?? "";
      expect(facts).toContain("Valor");
      expect(facts).toContain("Agência");
      expect(view().querySelector("#history thead")?.textContent).toContain("Evento");
      expect(view().querySelector("#history tbody")?.textContent).toContain("criado");
      expect(view().querySelector("#inspector-summary")?.textContent).toContain("Inspetor de assinatura");
      (view().querySelector("#action-cancel") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.getElementById("confirm-text")?.textContent).toBe("Cancelar o pagamento 7 de BRL 150.25 para Ana Souza? Nenhum dinheiro será movimentado."));
      expect(document.getElementById("confirm-no")?.textContent).toBe("Manter");
      (document.getElementById("confirm-no") as HTMLButtonElement).click();
    } finally {
      setLang("en");
    }
  });

  it("the history names the watcher's and a batch's events in the operator's language, not the core's names", async () => {
    const history: HistoryEntry[] = [
      { at: "2026-11-21T07:00:00.000Z", event: "queued", status: null, detail: "row 3 of batch 2 (march.csv)" },
      { at: "2026-11-21T09:30:00.000Z", event: "watch", status: "DELIVERED", detail: null },
    ];
    pendingPayout({ cashout_history: () => history });
    /** The event column of each history line, in time order. */
    const events = () => [...view().querySelectorAll("#history tbody tr")].map((tr) => tr.children[1]?.textContent);
    for (const [l, queued, watch] of [["es", "en cola", "seguimiento"], ["pt-BR", "na fila", "acompanhamento"]] as const) {
      setLang(l);
      try {
        await go({ view: "detail", which: { id: 7 } });
        await vi.waitFor(() => expect(events()).toEqual([queued, watch]));
      } finally {
        setLang("en");
      }
    }
  });

  it("an abandon in Spanish asks in Spanish around the core's risk", async () => {
    const sentNotFound = payout({ cashout_id: null, status: null, phase: "sent_not_found", allowed_actions: [], recovery: ["resend", "abandon"], checking: true, state_note: "Enviado, aún no encontrado." });
    pendingPayout({ recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound, abandon_risk: () => "Si el proveedor lo recibió, todavía puede pagarse." });
    setLang("es");
    try {
      await go({ view: "detail", which: { external_id: "ext-7" } });
      expect(view().querySelector(".status")?.textContent).toBe("verificando…");
      expect(view().querySelector("#action-resend")?.textContent).toBe("Reenviar con el mismo id externo");
      (view().querySelector("#action-abandon") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.getElementById("confirm-text")?.textContent).toBe("¿Abandonar el pago ext-7 (BRL 150.25 a Ana Souza)? Si el proveedor lo recibió, todavía puede pagarse."));
      expect(document.querySelector("label[for=confirm-reason]")?.textContent).toBe("Motivo (queda en el registro de auditoría)");
      (document.getElementById("confirm-no") as HTMLButtonElement).click();
    } finally {
      setLang("en");
    }
  });

  it("no word of a rejected payout, its approval and its requests escapes translation (pseudo-locale)", async () => {
    const rejected = payout({
      status: "REJECTED", status_code: 3, allowed_actions: [], correctable: true, payee, provider_reference: "REF-9f8e7d6c5b4a",
      rejection_code: 814, rejection_reason: "INVALID_PIX_KEY",
      rejection_explanation: { code: 814, name: "INVALID_PIX_KEY", explanation: "The PIX key is not valid.", field: "bank_account" },
      field_to_fix: { name: "email", label: "PIX e-mail key", required: true, hint: "" },
    });
    const approval: ApprovalDetail = {
      approval: {
        payout_id: 1, scope: "sandbox", currency: "BRL", amount: "150.25", required: 2, prepared_by: "ana",
        requested_at: "2026-11-21T07:59:58.000Z", expires_at: "2026-11-22T07:59:58.000Z", state: "waiting",
        decided_at: null, settled_by: null, settled_at: null, note: null,
        votes: [{ approver: "bea", decision: "approve", reason: "amount checked", at: "2026-11-21T08:10:00.000Z" }, { approver: "caio", decision: "reject", reason: null, at: "2026-11-21T08:20:00.000Z" }],
      },
      progress: "1 of 2 approved · by bea", payout: rejected, request: null, history: [], duplicate_verdict: "", same_payouts: [],
      under_approval: true, may_vote: false, why_not: null,
    };
    const exchange: ExchangeRecord = {
      at: "2026-11-21T08:00:00.000Z", method: "POST", path: "/v3/cashout", body: '{"external_id":"ext-7"}', signature: "d41d8cd98f",
      http_status: 400, answer: '{"code":302}', outcome: "refused",
      explanation: { code: 302, name: "Signature mismatch", explanation: "The Payload-Signature did not match.", field: null },
    };
    const history: HistoryEntry[] = [
      { at: "2026-11-21T08:00:00.000Z", event: "created", status: "PENDING", detail: null },
      { at: "2026-11-21T09:00:00.000Z", event: "status", status: "REJECTED", detail: "bank said no" },
    ];
    pendingPayout({
      lifecycle: () => meanings, recorded_cashout: () => rejected, check_cashout: () => rejected,
      cashout_history: () => history, approval_detail: () => approval, cashout_exchanges: () => [exchange, { ...exchange, http_status: null, answer: null, outcome: "not_delivered", explanation: null }],
    });
    usePseudo(true);
    try {
      await go({ view: "detail", which: { id: 7 } });
      (view().querySelector("details#inspector") as HTMLDetailsElement).open = true;
      await vi.waitFor(() => expect(view().querySelectorAll(".exchange")).toHaveLength(2));
      dispatch(changed(rejected));
      await vi.waitFor(() => expect(view().querySelector("#detail-updated")).not.toBeNull());
      const data = [
        "Ana Souza", "ext-7", "BRL", "BR", "sandbox", "Banco do Brasil (001)", "PIX phone key", "REF-9f8e7d6c5b4a",
        "INVALID_PIX_KEY", "The PIX key is not valid.", "PIX e-mail key", "ana", "bea", "caio", "amount checked", "1 of 2 approved · by bea",
        "bank said no", "POST", "/v3/cashout", exchange.body, exchange.signature, exchange.answer!, "Signature mismatch", "The Payload-Signature did not match.",
        ...meaningTexts,
      ];
      expect(untranslated(outsideDiagram(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });

  it("no word of a create being checked, its actions and its dialogs escapes translation (pseudo-locale)", async () => {
    const sentNotFound = payout({ cashout_id: null, status: null, phase: "sent_not_found", allowed_actions: [], recovery: ["resend", "abandon"], checking: true, state_note: "Sent, not found yet." });
    const risk = "If the provider did receive it, it may still be paid.";
    pendingPayout({
      lifecycle: () => meanings, recorded_cashout: () => sentNotFound, check_cashout: () => sentNotFound, look_up_open: () => sentNotFound,
      abandon_risk: () => risk, resend_cashout: () => payout({ payee }), hold_cashout: () => payout({ status: "ON_HOLD", allowed_actions: ["release"] }),
    });
    const data = ["Ana Souza", "ext-7", "BRL", "BR", "sandbox", "Sent, not found yet.", risk, "PIX phone key", "Banco do Brasil (001)", ...meaningTexts];
    usePseudo(true);
    try {
      await go({ view: "detail", which: { external_id: "ext-7" } });
      expect(untranslated(outsideDiagram(), data)).toEqual([]);
      // The abandon dialog.
      (view().querySelector("#action-abandon") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.querySelector(".modal")).not.toBeNull());
      expect(untranslated(document.querySelector(".modal")!, data)).toEqual([]);
      (document.getElementById("confirm-no") as HTMLButtonElement).click();
      // Resent: now a created payout with its actions, a result and the cancel question.
      (view().querySelector("#action-resend") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#action-result")).not.toBeNull());
      await vi.waitFor(() => expect(view().querySelector("#action-save-beneficiary")).not.toBeNull());
      expect(untranslated(outsideDiagram(), data)).toEqual([]);
      (view().querySelector("#action-cancel") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.querySelector(".modal")).not.toBeNull());
      expect(untranslated(document.querySelector(".modal")!, data)).toEqual([]);
      (document.getElementById("confirm-no") as HTMLButtonElement).click();
      (view().querySelector("#action-save-beneficiary") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(document.querySelector(".modal")).not.toBeNull());
      expect(untranslated(document.querySelector(".modal")!, data)).toEqual([]);
      (document.getElementById("confirm-no") as HTMLButtonElement).click();
      (view().querySelector("#action-hold") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector(".facts .status-ON_HOLD")).not.toBeNull());
      expect(untranslated(outsideDiagram(), data)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
