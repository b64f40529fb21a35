//! Reading a batch file into a table of cells: XLSX or CSV, told apart by content (the ZIP
//! signature), never by the file's name.
//!
//! Guarantees:
//! - CSV text is decoded by its byte order mark (UTF-8, UTF-16LE/BE); without one, as UTF-8
//!   when it is valid UTF-8, else as Windows-1252 (what Excel writes on Latin American
//!   Windows) — and the reader says which, so the operator can see a wrong guess in the names.
//! - The separator (`,` `;` or tab) is the one the header line uses, counted outside quotes;
//!   a header line that uses none of them, or two equally, is refused rather than guessed.
//! - XLSX cells keep their kind: a number cell stays a [`CellKind::Number`] whose text is the
//!   shortest decimal that reads back as the stored number (Rust's float formatting), so an
//!   amount Excel stored as `1234.56` reads `1234.56` and one it stored as
//!   `7.0000000000000009` reads so and is refused later, never rounded. Identifier columns
//!   holding numbers are refused by the review ([`super::review`]), whatever the digits.
//! - Rows are numbered as the spreadsheet numbers them (the header is row 1 of a CSV; in an
//!   XLSX, the sheet's own row numbers), so a message about row 14 points at row 14 in Excel.
//!   Rows with every cell empty are skipped and counted.
//! - Limits: files up to [`MAX_FILE_BYTES`], up to [`MAX_ROWS`] rows of payouts.
//!
//! Left out: the legacy `.xls` format and ODS (refused with how to save the file instead), more
//! than one worksheet (the first one with data is read, and the others are named).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The most payout rows one batch holds.
pub const MAX_ROWS: usize = 10_000;

/// The largest file read (a 10,000-row CSV is about 2 MB; an XLSX less).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// How the file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

/// What a cell held, as its file stored it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum CellKind {
    /// Text (every CSV cell, and XLSX text cells).
    Text,
    /// An XLSX number cell: digits may already have been lost by the spreadsheet.
    Number,
    /// An XLSX date, time, true/false or error cell.
    Other,
}

/// One cell: its text as read, and its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(export)]
pub struct Cell {
    pub text: String,
    pub kind: CellKind,
}

impl Cell {
    /// A text cell.
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            kind: CellKind::Text,
        }
    }

    /// Whether it holds nothing but spaces.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// One row of payouts as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The spreadsheet's row number (the header's is smaller).
    pub row: u32,
    pub cells: Vec<Cell>,
}

/// A batch file read into cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub format: FileFormat,
    /// How a CSV's text was decoded (`UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `Windows-1252`);
    /// `None` for XLSX.
    pub encoding: Option<&'static str>,
    /// A CSV's separator.
    pub separator: Option<char>,
    /// The XLSX worksheet read, and the others it holds.
    pub worksheet: Option<String>,
    pub other_worksheets: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
    /// Rows skipped because every cell was empty.
    pub empty_rows: usize,
    /// SHA-256 of the file's bytes, lowercase hex: the same file imported twice is told by it.
    pub sha256: String,
}

fn refused(message: impl Into<String>) -> Error {
    Error::InvalidInput {
        field: "file",
        message: message.into(),
    }
}

/// Reads `bytes` (the whole file) as a batch.
///
/// # Errors
/// [`Error::InvalidInput`] on `file`: too large, not a workbook or CSV that can be read, no
/// header, more than [`MAX_ROWS`] rows.
pub fn read_file(bytes: &[u8]) -> Result<Sheet> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(refused(format!(
            "the file is {} MB; a batch file is at most {} MB ({} rows)",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024),
            MAX_ROWS
        )));
    }
    let sha256 = hex::encode(Sha256::digest(bytes));
    let mut sheet = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(refused(
            "this is an old Excel workbook (.xls); save it as an Excel Workbook (.xlsx) or as \
             CSV and import that",
        ));
    } else {
        read_csv(bytes)?
    };
    sheet.sha256 = sha256;
    if sheet.rows.len() > MAX_ROWS {
        return Err(refused(format!(
            "the file has {} payout rows; a batch holds at most {MAX_ROWS}: split it into \
             several files",
            sheet.rows.len()
        )));
    }
    if sheet.rows.is_empty() {
        return Err(refused("the file has a header but no payout rows under it"));
    }
    Ok(sheet)
}

/// Decodes CSV bytes: by byte order mark, else UTF-8 when valid, else Windows-1252.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = match encoding.name() {
            "UTF-8" => "UTF-8 with BOM",
            "UTF-16LE" => "UTF-16LE",
            _ => "UTF-16BE",
        };
        return (text.into_owned(), name);
    }
    // UTF-16 without a mark: every other byte of ASCII text is zero.
    let probe = &bytes[..bytes.len().min(512)];
    let zeros_odd = probe.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zeros_even = probe.iter().step_by(2).filter(|b| **b == 0).count();
    if probe.len() >= 8 && zeros_odd * 2 > probe.len() / 2 {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
        return (text.into_owned(), "UTF-16LE");
    }
    if probe.len() >= 8 && zeros_even * 2 > probe.len() / 2 {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(bytes);
        return (text.into_owned(), "UTF-16BE");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator the header line uses, counted outside quotes.
fn separator(text: &str) -> Result<u8> {
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or_else(|| refused("the file is empty"))?;
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        match c {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            _ => {
                for (sep, n) in &mut counts {
                    if *sep == c {
                        *n += 1;
                    }
                }
            }
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    match counts {
        [(_, 0), ..] => Err(refused(
            "the header line has one column: separate the columns with commas, semicolons or \
             tabs (a batch needs at least country, currency and amount)",
        )),
        [(a, n), (b, m), _] if n == m => Err(refused(format!(
            "the header line uses {} and {} equally often, so the separator cannot be told; \
             save the file with one separator",
            name_of(a),
            name_of(b)
        ))),
        [(sep, _), ..] => Ok(sep),
    }
}

fn name_of(sep: u8) -> &'static str {
    match sep {
        b',' => "commas",
        b';' => "semicolons",
        _ => "tabs",
    }
}

/// A cell written as a text formula (`="0012"`, how this desk's exports keep ids as text)
/// reads as its text.
fn unformula(text: &str) -> &str {
    text.strip_prefix("=\"")
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.contains('"'))
        .unwrap_or(text)
}

fn read_csv(bytes: &[u8]) -> Result<Sheet> {
    let (text, encoding) = decode(bytes);
    let sep = separator(&text)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut empty_rows = 0;
    // A spreadsheet's row is a record: a blank line is a row (the reader skips it), and a
    // cell holding line breaks is one row however many lines it spans.
    let mut breaks_before = 0u64;
    let (mut counted_to, mut breaks_seen) = (0usize, 0u64);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            refused(format!(
                "line {line} of the file cannot be read as CSV ({e})"
            ))
        })?;
        // The reader's own line count is unreliable across blank lines and CRLF: count the
        // line breaks before the record's first byte (past the blank lines it skipped).
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .min(text.len());
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        // Counted on from the last record, so a long file is read once.
        let from = counted_to.min(start);
        breaks_seen += text.as_bytes()[from..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = start;
        let line = 1 + breaks_seen;
        let row = u32::try_from(line.saturating_sub(breaks_before)).unwrap_or(u32::MAX);
        breaks_before += record
            .iter()
            .map(|c| c.matches('\n').count() as u64)
            .sum::<u64>();
        let cells: Vec<Cell> = record.iter().map(|c| Cell::text(unformula(c))).collect();
        if cells.iter().all(Cell::is_blank) {
            if headers.is_some() {
                empty_rows += 1;
            }
            continue;
        }
        match headers {
            None => {
                headers = Some(
                    cells
                        .into_iter()
                        .map(|c| c.text.trim().to_owned())
                        .collect(),
                )
            }
            Some(_) => {
                if rows.len() > MAX_ROWS {
                    return Err(refused(format!(
                        "the file has more than {MAX_ROWS} payout rows; a batch holds at most \
                         {MAX_ROWS}: split it into several files"
                    )));
                }
                rows.push(SheetRow { row, cells });
            }
        }
    }
    Ok(Sheet {
        format: FileFormat::Csv,
        encoding: Some(encoding),
        separator: Some(char::from(sep)),
        worksheet: None,
        other_worksheets: Vec::new(),
        headers: headers.ok_or_else(|| refused("the file is empty"))?,
        rows,
        empty_rows,
        sha256: String::new(),
    })
}

/// An XLSX cell as [`Cell`].
fn xlsx_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::text(""),
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell {
            text: i.to_string(),
            kind: CellKind::Number,
        },
        // Display of f64 is the shortest decimal that reads back as the same number, and
        // never uses an exponent.
        Data::Float(f) => Cell {
            text: format!("{f}"),
            kind: CellKind::Number,
        },
        Data::Bool(b) => Cell {
            text: if *b { "TRUE" } else { "FALSE" }.to_owned(),
            kind: CellKind::Other,
        },
        Data::DateTime(d) => Cell {
            text: format!("{}", d.as_f64()),
            kind: CellKind::Other,
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell {
            text: s.clone(),
            kind: CellKind::Other,
        },
        Data::Error(e) => Cell {
            text: format!("{e}"),
            kind: CellKind::Other,
        },
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        refused(format!(
            "the file is a ZIP archive but not an Excel workbook that can be read ({e}); \
             save it as .xlsx or as CSV"
        ))
    })?;
    let names = book.sheet_names();
    let mut chosen = None;
    for name in &names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| refused(format!("worksheet {name} cannot be read ({e})")))?;
        if !range.is_empty() {
            chosen = Some((name.clone(), range));
            break;
        }
    }
    let Some((name, range)) = chosen else {
        return Err(refused("the workbook's worksheets are empty"));
    };
    let first_row = range.start().map_or(0, |(r, _)| r);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut empty_rows = 0;
    for (index, cells) in range.rows().enumerate() {
        let row = first_row + u32::try_from(index).unwrap_or(u32::MAX) + 1;
        // Columns are matched by their header, so a sheet that starts at column B reads the
        // same as one that starts at A.
        let cells: Vec<Cell> = cells.iter().map(xlsx_cell).collect();
        if cells.iter().all(Cell::is_blank) {
            if headers.is_some() {
                empty_rows += 1;
            }
            continue;
        }
        match headers {
            None => {
                headers = Some(
                    cells
                        .into_iter()
                        .map(|c| c.text.trim().to_owned())
                        .collect(),
                )
            }
            Some(_) => {
                if rows.len() > MAX_ROWS {
                    return Err(refused(format!(
                        "the workbook has more than {MAX_ROWS} payout rows; a batch holds at \
                         most {MAX_ROWS}: split it into several files"
                    )));
                }
                rows.push(SheetRow { row, cells });
            }
        }
    }
    let other_worksheets = names.into_iter().filter(|n| *n != name).collect();
    Ok(Sheet {
        format: FileFormat::Xlsx,
        encoding: None,
        separator: None,
        worksheet: Some(name),
        other_worksheets,
        headers: headers.ok_or_else(|| refused("the workbook's worksheets are empty"))?,
        rows,
        empty_rows,
        sha256: String::new(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_excel_csv_with_bom_and_semicolons_is_read_as_utf8_with_its_separator() {
        let bytes = "\u{feff}country;amount;beneficiary_name\r\nBR;1.234,56;João\r\n".as_bytes();
        let sheet = read_file(bytes).unwrap();
        assert_eq!(sheet.encoding, Some("UTF-8 with BOM"));
        assert_eq!(sheet.separator, Some(';'));
        assert_eq!(sheet.headers, ["country", "amount", "beneficiary_name"]);
        assert_eq!(sheet.rows[0].row, 2);
        assert_eq!(sheet.rows[0].cells[1].text, "1.234,56");
        assert_eq!(sheet.rows[0].cells[2].text, "João");
    }

    #[test]
    fn windows_1252_names_with_accents_are_decoded_and_the_encoding_is_said() {
        let mut bytes = b"country,beneficiary_name\nCO,".to_vec();
        bytes.extend([
            b'J', b'o', b's', 0xE9, b' ', b'N', 0xFA, 0xF1, b'e', b'z', b'\n',
        ]);
        let sheet = read_file(&bytes).unwrap();
        assert_eq!(sheet.encoding, Some("Windows-1252"));
        assert_eq!(sheet.rows[0].cells[1].text, "José Núñez");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let text = "country\tamount\nMX\t10.50\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let sheet = read_file(&bytes).unwrap();
        assert_eq!(sheet.encoding, Some("UTF-16LE"));
        assert_eq!(sheet.separator, Some('\t'));
        assert_eq!(sheet.rows[0].cells[1].text, "10.50");
    }

    #[test]
    fn empty_trailing_rows_are_skipped_and_counted_and_rows_keep_spreadsheet_numbers() {
        let sheet =
            read_file(b"country,amount\nBR,10\n,\nCL,5\n\nAR,\"two\nlines\"\nCO,1\n,,\n").unwrap();
        let rows: Vec<u32> = sheet.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, [2, 4, 6, 7]);
        assert_eq!(sheet.empty_rows, 2);
    }

    #[test]
    fn a_quoted_separator_in_the_header_is_not_counted() {
        let sheet = read_file(b"\"name; first\",amount\n\"Ana; B\",10\n").unwrap();
        assert_eq!(sheet.separator, Some(','));
        assert_eq!(sheet.rows[0].cells[0].text, "Ana; B");
    }

    #[test]
    fn a_header_with_no_separator_or_two_equally_is_refused() {
        assert!(read_file(b"country\nBR\n").is_err());
        let e = read_file(b"a,b;c\n1,2;3\n").unwrap_err();
        assert!(e.to_string().contains("equally"), "{e}");
    }

    #[test]
    fn text_formulas_of_this_desks_exports_read_as_their_text() {
        let sheet = read_file(b"country,bank_account\nBR,\"=\"\"00123\"\"\"\n").unwrap();
        assert_eq!(sheet.rows[0].cells[1].text, "00123");
    }

    #[test]
    fn an_old_xls_and_a_header_without_rows_are_refused_with_what_to_do() {
        let e = read_file(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap_err();
        assert!(e.to_string().contains(".xlsx"));
        let e = read_file(b"country,amount\n").unwrap_err();
        assert!(e.to_string().contains("no payout rows"));
    }

    #[test]
    fn more_than_the_row_limit_is_refused() {
        let mut text = String::from("country,amount\n");
        for _ in 0..=MAX_ROWS {
            text.push_str("BR,1\n");
        }
        let e = read_file(text.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("split"), "{e}");
    }

    #[test]
    fn the_same_bytes_have_the_same_hash_and_one_byte_changes_it() {
        let a = read_file(b"country,amount\nBR,10\n").unwrap();
        let b = read_file(b"country,amount\nBR,10\n").unwrap();
        let c = read_file(b"country,amount\nBR,11\n").unwrap();
        assert_eq!(a.sha256, b.sha256);
        assert_ne!(a.sha256, c.sha256);
        assert_eq!(a.sha256.len(), 64);
    }
}
