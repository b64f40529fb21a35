//! Files read back: the export's CSV reader, the batch importer (CSV in any encoding and
//! separator, XLSX, and bytes that are neither), and the writers they pair with. No file
//! panics the reader; what the desk writes reads back cell for cell.

use proptest::prelude::*;

use crate::batch::read::read_file;
use crate::batch::result::text_workbook;
use crate::batch::{BatchDraft, DraftOptions};
use crate::csv_table::{read_table, write_table, ColumnKind, CsvFlavor};
use crate::environment::EnvironmentKind;

/// The batch template's headers and their synonyms, mixed with others.
const HEADERS: &[&str] = &[
    "country",
    "currency",
    "amount",
    "document_id",
    "beneficiary_name",
    "beneficiary_lastname",
    "bank_code",
    "bank_account",
    "account_type",
    "bank_branch",
    "phone",
    "email",
    "comments",
    "external_id",
    "valor",
    "monto",
    "cpf",
    "clabe",
    "notification_url",
    "on_hold",
    "x",
];

/// A cell as people fill them: words, digits, amounts, empty, and anything.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[A-Za-zÀ-ÿ ]{0,12}",
        2 => "[0-9]{0,22}",
        1 => "[0-9]{1,6}[.,][0-9]{2}",
        1 => Just(String::new()),
        1 => "[=+@-][A-Z0-9(),]{0,10}",
        2 => "\\PC{0,16}",
    ]
}

/// A sheet: a header row and rows of the same width.
fn sheet() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    (1usize..8).prop_flat_map(|width| {
        (
            prop::collection::vec(
                prop_oneof![
                    prop::sample::select(HEADERS).prop_map(str::to_owned),
                    "[a-z_]{1,10}"
                ],
                width,
            ),
            prop::collection::vec(prop::collection::vec(cell(), width), 0..12),
        )
    })
}

fn draft(bytes: &[u8]) {
    let _ = BatchDraft::from_bytes(bytes, "b", DraftOptions::for_test(EnvironmentKind::Sandbox));
}

/// `text` as a spreadsheet program may have saved it.
fn encoded(text: &str, encoding: u8) -> Vec<u8> {
    match encoding % 4 {
        0 => text.as_bytes().to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        2 => {
            let mut out = vec![0xFF, 0xFE];
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
        _ => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// A sheet's data rows as a workbook gives them back: blank rows dropped (the importer skips
/// and counts them), and a cell of spaces only read as empty (blank either way, for every
/// check).
fn nonblank(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| {
            r.iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        String::new()
                    } else {
                        c.clone()
                    }
                })
                .collect()
        })
        .collect()
}

proptest! {
    #[test]
    fn any_text_is_read_as_a_table_or_refused_with_a_line(text in "\\PC{0,300}") {
        if let Err(e) = read_table(&text) {
            prop_assert!(!e.is_empty());
        }
        let _ = crate::report::parse_csv(&text);
    }

    #[test]
    fn a_table_the_desk_writes_reads_back_cell_for_cell(
        (headers, rows) in sheet(),
        kinds in prop::collection::vec(
            prop::sample::select(&[ColumnKind::Text, ColumnKind::Amount, ColumnKind::Words][..]),
            8,
        ),
        spreadsheet in any::<bool>(),
    ) {
        let columns: Vec<(&str, ColumnKind)> =
            headers.iter().zip(&kinds).map(|(h, k)| (h.as_str(), *k)).collect();
        let flavor = if spreadsheet { CsvFlavor::Spreadsheet } else { CsvFlavor::Plain };
        let bytes = write_table(&columns, &rows, flavor, b',');
        let text = String::from_utf8(bytes).expect("UTF-8");
        let back = read_table(&text).map_err(TestCaseError::fail)?;
        let mut expected = vec![headers.clone()];
        expected.extend(rows.iter().cloned());
        if !spreadsheet {
            // Plain CSV keeps values raw: a value that is itself a text formula (`="…"`) is
            // read as its text, by design of the reader; leave those cases out.
            prop_assume!(expected.iter().flatten().all(|c| !c.starts_with("=\"")));
        }
        prop_assert_eq!(back, expected);
    }

    #[test]
    fn any_bytes_offered_as_a_batch_file_are_read_or_refused(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        zip in any::<bool>(),
    ) {
        let bytes = if zip { [&b"PK\x03\x04"[..], &bytes].concat() } else { bytes };
        if let Err(e) = read_file(&bytes) {
            prop_assert_eq!(e.field(), Some("file"));
        }
        draft(&bytes);
    }

    #[test]
    fn a_csv_sheet_in_any_encoding_and_separator_is_read_or_refused_at_a_line(
        (headers, rows) in sheet(),
        separator in prop::sample::select(&[b',', b';', b'\t'][..]),
        encoding in any::<u8>(),
        crlf in any::<bool>(),
    ) {
        let columns: Vec<(&str, ColumnKind)> =
            headers.iter().map(|h| (h.as_str(), ColumnKind::Words)).collect();
        let text = String::from_utf8(write_table(&columns, &rows, CsvFlavor::Plain, separator))
            .expect("UTF-8");
        let text = if crlf { text.replace('\n', "\r\n") } else { text };
        let bytes = encoded(&text, encoding);
        if let Err(e) = read_file(&bytes) {
            prop_assert_eq!(e.field(), Some("file"));
        }
        draft(&bytes);
    }

    #[test]
    fn a_workbook_of_text_cells_the_desk_writes_reads_back_cell_for_cell(
        (headers, rows) in sheet(),
    ) {
        // A header is needed in every column for the importer to read the sheet.
        prop_assume!(headers.iter().all(|h| !h.trim().is_empty()));
        let bytes = text_workbook(&headers, &rows, "Sheet1").expect("a workbook");
        let read = read_file(&bytes);
        if nonblank(&rows).is_empty() {
            // Nothing to pay: refused as such, at the file.
            prop_assert_eq!(read.map(|_| ()).map_err(|e| e.field().map(str::to_owned)), Err(Some("file".to_owned())));
            return Ok(());
        }
        let sheet = read.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&sheet.headers, &headers);
        let back: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|r| {
                let mut cells: Vec<String> = r.cells.iter().map(|c| c.text.clone()).collect();
                cells.resize(headers.len(), String::new());
                cells
            })
            .collect();
        prop_assert_eq!(back, nonblank(&rows));
        draft(&bytes);
    }
}
