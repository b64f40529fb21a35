import { describe, expect, it } from "vitest";
import { requestFrom } from "./newCashout";
import type { CountryForm } from "../bindings/CountryForm";

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
