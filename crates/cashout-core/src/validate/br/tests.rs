//! Tests of the Brazilian rules: CPF/CNPJ check digits and lengths, PIX keys, pasted separators.

use super::super::testkit::*;
use super::*;

fn doc_values(doc: &str) -> Vec<u32> {
    digits(doc).expect("digits")
}

fn with_document(doc: &str) -> CreateCashout {
    let mut req = sample_request("BR");
    req.document_id = doc.into();
    req
}

fn pix(code: &str) -> CreateCashout {
    let mut req = sample_request("BR");
    req.bank_code = Some(code.into());
    req.bank_account = None;
    req.bank_branch = None;
    req.account_type = None;
    req
}

// Vectors from validation-rules.md, Brazil.

#[test]
fn cpf_vector_390_533_447_05_is_valid() {
    assert!(cpf_ok(&doc_values("39053344705")));
    let out = passes(&with_document("390.533.447-05"));
    assert_eq!(out.document_id, "39053344705");
}

#[test]
fn cpf_vector_from_provider_sample_01716001340_is_valid() {
    assert!(cpf_ok(&doc_values("01716001340")));
    passes(&with_document("01716001340"));
}

#[test]
fn cpf_with_wrong_check_digit_is_refused_on_document_id() {
    assert!(!cpf_ok(&doc_values("23100299900")));
    let errors = refused_with(
        &with_document("231.002.999-00"),
        "document_id",
        code::INVALID_CHECK_DIGIT,
    );
    assert!(errors[0].message.contains("CPF check digits do not match"));
}

#[test]
fn cpf_with_wrong_check_digit_is_accepted_with_override_in_staging() {
    let out = check_create_ok(&with_document("231.002.999-00"));
    assert_eq!(out.document_id, "23100299900");
}

fn check_create_ok(req: &CreateCashout) -> CreateCashout {
    super::super::check_create(req, &staging_override()).expect("override accepts")
}

#[test]
fn cpf_of_one_repeated_digit_is_refused_even_though_the_arithmetic_passes() {
    for d in '0'..='9' {
        let doc: String = std::iter::repeat_n(d, 11).collect();
        assert!(cpf_ok(&doc_values(&doc)), "{doc}");
        refused_with(&with_document(&doc), "document_id", code::INVALID_FORMAT);
        // Not a check-digit failure, so the override does not let it through.
        refused_in(
            &with_document(&doc),
            &staging_override(),
            "document_id",
            code::INVALID_FORMAT,
        );
    }
}

#[test]
fn cnpj_vector_16_727_230_0001_97_is_valid() {
    let out = passes(&with_document("16.727.230/0001-97"));
    assert_eq!(out.document_id, "16727230000197");
}

#[test]
fn alphanumeric_cnpj_vector_12_abc_345_01de_35_is_valid() {
    let out = passes(&with_document("12.ABC.345/01DE-35"));
    assert_eq!(out.document_id, "12ABC34501DE35");
    // Lower-case input is the same CNPJ.
    assert_eq!(
        passes(&with_document("12.abc.345/01de-35")).document_id,
        "12ABC34501DE35"
    );
}

#[test]
fn cnpj_with_wrong_check_digit_is_refused_on_document_id() {
    refused_with(
        &with_document("16.727.230/0001-98"),
        "document_id",
        code::INVALID_CHECK_DIGIT,
    );
    refused_with(
        &with_document("12.ABC.345/01DE-36"),
        "document_id",
        code::INVALID_CHECK_DIGIT,
    );
    check_create_ok(&with_document("16.727.230/0001-98"));
}

#[test]
fn cnpj_with_letters_in_the_check_digits_is_refused_as_invalid_format() {
    refused_with(
        &with_document("12ABC34501DE3A"),
        "document_id",
        code::INVALID_FORMAT,
    );
    refused_in(
        &with_document("12ABC34501DE3A"),
        &staging_override(),
        "document_id",
        code::INVALID_FORMAT,
    );
}

#[test]
fn document_of_wrong_length_is_refused_as_invalid_format() {
    refused_with(
        &with_document("3905334470"),
        "document_id",
        code::INVALID_FORMAT,
    );
    refused_with(
        &with_document("3905334470A"),
        "document_id",
        code::INVALID_FORMAT,
    );
}

#[test]
fn document_type_contradicting_the_document_is_refused_on_document_type() {
    let mut req = with_document("16.727.230/0001-97");
    req.document_type = Some("CPF".into());
    refused_with(&req, "document_type", code::MISMATCH);
    req.document_type = Some("cnpj".into());
    passes(&req);
    req.document_type = Some("RG".into());
    refused_with(&req, "document_type", code::NOT_ALLOWED);
}

// PIX.

#[test]
fn complete_pix_phone_payout_passes() {
    let mut req = pix("10000");
    req.phone = Some("+5511666666666".into());
    req.bank_account = Some(String::new());
    let out = passes(&req);
    assert_eq!(out.bank_account, None);
    assert_eq!(out.bank_branch, None);
}

#[test]
fn pix_phone_without_phone_is_refused_on_phone() {
    refused_with(&pix("10000"), "phone", code::REQUIRED);
}

#[test]
fn pix_phone_not_in_e164_is_refused_on_phone() {
    let mut req = pix("10000");
    req.phone = Some("011666666666".into());
    refused_with(&req, "phone", code::INVALID_FORMAT);
}

#[test]
fn pix_with_an_account_or_branch_is_refused_on_those_fields() {
    let mut req = pix("10000");
    req.phone = Some("+5511666666666".into());
    req.bank_account = Some("3423422-7".into());
    req.bank_branch = Some("1234".into());
    refused_with(&req, "bank_account", code::NOT_ALLOWED);
    refused_with(&req, "bank_branch", code::NOT_ALLOWED);
}

#[test]
fn complete_pix_email_payout_passes() {
    let mut req = pix("10001");
    req.email = Some("maria@example.com.br".into());
    passes(&req);
}

#[test]
fn pix_email_without_email_is_refused_on_email() {
    refused_with(&pix("10001"), "email", code::REQUIRED);
}

#[test]
fn pix_email_of_78_to_100_characters_passes_with_a_warning_and_over_100_is_refused() {
    let mut req = pix("10001");
    req.email = Some(format!("{}@{}.com.br", "a".repeat(39), "b".repeat(30)));
    assert_eq!(req.email.as_deref().map(str::len), Some(77));
    no_warning_on(&req, "email");
    // 78 characters: above the 77 cap many PIX systems apply, which is only advice.
    req.email = Some(format!("{}@{}.com.br", "a".repeat(40), "b".repeat(30)));
    let w = warned(&req, "email", code::ADVISORY);
    assert!(w.message.contains("77"));
    req.email = Some(format!(
        "{}@{}.{}.com.br",
        "a".repeat(40),
        "b".repeat(30),
        "c".repeat(22)
    ));
    assert_eq!(req.email.as_deref().map(str::len), Some(101));
    refused_with(&req, "email", code::TOO_LONG);
}

#[test]
fn complete_pix_document_payout_passes() {
    passes(&pix("10002"));
    let mut req = pix("10002");
    req.document_id = "16.727.230/0001-97".into();
    passes(&req);
}

#[test]
fn pix_document_with_bad_cpf_is_refused_on_document_id() {
    let mut req = pix("10002");
    req.document_id = "231.002.999-00".into();
    refused_with(&req, "document_id", code::INVALID_CHECK_DIGIT);
}

#[test]
fn pix_random_key_is_refused_on_bank_code_because_the_reference_cannot_send_it() {
    let mut req = pix("10003");
    // 36 characters: over the 30 the reference gives bank_account, the only field for it.
    req.bank_account = Some("123e4567-e89b-42d3-a456-426614174000".into());
    let errors = refused_with(&req, "bank_code", code::NOT_ALLOWED);
    let message = &errors[0].message;
    assert!(
        message.contains("30") && message.contains("36"),
        "{message}"
    );
    assert!(!message.contains("123e4567"));
    // Refused with or without a key, and in staging with the override too.
    refused_with(&pix("10003"), "bank_code", code::NOT_ALLOWED);
    refused_in(&req, &staging_override(), "bank_code", code::NOT_ALLOWED);
}

// Identifiers as people paste them.

#[test]
fn cpf_pasted_with_an_en_dash_is_accepted_and_sent_as_digits() {
    let out = passes(&with_document("390.533.447\u{2013}05"));
    assert_eq!(out.document_id, "39053344705");
}

#[test]
fn cpf_with_any_dash_or_space_kind_is_accepted_and_sent_as_digits() {
    for &dash in crate::validate::text::DASHES {
        for &space in crate::validate::text::SPACES {
            let typed = format!("{space}390{space}533.447{dash}05{space}");
            assert_eq!(
                passes(&with_document(&typed)).document_id,
                "39053344705",
                "U+{:04X} U+{:04X}",
                u32::from(dash),
                u32::from(space)
            );
        }
    }
}

#[test]
fn cnpj_pasted_with_unicode_separators_is_accepted_and_sent_as_characters() {
    let out = passes(&with_document(
        "16\u{2024}727\u{FF0E}230\u{2215}0001\u{2014}97",
    ));
    assert_eq!(out.document_id, "16727230000197");
    let out = checked(&with_document("12.\u{a0}abc.345 /01de\u{2013}35"));
    assert_eq!(out.request.document_id, "12ABC34501DE35");
}

#[test]
fn bad_cpf_is_named_a_cpf_in_the_message_never_a_cnpj() {
    // Eleven characters once the separators are gone: a CPF, whatever else is wrong.
    for typed in ["390.533.447=05", "390.533.447\u{2013}06", "390.533.44A-05"] {
        let errors = errors_of(&with_document(typed), &strict());
        assert!(!errors.is_empty(), "{typed}");
        for e in &errors {
            assert!(e.message.contains("CPF"), "{typed}: {e:?}");
            assert!(!e.message.contains("CNPJ"), "{typed}: {e:?}");
        }
    }
}

#[test]
fn document_of_neither_length_is_named_by_its_type_and_its_length_is_given() {
    let mut req = with_document("390.533.447-0");
    let errors = refused_with(&req, "document_id", code::INVALID_FORMAT);
    assert!(errors[0].message.contains("CPF (11 digits) or a CNPJ"));
    assert!(errors[0].message.contains("has 10"));
    req.document_type = Some("CPF".into());
    let errors = refused_with(&req, "document_id", code::INVALID_FORMAT);
    assert!(errors[0].message.starts_with("The CPF"), "{errors:?}");
    req.document_type = Some("CNPJ".into());
    let errors = refused_with(&req, "document_id", code::INVALID_FORMAT);
    assert!(errors[0].message.starts_with("The CNPJ"), "{errors:?}");
}

#[test]
fn cpf_document_passes_without_a_warning() {
    no_warning_on(&sample_request("BR"), "document_id");
}

#[test]
fn cnpj_passes_with_an_advisory_that_the_provider_asks_for_a_cpf() {
    let w = warned(
        &with_document("16.727.230/0001-97"),
        "document_id",
        code::ADVISORY,
    );
    assert!(w.message.contains("CPF"), "{w:?}");
    no_warning_on_code(&with_document("16.727.230/0001-97"), code::UNCONFIRMED);
}

#[test]
fn alphanumeric_cnpj_passes_with_a_warning_that_letters_are_unconfirmed() {
    let w = warned(
        &with_document("12.ABC.345/01DE-35"),
        "document_id",
        code::UNCONFIRMED,
    );
    assert!(w.message.contains("letters"), "{w:?}");
}

#[test]
fn failed_check_digit_let_through_by_the_override_is_still_a_warning() {
    let c = super::super::check_create_full(&with_document("231.002.999-00"), &staging_override())
        .expect("override accepts");
    assert!(c.warnings.iter().any(|w| w.field == "document_id"
        && w.code == code::ADVISORY
        && w.message.contains("override")));
}

fn no_warning_on_code(req: &CreateCashout, code: &str) {
    let c = checked(req);
    assert!(
        c.warnings.iter().all(|w| w.code != code),
        "{:#?}",
        c.warnings
    );
}

// PIX keys in the form DICT holds them.

#[test]
fn pix_email_key_is_sent_in_lower_case_and_trimmed() {
    let mut req = pix("10001");
    req.email = Some("  Ana.Souza@Example.COM\u{a0}".into());
    assert_eq!(passes(&req).email.as_deref(), Some("ana.souza@example.com"));
}

#[test]
fn pix_phone_key_typed_the_brazilian_way_is_sent_in_e164() {
    for typed in ["(11) 98765-4321", "11 98765 4321", "+55 11 98765-4321"] {
        let mut req = pix("10000");
        req.phone = Some(typed.into());
        let c = checked(&req);
        assert_eq!(
            c.request.phone.as_deref(),
            Some("+5511987654321"),
            "{typed}"
        );
        assert!(c.warnings.iter().all(|w| w.field != "phone"), "{typed}");
    }
}

#[test]
fn pix_phone_key_that_is_not_a_brazilian_mobile_passes_with_an_advisory() {
    let mut req = pix("10000");
    req.phone = Some("+5511666666666".into());
    warned(&req, "phone", code::ADVISORY);
    req.phone = Some("+447911123456".into());
    warned(&req, "phone", code::ADVISORY);
}

#[test]
fn pix_document_key_is_sent_as_digits() {
    let mut req = pix("10002");
    req.document_id = "390 533 447\u{2212}05".into();
    assert_eq!(passes(&req).document_id, "39053344705");
}

mod properties {
    use super::*;
    use crate::validate::text::{DASHES, SPACES};
    use proptest::prelude::*;

    /// A valid CPF with a random 9-digit body (not all one digit), completed by searching
    /// the check digits the validator accepts.
    fn cpf() -> impl Strategy<Value = String> {
        "[0-9]{9}"
            .prop_filter("one digit repeated", |b| !all_same(b))
            .prop_filter_map("no check digits", |body| {
                (0..100)
                    .map(|n| format!("{body}{n:02}"))
                    .find(|c| cpf_ok(&doc_values(c)))
            })
    }

    /// The digit string with one digit moved `by` places round the dial.
    fn change(cpf: &str, at: usize, by: u32) -> String {
        cpf.chars()
            .enumerate()
            .map(|(i, c)| match c.to_digit(10) {
                Some(v) if i == at => char::from_digit((v + by) % 10, 10).unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    fn separator() -> impl Strategy<Value = char> {
        prop::sample::select([DASHES, SPACES, &['.', '/']].concat())
    }

    proptest! {
        #[test]
        fn any_mix_of_dash_and_space_kinds_in_a_valid_cpf_is_accepted_as_its_digits(
            cpf in cpf(),
            seps in prop::collection::vec(prop::collection::vec(separator(), 0..3), 12),
        ) {
            let mut typed = String::new();
            for (i, c) in cpf.chars().enumerate() {
                typed.extend(&seps[i]);
                typed.push(c);
            }
            typed.extend(&seps[11]);
            prop_assert_eq!(passes(&with_document(&typed)).document_id, cpf);
        }

        #[test]
        fn a_changed_cpf_check_digit_is_always_refused_and_named_a_cpf(
            cpf in cpf(),
            at in 9..11usize,
            by in 1..10u32,
        ) {
            let errors = errors_of(&with_document(&change(&cpf, at, by)), &strict());
            prop_assert!(errors.iter().any(|e| e.field == "document_id"));
            prop_assert!(errors.iter().all(|e| e.message.contains("CPF")));
        }

        // A change in the body is caught unless the changed number is itself a valid CPF:
        // the mod-11 rule maps remainders 0 and 1 to the same digit, and weighs the first
        // digit 11 (that is, 0) in the second check digit, so a few changes go unseen.
        #[test]
        fn a_changed_cpf_body_is_refused_exactly_when_its_check_digits_disagree(
            cpf in cpf(),
            at in 0..9usize,
            by in 1..10u32,
        ) {
            let changed = change(&cpf, at, by);
            let refused = !errors_of(&with_document(&changed), &strict()).is_empty();
            prop_assert_eq!(refused, !cpf_ok(&doc_values(&changed)) || all_same(&changed));
        }
    }
}
