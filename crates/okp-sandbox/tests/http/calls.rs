//! Every endpoint's success, and each documented refusal with its code and HTTP status.

use super::*;

// ---------------------------------------------------------------- successes

#[tokio::test]
async fn create_with_valid_request_answers_id_as_string_from_8400001() {
    let h = rig().await;
    let a = h.create("BR", "payout-1", json!({})).await;
    assert_eq!(a.http, 200);
    assert_eq!(a.body, json!({ "cashout_id": "8400001" }));
    let b = h.create_amount("BR", "payout-2", "5", json!({})).await;
    assert_eq!(b.body, json!({ "cashout_id": "8400002" }));
    assert_eq!(h.sandbox.cashout_count(), 2);
    assert_eq!(h.sandbox.cashouts_for_external_id("payout-1"), 1);
    assert_eq!(h.sandbox.stats().creates_committed, 2);
}

#[tokio::test]
async fn status_by_id_or_external_id_answers_pending_without_ids() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    let by_id = h.status_of(id).await;
    assert_eq!(by_id.http, 200);
    assert_eq!(
        by_id.body,
        json!({ "cashout_status": 0, "cashout_status_description": "Pending" })
    );
    let by_ext = h.status_by_external_id("payout-1").await;
    assert_eq!(by_ext.http, 200);
    assert_eq!(by_ext.body, by_id.body);
}

#[tokio::test]
async fn create_with_on_hold_starts_on_hold() {
    let h = rig().await;
    let id = h.create_ok_with("held", json!({ "on_hold": true })).await;
    let a = h.status_of(id).await;
    assert_eq!(a.status(), 5);
    assert_eq!(a.body["cashout_status_description"], "On hold");
}

#[tokio::test]
async fn update_holds_and_releases_answering_the_status() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    let held = h.update(id, "ON_HOLD").await;
    assert_eq!(held.http, 200);
    assert_eq!(
        held.body,
        json!({ "cashout_status": 5, "cashout_status_description": "On hold" })
    );
    let released = h.update(id, "PENDING").await;
    assert_eq!(released.http, 200);
    assert_eq!(released.status(), 0);
}

#[tokio::test]
async fn cancel_of_pending_or_held_cashout_answers_canceled() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    let a = h.cancel(id, "payout-1").await;
    assert_eq!(a.http, 200);
    assert_eq!(
        a.body,
        json!({ "cashout_status": 2, "cashout_status_description": "Canceled" })
    );
    let s = h.status_of(id).await;
    assert_eq!(s.status(), 2);
    assert_eq!(s.body["cashout_status_description"], "Cancelled");

    let held = h.create_ok_with("held", json!({ "on_hold": true })).await;
    assert_eq!(h.cancel(held, "held").await.status(), 2);
}

#[tokio::test]
async fn bank_lists_answer_both_shapes_keeping_leading_zeros() {
    let h = rig().await;
    let d24 = h
        .banks("/v3/banks?country=BR", Some(DEMO_READ_ONLY_KEY))
        .await;
    assert_eq!(d24.http, 200);
    let list = d24.body.as_array().expect("a list");
    assert!(
        list.contains(&json!({ "code": "001", "name": "Banco do Brasil" })),
        "{list:?}"
    );
    assert!(
        list.iter().any(|b| b["code"] == json!(10000)),
        "PIX codes are numbers"
    );

    let okp = h
        .banks("/v1/country/BR/authorized-banks", Some(DEMO_READ_ONLY_KEY))
        .await;
    assert_eq!(okp.http, 200);
    let first = &okp.body.as_array().expect("a list")[0];
    for key in ["bank_code", "ispb_code", "bank_name", "bank_licensed"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    assert_eq!(first["bank_code"], "001");
    assert_eq!(first["bank_licensed"], true);
}

#[tokio::test]
async fn demo_credentials_are_the_demo_constants() {
    let c = demo_credentials();
    assert_eq!(c.api_key, DEMO_API_KEY);
    assert_eq!(c.passphrase.expose(), DEMO_API_PASSPHRASE);
    assert_eq!(c.signature.expose(), DEMO_API_SIGNATURE);
    assert_eq!(
        c.read_only_key.as_ref().map(Secret::expose),
        Some(DEMO_READ_ONLY_KEY)
    );
    assert!(c.check().is_ok());
}

// ---------------------------------------------------------------- authentication

#[tokio::test]
async fn create_with_tampered_body_is_refused_with_302() {
    let h = rig().await;
    let signed = body(&create_fields("BR", "payout-1", json!({})), Some("100.00"));
    let sig = sign(&signed);
    let tampered = body(&create_fields("BR", "payout-1", json!({})), Some("900.00"));
    let a = h
        .send_with(Method::POST, "/v3/cashout", tampered, Some(sig))
        .await;
    assert_eq!((a.http, a.code()), (401, 302));
    assert_eq!(a.body["message"], "Invalid control string");
    assert_eq!(h.sandbox.cashout_count(), 0);
    assert_eq!(h.sandbox.stats().signature_failures, 1);
}

#[tokio::test]
async fn create_with_reserialised_body_is_refused_with_302() {
    // Same JSON value, different bytes (spacing): the signature covers bytes, not meaning.
    let h = rig().await;
    let body = body(&create_fields("BR", "payout-1", json!({})), Some("100.00"));
    let sig = sign(&body);
    let spaced = String::from_utf8(body)
        .expect("utf-8")
        .replace(",\"", ", \"")
        .into_bytes();
    let a = h
        .send_with(Method::POST, "/v3/cashout", spaced, Some(sig))
        .await;
    assert_eq!((a.http, a.code()), (401, 302));
}

#[tokio::test]
async fn call_without_signature_header_is_refused_with_302() {
    let h = rig().await;
    let body = body(&json!({ "cashout_id": 8400001 }), None);
    let a = h
        .send_with(Method::POST, "/v3/cashout/status", body, None)
        .await;
    assert_eq!((a.http, a.code()), (401, 302));
}

#[tokio::test]
async fn call_with_wrong_passphrase_is_refused_with_401() {
    let h = rig().await;
    let mut fields = create_fields("BR", "payout-1", json!({}));
    fields["pass"] = json!("guess");
    let body = body(&fields, Some("10"));
    let sig = sign(&body);
    let a = h
        .send_with(Method::POST, "/v3/cashout", body, Some(sig))
        .await;
    assert_eq!((a.http, a.code()), (401, 401));
    assert_eq!(a.body["message"], "Invalid credentials.");
    assert_eq!(h.sandbox.stats().credential_failures, 1);
    assert_eq!(h.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn call_with_malformed_json_is_refused_with_502() {
    let h = rig().await;
    let body = b"{\"login\": \"cashout-desk-demo\", ".to_vec();
    let sig = sign(&body);
    let a = h
        .send_with(Method::POST, "/v3/cashout", body, Some(sig))
        .await;
    assert_eq!((a.http, a.code()), (400, 502));
    let not_object = b"[1,2]".to_vec();
    let sig = sign(&not_object);
    let b = h
        .send_with(Method::DELETE, "/v3/cashout/cancel", not_object, Some(sig))
        .await;
    assert_eq!((b.http, b.code()), (400, 502));
}

#[tokio::test]
async fn bank_list_without_read_only_key_is_refused_with_401() {
    let h = rig().await;
    let none = h.banks("/v3/banks?country=BR", None).await;
    assert_eq!((none.http, none.code()), (401, 401));
    let wrong = h
        .banks("/v1/country/BR/authorized-banks", Some(DEMO_API_SIGNATURE))
        .await;
    assert_eq!((wrong.http, wrong.code()), (401, 401));
}

// ---------------------------------------------------------------- create refusals

#[tokio::test]
async fn create_without_required_field_is_refused_with_300_naming_it() {
    let h = rig().await;
    let a = h
        .create_amount("BR", "payout-1", "10", json!({ "document_id": null }))
        .await;
    assert_eq!((a.http, a.code()), (412, 300));
    let message = a.body["message"].as_str().expect("message");
    assert!(
        message.starts_with("Invalid params: document_id"),
        "{message}"
    );

    let body = body(&create_fields("BR", "payout-2", json!({})), None);
    let sig = sign(&body);
    let no_amount = h
        .send_with(Method::POST, "/v3/cashout", body, Some(sig))
        .await;
    assert_eq!(no_amount.code(), 300);
    assert!(no_amount.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("amount")));

    let long = "x".repeat(101);
    let too_long = h.create_amount("BR", &long, "10", json!({})).await;
    assert_eq!(too_long.code(), 300);
    assert_eq!(h.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn create_with_misspelt_or_mistyped_field_is_refused_with_300_naming_it() {
    let h = rig().await;
    let typo = h
        .create_amount("BR", "payout-1", "10", json!({ "benficiary_name": "M" }))
        .await;
    assert_eq!(typo.code(), 300);
    assert!(typo.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("benficiary_name")));
    let finer_than_cent = h.create_amount("BR", "payout-1", "10.001", json!({})).await;
    assert_eq!(finer_than_cent.code(), 300);
    assert!(finer_than_cent.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("amount")));
}

#[tokio::test]
async fn create_failing_core_validation_is_refused_with_300_naming_the_field() {
    let h = rig().await;
    let a = h
        .create_amount("BR", "payout-1", "10", json!({ "document_id": "12" }))
        .await;
    assert_eq!((a.http, a.code()), (412, 300));
    let message = a.body["message"].as_str().expect("message");
    assert!(
        message.starts_with("Invalid params: document_id"),
        "{message}"
    );
    assert_eq!(h.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn create_with_unknown_bank_code_is_refused_with_303() {
    let h = rig().await;
    let a = h
        .create_amount("BR", "payout-1", "10", json!({ "bank_code": "999" }))
        .await;
    assert_eq!((a.http, a.code()), (412, 303));
    assert_eq!(a.body["message"], "Invalid bank code");
}

#[tokio::test]
async fn create_with_used_external_id_is_refused_with_511_without_the_original_id() {
    let h = rig().await;
    h.create_ok("payout-1").await;
    let again = h.create("BR", "payout-1", json!({})).await;
    assert_eq!((again.http, again.code()), (412, 511));
    assert_eq!(again.body["message"], "External ID already used");
    assert!(again.body.get("cashout_id").is_none());
    assert_eq!(h.sandbox.cashouts_for_external_id("payout-1"), 1);
}

#[tokio::test]
async fn create_above_balance_is_refused_with_514_until_funds_return() {
    let h = rig().await;
    let big = h.create_amount("BR", "big", "600000.00", json!({})).await;
    assert_eq!(big.http, 200);
    let too_much = h
        .create_amount("BR", "second", "400000.01", json!({}))
        .await;
    assert_eq!((too_much.http, too_much.code()), (412, 514));
    assert_eq!(too_much.body["message"], "Insufficient funds");
    // Exactly the rest still fits: decimals are exact.
    let rest = h.create_amount("BR", "rest", "400000.00", json!({})).await;
    assert_eq!(rest.http, 200);
    // USD is a separate balance.
    let usd = h
        .create_amount("BR", "usd", "1000000.00", json!({ "currency": "USD" }))
        .await;
    assert_eq!(usd.http, 200, "{}", usd.body);
    // Cancelling gives the reserve back.
    let big_id: i64 = big.body["cashout_id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("id");
    assert_eq!(h.cancel(big_id, "big").await.status(), 2);
    let after = h
        .create_amount("BR", "after-cancel", "600000.00", json!({}))
        .await;
    assert_eq!(after.http, 200);
}

#[tokio::test]
async fn rejection_gives_the_reserved_amount_back() {
    let h = rig().await;
    let a = h
        .create_amount(
            "BR",
            "doomed",
            "1000000.00",
            json!({ "comments": "sandbox:reject=807" }),
        )
        .await;
    assert_eq!(a.http, 200);
    assert_eq!(
        h.create_amount("BR", "blocked", "0.01", json!({}))
            .await
            .code(),
        514
    );
    h.advance(120);
    let b = h
        .create_amount("BR", "now-fits", "1000000.00", json!({}))
        .await;
    assert_eq!(b.http, 200, "{}", b.body);
}

#[tokio::test]
async fn late_rejection_gives_the_amount_back_after_completion() {
    let h = rig().await;
    let late = json!({ "comments": "sandbox:late-reject=826" });
    assert_eq!(
        h.create_amount("BR", "returned", "1000000.00", late)
            .await
            .http,
        200
    );
    h.advance(120);
    assert_eq!(
        h.create_amount("BR", "blocked", "0.01", json!({}))
            .await
            .code(),
        514,
        "completed holds it"
    );
    h.advance(120);
    let b = h
        .create_amount("BR", "now-fits", "1000000.00", json!({}))
        .await;
    assert_eq!(b.http, 200, "{}", b.body);
}

#[tokio::test]
async fn bank_list_for_missing_or_unserved_country_is_refused() {
    let h = rig().await;
    let missing = h.banks("/v3/banks", Some(DEMO_READ_ONLY_KEY)).await;
    assert_eq!((missing.http, missing.code()), (412, 300));
    let unserved = h
        .banks("/v1/country/US/authorized-banks", Some(DEMO_READ_ONLY_KEY))
        .await;
    assert_eq!((unserved.http, unserved.code()), (412, 518));
}

// ---------------------------------------------------------------- status, update, cancel refusals

#[tokio::test]
async fn status_of_unknown_cashout_is_refused_with_509() {
    let h = rig().await;
    let a = h.status_of(8_499_999).await;
    assert_eq!((a.http, a.code()), (412, 509));
    assert_eq!(a.body["message"], "Cashout not found with this ID");
    let b = h.status_by_external_id("nope").await;
    assert_eq!((b.http, b.code()), (412, 509));
    assert_eq!(h.update(8_499_999, "ON_HOLD").await.code(), 509);
}

#[tokio::test]
async fn status_with_ids_of_different_cashouts_is_refused_with_509() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    h.create_ok("payout-2").await;
    let fields = json!({ "cashout_id": id, "external_id": "payout-2" });
    let a = h.call(Method::POST, "/v3/cashout/status", fields).await;
    assert_eq!((a.http, a.code()), (412, 509));
}

#[tokio::test]
async fn update_to_unsupported_status_is_refused_with_521() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    let a = h.update(id, "CANCELLED").await;
    assert_eq!((a.http, a.code()), (400, 521));
    assert_eq!(h.status_of(id).await.status(), 0);
}

#[tokio::test]
async fn update_outside_pending_and_on_hold_is_refused_with_510_http_400() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    let same = h.update(id, "PENDING").await;
    assert_eq!((same.http, same.code()), (400, 510));
    assert_eq!(same.body["message"], "Invalid status transition");
    h.advance(60);
    let delivered = h.update(id, "ON_HOLD").await;
    assert_eq!((delivered.http, delivered.code()), (400, 510));
    assert_eq!(h.status_of(id).await.status(), 4);
}

#[tokio::test]
async fn cancel_after_delivery_is_refused_with_510_http_412() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    h.advance(60);
    let a = h.cancel(id, "payout-1").await;
    assert_eq!((a.http, a.code()), (412, 510));
    assert_eq!(h.status_of(id).await.status(), 4);
}

#[tokio::test]
async fn cancel_with_ids_that_do_not_belong_together_is_refused_with_509() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    let a = h.cancel(id, "payout-other").await;
    assert_eq!((a.http, a.code()), (412, 509));
    let missing = h
        .call(
            Method::DELETE,
            "/v3/cashout/cancel",
            json!({ "cashout_id": id }),
        )
        .await;
    assert_eq!(missing.code(), 300);
    assert_eq!(h.status_of(id).await.status(), 0);
}
