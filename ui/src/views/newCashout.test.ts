import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderNew, requestFrom } from "./newCashout";
import { commands, page, view } from "../testkit";
import type { CountryForm } from "../bindings/CountryForm";
import type { CreateReview } from "../bindings/CreateReview";
import type { EnvironmentStatus } from "../bindings/EnvironmentStatus";
import type { SettingsView } from "../bindings/SettingsView";

beforeEach(page);
afterEach(() => clearMocks());

const br: CountryForm = {
  code: "BR", name: "Brazil", currency: "BRL", currencies: ["BRL", "USD"], document_types: ["CPF", "CNPJ"], account_types: [],
  lastname_required: false, address_required: false,
  methods: [
    { id: "bank_transfer", label: "Bank transfer", bank_code: null, pick_bank: true, fields: [] },
    { id: "10000", label: "PIX — phone key", bank_code: "10000", pick_bank: false, fields: [] },
  ],
};

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
  settings: { environment: "d24-production", okp_production_host: "", custom_base_url: "", default_notification_url: "https://n.example/notify", late_rejection_window_days: 14, hold_alert_hours: 24, desktop_notifications: true },
  notification_url: "https://n.example/notify",
  environments: [],
} as SettingsView;

const production: EnvironmentStatus = {
  kind: "d24-production", name: "d24-production", host: "api.directa24.com", production: true, colour: "#b00020",
  credentials: { stored: true, api_key_last4: "9876", has_read_only_key: false },
  demo_credentials: false, allows_check_digit_override: false, problem: null,
};

/** The core's review, as `validate_cashout` answers: the body exactly as the client builds it. */
const review: CreateReview = {
  request: {
    external_id: "cd-1", country: "BR", currency: "BRL", amount: "77.70", document_id: "39053344705", beneficiary_name: "Ana", beneficiary_lastname: "Souza",
    bank_code: "10000", phone: "+5511987654321", notification_url: "https://n.example/notify",
  },
  body: '{"login":"…9876","pass":"********","external_id":"cd-1","country":"BR","currency":"BRL","amount":77.70,"bank_code":"10000","type":"json"}',
  confirmation: "Send 77.70 BRL to Ana Souza in D24-PRODUCTION? This moves real money.",
};

describe("the review step", () => {
  it("shows the core's body as it will be sent and asks the core's question in production", async () => {
    const calls = commands({ country_forms: () => [br], get_settings: () => settingsView, app_status: () => production, list_banks: () => [], validate_cashout: () => review });
    await renderNew(view(), vi.fn());
    (view().querySelector("#review-button") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#review-body")?.textContent).toBe(review.body));
    (view().querySelector("#send") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector("#confirm-text")?.textContent).toBe(review.confirmation));
    (document.querySelector("#confirm-no") as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.some((c) => c.cmd === "create_cashout")).toBe(false);
  });

  it("an edit made while the core is checking drops that review", async () => {
    let answer: (r: CreateReview) => void = () => undefined;
    commands({
      country_forms: () => [br], get_settings: () => settingsView, app_status: () => production, list_banks: () => [],
      validate_cashout: () => new Promise<CreateReview>((resolve) => { answer = resolve; }),
    });
    await renderNew(view(), vi.fn());
    (view().querySelector("#review-button") as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 10));
    const amount = view().querySelector("#f-amount") as HTMLInputElement;
    amount.value = "99.00";
    amount.dispatchEvent(new Event("change"));
    answer(review);
    await new Promise((r) => setTimeout(r, 20));
    expect(view().querySelector("#review-body")).toBeNull();
    expect(view().querySelector("#send")).toBeNull();
  });

  it("sends the reviewed request, not the form, when the core asks no question", async () => {
    const calls = commands({
      country_forms: () => [br], get_settings: () => settingsView, app_status: () => ({ ...production, production: false }), list_banks: () => [],
      validate_cashout: () => ({ ...review, confirmation: null }),
      create_cashout: () => { throw { code: "journal", message: "stop here", field: null, api_code: null, errors: [], external_id: null }; },
    });
    await renderNew(view(), vi.fn());
    (view().querySelector("#review-button") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#send")).not.toBeNull());
    (view().querySelector("#send") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "create_cashout")).toBe(true));
    expect(document.querySelector("#confirm-text")).toBeNull();
    expect(calls.find((c) => c.cmd === "create_cashout")?.args.request).toEqual(review.request);
  });
});
