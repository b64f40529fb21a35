//! Batch drafts from files as spreadsheets save them.

#![allow(clippy::unwrap_used)]

use rust_xlsxwriter::Workbook;

use super::*;
use crate::environment::EnvironmentKind;

fn options() -> DraftOptions {
    DraftOptions::for_test(EnvironmentKind::D24Production)
}

fn draft(bytes: &[u8], options: DraftOptions) -> BatchDraft {
    BatchDraft::from_bytes(bytes, "payouts.csv", options).unwrap()
}

const MX_HEADER: &str = "country;currency;amount;document_type;document_id;beneficiary_name;beneficiary_lastname;bank_account";

fn mx_row(amount: &str, account: &str) -> String {
    format!("MX;MXN;{amount};CURP;BOXW310820HNERXN09;María;López;{account}")
}

#[test]
fn an_excel_csv_with_bom_semicolons_and_decimal_commas_reads_exact_amounts() {
    let text = format!(
        "\u{feff}{MX_HEADER}\r\n{}\r\n{}\r\n;;;;;;;\r\n",
        mx_row("1.234,56", "002180001234567896"),
        mx_row("10,5", "002180001234567896")
    );
    let mut o = options();
    o.decimal = DecimalStyle::Comma;
    let d = draft(text.as_bytes(), o);
    assert_eq!(d.file.encoding.as_deref(), Some("UTF-8 with BOM"));
    // The name stays what programs read; the review says it in the operator's words.
    assert_eq!(
        d.summary().encoding_shown.as_deref(),
        Some("UTF-8 with BOM")
    );
    assert_eq!(
        crate::l10n::messages::text(crate::l10n::Lang::PtBr, "batch-encoding-utf8-bom", &[]),
        "UTF-8 com BOM"
    );
    assert_eq!(d.file.separator.as_deref(), Some(";"));
    assert_eq!(d.file.empty_rows, 1);
    assert_eq!(d.rows.len(), 2);
    let amounts: Vec<String> = d
        .rows
        .iter()
        .map(|r| r.request.as_ref().unwrap().amount.unwrap().to_string())
        .collect();
    assert_eq!(amounts, ["1234.56", "10.50"]);
    assert_eq!(d.totals()[0].total, "1245.06");
    // Shown the file's way, beside the control total typed the same way.
    assert_eq!(d.totals()[0].total_shown, "MXN 1.245,06");
    // The same file read with the wrong declared style: every amount is a row error.
    let mut d2 = d.clone();
    d2.set_decimal(DecimalStyle::Point);
    assert!(d2
        .rows
        .iter()
        .all(|r| r.errors.iter().any(|e| e.field == "amount")));
}

#[test]
fn each_row_gets_the_batch_id_and_its_spreadsheet_row_number_as_external_id() {
    let text = format!(
        "{MX_HEADER}\n{}\n\n{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("20", "002180001234567896")
    );
    let d = draft(text.as_bytes(), options());
    assert_eq!(d.rows[0].external_id, format!("{}-2", d.batch_id));
    assert_eq!(d.rows[1].external_id, format!("{}-4", d.batch_id));
    assert_eq!(
        d.rows[1].request.as_ref().unwrap().external_id,
        d.rows[1].external_id
    );
    assert_eq!(
        d.rows[0].request.as_ref().unwrap().notification_url,
        "https://merchant.example/webhooks/cashouts"
    );
}

#[test]
fn scientific_notation_ids_are_blocked_at_their_cell() {
    let text = format!("{MX_HEADER}\n{}\n", mx_row("10", "2.10077777777777E+17"));
    let d = draft(text.as_bytes(), options());
    let e = &d.rows[0].errors;
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].code, "scientific_notation");
    assert_eq!(e[0].column, Some(7));
    assert!(d.rows[0].request.is_none());
}

#[test]
fn the_validators_messages_appear_at_the_cell_and_a_fix_rechecks_the_row() {
    let text = "country,currency,amount,document_id,beneficiary_name,beneficiary_lastname,bank_code,bank_account,bank_branch,account_type\n\
                BR,BRL,100,111.444.777-36,Ana,Souza,001,3423422-7,1234,C\n";
    let mut d = draft(text.as_bytes(), options());
    let e = &d.rows[0].errors;
    assert!(
        e.iter()
            .any(|e| e.field == "document_id" && e.column == Some(3)),
        "{e:?}"
    );
    let fixed = d.fix(2, 3, "111.444.777-35").unwrap();
    assert!(fixed.errors.is_empty(), "{:?}", fixed.errors);
    assert!(fixed.fixed);
    assert_eq!(d.summary().counts.ready, 1);
}

fn xlsx(write: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    write(ws);
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_clabe_stored_as_a_number_is_blocked_whatever_its_digits() {
    let bytes = xlsx(|ws| {
        for (c, h) in MX_HEADER.split(';').enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        for (c, v) in ["MX", "MXN"].iter().enumerate() {
            ws.write_string(1, c as u16, *v).unwrap();
        }
        ws.write_number(1, 2, 1234.56).unwrap();
        for (c, v) in ["CURP", "BOXW310820HNERXN09", "María", "López"]
            .iter()
            .enumerate()
        {
            ws.write_string(1, 3 + c as u16, *v).unwrap();
        }
        // 18 digits in a number cell: Excel keeps 15 significant digits.
        ws.write_number(1, 7, 2_180_001_234_567_896.0).unwrap();
    });
    let d = BatchDraft::from_bytes(&bytes, "payouts.xlsx", options()).unwrap();
    assert_eq!(d.file.format, FileFormat::Xlsx);
    let e = &d.rows[0].errors;
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].code, "number_cell");
    assert_eq!(e[0].field, "bank_account");
    // The amount, a number cell, was read exactly.
    let mut d = d;
    let v = d.fix(2, 7, "002180001234567896").unwrap();
    assert_eq!(
        v.request.as_ref().unwrap().amount.unwrap().to_string(),
        "1234.56"
    );
}

#[test]
fn an_xlsx_amount_with_a_float_residue_is_refused_not_rounded() {
    let bytes = xlsx(|ws| {
        for (c, h) in MX_HEADER.split(';').enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        let row = [
            "MX",
            "MXN",
            "",
            "CURP",
            "BOXW310820HNERXN09",
            "María",
            "López",
            "002180001234567896",
        ];
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(1, c as u16, *v).unwrap();
            }
        }
        ws.write_number(1, 2, 0.1 + 0.2).unwrap();
    });
    let d = BatchDraft::from_bytes(&bytes, "payouts.xlsx", options()).unwrap();
    let e = &d.rows[0].errors;
    assert!(
        e.iter()
            .any(|e| e.field == "amount" && e.message.contains("0.30000000000000004")),
        "{e:?}"
    );
}

#[test]
fn duplicated_rows_warn_without_blocking_and_excluding_one_clears_the_other() {
    let text = format!(
        "{MX_HEADER}\n{}\n{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("10", "002180001234567896")
    );
    let mut d = draft(text.as_bytes(), options());
    for r in &d.rows {
        assert!(r.ready());
        assert!(
            r.warnings.iter().any(|w| w.code == "duplicate_in_file"),
            "{:?}",
            r.warnings
        );
    }
    d.exclude(3, true).unwrap();
    assert!(d.rows[0]
        .warnings
        .iter()
        .all(|w| w.code != "duplicate_in_file"));
    assert_eq!(d.summary().counts.excluded, 1);
    assert_eq!(d.totals()[0].count, 1);
}

#[test]
fn a_recent_journal_payout_and_an_unusual_amount_warn() {
    let text = format!(
        "{MX_HEADER}\n{}\n{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("900", "002180001234567896")
    );
    let probe = draft(text.as_bytes(), options());
    let request = probe.rows[0].request.clone().unwrap();
    let earlier = |amount: &str, recent: bool| EarlierPayout {
        external_id: format!("earlier-{amount}"),
        content_hash: crate::journal::content_hash(&CreateCashout {
            amount: amount.parse().ok(),
            ..request.clone()
        }),
        country: "MX".into(),
        document_id: request.document_id.clone(),
        currency: "MXN".into(),
        amount: amount.parse().unwrap(),
        created_at: "2026-11-30T09:00:00.000Z".into(),
        recent,
    };
    let mut o = options();
    o.earlier = vec![earlier("10.00", true), earlier("200.00", false)];
    let d = draft(text.as_bytes(), o);
    assert!(d.rows[0]
        .warnings
        .iter()
        .any(|w| w.code == "duplicate_in_journal" && w.message.contains("earlier-10.00")));
    assert!(
        d.rows[1]
            .warnings
            .iter()
            .any(|w| w.code == "unusual_amount"),
        "{:?}",
        d.rows[1].warnings
    );
    assert!(d.rows.iter().all(RowVerdict::ready));
}

use crate::api::types::CreateCashout;

#[test]
fn a_team_policy_puts_rows_at_its_threshold_on_hold_with_a_warning() {
    let text = format!(
        "{MX_HEADER}\n{}\n{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("5000", "002180001234567896")
    );
    let mut o = options();
    o.policies = vec![crate::approvals::ApprovalPolicy {
        scope: "staging".into(),
        currency: "MXN".into(),
        threshold: "1000".into(),
        approvers: 1,
        expires_after_hours: 24,
        proposed_by: "a".into(),
        approved_by: "b".into(),
        changed_at: String::new(),
    }];
    let d = draft(text.as_bytes(), o);
    assert!(!d.rows[0].request.as_ref().unwrap().on_hold);
    assert!(d.rows[1].request.as_ref().unwrap().on_hold);
    assert!(d.rows[1].warnings.iter().any(|w| w.field == "on_hold"));
}

#[test]
fn confirming_needs_no_blocked_row_and_matching_control_totals() {
    let text = format!(
        "{MX_HEADER}\n{}\n{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("x", "002180001234567896")
    );
    let mut d = draft(text.as_bytes(), options());
    let typed = vec![ControlTotal {
        currency: "MXN".into(),
        count: 1,
        total: "10".into(),
    }];
    let e = d.confirmable(&typed, false).unwrap_err();
    assert_eq!(e.field(), Some("rows"));
    d.exclude(3, true).unwrap();
    d.confirmable(&typed, false).unwrap();
    let wrong = vec![ControlTotal {
        currency: "MXN".into(),
        count: 1,
        total: "10.01".into(),
    }];
    assert_eq!(
        d.confirmable(&wrong, false).unwrap_err().field(),
        Some("control_total")
    );
}

#[test]
fn missing_required_columns_are_named_and_block_every_row() {
    let d = draft(b"country,amount\nMX,10\n", options());
    assert_eq!(d.summary().missing_columns, ["currency"]);
    assert!(d.rows[0].request.is_none());
}

#[test]
fn a_bank_code_stored_as_a_number_gets_its_leading_zeros_from_the_bank_list() {
    let bytes = xlsx(|ws| {
        let headers = [
            "country",
            "currency",
            "amount",
            "document_id",
            "beneficiary_name",
            "beneficiary_lastname",
            "bank_code",
            "bank_account",
            "bank_branch",
            "account_type",
        ];
        let row = [
            "BR",
            "BRL",
            "100",
            "111.444.777-35",
            "Ana",
            "Souza",
            "",
            "3423422-7",
            "1234",
            "C",
        ];
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(1, c as u16, *v).unwrap();
            }
        }
        ws.write_number(1, 6, 1.0).unwrap();
    });
    let d = BatchDraft::from_bytes(&bytes, "b.xlsx", options()).unwrap();
    assert!(d.rows[0].errors.is_empty(), "{:?}", d.rows[0].errors);
    assert_eq!(
        d.rows[0].request.as_ref().unwrap().bank_code.as_deref(),
        Some("001")
    );
}

#[test]
fn a_value_past_the_last_column_blocks_the_row_instead_of_shortening_the_amount() {
    // An amount written 1,234.56 in a comma-separated file: "1" and "234.56".
    let text = "country,currency,document_type,document_id,beneficiary_name,beneficiary_lastname,bank_account,amount\n\
                MX,MXN,CURP,BOXW310820HNERXN09,Ana,Ruiz,002180001234567896,1,234.56\n";
    let d = draft(text.as_bytes(), options());
    let e = &d.rows[0].errors;
    assert!(
        e.iter()
            .any(|e| e.code == "extra_cell" && e.message.contains("234.56")),
        "{e:?}"
    );
    assert!(d.rows[0].request.is_none());
}

#[test]
fn a_row_naming_a_journal_payout_in_an_external_id_column_is_never_paid_again() {
    let text = format!(
        "external_id;{MX_HEADER}\nold-7;{}\nnew-1;{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("11", "002180001234567896")
    );
    let mut d = draft(text.as_bytes(), options());
    assert_eq!(d.named_external_ids(), ["new-1", "old-7"]);
    d.set_known_payouts([("old-7".to_owned(), "PENDING, cashout 8400001".to_owned())].into());
    assert_eq!(d.rows[0].errors[0].code, "already_in_journal");
    assert!(d.rows[0].request.is_none());
    assert!(d.rows[1].ready());
    // A fix elsewhere in the row does not lift it.
    d.fix(2, 3, "11").unwrap();
    assert!(d.rows[0].request.is_none());
}

#[test]
fn rows_repeating_a_recent_journal_payout_are_written_only_when_said_to_pay_again() {
    let text = format!("{MX_HEADER}\n{}\n", mx_row("10", "002180001234567896"));
    let probe = draft(text.as_bytes(), options());
    let r = probe.rows[0].request.clone().unwrap();
    let mut o = options();
    o.earlier = vec![EarlierPayout {
        external_id: "earlier".into(),
        content_hash: crate::journal::content_hash(&r),
        country: "MX".into(),
        document_id: r.document_id.clone(),
        currency: "MXN".into(),
        amount: "10".parse().unwrap(),
        created_at: "2026-11-30T09:00:00.000Z".into(),
        recent: true,
    }];
    let d = draft(text.as_bytes(), o);
    let typed = vec![ControlTotal {
        currency: "MXN".into(),
        count: 1,
        total: "10".into(),
    }];
    let e = d.confirmable(&typed, false).unwrap_err();
    assert_eq!(e.field(), Some("duplicates"), "{e}");
    d.confirmable(&typed, true).unwrap();
}

#[test]
fn the_operators_mapping_names_every_column() {
    let text = format!("{MX_HEADER}\n{}\n", mx_row("10", "002180001234567896"));
    let mut d = draft(text.as_bytes(), options());
    let e = d.set_mapping(&[Some("country".into())]).unwrap_err();
    assert_eq!(e.field(), Some("mapping"));
}

#[test]
fn an_unclosed_quote_is_refused_with_its_line_not_merged_into_one_row() {
    let text = format!(
        "{MX_HEADER}\n{}\nMX;MXN;10;CURP;BOXW310820HNERXN09;\"Ana;Ruiz;002180001234567896\n{}\n",
        mx_row("1", "002180001234567896"),
        mx_row("2", "002180001234567896")
    );
    let e = BatchDraft::from_bytes(text.as_bytes(), "b.csv", options()).unwrap_err();
    assert!(e.to_string().contains("line 3"), "{e}");
}

#[test]
fn cr_only_line_ends_number_rows_like_a_spreadsheet_and_external_ids_are_unique() {
    let text = format!(
        "{MX_HEADER}\r{}\r{}\r",
        mx_row("1", "002180001234567896"),
        mx_row("2", "002180001234567896")
    );
    let d = draft(text.as_bytes(), options());
    let rows: Vec<u32> = d.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [2, 3]);
}

#[test]
fn a_utf8_file_with_one_invalid_byte_is_refused_at_that_line_not_read_as_windows_1252() {
    let mut bytes = format!("{MX_HEADER}\n{}\n", mx_row("1", "002180001234567896")).into_bytes();
    bytes.extend(b"MX;MXN;2;CURP;BOXW310820HNERXN09;Jos\xe9;Ruiz;002180001234567896\n");
    let e = BatchDraft::from_bytes(&bytes, "b.csv", options()).unwrap_err();
    assert!(
        e.to_string().contains("line 3") && e.to_string().contains("UTF-8"),
        "{e}"
    );
}

#[test]
fn an_xlsx_with_a_cell_far_past_any_batch_is_refused_as_it_is_read() {
    let bytes = xlsx(|ws| {
        ws.write_string(0, 0, "country").unwrap();
        ws.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let e = BatchDraft::from_bytes(&bytes, "b.xlsx", options()).unwrap_err();
    assert!(e.to_string().contains("column XFD"), "{e}");
}

#[test]
fn a_hidden_worksheet_is_not_read() {
    let mut book = Workbook::new();
    let hidden = book.add_worksheet();
    hidden.set_name("old").unwrap();
    hidden.write_string(0, 0, "country").unwrap();
    hidden.write_string(1, 0, "BR").unwrap();
    hidden.set_hidden(true);
    let ws = book.add_worksheet();
    ws.set_name("pay").unwrap();
    ws.set_active(true);
    for (c, h) in MX_HEADER.split(';').enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (c, v) in mx_row("10", "002180001234567896").split(';').enumerate() {
        ws.write_string(1, c as u16, v).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let d = BatchDraft::from_bytes(&bytes, "b.xlsx", options()).unwrap();
    assert_eq!(d.file.worksheet.as_deref(), Some("pay"));
    assert!(d.rows[0].ready(), "{:?}", d.rows[0].errors);
}

#[test]
fn the_external_id_cell_of_a_row_naming_a_journal_payout_cannot_be_fixed_away() {
    let text = format!(
        "external_id;{MX_HEADER}\nold-7;{}\n",
        mx_row("10", "002180001234567896")
    );
    let mut d = draft(text.as_bytes(), options());
    d.set_known_payouts([("old-7".to_owned(), "PENDING".to_owned())].into());
    let e = d.fix(2, 0, "").unwrap_err();
    assert_eq!(e.field(), Some("column"), "{e}");
    assert!(d.rows[0].request.is_none());
}

#[test]
fn a_result_file_whose_input_had_its_own_external_id_column_is_checked_on_both() {
    // The merchant's "External ID" (invoice references), then this desk's external_id.
    let text = format!(
        "External ID;{MX_HEADER};row;external_id\nINV-1;{};2;b0-2\n",
        mx_row("10", "002180001234567896")
    );
    let mut d = draft(text.as_bytes(), options());
    assert_eq!(d.named_external_ids(), ["INV-1", "b0-2"]);
    d.set_known_payouts([("b0-2".to_owned(), "COMPLETED".to_owned())].into());
    assert!(d.rows[0]
        .errors
        .iter()
        .any(|e| e.code == "already_in_journal"));
}

#[test]
fn a_row_with_more_fields_than_the_header_is_blocked_even_if_the_extra_field_is_empty() {
    // `…,1,234.56,` with the comments column empty: the amount would read 1.
    let text = "country,currency,document_type,document_id,beneficiary_name,beneficiary_lastname,bank_account,amount,comments\n\
                MX,MXN,CURP,BOXW310820HNERXN09,Ana,Ruiz,002180001234567896,1,234.56,\n";
    let d = draft(text.as_bytes(), options());
    assert!(
        d.rows[0].errors.iter().any(|e| e.code == "extra_cell"),
        "{:?}",
        d.rows[0].errors
    );
}

#[test]
fn the_template_example_row_with_another_amount_is_still_refused() {
    let t = super::template::template("MX", None).unwrap();
    let mut csv = String::from_utf8(super::template::template_csv(&t).unwrap()).unwrap();
    csv = csv.replace("150.25", "99.00");
    let d = draft(csv.as_bytes(), options());
    assert!(
        d.rows[0]
            .errors
            .iter()
            .any(|e| e.code == "template_example"),
        "{:?}",
        d.rows[0].errors
    );
}

#[test]
fn rows_repeated_within_the_file_are_written_only_when_said_to_pay_again() {
    let text = format!(
        "{MX_HEADER}\n{}\n{}\n",
        mx_row("10", "002180001234567896"),
        mx_row("10", "002180001234567896")
    );
    let d = draft(text.as_bytes(), options());
    assert_eq!(d.repeating_rows(), [2, 3]);
    let typed = vec![ControlTotal {
        currency: "MXN".into(),
        count: 2,
        total: "20".into(),
    }];
    assert_eq!(
        d.confirmable(&typed, false).unwrap_err().field(),
        Some("duplicates")
    );
    d.confirmable(&typed, true).unwrap();
}

#[test]
fn rows_hidden_by_hand_or_by_a_filter_refuse_the_workbook() {
    let bytes = xlsx(|ws| {
        for (c, h) in MX_HEADER.split(';').enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        for r in 1..=2u32 {
            for (c, v) in mx_row(&format!("{r}0"), "002180001234567896")
                .split(';')
                .enumerate()
            {
                ws.write_string(r, c as u16, v).unwrap();
            }
        }
        ws.set_row_hidden(2).unwrap();
    });
    let e = BatchDraft::from_bytes(&bytes, "b.xlsx", options()).unwrap_err();
    assert!(e.to_string().contains("row 3 is hidden"), "{e}");
}
