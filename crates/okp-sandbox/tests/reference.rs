//! The sandbox's rules where the API reference (or `validation-rules.md`, for beneficiary
//! rules) and the app's core validation disagreed when the sandbox was rewritten. The reference
//! decides; each test names the situation. These are the cases to check the core against.
//!
//! Also here: request-shape rules the sandbox now enforces on its own (bodies that are not one
//! object, repeated or unknown fields, ids typed as text) and the check-digit override.

mod support;

use reqwest::Method;
use serde_json::json;
use support::{body, create_fields, rig};

// ---------------------------------------------------------------- PIX and bank codes

#[tokio::test]
async fn create_with_36_character_pix_random_key_is_refused_with_300_on_bank_account() {
    // The core sends a random (EVP) key in bank_account under code 10003; the reference caps
    // bank_account at 30 characters and documents no random-key code (§5.1, §5.2).
    let r = rig().await;
    let pix = json!({
        "bank_code": "10003", "bank_account": "123e4567-e89b-42d3-a456-426614174000",
        "bank_branch": null, "account_type": null,
    });
    let a = r.create("BR", "evp-1", pix).await;
    assert_eq!((a.http, a.code()), (412, 300), "{}", a.body);
    assert!(
        a.message().starts_with("Invalid params: bank_account"),
        "{}",
        a.message()
    );
    assert_eq!(r.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn create_with_pix_code_10003_is_refused_with_303_because_no_random_key_code_is_documented() {
    let r = rig().await;
    let pix = json!({
        "bank_code": "10003", "bank_account": null, "bank_branch": null, "account_type": null,
    });
    let a = r.create("BR", "evp-2", pix).await;
    assert_eq!((a.http, a.code()), (412, 303), "{}", a.body);
    assert_eq!(a.message(), "Invalid bank code");
}

#[tokio::test]
async fn create_with_bradesco_ispb_and_account_off_its_pattern_is_refused_with_300_on_bank_account()
{
    // §5.1: a Brazilian bank_code may be the ISPB; the bank's published pattern still applies
    // (Bradesco `^\d{1,7}(-)?[\d]$`). The core applies no pattern to an ISPB.
    let r = rig().await;
    let ok = r
        .create(
            "BR",
            "ispb-ok",
            json!({ "bank_code": "60746948", "bank_account": "1234567-8" }),
        )
        .await;
    assert_eq!(ok.http, 200, "{}", ok.body);
    let a = r
        .create(
            "BR",
            "ispb-bad",
            json!({ "bank_code": "60746948", "bank_account": "12345678-9" }),
        )
        .await;
    assert_eq!((a.http, a.code()), (412, 300), "{}", a.body);
    assert!(a.message().starts_with("Invalid params: bank_account"));
}

#[tokio::test]
async fn create_with_brazilian_bank_code_off_the_bank_list_is_refused_with_303() {
    // The core accepts any 3-digit COMPE code or 8-digit ISPB; the provider takes the codes of
    // its bank list (§5.1, §10).
    let r = rig().await;
    for code in ["260", "18236120"] {
        let a = r
            .create(
                "BR",
                &format!("off-list-{code}"),
                json!({ "bank_code": code }),
            )
            .await;
        assert_eq!((a.http, a.code()), (412, 303), "{code}: {}", a.body);
    }
}

// ---------------------------------------------------------------- per-country fields

#[tokio::test]
async fn create_in_argentina_without_email_is_refused_with_300_on_email() {
    // validation-rules.md: "D24's Argentina page also lists `email` as required". The core
    // requires it only for iCash.
    let r = rig().await;
    let a = r.create("AR", "ar-1", json!({ "email": null })).await;
    assert_eq!((a.http, a.code()), (412, 300), "{}", a.body);
    assert!(a.message().starts_with("Invalid params: email"));
    assert_eq!(r.create("AR", "ar-2", json!({})).await.http, 200);
}

#[tokio::test]
async fn create_in_colombia_with_a_255_character_email_is_accepted() {
    // §5.1: email max 100 (BR) / 255 (CO). The core caps every e-mail at 100.
    let r = rig().await;
    let email = format!("{}@example.co", "a".repeat(255 - 11));
    assert_eq!(email.len(), 255);
    let a = r.create("CO", "co-email", json!({ "email": email })).await;
    assert_eq!(a.http, 200, "{}", a.body);
    let longer = format!("a{email}");
    let b = r
        .create("CO", "co-email-2", json!({ "email": longer }))
        .await;
    assert_eq!(b.code(), 300);
}

#[tokio::test]
async fn create_in_colombia_with_a_255_character_address_is_accepted() {
    // §5.1: address max 200 [C4] / 255 (CO). The core caps every address at 200.
    let r = rig().await;
    let a = r
        .create("CO", "co-address", json!({ "address": "a".repeat(255) }))
        .await;
    assert_eq!(a.http, 200, "{}", a.body);
    let b = r
        .create("BR", "br-address", json!({ "address": "a".repeat(201) }))
        .await;
    assert_eq!(b.code(), 300);
}

#[tokio::test]
async fn create_in_chilean_pesos_with_cents_is_accepted() {
    // §5.1 and validation-rules.md: D24's generic rule allows 2 decimals in every currency.
    // The core refuses cents in CLP.
    let r = rig().await;
    let a = r
        .create_amount("CL", "clp-cents", "15000.50", json!({}))
        .await;
    assert_eq!(a.http, 200, "{}", a.body);
}

#[tokio::test]
async fn create_in_brazil_by_bank_transfer_with_a_phone_without_plus_is_accepted() {
    // §5.1: a Brazilian phone is "max 20 chars, up to 15 digits"; only the PIX phone key must
    // be E.164. The core requires E.164 for every Brazilian phone.
    let r = rig().await;
    let a = r
        .create("BR", "br-phone", json!({ "phone": "11 96666-6666" }))
        .await;
    assert_eq!(a.http, 200, "{}", a.body);
}

#[tokio::test]
async fn create_in_mexico_with_a_five_digit_phone_is_accepted() {
    // The reference gives no phone rule for Mexico; the core requires 7 to 15 digits.
    let r = rig().await;
    let a = r
        .create("MX", "mx-phone", json!({ "phone": "12345" }))
        .await;
    assert_eq!(a.http, 200, "{}", a.body);
}

// ---------------------------------------------------------------- cross-country fields

#[tokio::test]
async fn create_without_currency_is_accepted_in_the_local_currency() {
    // §5.1: currency is optional (its meaning when omitted is UNCONFIRMED; the sandbox pays
    // the local currency). The core refuses a create without one.
    let r = rig().await;
    let a = r
        .create_amount(
            "BR",
            "no-currency",
            "1000000.00",
            json!({ "currency": null }),
        )
        .await;
    assert_eq!(a.http, 200, "{}", a.body);
    // The BRL balance is spent, the USD one is not.
    let brl = r.create_amount("BR", "brl", "0.01", json!({})).await;
    assert_eq!(brl.code(), 514);
    let usd = r
        .create_amount("BR", "usd", "0.01", json!({ "currency": "USD" }))
        .await;
    assert_eq!(usd.http, 200);
}

#[tokio::test]
async fn create_with_notification_url_on_port_8443_is_accepted() {
    // §9: the provider *calls* only ports 80 and 443; nothing says it refuses the create. The
    // core refuses an https URL on another port.
    let r = rig().await;
    let url = "https://merchant.example:8443/hook";
    let a = r
        .create("BR", "port", json!({ "notification_url": url }))
        .await;
    assert_eq!(a.http, 200, "{}", a.body);
}

#[tokio::test]
async fn create_with_external_id_containing_a_space_is_accepted() {
    // §5.1: external_id is a string of at most 100 characters. The core refuses spaces and
    // non-ASCII characters.
    let r = rig().await;
    let a = r.create("BR", "payout 1 ç", json!({})).await;
    assert_eq!(a.http, 200, "{}", a.body);
    assert_eq!(r.sandbox.cashouts_for_external_id("payout 1 ç"), 1);
}

#[tokio::test]
async fn create_with_amount_as_a_json_string_is_refused_with_300_on_amount() {
    // §5.1: amount is a number. The core's amount reader also takes a string.
    let r = rig().await;
    let a = r
        .create_amount("BR", "text-amount", "\"100.10\"", json!({}))
        .await;
    assert_eq!((a.http, a.code()), (412, 300), "{}", a.body);
    assert!(a.message().starts_with("Invalid params: amount"));
}

#[tokio::test]
async fn reject_trigger_with_legacy_rejection_code_823_is_refused_with_300_on_comments() {
    // §11.2 lists 800–822, 824 and 826; 823 is a legacy duplicate name. The core knows 823.
    let r = rig().await;
    let a = r
        .create("BR", "r823", json!({ "comments": "sandbox:reject=823" }))
        .await;
    assert_eq!(a.code(), 300, "{}", a.body);
    assert!(a.message().starts_with("Invalid params: comments"));
    let b = r
        .create("BR", "r824", json!({ "comments": "sandbox:reject=824" }))
        .await;
    assert_eq!(b.http, 200);
}

// ---------------------------------------------------------------- request shapes

#[tokio::test]
async fn create_body_that_is_a_json_array_is_refused_with_502() {
    let r = rig().await;
    let one =
        String::from_utf8(body(&create_fields("BR", "arr", json!({})), Some("10"))).expect("utf-8");
    let a = r
        .send(Method::POST, "/v3/cashout", format!("[{one}]").into_bytes())
        .await;
    assert_eq!((a.http, a.code()), (400, 502));
    assert_eq!(a.message(), "Invalid request body");
    assert_eq!(r.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn create_with_a_field_given_twice_is_refused_with_300_naming_it() {
    let r = rig().await;
    let text = String::from_utf8(body(&create_fields("BR", "twice", json!({})), Some("10")))
        .expect("utf-8")
        .replacen("\"amount\":10", "\"amount\":10,\"amount\":900000", 1);
    let a = r.send(Method::POST, "/v3/cashout", text.into_bytes()).await;
    assert_eq!(a.code(), 300, "{}", a.body);
    assert!(a.message().starts_with("Invalid params: amount"));
    assert_eq!(r.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn status_with_an_undocumented_field_is_refused_with_300_naming_it() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    let a = r
        .call(
            Method::POST,
            "/v3/cashout/status",
            json!({ "cashout_id": id, "verbose": true }),
        )
        .await;
    assert_eq!((a.http, a.code()), (412, 300));
    assert!(a.message().starts_with("Invalid params: verbose"));
}

#[tokio::test]
async fn status_with_cashout_id_as_a_string_is_refused_with_300_on_cashout_id() {
    // §6–§8 type cashout_id as a number in requests (only the create answer has a string).
    let r = rig().await;
    let id = r.create_ok("p1").await;
    let a = r
        .call(
            Method::POST,
            "/v3/cashout/status",
            json!({ "cashout_id": id.to_string() }),
        )
        .await;
    assert_eq!((a.http, a.code()), (412, 300));
    assert!(a.message().starts_with("Invalid params: cashout_id"));
}

#[tokio::test]
async fn update_with_external_id_of_another_cashout_is_refused_with_509() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    r.create_ok("p2").await;
    let fields = json!({ "cashout_id": id, "status": "ON_HOLD", "external_id": "p2" });
    let a = r.call(Method::PUT, "/v3/cashout/status", fields).await;
    assert_eq!((a.http, a.code()), (412, 509));
    assert_eq!(r.status_of(id).await.status(), 0);
}

// ---------------------------------------------------------------- check digits

#[tokio::test]
async fn create_failing_only_a_check_digit_is_refused_until_the_operator_overrides() {
    let r = rig().await;
    let bad_cpf = json!({ "document_id": "231.002.999-00" });
    let a = r.create("BR", "cpf-1", bad_cpf.clone()).await;
    assert_eq!(a.code(), 300, "{}", a.body);
    assert!(a.message().contains("document_id"));
    r.sandbox.override_check_digits(true);
    assert_eq!(r.create("BR", "cpf-2", bad_cpf).await.http, 200);
    // The provider's own sample RUT, too.
    let rut = r
        .create("CL", "rut", json!({ "document_id": "56765869" }))
        .await;
    assert_eq!(rut.http, 200, "{}", rut.body);
    // Shapes are never overridden.
    assert_eq!(
        r.create("BR", "cpf-3", json!({ "document_id": "12" }))
            .await
            .code(),
        300
    );
    r.sandbox.override_check_digits(false);
    let again = r
        .create("CL", "rut-2", json!({ "document_id": "56765869" }))
        .await;
    assert_eq!(again.code(), 300);
}

#[tokio::test]
async fn every_country_sample_from_the_rules_file_is_accepted() {
    let r = rig().await;
    for c in ["BR", "MX", "CO", "PE", "CL", "AR"] {
        let a = r.create(c, &format!("sample-{c}"), json!({})).await;
        assert_eq!(a.http, 200, "{c}: {}", a.body);
    }
}
