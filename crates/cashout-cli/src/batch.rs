//! `cashout batch …`: templates, import, sending, status and results of batch payouts from the
//! command line. Every rule is the core's (`cashout_core::batch`, `Desk::*_batch`); this file
//! parses, calls the desk and prints, in the same contract as the other commands (one JSON
//! object on stdout; a dry run's verdicts and a send's progress as JSON lines).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use cashout_core::batch::records::BatchRecord;
use cashout_core::batch::result::result_file;
use cashout_core::batch::template::{template, template_csv, template_xlsx};
use cashout_core::batch::{ControlTotal, DecimalStyle, FileFormat};
use cashout_core::desk::{Desk, DraftChoices, PayAgain, RowSent, DEFAULT_RATE_PER_MINUTE};
use cashout_core::error::Error;
use cashout_core::l10n::messages::tr;
use cashout_core::report::{write_bytes, Overwrite};
use serde_json::json;

use crate::args::BatchCommand;
use crate::run::print_success;

fn invalid(field: &'static str, message: impl Into<String>) -> Error {
    Error::InvalidInput {
        field,
        message: message.into(),
    }
}

fn overwrite(yes: bool) -> Overwrite {
    if yes {
        Overwrite::Yes
    } else {
        Overwrite::No
    }
}

/// `CUR:COUNT:TOTAL`.
fn control(text: &str) -> Result<ControlTotal, Error> {
    let mut parts = text.splitn(3, ':');
    let (Some(currency), Some(count), Some(total)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid(
            "control_total",
            tr("p-cli-control-total-shape", &[("typed", text.into())]),
        ));
    };
    let count = count.trim().parse().map_err(|_| {
        invalid(
            "control_total",
            tr("p-cli-control-total-count", &[("typed", text.into())]),
        )
    })?;
    Ok(ControlTotal {
        currency: currency.trim().to_ascii_uppercase(),
        count,
        total: total.trim().to_owned(),
    })
}

/// The mapping the operator asked for over the file's headers.
fn mapping(headers: &[String], map: &[String]) -> Result<Option<Vec<Option<String>>>, Error> {
    if map.is_empty() {
        return Ok(None);
    }
    let mut auto: Vec<Option<String>> = cashout_core::batch::columns::map_headers(headers)
        .into_iter()
        .map(|m| m.field)
        .collect();
    for m in map {
        let Some((header, field)) = m.split_once('=') else {
            return Err(invalid(
                "mapping",
                tr("p-cli-mapping-shape", &[("typed", m.as_str().into())]),
            ));
        };
        let Some(i) = headers.iter().position(|h| h.trim() == header.trim()) else {
            return Err(invalid(
                "mapping",
                tr(
                    "p-cli-mapping-no-column",
                    &[
                        ("column", format!("{header:?}").into()),
                        ("columns", headers.join(", ").into()),
                    ],
                ),
            ));
        };
        let field = field.trim();
        auto[i] = (field != "none").then(|| field.to_owned());
    }
    Ok(Some(auto))
}

/// Runs one `cashout batch` command. `notification_url` is the app's setting for this
/// environment.
pub async fn command(
    desk: &Desk,
    action: &BatchCommand,
    notification_url: String,
) -> Result<ExitCode, Error> {
    Ok(match action {
        BatchCommand::Template {
            country,
            method,
            xlsx,
            out,
            overwrite: replace,
        } => {
            let t = template(country, method.as_deref())?;
            let (bytes, ext) = if *xlsx {
                (template_xlsx(&t)?, "xlsx")
            } else {
                (template_csv(&t)?, "csv")
            };
            let path = out
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("{}.{ext}", t.name)));
            write_bytes(&path, &bytes, overwrite(*replace))?;
            print_success(&json!({
                "file": path, "columns": t.headers, "example_rows": t.rows.len()
            }))
        }
        BatchCommand::Import {
            file,
            decimal_comma,
            dry_run,
            map,
            exclude,
            control: controls,
            rate,
            same_file_again,
            pay_duplicates_again,
            notification_url: url,
        } => {
            let options = ImportOptions {
                decimal_comma: *decimal_comma,
                dry_run: *dry_run,
                rate: *rate,
                again: PayAgain {
                    same_file: *same_file_again,
                    duplicates: *pay_duplicates_again,
                },
                notification_url: url.clone().unwrap_or(notification_url),
            };
            import(desk, file, map, exclude, controls, options).await?
        }
        BatchCommand::Send { id, rate } | BatchCommand::Resume { id, rate } => {
            send(desk, id, *rate).await?
        }
        BatchCommand::Pause { id } => {
            print_success(&json!({ "batch": desk.pause_batch(id).await? }))
        }
        BatchCommand::Cancel { id } => {
            print_success(&json!({ "batch": desk.cancel_batch(id).await? }))
        }
        BatchCommand::Status { id: Some(id) } => {
            print_success(&json!({ "batch": desk.batch(id)? }))
        }
        BatchCommand::Status { id: None } => print_success(&json!({ "batches": desk.batches()? })),
        BatchCommand::Results {
            id,
            out,
            xlsx,
            overwrite: replace,
        } => {
            let (batch, rows) = desk.batch_results(id)?;
            let bytes = result_file(&batch, &rows, *xlsx)?;
            write_bytes(out, &bytes, overwrite(*replace))?;
            print_success(&json!({ "file": out, "rows": rows.len(), "batch": batch }))
        }
    })
}

/// What `batch import` was told besides the file, mapping, exclusions and control totals.
struct ImportOptions {
    decimal_comma: bool,
    dry_run: bool,
    rate: Option<u32>,
    again: PayAgain,
    notification_url: String,
}

async fn import(
    desk: &Desk,
    file: &Path,
    map: &[String],
    exclude: &[u32],
    controls: &[String],
    o: ImportOptions,
) -> Result<ExitCode, Error> {
    let ImportOptions {
        decimal_comma,
        dry_run,
        rate,
        again,
        notification_url,
    } = o;
    let bytes = std::fs::read(file).map_err(|e| {
        invalid(
            "file",
            tr(
                "p-file-unreadable",
                &[
                    ("file", file.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            ),
        )
    })?;
    let name = file
        .file_name()
        .map_or_else(|| "batch".into(), |n| n.to_string_lossy().into_owned());
    let decimal = if decimal_comma {
        DecimalStyle::Comma
    } else {
        DecimalStyle::Point
    };
    let choices = DraftChoices {
        decimal,
        mapping: None,
        notification_url,
    };
    let mut draft = desk.batch_draft(&bytes, &name, choices)?;
    if let Some(chosen) = mapping(&draft.headers, map)? {
        draft.set_mapping(&chosen)?;
    }
    for row in exclude {
        draft.exclude(*row, true)?;
    }
    if dry_run {
        let mut out = std::io::stdout().lock();
        for v in &draft.rows {
            let _ = writeln!(
                out,
                "{}",
                json!({
                    "row": v.row,
                    "external_id": v.external_id,
                    "ready": v.ready(),
                    "excluded": v.excluded,
                    "errors": v.errors,
                    "warnings": v.warnings,
                    "request": v.request,
                })
            );
        }
        drop(out);
        return Ok(print_success(&json!({ "summary": draft.summary() })));
    }
    let typed = controls
        .iter()
        .map(|c| control(c))
        .collect::<Result<Vec<_>, _>>()?;
    if typed.is_empty() {
        let totals = draft.summary().totals;
        return Err(invalid(
            "control_total",
            tr(
                "p-cli-control-totals-missing",
                &[(
                    "currencies",
                    totals
                        .iter()
                        .map(|t| t.currency.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                )],
            ),
        ));
    }
    let batch = desk
        .confirm_batch(
            &draft,
            &typed,
            rate.unwrap_or(DEFAULT_RATE_PER_MINUTE),
            again,
        )
        .await?;
    Ok(print_success(&json!({ "batch": batch, "file": {
        "format": match draft.file.format { FileFormat::Csv => "csv", FileFormat::Xlsx => "xlsx" },
        "encoding": draft.file.encoding,
        "separator": draft.file.separator,
    } })))
}

/// Progress of a send as a JSON line on stderr: counts per outcome and time left.
fn progress(sent: &RowSent, batch: &BatchRecord, started: Instant, done_at_start: u32) {
    let p = &batch.progress;
    let settled = p.settled();
    let done_here = settled.saturating_sub(done_at_start).max(1);
    let left = p.waiting + p.in_flight;
    let per_row = started.elapsed().as_secs_f64() / f64::from(done_here);
    eprintln!(
        "{}",
        json!({
            "progress": {
                "row": sent.row,
                "outcome": sent.outcome,
                "message": sent.message,
                "created": p.created,
                "declined": p.declined,
                "not_sent": p.not_sent,
                "in_flight": p.in_flight,
                "waiting": p.waiting,
                "of": p.payouts,
                "seconds_left": (per_row * f64::from(left)).round() as u64,
            }
        })
    );
}

async fn send(desk: &Desk, id: &str, rate: Option<u32>) -> Result<ExitCode, Error> {
    let before = desk.batch(id)?;
    let started = Instant::now();
    let done_at_start = before.progress.settled();
    let report = move |sent: &RowSent, batch: &BatchRecord| {
        progress(sent, batch, started, done_at_start);
    };
    let (end, batch) = desk.send_batch(id, rate, &report).await?;
    Ok(print_success(&json!({ "end": end, "batch": batch })))
}
