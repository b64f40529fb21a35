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
//! - An XLSX that hides rows or columns (by hand or by a filter) is refused: the operator did
//!   not see what would be paid. Hidden worksheets are skipped.
//!
//! Left out: the legacy `.xls` format and ODS (refused with how to save the file instead), more
//! than one worksheet (the first visible one with data is read, and the others are named).

use std::io::Cursor;

use std::collections::BTreeMap;

use calamine::{DataRef, Reader, SheetVisible, Xlsx};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::l10n::messages::tr;

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

impl FileFormat {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
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
        return Err(refused(tr(
            "batch-file-too-large",
            &[
                ("size", (bytes.len() / (1024 * 1024)).to_string().into()),
                ("max", (MAX_FILE_BYTES / (1024 * 1024)).to_string().into()),
                ("rows", MAX_ROWS.to_string().into()),
            ],
        )));
    }
    let sha256 = hex::encode(Sha256::digest(bytes));
    let mut sheet = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(refused(tr("batch-file-xls", &[])));
    } else {
        read_csv(bytes)?
    };
    sheet.sha256 = sha256;
    if sheet.rows.len() > MAX_ROWS {
        return Err(refused(tr(
            "batch-file-too-many-rows",
            &[
                ("rows", sheet.rows.len().to_string().into()),
                ("max", MAX_ROWS.to_string().into()),
            ],
        )));
    }
    if sheet.rows.is_empty() {
        return Err(refused(tr("batch-file-no-rows", &[])));
    }
    Ok(sheet)
}

/// The line (from 1) holding byte `at` of `bytes`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// The name a CSV with UTF-8's byte order mark is read as (in [`Sheet::encoding`], the CLI's JSON
/// and the journal); [`encoding_words`] says it in the operator's language.
pub const UTF8_WITH_BOM: &str = "UTF-8 with BOM";

/// An encoding's name as the operator reads it: the standard names (UTF-8, UTF-16LE,
/// Windows-1252) as they are, [`UTF8_WITH_BOM`] in the operator's words.
#[must_use]
pub fn encoding_words(name: &str) -> String {
    if name == UTF8_WITH_BOM {
        tr("batch-encoding-utf8-bom", &[])
    } else {
        name.to_owned()
    }
}

/// Decodes CSV bytes: by byte order mark, else UTF-8 when valid, else Windows-1252 — unless
/// the bytes are UTF-8 with a few invalid ones (a file pasted together from two sources), which
/// is refused at the first bad line rather than read as Windows-1252 (that would turn every
/// "João" into "JoÃ£o" and pay it so).
///
/// # Errors
/// On `file`, naming the line, when the text cannot be decoded as what it says it is.
fn decode(bytes: &[u8]) -> Result<(String, &'static str)> {
    // `what` is an encoding's name (UTF-8, UTF-16LE…), passed as written.
    let damaged = |line: usize, what: &str| {
        refused(tr(
            "batch-file-bad-encoding",
            &[
                ("line", line.to_string().into()),
                ("encoding", encoding_words(what).into()),
            ],
        ))
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = match encoding.name() {
            "UTF-8" => UTF8_WITH_BOM,
            "UTF-16LE" => "UTF-16LE",
            _ => "UTF-16BE",
        };
        if errors {
            let line = 1 + text
                .split('\n')
                .position(|l| l.contains('\u{fffd}'))
                .unwrap_or(0);
            return Err(damaged(line, name));
        }
        return Ok((text.into_owned(), name));
    }
    // UTF-16 without a mark: every other byte of ASCII text is zero.
    let probe = &bytes[..bytes.len().min(512)];
    let zeros_odd = probe.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zeros_even = probe.iter().step_by(2).filter(|b| **b == 0).count();
    for (zeros, encoding) in [
        (zeros_odd, encoding_rs::UTF_16LE),
        (zeros_even, encoding_rs::UTF_16BE),
    ] {
        if probe.len() >= 8 && zeros * 2 > probe.len() / 2 {
            let (text, errors) = encoding.decode_without_bom_handling(bytes);
            if errors {
                return Err(damaged(1, encoding.name()));
            }
            return Ok((text.into_owned(), encoding.name()));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), "UTF-8")),
        Err(e) => {
            // Valid UTF-8 letters before the bad byte: a UTF-8 file with damage, not a
            // Windows-1252 one.
            let before = &bytes[..e.valid_up_to()];
            if before.iter().any(|b| *b >= 0x80) {
                return Err(damaged(line_of(bytes, e.valid_up_to()), "UTF-8"));
            }
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), "Windows-1252"))
        }
    }
}

/// The separator the header line uses, counted outside quotes.
fn separator(text: &str) -> Result<u8> {
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or_else(|| refused(tr("batch-file-empty", &[])))?;
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
        [(_, 0), ..] => Err(refused(tr("batch-file-one-column", &[]))),
        [(a, n), (b, m), _] if n == m => Err(refused(tr(
            "batch-file-separator-tie",
            &[("first", name_of(a).into()), ("second", name_of(b).into())],
        ))),
        [(sep, _), ..] => Ok(sep),
    }
}

/// A separator's name in the operator's language, as a sentence names it ("commas").
fn name_of(sep: u8) -> String {
    let id = match sep {
        b',' => "batch-separator-commas",
        b';' => "batch-separator-semicolons",
        _ => "batch-separator-tabs",
    };
    tr(id, &[])
}

/// Line breaks in `bytes` as a spreadsheet counts rows: `\r\n`, `\n`, or a `\r` alone (old
/// Mac files), which the CSV reader also ends a record at.
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut n = 0;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
    }
    n
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
    let (text, encoding) = decode(bytes)?;
    // Quotes come in pairs: an odd count is a quoted cell left open, which would swallow every
    // row after it into one cell.
    if text.matches('"').count() % 2 == 1 {
        let last = text.rfind('"').unwrap_or(0);
        return Err(refused(tr(
            "batch-file-open-quote",
            &[("line", line_of(text.as_bytes(), last).to_string().into())],
        )));
    }
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
    let mut numbered = std::collections::HashSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            // The CSV reader's own words, passed as written.
            refused(tr(
                "batch-file-bad-csv",
                &[
                    ("line", line.to_string().into()),
                    ("error", e.to_string().into()),
                ],
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
        breaks_seen += line_breaks(&text.as_bytes()[from..start]);
        counted_to = start;
        let line = 1 + breaks_seen;
        let row = u32::try_from(line.saturating_sub(breaks_before)).unwrap_or(u32::MAX);
        breaks_before += record
            .iter()
            .map(|c| line_breaks(c.as_bytes()))
            .sum::<u64>();
        if !numbered.insert(row) {
            return Err(refused(tr(
                "batch-file-line-break",
                &[("line", line.to_string().into())],
            )));
        }
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
                    return Err(refused(tr(
                        "batch-file-over-max-rows",
                        &[("max", MAX_ROWS.to_string().into())],
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
        headers: headers.ok_or_else(|| refused(tr("batch-file-empty", &[])))?,
        rows,
        empty_rows,
        sha256: String::new(),
    })
}

/// An XLSX cell as [`Cell`].
fn xlsx_cell(data: &DataRef<'_>) -> Cell {
    let number = |text: String| Cell {
        text,
        kind: CellKind::Number,
    };
    let other = |text: String| Cell {
        text,
        kind: CellKind::Other,
    };
    match data {
        DataRef::Empty => Cell::text(""),
        DataRef::String(s) => Cell::text(s.clone()),
        DataRef::SharedString(s) => Cell::text(*s),
        DataRef::Int(i) => number(i.to_string()),
        // Display of f64 is the shortest decimal that reads back as the same number, and
        // never uses an exponent.
        DataRef::Float(f) => number(format!("{f}")),
        DataRef::Bool(b) => other(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        DataRef::DateTime(d) => other(format!("{}", d.as_f64())),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => other(s.clone()),
        DataRef::Error(e) => other(format!("{e}")),
    }
}

/// Columns a batch sheet may use (a payout has about twenty fields).
pub const MAX_COLUMNS: u32 = 256;

/// A visible worksheet's cells, streamed with caps: a sheet that names a cell far past any
/// batch (a single cell at XFD1048576 would make a dense reader allocate billions of cells) is
/// refused as it is read, not after.
fn sheet_cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<BTreeMap<u32, Vec<Cell>>> {
    // Row indexes beyond this hold nothing a batch of MAX_ROWS rows (with blank rows between)
    // can need.
    let max_row = u32::try_from(MAX_ROWS * 2 + 1_000).unwrap_or(u32::MAX);
    // The reader's own words, passed as written.
    let unreadable = |e: &dyn std::fmt::Display| {
        refused(tr(
            "batch-sheet-unreadable",
            &[("sheet", name.into()), ("error", e.to_string().into())],
        ))
    };
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| unreadable(&e))?;
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
        let (r, c) = cell.get_position();
        let value = xlsx_cell(cell.get_value());
        if value.is_blank() {
            continue;
        }
        if c >= MAX_COLUMNS {
            return Err(refused(tr(
                "batch-sheet-too-wide",
                &[
                    ("sheet", name.into()),
                    ("column", super::columns::column_letter(c as usize).into()),
                    ("row", (r + 1).to_string().into()),
                    ("max", MAX_COLUMNS.to_string().into()),
                ],
            )));
        }
        if r >= max_row {
            return Err(refused(tr(
                "batch-sheet-too-long",
                &[
                    ("sheet", name.into()),
                    ("row", (r + 1).to_string().into()),
                    ("max", MAX_ROWS.to_string().into()),
                ],
            )));
        }
        let row = rows.entry(r).or_default();
        let c = c as usize;
        if row.len() <= c {
            row.resize(c + 1, Cell::text(""));
        }
        row[c] = value;
    }
    Ok(rows)
}

/// The largest worksheet part read when looking for hidden rows (a 10,000-row sheet is a few
/// MB of XML).
const MAX_SHEET_XML: u64 = 64 * 1024 * 1024;

/// The first row or column a worksheet of the workbook hides (by hand, or by a filter), as
/// `(part, what)` (`what` in the operator's language: "row 3"): such a workbook is refused,
/// because the operator did not see those rows — a sheet filtered down to "pay only these"
/// would pay every row.
fn hidden_rows(bytes: &[u8]) -> Result<Option<(String, String)>> {
    use std::io::Read;
    let unreadable = |e: &dyn std::fmt::Display| {
        refused(tr(
            "batch-workbook-unreadable",
            &[("error", e.to_string().into())],
        ))
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|e| unreadable(&e))?;
        let name = part.name().map_err(|e| unreadable(&e))?.into_owned();
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".xml")) {
            continue;
        }
        let mut xml = Vec::new();
        part.take(MAX_SHEET_XML)
            .read_to_end(&mut xml)
            .map_err(|e| unreadable(&e))?;
        let text = String::from_utf8_lossy(&xml);
        for (tag, id) in [
            ("<row ", "batch-workbook-hidden-row"),
            ("<col ", "batch-workbook-hidden-column"),
        ] {
            for (at, _) in text.match_indices(tag) {
                let element = &text[at..text[at..].find('>').map_or(text.len(), |e| at + e)];
                if element.contains("hidden=\"1\"") || element.contains("hidden=\"true\"") {
                    let number = element
                        .split("r=\"")
                        .nth(1)
                        .or_else(|| element.split("min=\"").nth(1))
                        .and_then(|r| r.split('"').next())
                        .unwrap_or("?");
                    let what = tr(id, &[("number", number.into())]);
                    return Ok(Some((name, what)));
                }
            }
        }
    }
    Ok(None)
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet> {
    if let Some((_, what)) = hidden_rows(bytes)? {
        return Err(refused(tr(
            "batch-workbook-hidden",
            &[("what", what.into())],
        )));
    }
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        refused(tr(
            "batch-file-not-workbook",
            &[("error", e.to_string().into())],
        ))
    })?;
    // Only sheets the operator sees: a hidden sheet's rows are not what they meant to pay.
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut chosen = None;
    for (name, visible) in &sheets {
        if !visible {
            continue;
        }
        let cells = sheet_cells(&mut book, name)?;
        if !cells.is_empty() {
            chosen = Some((name.clone(), cells));
            break;
        }
    }
    let Some((name, cells)) = chosen else {
        return Err(refused(tr("batch-workbook-visible-empty", &[])));
    };
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut last_row: Option<u32> = None;
    let mut empty_rows = 0;
    for (index, cells) in cells {
        let row = index + 1;
        if let (Some(last), Some(_)) = (last_row, &headers) {
            // Rows with nothing in them between two with payouts.
            empty_rows += (index - last).saturating_sub(1) as usize;
        }
        last_row = Some(index);
        match headers {
            None => {
                headers = Some(
                    cells
                        .into_iter()
                        .map(|c| c.text.trim().to_owned())
                        .collect(),
                )
            }
            Some(_) => rows.push(SheetRow { row, cells }),
        }
    }
    let other_worksheets = sheets
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| *n != name)
        .collect();
    Ok(Sheet {
        format: FileFormat::Xlsx,
        encoding: None,
        separator: None,
        worksheet: Some(name),
        other_worksheets,
        headers: headers.ok_or_else(|| refused(tr("batch-workbook-empty", &[])))?,
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
