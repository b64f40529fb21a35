import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderNew, requestFrom, startFrom } from "./newCashout";
import { commands, page, payout, table, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import { go } from "../main";
import type { CountryForm } from "../bindings/CountryForm";
import type { CreateReview } from "../bindings/CreateReview";
import type { EnvironmentStatus } from "../bindings/EnvironmentStatus";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { SettingsView } from "../bindings/SettingsView";

beforeEach(page);
afterEach(() => clearMocks());

const common = [
  { name: "external_id", label: "External id", required: false, hint: "left empty: generated on review" },
  { name: "amount", label: "Amount", required: true, hint: "e.g. 150.25" },
  { name: "currency", label: "Currency", required: true, hint: "" },
  { name: "document_type", label: "Document type", required: false, hint: "" },
  { name: "document_id", label: "Document number", required: true, hint: "" },
  { name: "beneficiary_name", label: "Beneficiary first name", required: true, hint: "" },
  { name: "beneficiary_lastname", label: "Beneficiary last name", required: false, hint: "" },
  { name: "notification_url", label: "Notification URL", required: true, hint: "" },
  { name: "comments", label: "Comments", required: false, hint: "" },
];

const br: CountryForm = {
  code: "BR", name: "Brazil", currency: "BRL", currencies: ["BRL", "USD"], document_types: ["CPF", "CNPJ"], account_types: [],
  common,
  methods: [
    { id: "bank_transfer", label: "Bank transfer", label_shown: "Bank transfer", bank_code: null, pick_bank: true, fields: [] },
    { id: "10000", label: "PIX — phone key", label_shown: "PIX — phone key", bank_code: "10000", pick_bank: false, fields: [{ name: "phone", label: "PIX phone key", required: true, hint: "" }] },
  ],
};
const cl: CountryForm = { ...br, code: "CL", name: "Chile", currency: "CLP", currencies: ["CLP", "USD"], methods: [br.methods[0]!] };

describe("the new-cashout form", () => {
  it("fields_not_on_screen_are_never_sent", () => {
    const values = { amount: "10.50", account_type: "C", bank_account: "123", phone: "+5511987654321", document_id: "39053344705", beneficiary_name: "Ana", notification_url: "https://n" };
    const shown = new Set(["amount", "phone", "document_id", "beneficiary_name", "notification_url"]);
    const r = requestFrom(values, shown, br.methods[1], br);
    expect(r.bank_code).toBe("10000");
    expect(r.account_type).toBeNull();
    expect(r.bank_account).toBeNull();
    expect(r.amount).toBe("10.50");
  });

  it("the_amount_stays_the_exact_text_typed", () => {
    const r = requestFrom({ amount: " 100.10 " }, new Set(["amount"]), br.methods[0], br);
    expect(r.amount).toBe("100.10");
    expect(typeof r.amount).toBe("string");
  });
});

const settingsView = {
  settings: { environment: "d24-production", okp_production_host: "", custom_base_url: "", default_notification_url: "https://n.example/notify", late_rejection_window_days: 14, hold_alert_hours: 24, desktop_notifications: true, open_create_window_hours: 24, team: null, update_url: "", locale: "auto" },
  notification_url: "https://n.example/notify",
  environments: [],
} as SettingsView;

const production: EnvironmentStatus = {
  kind: "d24-production", name: "d24-production", host: "api.directa24.com", production: true, colour: "#b00020",
  credentials: { stored: true, api_key_last4: "9876", has_read_only_key: false },
  demo_credentials: false, allows_check_digit_override: false, problem: null,
  signed_in_as: null, journal_problem: null,
};
const staging = { ...production, production: false };

/** The core's review, as `validate_cashout` answers: the body exactly as the client builds it. */
const review: CreateReview = {
  request: {
    external_id: "cd-1", country: "BR", currency: "BRL", amount: "77.70", document_id: "39053344705", beneficiary_name: "Ana", beneficiary_lastname: "Souza",
    bank_code: "10000", phone: "+5511987654321", notification_url: "https://n.example/notify",
  },
  body: '{"login":"…9876","pass":"********","external_id":"cd-1","country":"BR","currency":"BRL","amount":77.70,"bank_code":"10000","type":"json"}',
  summary: [{ label: "Beneficiary", value: "Ana Souza" }, { label: "PIX key (phone)", value: "+5511987654321" }, { label: "Amount", value: "BRL 77.70" }],
  warnings: [],
  external_id_generated: true,
  id_note: null,
  confirmation: "Send BRL 77.70 to Ana Souza in D24-PRODUCTION? This moves real money.",
  amount_shown: "BRL 77.70",
};

const base = { country_forms: () => [br, cl], get_settings: () => settingsView, app_status: () => staging, list_banks: () => ({ banks: [], source: "provider", note: null }) };
const $ = <T extends HTMLElement>(sel: string) => view().querySelector(sel) as T;
const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));
const refused = (over: Partial<ErrorReport>): ErrorReport => ({ code: "validation", message: "refused", ...over });

describe("the review step", () => {
  it("shows the payout in words above the core's body and asks the core's question in production", async () => {
    const calls = commands({ ...base, app_status: () => production, validate_cashout: () => review });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await vi.waitFor(() => expect($("#review-body")?.textContent).toBe(review.body));
    const words = $("#review-summary").textContent ?? "";
    expect(words).toContain("Ana Souza");
    expect(words).toContain("BRL 77.70");
    // The words come before the body.
    expect($("#review-summary").compareDocumentPosition($("#review-body")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    $("#send").click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toBe(review.confirmation));
    (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    await tick();
    expect(calls.some((c) => c.cmd === "create_cashout")).toBe(false);
  });

  it("an edit withdraws the review at once, before the field is even left", async () => {
    commands({ ...base, validate_cashout: () => review });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await vi.waitFor(() => expect($("#send")).not.toBeNull());
    const amount = $<HTMLInputElement>("#f-amount");
    amount.value = "1600";
    amount.dispatchEvent(new Event("input"));
    expect($("#send")).toBeNull();
    expect($("#review-body")).toBeNull();
  });

  it("an edit made while the core is checking drops that review", async () => {
    let answer: (r: CreateReview) => void = () => undefined;
    commands({ ...base, validate_cashout: () => new Promise<CreateReview>((resolve) => { answer = resolve; }) });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await tick();
    const amount = $<HTMLInputElement>("#f-amount");
    amount.value = "99.00";
    amount.dispatchEvent(new Event("input"));
    answer(review);
    await tick(20);
    expect($("#review-body")).toBeNull();
    expect($("#send")).toBeNull();
  });

  it("warnings and a new id's reason are shown on review", async () => {
    commands({ ...base, validate_cashout: () => ({ ...review, id_note: "External id cd-0 was generated for an earlier payout (DECLINED, code 514)…", warnings: [{ field: "phone", code: "advisory", message: "Not a Brazilian mobile: check the PIX phone key." }] }) });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await vi.waitFor(() => expect($("#review-id-note")?.textContent).toContain("cd-0"));
    expect($("#review-warnings")?.textContent).toContain("PIX phone key");
  });

  it("sends the reviewed request, not the form, and says nothing about where its id came from", async () => {
    const calls = commands({
      ...base, validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: () => { throw refused({ code: "journal", message: "stop here" }); },
    });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await vi.waitFor(() => expect($("#send")).not.toBeNull());
    $("#send").click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "create_cashout")).toBe(true));
    expect(document.querySelector("#confirm-text")).toBeNull();
    const args = calls.find((c) => c.cmd === "create_cashout")?.args;
    expect(args?.request).toEqual(review.request);
    expect(args?.payAgainOf).toBeNull();
    expect(args).not.toHaveProperty("externalIdGenerated");
  });
});

describe("after a refusal", () => {
  it("an ambiguous amount is shown at the amount field, which takes the focus", async () => {
    const message = "1.000 is ambiguous: it reads as 1000 where '.' groups thousands, and as 1.00 where it marks decimals; type 1000 or 1.00";
    commands({ ...base, validate_cashout: () => { throw refused({ field: "amount", errors: [{ field: "amount", code: "invalid_format", message }] }); } });
    await renderNew(view(), vi.fn());
    const amount = $<HTMLInputElement>("#f-amount");
    amount.value = "1.000";
    $("#review-button").click();
    await vi.waitFor(() => expect($("#f-amount-error")?.textContent).toBe(message));
    expect(document.activeElement?.id).toBe("f-amount");
    expect($("#form-banner")?.textContent).not.toContain("invalid args");
  });

  it("a possible duplicate is sent again only by the explicit choice naming the earlier payout", async () => {
    let attempts = 0;
    const calls = commands({
      ...base, validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: (a) => {
        attempts++;
        if (!a.payAgainOf) throw refused({ code: "possible_duplicate", message: "an identical payout was requested…", external_id: "cd-earlier" });
        return payout({ cashout_id: 99, external_id: "cd-1" });
      },
      recorded_cashout: () => payout({ external_id: "cd-earlier", cashout_id: 42 }),
    });
    const go = vi.fn();
    await renderNew(view(), go);
    $("#review-button").click();
    await vi.waitFor(() => expect($("#send")).not.toBeNull());
    $("#send").click();
    await vi.waitFor(() => expect($("#duplicate")).not.toBeNull());
    expect($("#send")).toBeNull();
    expect(attempts).toBe(1);
    $("#pay-again").click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain("cd-earlier"));
    (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith({ view: "detail", which: { id: 99 } }));
    expect(calls.filter((c) => c.cmd === "create_cashout").map((c) => c.args.payAgainOf)).toEqual([null, "cd-earlier"]);
  });

  it("after a refusal as a duplicate, an edit withdraws paying again: the edited payout is not the one refused", async () => {
    const calls = commands({
      ...base, validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: () => { throw refused({ code: "possible_duplicate", message: "an identical payout was requested…", external_id: "cd-earlier" }); },
      recorded_cashout: () => payout({ external_id: "cd-earlier", cashout_id: 42 }),
    });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await vi.waitFor(() => expect($("#send")).not.toBeNull());
    $("#send").click();
    await vi.waitFor(() => expect($("#pay-again")).not.toBeNull());
    const amount = $<HTMLInputElement>("#f-amount");
    amount.value = "1600";
    amount.dispatchEvent(new Event("input"));
    expect($("#pay-again")).toBeNull();
    expect($("#duplicate")).toBeNull();
    await tick();
    expect(calls.filter((c) => c.cmd === "create_cashout")).toHaveLength(1);
  });

  it("paying again in production asks the core's question about the money too", async () => {
    const calls = commands({
      ...base, app_status: () => production, validate_cashout: () => review,
      create_cashout: (a) => {
        if (!a.payAgainOf) throw refused({ code: "possible_duplicate", message: "an identical payout was requested…", external_id: "cd-earlier" });
        return payout({ cashout_id: 99, external_id: "cd-1" });
      },
      recorded_cashout: () => payout({ external_id: "cd-earlier", cashout_id: 42 }),
    });
    await renderNew(view(), vi.fn());
    $("#review-button").click();
    await vi.waitFor(() => expect($("#send")).not.toBeNull());
    $("#send").click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toBe(review.confirmation));
    (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
    await vi.waitFor(() => expect($("#pay-again")).not.toBeNull());
    $("#pay-again").click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toContain(review.confirmation!));
    (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    await tick();
    expect(calls.filter((c) => c.cmd === "create_cashout")).toHaveLength(1);
  });

  it("a send that never left says nothing was sent and retries under the same id", async () => {
    const calls = commands({
      ...base, validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: () => { throw refused({ code: "not_sent", message: "nothing was sent: connection refused", external_id: "cd-1" }); },
      resend_cashout: () => payout({ cashout_id: 5, external_id: "cd-1" }),
    });
    const go = vi.fn();
    await renderNew(view(), go);
    $("#review-button").click();
    await vi.waitFor(() => expect($("#send")).not.toBeNull());
    $("#send").click();
    await vi.waitFor(() => expect($("#not-sent")?.textContent).toContain("nothing was sent"));
    expect(document.activeElement?.id).toBe("retry-send");
    $("#retry-send").click();
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith({ view: "detail", which: { id: 5 } }));
    expect(calls.find((c) => c.cmd === "resend_cashout")?.args.which).toEqual({ external_id: "cd-1" });
  });

  it("focus stays on the country picker after the country changes", async () => {
    commands(base);
    await renderNew(view(), vi.fn());
    const country = $<HTMLSelectElement>("#f-country");
    country.focus();
    country.value = "CL";
    country.dispatchEvent(new Event("change"));
    await tick();
    expect(document.activeElement?.id).toBe("f-country");
    expect($<HTMLSelectElement>("#f-currency").value).toBe("CLP");
  });

  it("a bundled bank list says why it is shown", async () => {
    // Another environment's name: the bank list is cached per environment and country.
    commands({ ...base, app_status: () => ({ ...staging, name: "okp-staging" }), list_banks: () => ({ banks: [{ code: "001", name: "Banco do Brasil", licensed: true }], source: "bundled", note: "Showing the bank list bundled with Cashout Desk: no read-only key." }) });
    await renderNew(view(), vi.fn());
    await vi.waitFor(() => expect($("#banks-fallback")?.textContent).toContain("bundled"));
    expect($<HTMLSelectElement>("#f-bank_code").value).toBe("001");
  });
  it("a rejected payout is paid again from a copy: the form pre-filled, the field to fix focused, the two linked", async () => {
    const rejected = payout({
      status: "REJECTED", status_code: 3, allowed_actions: [], correctable: true, rejection_code: 814, rejection_reason: "INVALID_PIX_KEY",
      rejection_explanation: { code: 814, name: "INVALID_PIX_KEY", explanation: "The PIX key is invalid", field: "bank_account" },
      field_to_fix: { name: "phone", label: "PIX phone key", required: true, hint: "" },
      payee: { bank: null, account_label: "PIX phone key", account: "+5511987654321", account_masked: "+55•••••••4321", branch: null, document: "39053344705" },
    });
    const request = {
      external_id: "ext-7", country: "BR", currency: "BRL", amount: "150.25", document_id: "39053344705", document_type: null,
      beneficiary_name: "Ana", beneficiary_lastname: "Souza", email: null, phone: "+5511987654321", bank_code: "10000",
      bank_account: null, bank_branch: null, account_type: null, address: null, city: null, postal_code: null,
      beneficiary_birthdate: null, notification_url: "https://merchant.example/n", comments: null, on_hold: false,
    };
    const calls = commands({
      ...base, lifecycle: () => table, cashout_history: () => [], cashout_exchanges: () => [],
      recorded_cashout: () => rejected, check_cashout: () => rejected, sent_request: () => request,
      validate_cashout: (a) => ({ ...review, request: { ...(a as { request: CreateReview["request"] }).request, external_id: "cd-new" }, confirmation: null }),
      create_cashout: () => payout({ cashout_id: 8, external_id: "cd-new" }),
    });
    await go({ view: "detail", which: { id: 7 } });
    (view().querySelector("#action-correct") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#start-from")?.textContent).toContain("a copy of payout ext-7, which was rejected with code 814"));
    // Pre-filled from what was sent, under a new id; the focus on the field to fix.
    expect((view().querySelector("#f-phone") as HTMLInputElement).value).toBe("+5511987654321");
    expect((view().querySelector("#f-amount") as HTMLInputElement).value).toBe("150.25");
    expect((view().querySelector("#f-external_id") as HTMLInputElement | null)?.value ?? "").toBe("");
    expect(document.activeElement?.id).toBe("f-phone");
    (view().querySelector("#f-phone") as HTMLInputElement).value = "+5511912345678";
    (view().querySelector("#f-phone") as HTMLInputElement).dispatchEvent(new Event("input"));
    (view().querySelector("#review-button") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#send")).not.toBeNull());
    (view().querySelector("#send") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "create_cashout")).toBe(true));
    const create = calls.find((c) => c.cmd === "create_cashout")!.args as { request: { phone: string }; corrects: string | null };
    expect(create.corrects).toBe("ext-7");
    expect(create.request.phone).toBe("+5511912345678");
  });

  it("a saved beneficiary fills every beneficiary field (nothing of another person's left), keeps the amount, and can be deleted", async () => {
    const ana = {
      label: "Ana — rent",
      details: { country: "BR", document_id: "39053344705", document_type: null, beneficiary_name: "Ana", beneficiary_lastname: "Souza", email: null, phone: "+5511912345678", bank_code: "10000", bank_account: null, bank_branch: null, account_type: null, address: null },
      payee: { bank: null, account_label: "PIX phone key", account: "+5511912345678", account_masked: "+55•••••••5678", branch: null, document: "39053344705" },
      saved_at: "2026-11-30T10:00:00.000Z", saved_by: "ana",
    };
    let saved = [ana];
    const calls = commands({
      ...base, list_beneficiaries: () => saved, delete_beneficiary: () => { saved = []; return saved; },
      beneficiary_request: () => ({ ...ana.details, external_id: "", amount: null, currency: null, notification_url: "", on_hold: false }),
    });
    await renderNew(view(), vi.fn());
    const set = (id: string, v: string) => { const e = view().querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement; e.value = v; e.dispatchEvent(new Event(e instanceof HTMLSelectElement ? "change" : "input")); };
    set("f-amount", "250.00");
    set("f-beneficiary_lastname", "Someone Else");
    set("f-saved", "Ana — rent");
    await vi.waitFor(() => expect(view().querySelector("#saved-used")?.textContent).toContain("checked again when you review"));
    expect((view().querySelector("#f-phone") as HTMLInputElement).value).toBe("+5511912345678");
    expect((view().querySelector("#f-beneficiary_lastname") as HTMLInputElement).value).toBe("Souza");
    expect((view().querySelector("#f-amount") as HTMLInputElement).value).toBe("250.00");
    expect(document.activeElement?.id).toBe("f-amount");
    expect((view().querySelector("#f-saved") as HTMLSelectElement).value).toBe("Ana — rent");
    (view().querySelector("#saved-delete") as HTMLButtonElement).click();
    (await vi.waitFor(() => document.getElementById("confirm-yes") as HTMLButtonElement)).click();
    await vi.waitFor(() => expect(view().querySelector("#saved-deleted")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "delete_beneficiary")?.args).toEqual({ label: "Ana — rent" });
    expect(view().querySelector("#f-saved")).toBeNull();
  });
});

describe("the form in other languages", () => {
  const ana = {
    label: "Ana — rent",
    details: { country: "BR", document_id: "39053344705", document_type: null, beneficiary_name: "Ana", beneficiary_lastname: "Souza", email: null, phone: "+5511912345678", bank_code: "10000", bank_account: null, bank_branch: null, account_type: null, address: null },
    payee: { bank: null, account_label: "PIX phone key", account: "+5511912345678", account_masked: "+55•••••••5678", branch: null, document: "39053344705" },
    saved_at: "2026-11-30T10:00:00.000Z", saved_by: "ana",
  };
  /** What the fixtures and the mocked core put on screen themselves (not the window's words). */
  const data = [
    ...common.flatMap((f) => [f.label, f.hint]),
    ...[br, cl].flatMap((f) => [f.name, f.code, ...f.currencies, ...f.document_types, ...f.methods.flatMap((m) => [m.label, ...m.fields.map((x) => x.label)])]),
    ...review.summary.flatMap((l) => [l.label, l.value]), review.body, production.name,
    ana.label, ana.saved_by, ana.payee.account_label, ana.payee.account_masked, "Ana", "Souza",
  ];
  const set = (id: string, v: string) => { const e = view().querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement; e.value = v; e.dispatchEvent(new Event(e instanceof HTMLSelectElement ? "change" : "input")); };

  it("the form and its review speak Spanish when the core does", async () => {
    commands({ ...base, validate_cashout: () => ({ ...review, confirmation: null, warnings: [{ field: "phone", code: "advisory", message: "Not a Brazilian mobile." }] }) });
    setLang("es");
    try {
      await renderNew(view(), vi.fn());
      expect($("h1").textContent).toBe("Nuevo retiro");
      expect($("label[for=f-country]").textContent).toBe("País *");
      expect($("label[for=f-method]").textContent).toBe("Método de pago *");
      expect($("label[for=f-on_hold]").textContent).toBe("Crear en espera para revisión");
      expect($("#review-button").textContent).toBe("Revisar");
      $("#review-button").click();
      await vi.waitFor(() => expect($("#send")).not.toBeNull());
      expect($("#review-title").textContent).toBe("Revisión: exactamente lo que se enviará");
      expect($("#send").textContent).toBe("Enviar BRL 77.70");
      expect($("#edit").textContent).toBe("Editar");
      expect($("#review-warnings strong").textContent).toBe("Antes de enviar, tenga en cuenta que:");
      expect($("#review").textContent).toContain("API Signature guardada para d24-production");
    } finally {
      setLang("en");
    }
  });

  it("the method's section is headed by its name in the operator's language, not its English one", async () => {
    // The core sends each method's English name (`label`, for batch files) and its name in the
    // operator's language (`label_shown`).
    const shown: Record<string, string> = { bank_transfer: "Transferencia bancaria", "10000": "PIX — llave de teléfono" };
    const brEs: CountryForm = { ...br, methods: br.methods.map((m) => ({ ...m, label_shown: shown[m.id]! })) };
    commands({ ...base, country_forms: () => [brEs, cl] });
    setLang("es");
    try {
      await renderNew(view(), vi.fn());
      // (The form keeps what earlier tests picked: pick each method here.)
      set("f-method", "bank_transfer");
      await vi.waitFor(() => expect($("#new-cashout h2").textContent).toBe("Transferencia bancaria"));
      set("f-method", "10000");
      await vi.waitFor(() => expect($("#new-cashout h2").textContent).toBe("PIX — llave de teléfono"));
      expect([...view().querySelectorAll("#f-method option")].map((o) => o.textContent)).toEqual(["Transferencia bancaria", "PIX — llave de teléfono"]);
    } finally {
      setLang("en");
    }
  });

  it("a refusal and paying again speak Portuguese", async () => {
    commands({
      ...base, validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: () => { throw refused({ code: "possible_duplicate", message: "um pagamento idêntico…", external_id: "cd-earlier" }); },
      recorded_cashout: () => payout({ external_id: "cd-earlier", cashout_id: 42, status: "COMPLETED" }),
    });
    setLang("pt-BR");
    try {
      await renderNew(view(), vi.fn());
      $("#review-button").click();
      await vi.waitFor(() => expect($("#send")).not.toBeNull());
      $("#send").click();
      await vi.waitFor(() => expect($("#pay-again")).not.toBeNull());
      expect($("#open-earlier").textContent).toBe("Abrir o pagamento anterior");
      expect($("#pay-again").textContent).toBe("Pagar de novo de propósito…");
      $("#pay-again").click();
      await vi.waitFor(() => expect(document.querySelector("#confirm-text")).not.toBeNull());
      const question = document.querySelector("#confirm-text")?.textContent ?? "";
      expect(question).toContain("Um pagamento idêntico já foi solicitado: BRL 150.25 para Ana Souza, id externo cd-earlier");
      expect(question).toContain("status atual: ");
      expect(document.querySelector("#confirm-yes")?.textContent).toBe("Pagar de novo");
      (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    } finally {
      setLang("en");
    }
  });

  it("the count of fields to fix agrees with the number, in Spanish", async () => {
    commands({ ...base, validate_cashout: () => { throw refused({ errors: [{ field: "amount", code: "required", message: "m1" }, { field: "document_id", code: "required", message: "m2" }] }); } });
    setLang("es");
    try {
      await renderNew(view(), vi.fn());
      $("#review-button").click();
      await vi.waitFor(() => expect($("#form-error")?.textContent).toBe("2 campos por corregir antes de enviar nada."));
    } finally {
      setLang("en");
    }
  });

  it("no word of the form, the saved beneficiaries or the review escapes translation (pseudo-locale)", async () => {
    let saved = [ana];
    commands({
      ...base, list_beneficiaries: () => saved, delete_beneficiary: () => { saved = []; return saved; },
      beneficiary_request: () => ({ ...ana.details, external_id: "", amount: null, currency: null, notification_url: "", on_hold: false }),
      app_status: () => ({ ...staging, allows_check_digit_override: true }),
      validate_cashout: () => ({ ...review, confirmation: null, warnings: [{ field: "phone", code: "advisory", message: "Not a Brazilian mobile." }] }),
    });
    usePseudo(true);
    try {
      await renderNew(view(), vi.fn());
      expect(untranslated(view(), data)).toEqual([]);
      set("f-saved", "Ana — rent");
      await vi.waitFor(() => expect(view().querySelector("#saved-used")).not.toBeNull());
      expect(untranslated(view(), data)).toEqual([]);
      $("#saved-delete").click();
      await vi.waitFor(() => expect(document.querySelector("#confirm-text")).not.toBeNull());
      expect(untranslated(document.querySelector("#confirm-text")!, data)).toEqual([]);
      expect(untranslated(document.querySelector("#confirm-yes")!, data)).toEqual([]);
      (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#saved-deleted")).not.toBeNull());
      expect(untranslated(view(), data)).toEqual([]);
      $("#review-button").click();
      await vi.waitFor(() => expect($("#send")).not.toBeNull());
      expect(untranslated(view(), [...data, "Not a Brazilian mobile."])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });

  it("no word of a refusal, paying again or a send that never left escapes translation (pseudo-locale)", async () => {
    let attempt = 0;
    commands({
      ...base, validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: () => {
        attempt++;
        if (attempt === 1) throw refused({ code: "possible_duplicate", message: "an identical payout was requested…", external_id: "cd-earlier" });
        throw refused({ code: "not_sent", message: "nothing was sent: connection refused", external_id: "cd-1" });
      },
      recorded_cashout: () => payout({ external_id: "cd-earlier", cashout_id: 42, beneficiary: undefined, status: null, phase: "not_sent" }),
    });
    const more = [...data, "an identical payout was requested…", "nothing was sent: connection refused", "cd-earlier", "BRL"];
    usePseudo(true);
    try {
      await renderNew(view(), vi.fn());
      $("#review-button").click();
      await vi.waitFor(() => expect($("#send")).not.toBeNull());
      $("#send").click();
      await vi.waitFor(() => expect($("#pay-again")).not.toBeNull());
      expect(untranslated(view(), more)).toEqual([]);
      $("#pay-again").click();
      await vi.waitFor(() => expect(document.querySelector("#confirm-text")).not.toBeNull());
      expect(untranslated(document.querySelector("#confirm-text")!, more)).toEqual([]);
      expect(untranslated(document.querySelector("#confirm-yes")!, more)).toEqual([]);
      (document.querySelector("#confirm-yes") as HTMLButtonElement).click();
      await vi.waitFor(() => expect($("#not-sent")).not.toBeNull());
      expect(untranslated(view(), more)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });

  it("no word of a validation refusal or a copied payout escapes translation (pseudo-locale)", async () => {
    startFrom({
      request: { ...review.request, external_id: "", document_type: null, email: null, bank_account: null, bank_branch: null, account_type: null, address: null, city: null, postal_code: null, beneficiary_birthdate: null, comments: null, on_hold: false, beneficiary_lastname: "Souza" },
      focus: "phone", corrects: "ext-7", note: "A copy of ext-7.",
    });
    commands({ ...base, validate_cashout: () => { throw refused({ errors: [{ field: "amount", code: "required", message: "The amount is required." }, { field: "elsewhere", code: "x", message: "Not a field here." }] }); } });
    const more = [...data, "A copy of ext-7.", "ext-7", "The amount is required.", "elsewhere", "Not a field here."];
    usePseudo(true);
    try {
      await renderNew(view(), vi.fn());
      expect($("#unlink-corrects")).not.toBeNull();
      expect(untranslated(view(), more)).toEqual([]);
      $("#review-button").click();
      await vi.waitFor(() => expect($("#form-error")).not.toBeNull());
      expect(untranslated(view(), more)).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
