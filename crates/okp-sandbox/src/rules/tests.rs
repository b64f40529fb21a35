//! The create rules on bodies built here, country by country: each sample passes, and each
//! documented rule refuses with the field it names.

use serde_json::{json, Map, Value};

use super::{accept_create, Create, Ctx, Refused};
use crate::fields::Fields;

/// A complete, valid request for the country (credentials included, as on the wire).
fn sample(country: &str) -> Map<String, Value> {
    let mut body = json!({
        "login": "l", "pass": "p", "external_id": "payout-1", "country": country,
        "amount": 100, "beneficiary_name": "Maria",
        "notification_url": "https://merchant.example/hooks", "type": "json",
    });
    let extra = match country {
        "BR" => json!({
            "currency": "BRL", "document_id": "390.533.447-05", "bank_code": "001",
            "bank_account": "3423422-7", "bank_branch": "1234", "account_type": "C",
        }),
        "MX" => json!({
            "currency": "MXN", "document_id": "BOXW310820HNERXN09", "document_type": "CURP",
            "beneficiary_lastname": "Silva", "bank_account": "002010077777777771",
        }),
        "CO" => json!({
            "currency": "COP", "document_id": "1020304050", "document_type": "CC",
            "beneficiary_lastname": "Silva", "address": "Calle 100 # 10-20",
            "bank_code": "1007", "bank_account": "12345678901", "account_type": "S",
        }),
        "PE" => json!({
            "currency": "PEN", "document_id": "12345678", "document_type": "DNI",
            "beneficiary_lastname": "Silva", "bank_account": "00219300153895206813",
        }),
        "CL" => json!({
            "currency": "CLP", "amount": 15000, "document_id": "12.531.909-2",
            "bank_code": "001", "bank_account": "0012345678", "account_type": "V",
        }),
        "AR" => json!({
            "currency": "ARS", "document_id": "20-05536168-2", "beneficiary_lastname": "Silva",
            "email": "maria@example.com", "bank_account": "2850590940090418135201",
        }),
        other => panic!("no sample for {other}"),
    };
    if let (Value::Object(b), Value::Object(e)) = (&mut body, extra) {
        b.extend(e);
    }
    match body {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn run(body: &str, ctx: Ctx) -> Result<Create, Refused> {
    let fields = Fields::parse(body.as_bytes()).expect("test bodies are objects");
    accept_create(&fields, &ctx)
}

/// The sample with `changes` applied (`null` removes a field).
fn body(country: &str, changes: Value) -> String {
    let mut map = sample(country);
    if let Value::Object(changes) = changes {
        for (k, v) in changes {
            if v.is_null() {
                map.remove(&k);
            } else {
                map.insert(k, v);
            }
        }
    }
    Value::Object(map).to_string()
}

fn passes(country: &str, changes: Value) -> Create {
    match run(&body(country, changes), Ctx::default()) {
        Ok(c) => c,
        Err(e) => panic!("expected {country} to pass, got {e}"),
    }
}

/// The field a 300 names (or a label for the other refusals).
fn refused(country: &str, changes: Value) -> String {
    refused_text(&body(country, changes))
}

fn refused_text(body: &str) -> String {
    refused_under(body, Ctx::default())
}

/// As `refused_text`, under the given context (e.g. with the check-digit override).
fn refused_under(body: &str, ctx: Ctx) -> String {
    match run(body, ctx) {
        Ok(_) => "accepted".to_owned(),
        Err(Refused::Param { field, .. }) => field,
        Err(Refused::BankCode(_)) => "303".to_owned(),
        Err(Refused::Country) => "518".to_owned(),
        Err(Refused::Currency) => "526".to_owned(),
    }
}

#[test]
fn sample_of_every_country_passes() {
    for c in ["BR", "MX", "CO", "PE", "CL", "AR"] {
        assert_eq!(passes(c, json!({})).country, c);
    }
}

// ---------------------------------------------------------------- every country

#[test]
fn unknown_or_repeated_field_is_refused_naming_it() {
    assert_eq!(
        refused("BR", json!({ "benficiary_name": "M" })),
        "benficiary_name"
    );
    let twice = body("BR", json!({})).replacen('{', r#"{"bank_code":"001","#, 1);
    assert_eq!(refused_text(&twice), "bank_code");
}

#[test]
fn fields_of_the_wrong_json_type_are_refused_naming_them() {
    assert_eq!(refused("BR", json!({ "on_hold": "true" })), "on_hold");
    assert_eq!(refused("BR", json!({ "amount": "100.10" })), "amount");
    assert_eq!(
        refused("BR", json!({ "document_id": 39053344705_u64 })),
        "document_id"
    );
    assert_eq!(refused("BR", json!({ "bank_code": 1.5 })), "bank_code");
    assert_eq!(
        refused("BR", json!({ "registered_bank_accounts": "x" })),
        "registered_bank_accounts"
    );
    assert_eq!(
        passes(
            "BR",
            json!({ "registered_bank_accounts": {"ispb_code": 1} })
        )
        .country,
        "BR"
    );
}

#[test]
fn fields_over_their_documented_length_are_refused() {
    assert_eq!(
        refused("BR", json!({ "external_id": "x".repeat(101) })),
        "external_id"
    );
    passes("BR", json!({ "external_id": "x".repeat(100) }));
    assert_eq!(
        refused("BR", json!({ "beneficiary_name": "é".repeat(101) })),
        "beneficiary_name"
    );
    passes("BR", json!({ "beneficiary_name": "é".repeat(100) }));
    assert_eq!(
        refused("MX", json!({ "beneficiary_lastname": "b".repeat(101) })),
        "beneficiary_lastname"
    );
    assert_eq!(
        refused("BR", json!({ "comments": "c".repeat(201) })),
        "comments"
    );
    assert_eq!(
        refused("BR", json!({ "bank_account": "1".repeat(31) })),
        "bank_account"
    );
    assert_eq!(refused("BR", json!({ "login": "l".repeat(33) })), "login");
}

#[test]
fn each_schema_required_field_is_refused_when_missing_or_blank() {
    for field in [
        "external_id",
        "country",
        "amount",
        "document_id",
        "beneficiary_name",
        "notification_url",
    ] {
        assert_eq!(refused("BR", json!({ field: null })), field);
    }
    assert_eq!(
        refused("BR", json!({ "beneficiary_name": "  " })),
        "beneficiary_name"
    );
}

#[test]
fn country_must_be_capital_alpha_2_and_served() {
    assert_eq!(refused("BR", json!({ "country": "br" })), "country");
    assert_eq!(refused("BR", json!({ "country": "BRA" })), "country");
    assert_eq!(refused("BR", json!({ "country": "US" })), "518");
}

#[test]
fn currency_must_be_local_or_usd_in_capitals_and_defaults_to_local() {
    assert_eq!(refused("BR", json!({ "currency": "EUR" })), "526");
    assert_eq!(refused("MX", json!({ "currency": "BRL" })), "526");
    assert_eq!(refused("BR", json!({ "currency": "usd" })), "currency");
    assert_eq!(passes("BR", json!({ "currency": "USD" })).currency, "USD");
    assert_eq!(passes("PE", json!({ "currency": null })).currency, "PEN");
}

#[test]
fn amount_with_cents_is_exact_and_finer_is_refused() {
    let text = body("BR", json!({})).replace("\"amount\":100", "\"amount\":100.10");
    let c = run(&text, Ctx::default()).expect("passes");
    assert_eq!(c.amount.to_string(), "100.10");
    let fine = body("BR", json!({})).replace("\"amount\":100", "\"amount\":100.001");
    assert_eq!(refused_text(&fine), "amount");
    assert_eq!(refused("BR", json!({ "amount": 0 })), "amount");
    assert_eq!(refused("BR", json!({ "amount": -5 })), "amount");
}

#[test]
fn notification_url_must_be_http_or_https_with_a_host() {
    for bad in [
        "merchant.example/hook",
        "ftp://merchant.example",
        "https://",
        "https://a b",
    ] {
        assert_eq!(
            refused("BR", json!({ "notification_url": bad })),
            "notification_url",
            "{bad}"
        );
    }
    for ok in [
        "http://127.0.0.1:4010/hook",
        "HTTPS://merchant.example",
        "https://m.example:8443/",
    ] {
        passes("BR", json!({ "notification_url": ok }));
    }
}

#[test]
fn type_other_than_json_is_refused() {
    assert_eq!(refused("BR", json!({ "type": "xml" })), "type");
    passes("BR", json!({ "type": null }));
}

#[test]
fn account_type_outside_the_country_set_is_refused() {
    assert_eq!(
        refused("BR", json!({ "account_type": "V" })),
        "account_type"
    );
    assert_eq!(
        refused("BR", json!({ "account_type": "c" })),
        "account_type"
    );
    passes("PE", json!({ "account_type": "M" }));
    assert_eq!(
        refused("CL", json!({ "account_type": "M" })),
        "account_type"
    );
}

#[test]
fn email_must_look_like_an_address_within_the_country_limit() {
    assert_eq!(
        refused("MX", json!({ "email": "maria.example.com" })),
        "email"
    );
    let long = |n: usize| format!("{}@example.com", "a".repeat(n - 12));
    assert_eq!(refused("BR", json!({ "email": long(101) })), "email");
    passes("BR", json!({ "email": long(100) }));
    passes("CO", json!({ "email": long(255) }));
    assert_eq!(refused("CO", json!({ "email": long(256) })), "email");
}

#[test]
fn address_is_limited_to_200_outside_colombia_and_255_in_it() {
    assert_eq!(
        refused("BR", json!({ "address": "a".repeat(201) })),
        "address"
    );
    passes("CO", json!({ "address": "a".repeat(255) }));
    assert_eq!(
        refused("CO", json!({ "address": "a".repeat(256) })),
        "address"
    );
}

#[test]
fn lastname_is_required_in_mx_co_pe_ar_only() {
    for c in ["MX", "CO", "PE", "AR"] {
        assert_eq!(
            refused(c, json!({ "beneficiary_lastname": null })),
            "beneficiary_lastname"
        );
    }
    passes("BR", json!({ "beneficiary_lastname": null }));
    passes("CL", json!({ "beneficiary_lastname": null }));
}

#[test]
fn bank_code_off_the_country_list_is_303() {
    assert_eq!(refused("BR", json!({ "bank_code": "999" })), "303");
    assert_eq!(refused("CO", json!({ "bank_code": "001" })), "303");
    assert_eq!(refused("BR", json!({ "bank_code": " 001" })), "303");
}

#[test]
fn failed_check_digit_passes_only_with_the_override() {
    let bad = body("BR", json!({ "document_id": "231.002.999-00" }));
    assert_eq!(refused_text(&bad), "document_id");
    let ctx = Ctx {
        accept_failed_check_digits: true,
    };
    assert!(run(&bad, ctx).is_ok());
    // A shape error is never overridden.
    let short = body("BR", json!({ "document_id": "12" }));
    assert_eq!(refused_under(&short, ctx), "document_id");
}

// ---------------------------------------------------------------- Brazil

fn pix(code: &str, extra: Value) -> Value {
    let mut changes = json!({
        "bank_code": code, "bank_account": null, "bank_branch": null, "account_type": null,
    });
    if let (Value::Object(c), Value::Object(e)) = (&mut changes, extra) {
        c.extend(e);
    }
    changes
}

#[test]
fn brazil_documents_cpf_cnpj_and_alphanumeric_cnpj() {
    passes("BR", json!({ "document_id": "01716001340" }));
    passes("BR", json!({ "document_id": "16.727.230/0001-97" }));
    passes(
        "BR",
        json!({ "document_id": "12.ABC.345/01DE-35", "document_type": "CNPJ" }),
    );
    assert_eq!(
        refused("BR", json!({ "document_id": "12.abc.345/01de-35" })),
        "document_id"
    );
    assert_eq!(
        refused("BR", json!({ "document_id": "111.111.111-11" })),
        "document_id"
    );
    assert_eq!(
        refused("BR", json!({ "document_id": "16.727.230/0001-98" })),
        "document_id"
    );
    assert_eq!(
        refused("BR", json!({ "document_type": "CNPJ" })),
        "document_type"
    );
    assert_eq!(
        refused("BR", json!({ "document_type": "RG" })),
        "document_type"
    );
}

#[test]
fn brazil_bank_transfer_follows_the_bank_pattern_and_needs_branch_and_type() {
    assert_eq!(
        refused(
            "BR",
            json!({ "bank_code": "341", "bank_account": "1234567-8" })
        ),
        "bank_account"
    );
    passes(
        "BR",
        json!({ "bank_code": "341", "bank_account": "12345-6" }),
    );
    assert_eq!(
        refused(
            "BR",
            json!({ "bank_code": "033", "bank_account": "1234567-X" })
        ),
        "bank_account"
    );
    assert_eq!(refused("BR", json!({ "bank_branch": null })), "bank_branch");
    assert_eq!(
        refused("BR", json!({ "bank_branch": "12-34" })),
        "bank_branch"
    );
    assert_eq!(
        refused("BR", json!({ "account_type": null })),
        "account_type"
    );
    assert_eq!(refused("BR", json!({ "bank_account": "" })), "bank_account");
    assert_eq!(refused("BR", json!({ "bank_code": null })), "bank_code");
}

#[test]
fn brazil_bank_by_ispb_applies_that_bank_pattern() {
    passes(
        "BR",
        json!({ "bank_code": "60746948", "bank_account": "1234567-8" }),
    );
    assert_eq!(
        refused(
            "BR",
            json!({ "bank_code": "60746948", "bank_account": "12345678-9" })
        ),
        "bank_account"
    );
}

#[test]
fn brazil_bank_code_may_be_a_json_number() {
    let mut changes = pix("10002", json!({}));
    changes["bank_code"] = json!(10002);
    passes("BR", changes);
    assert_eq!(refused("BR", json!({ "bank_code": 1 })), "303");
}

#[test]
fn brazil_pix_keys_by_phone_email_and_document() {
    passes("BR", pix("10000", json!({ "phone": "+5511666666666" })));
    assert_eq!(refused("BR", pix("10000", json!({}))), "phone");
    assert_eq!(
        refused("BR", pix("10000", json!({ "phone": "11666666666" }))),
        "phone"
    );
    assert_eq!(
        refused("BR", pix("10000", json!({ "phone": "+55 11 66666 6666" }))),
        "phone"
    );
    passes(
        "BR",
        pix("10001", json!({ "email": "maria@example.com.br" })),
    );
    assert_eq!(refused("BR", pix("10001", json!({}))), "email");
    passes(
        "BR",
        pix("10002", json!({ "bank_account": "", "bank_branch": "" })),
    );
    assert_eq!(
        refused("BR", pix("10002", json!({ "bank_account": "3423422-7" }))),
        "bank_account"
    );
    assert_eq!(
        refused("BR", pix("10002", json!({ "bank_branch": "1234" }))),
        "bank_branch"
    );
}

#[test]
fn brazil_pix_random_key_is_refused_on_length_then_as_unknown_code() {
    let key = "123e4567-e89b-42d3-a456-426614174000";
    assert_eq!(
        refused("BR", pix("10003", json!({ "bank_account": key }))),
        "bank_account"
    );
    assert_eq!(
        refused("BR", pix("10002", json!({ "bank_account": key }))),
        "bank_account"
    );
    assert_eq!(refused("BR", pix("10003", json!({}))), "303");
}

// ---------------------------------------------------------------- Mexico

#[test]
fn mexico_clabe_check_digit_cards_and_bank_code() {
    passes("MX", json!({ "bank_account": "032180000118359719" }));
    assert_eq!(
        refused("MX", json!({ "bank_account": "021790064060296643" })),
        "bank_account"
    );
    assert_eq!(
        refused("MX", json!({ "bank_account": "4111111111111111" })),
        "bank_account"
    );
    assert_eq!(
        refused("MX", json!({ "bank_account": null })),
        "bank_account"
    );
    passes("MX", json!({ "bank_code": "002" }));
    assert_eq!(refused("MX", json!({ "bank_code": "012" })), "bank_code");
}

#[test]
fn mexico_documents_by_type() {
    assert_eq!(
        refused("MX", json!({ "document_id": "BOXW310820HNERXN08" })),
        "document_id"
    );
    assert_eq!(
        refused("MX", json!({ "document_id": "boxw310820hnerxn09" })),
        "document_id"
    );
    passes(
        "MX",
        json!({ "document_id": "PASS12345", "document_type": "PASS" }),
    );
    passes(
        "MX",
        json!({ "document_id": "GODE561231GR8", "document_type": "RFC" }),
    );
    assert_eq!(
        refused(
            "MX",
            json!({ "document_id": "GODE5612", "document_type": "RFC" })
        ),
        "document_id"
    );
    assert_eq!(
        refused(
            "MX",
            json!({ "document_id": "123456" , "document_type": null})
        ),
        "document_id"
    );
    assert_eq!(
        refused("MX", json!({ "document_type": "DNI" })),
        "document_type"
    );
}

// ---------------------------------------------------------------- Colombia

#[test]
fn colombia_documents_need_a_type_and_nit_has_a_check_digit() {
    assert_eq!(
        refused("CO", json!({ "document_type": null })),
        "document_type"
    );
    passes(
        "CO",
        json!({ "document_id": "213.123.432-1", "document_type": "NIT" }),
    );
    assert_eq!(
        refused(
            "CO",
            json!({ "document_id": "213.123.432-2", "document_type": "NIT" })
        ),
        "document_id"
    );
    assert_eq!(
        refused("CO", json!({ "document_id": "12345" })),
        "document_id"
    );
    passes(
        "CO",
        json!({ "document_id": "AB12345", "document_type": "PASS" }),
    );
}

#[test]
fn colombia_needs_an_address_and_method_fields() {
    assert_eq!(refused("CO", json!({ "address": null })), "address");
    assert_eq!(
        refused("CO", json!({ "bank_account": "1234567" })),
        "bank_account"
    );
    assert_eq!(
        refused("CO", json!({ "account_type": null })),
        "account_type"
    );
    assert_eq!(refused("CO", json!({ "bank_code": null })), "bank_code");
    passes(
        "CO",
        json!({ "bank_code": "1507", "bank_account": "3001234567", "account_type": null }),
    );
    let efecty = json!({ "bank_code": "10003", "bank_account": null, "phone": "+573001234567" });
    passes("CO", efecty.clone());
    let mut no_phone = efecty.clone();
    no_phone["phone"] = json!("3001234567");
    assert_eq!(refused("CO", no_phone), "phone");
    let mut punto_red = efecty;
    punto_red["bank_code"] = json!("10006");
    assert_eq!(refused("CO", punto_red.clone()), "email");
    punto_red["email"] = json!("maria@example.co");
    passes("CO", punto_red);
}

// ---------------------------------------------------------------- Peru

#[test]
fn peru_cci_check_digits_legacy_form_and_bank_prefix() {
    assert_eq!(
        refused("PE", json!({ "bank_account": "00219300153895206814" })),
        "bank_account"
    );
    passes("PE", json!({ "bank_account": "002193001538952000" }));
    assert_eq!(
        refused("PE", json!({ "bank_account": "99919300153895206813" })),
        "bank_account"
    );
    assert_eq!(
        refused("PE", json!({ "bank_account": "999193001538952000" })),
        "303"
    );
    passes("PE", json!({ "bank_code": "002" }));
    assert_eq!(refused("PE", json!({ "bank_code": "003" })), "bank_code");
}

#[test]
fn peru_wallets_need_a_phone_and_no_account() {
    let yape = json!({ "bank_code": "901", "bank_account": null, "phone": "+51987654321" });
    passes("PE", yape.clone());
    let mut with_account = yape.clone();
    with_account["bank_account"] = json!("00219300153895206813");
    assert_eq!(refused("PE", with_account), "bank_account");
    let mut short = yape;
    short["phone"] = json!("98765");
    assert_eq!(refused("PE", short), "phone");
}

#[test]
fn peru_documents_by_type() {
    assert_eq!(
        refused("PE", json!({ "document_type": null })),
        "document_type"
    );
    assert_eq!(
        refused("PE", json!({ "document_id": "1234567" })),
        "document_id"
    );
    passes(
        "PE",
        json!({ "document_id": "20512333797", "document_type": "RUC" }),
    );
    assert_eq!(
        refused(
            "PE",
            json!({ "document_id": "20512333798", "document_type": "RUC" })
        ),
        "document_id"
    );
    assert_eq!(
        refused(
            "PE",
            json!({ "document_id": "30512333797", "document_type": "RUC" })
        ),
        "document_id"
    );
}

// ---------------------------------------------------------------- Chile

#[test]
fn chile_rut_check_character_and_lower_case_k() {
    passes("CL", json!({ "document_id": "8.900.960-k" }));
    passes("CL", json!({ "document_id": "76086428-5" }));
    assert_eq!(
        refused("CL", json!({ "document_id": "12.531.909-3" })),
        "document_id"
    );
    // The provider's own sample fails the national rule.
    assert_eq!(
        refused("CL", json!({ "document_id": "56765869" })),
        "document_id"
    );
    let ctx = Ctx {
        accept_failed_check_digits: true,
    };
    assert!(run(&body("CL", json!({ "document_id": "56765869" })), ctx).is_ok());
}

#[test]
fn chile_needs_bank_account_and_type() {
    assert_eq!(refused("CL", json!({ "bank_code": null })), "bank_code");
    assert_eq!(
        refused("CL", json!({ "bank_account": "12345" })),
        "bank_account"
    );
    assert_eq!(
        refused("CL", json!({ "account_type": null })),
        "account_type"
    );
}

#[test]
fn chile_peso_amount_with_cents_is_accepted_as_the_reference_allows_two_decimals() {
    let text = body("CL", json!({})).replace("\"amount\":15000", "\"amount\":15000.50");
    assert!(
        text.contains("\"amount\":15000.50"),
        "the amount was replaced: {text}"
    );
    match run(&text, Ctx::default()) {
        Ok(c) => assert_eq!(c.amount.to_string(), "15000.50"),
        Err(e) => panic!("expected CL with cents to pass, got {e}"),
    }
}

// ---------------------------------------------------------------- Argentina

#[test]
fn argentina_cbu_email_and_icash() {
    passes(
        "AR",
        json!({ "bank_account": "0720309988000019834160", "bank_code": "072" }),
    );
    assert_eq!(
        refused("AR", json!({ "bank_account": "0000003112345678901234" })),
        "bank_account"
    );
    assert_eq!(refused("AR", json!({ "bank_code": "007" })), "bank_code");
    assert_eq!(refused("AR", json!({ "email": null })), "email");
    passes("AR", json!({ "bank_code": "998", "bank_account": null }));
    assert_eq!(refused("AR", json!({ "bank_code": "998" })), "bank_account");
}

#[test]
fn argentina_documents_dni_or_cuit() {
    passes(
        "AR",
        json!({ "document_id": "12.345.678", "document_type": "DNI" }),
    );
    assert_eq!(
        refused("AR", json!({ "document_id": "20-05536168-3" })),
        "document_id"
    );
    assert_eq!(
        refused("AR", json!({ "document_id": "21-05536168-2" })),
        "document_id"
    );
    assert_eq!(
        refused("AR", json!({ "document_type": "DNI" })),
        "document_id"
    );
    assert_eq!(
        refused("AR", json!({ "document_type": "RUT" })),
        "document_type"
    );
}
