//! CSV tables for spreadsheets and for programs, on the maintained `csv` crate: the
//! reconciliation export, the audit log export and the batch result file all write through
//! here, and the export's reader reads through here.
//!
//! Guarantees, in the spreadsheet flavour:
//! - the file starts with a UTF-8 byte order mark and uses CRLF line ends (what spreadsheets
//!   expect of CSV);
//! - ids and any value a spreadsheet would read as a number, a date or a formula are written as
//!   text formulas (`="0012"`), so leading zeros stay, long numbers never turn into scientific
//!   notation, and a beneficiary named `=HYPERLINK(…)` is shown, never run; amounts stay plain
//!   decimals so they can be summed;
//! - [`read_table`] reads such a file back to the same values (round trips are tested).
//!
//! The plain flavour has no BOM, LF line ends and raw values, for scripts.

/// How the CSV is meant to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFlavor {
    /// For spreadsheets: BOM, CRLF, ids as text formulas.
    Spreadsheet,
    /// For programs: raw values, LF.
    Plain,
}

/// What each column holds, for the spreadsheet flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Always a text cell (ids, references, hashes).
    Text,
    /// A plain decimal (amounts), never protected.
    Amount,
    /// Protected only when it looks like a number, date or formula.
    Words,
}

/// Writes `rows` under `columns` (name and kind) in `flavor`, separated by `separator`.
#[must_use]
pub fn write_table(
    columns: &[(&str, ColumnKind)],
    rows: &[Vec<String>],
    flavor: CsvFlavor,
    separator: u8,
) -> Vec<u8> {
    let mut out = Vec::new();
    if flavor == CsvFlavor::Spreadsheet {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let terminator = match flavor {
        CsvFlavor::Spreadsheet => csv::Terminator::CRLF,
        CsvFlavor::Plain => csv::Terminator::Any(b'\n'),
    };
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(separator)
            .terminator(terminator)
            .flexible(true)
            .from_writer(&mut out);
        // Writing to memory cannot fail.
        // Headers come from files too (a batch's result repeats its input's): protected like
        // any words.
        let _ = w.write_record(
            columns
                .iter()
                .map(|(name, _)| cell(name, ColumnKind::Words, flavor)),
        );
        for row in rows {
            let cells = row.iter().enumerate().map(|(i, value)| {
                let kind = columns.get(i).map_or(ColumnKind::Words, |(_, k)| *k);
                cell(value, kind, flavor)
            });
            let _ = w.write_record(cells);
        }
        let _ = w.flush();
    }
    out
}

/// One value as its cell (before the CSV quoting, which the writer adds).
fn cell(value: &str, kind: ColumnKind, flavor: CsvFlavor) -> String {
    if value.is_empty() || flavor == CsvFlavor::Plain {
        return value.to_owned();
    }
    let protect = match kind {
        ColumnKind::Text => true,
        // An amount stays a number a spreadsheet can add up, unless it is not one.
        ColumnKind::Amount => starts_like_formula(value),
        ColumnKind::Words => starts_like_formula(value) || looks_numeric(value),
    };
    if protect {
        // ="…": the spreadsheet shows the text as is; quotes inside are doubled.
        format!("=\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn starts_like_formula(v: &str) -> bool {
    v.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn looks_numeric(v: &str) -> bool {
    !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'e' | 'E' | '/' | ':'))
        && v.chars().any(|c| c.is_ascii_digit())
        && !v.contains('T')
}

/// Reads a CSV written by [`write_table`] (comma-separated) back into rows of values, header
/// included, undoing the text formulas and the byte order mark.
///
/// Amounts that start like a formula (`-5`, `=1+1`) come back as written too.
///
/// # Errors
/// A description of the first malformed record.
pub fn read_table(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Quotes come in pairs in CSV (a quote inside a quoted field is doubled): an odd count is
    // a quoted field left open, which the reader would otherwise run to the end of the file.
    if text.matches('"').count() % 2 == 1 {
        return Err("a quoted field is not closed".into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!("line {}: {e}", p.line()),
            None => e.to_string(),
        })?;
        rows.push(record.iter().map(unformula).collect());
    }
    Ok(rows)
}

/// `="…"` as its text.
#[must_use]
pub fn unformula(field: &str) -> String {
    match field.strip_prefix("=\"").and_then(|f| f.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const COLUMNS: &[(&str, ColumnKind)] = &[
        ("id", ColumnKind::Text),
        ("amount", ColumnKind::Amount),
        ("name", ColumnKind::Words),
    ];

    #[test]
    fn spreadsheet_cells_keep_ids_as_text_and_amounts_as_numbers_and_formulas_inert() {
        let rows = vec![vec![
            "0012".into(),
            "1000.50".into(),
            "=HYPERLINK(\"x\")".into(),
        ]];
        let text =
            String::from_utf8(write_table(COLUMNS, &rows, CsvFlavor::Spreadsheet, b',')).unwrap();
        assert_eq!(
            text,
            "\u{feff}id,amount,name\r\n\"=\"\"0012\"\"\",1000.50,\"=\"\"=HYPERLINK(\"\"\"\"x\"\"\"\")\"\"\"\r\n"
        );
        assert_eq!(read_table(&text).unwrap()[1], rows[0]);
    }

    #[test]
    fn separators_quotes_and_line_breaks_round_trip_with_either_separator() {
        let rows = vec![vec![
            "a;b".into(),
            "1.00".into(),
            "line one\nline \"two\", end".into(),
        ]];
        for sep in [b',', b';'] {
            let bytes = write_table(COLUMNS, &rows, CsvFlavor::Spreadsheet, sep);
            let text = String::from_utf8(bytes).unwrap();
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(sep)
                .has_headers(true)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let back: Vec<String> = reader
                .records()
                .next()
                .unwrap()
                .unwrap()
                .iter()
                .map(unformula)
                .collect();
            assert_eq!(back, rows[0]);
        }
    }

    #[test]
    fn plain_output_has_raw_values_and_lf() {
        let rows = vec![vec!["0012".into(), "5.00".into(), "Ana".into()]];
        let text = String::from_utf8(write_table(COLUMNS, &rows, CsvFlavor::Plain, b',')).unwrap();
        assert_eq!(text, "id,amount,name\n0012,5.00,Ana\n");
    }

    #[test]
    fn an_unclosed_quote_is_an_error_not_a_guess() {
        assert!(read_table("a,b\n\"x,1\n").is_err());
    }
}
