//! The app's batch commands: templates, the draft under review (one at a time, held here
//! between commands, never written until the operator confirms), the batches of the
//! environment, sending in the background, and the result file. Each takes the state, calls
//! the core and turns errors into `{code, message, field?}`; every rule is the core's.
//!
//! Files: a spreadsheet the operator chooses is picked in the shell's open dialog and read here;
//! one dropped on the window arrives as the raw bytes of one command (the window reads the file
//! it was given; it has no file-system permission); the template and the result file go to a
//! file the operator chooses in the shell's save dialog.

use std::collections::HashSet;
use std::sync::Mutex;

use cashout_core::batch::records::BatchRecord;
use cashout_core::batch::result::{result_file, ResultRow};
use cashout_core::batch::template::{template, template_csv, template_xlsx};
use cashout_core::batch::{
    BatchDraft, ControlTotal, DecimalStyle, DraftPage, DraftSummary, FixedRow, RowFilter,
};
use cashout_core::desk::{DraftChoices, PayAgain, RowSent};
use cashout_core::error::Error;
use cashout_core::l10n::messages::tr;
use cashout_core::report::{write_bytes, Exported, Overwrite};
use cashout_core::settings::SettingsView;
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, Manager, Runtime};

use crate::commands::{off_async, report, Answer};
use crate::state::AppState;

/// The draft under review (with the environment it was checked for) and the batches this app
/// is sending now.
#[derive(Default)]
pub struct BatchDesk {
    draft: Mutex<Option<(String, BatchDraft)>>,
    sending: Mutex<HashSet<String>>,
}

impl BatchDesk {
    /// Whether this app is sending any batch now (an update must not restart it mid-batch).
    #[must_use]
    pub fn is_sending(&self) -> bool {
        self.sending.lock().map(|s| !s.is_empty()).unwrap_or(true)
    }
}

fn no_draft() -> Error {
    Error::InvalidInput {
        field: "file",
        message: tr("p-batch-no-review", &[]),
    }
}

/// Runs `work` on draft `batch` (the window names the draft it shows, so a window left open on
/// an older file never changes the one opened since) of the environment in use.
fn with_draft<T>(
    s: &AppState,
    batch: &str,
    work: impl FnOnce(&mut BatchDraft) -> Result<T, Error>,
) -> Result<T, Error> {
    let scope = s.workspace.desk()?.environment_scope();
    let mut held = s.batches.draft.lock().map_err(|_| no_draft())?;
    match held.as_mut() {
        Some((_, draft)) if draft.batch_id != batch => Err(Error::InvalidInput {
            field: "file",
            message: tr("p-batch-review-replaced", &[]),
        }),
        Some((for_scope, draft)) if *for_scope == scope => work(draft),
        Some(_) => {
            *held = None;
            Err(Error::InvalidInput {
                field: "file",
                message: tr("p-batch-other-environment", &[]),
            })
        }
        None => Err(no_draft()),
    }
}

/// The file the operator chooses in the save dialog, with `extension`'s filter.
async fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    name: &str,
    extension: &str,
) -> Option<std::path::PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let filter = tr(
        if extension == "xlsx" {
            "p-filter-workbook"
        } else {
            "p-filter-csv"
        },
        &[],
    );
    app.dialog()
        .file()
        .add_filter(&filter, &[extension])
        .set_file_name(name)
        .save_file(move |p| {
            let _ = tx.send(p);
        });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// The template of a country and method, to a file the operator chooses; `null` when the
/// dialog was closed.
#[tauri::command]
pub async fn batch_template<R: Runtime>(
    app: AppHandle<R>,
    country: String,
    method: Option<String>,
    xlsx: bool,
) -> Answer<Option<Exported>> {
    let t = template(&country, method.as_deref()).map_err(report)?;
    let (bytes, ext) = if xlsx {
        (template_xlsx(&t).map_err(report)?, "xlsx")
    } else {
        (template_csv(&t).map_err(report)?, "csv")
    };
    let Some(path) = save_as(&app, &format!("{}.{ext}", t.name), ext).await else {
        return Ok(None);
    };
    off_async(&app, move |_| {
        write_bytes(&path, &bytes, Overwrite::Yes)?;
        Ok(Some(Exported {
            file: path.display().to_string(),
            rows: t.rows.len(),
        }))
    })
    .await
}

/// Reads a file the operator picked or dropped (its bytes are the request's body; its name
/// and decimal style are the `x-file-name` and `x-decimal` headers) and checks every row.
/// Replaces any draft under review.
#[tauri::command]
pub async fn batch_open<R: Runtime>(
    app: AppHandle<R>,
    request: Request<'_>,
) -> Answer<DraftSummary> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(report(Error::InvalidInput {
            field: "file",
            message: tr("p-batch-bytes-missing", &[]),
        }));
    };
    let bytes = bytes.clone();
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let name = header("x-file-name")
        .map(|n| percent_decode(&n))
        .unwrap_or_else(|| "batch".into());
    let decimal = match header("x-decimal").as_deref() {
        Some("comma") => DecimalStyle::Comma,
        _ => DecimalStyle::Point,
    };
    off_async(&app, move |s| open_draft(s, &bytes, &name, decimal)).await
}

/// "Choose a file…": the shell's open dialog, and the file read here (the window never sees
/// its bytes); `null` when the dialog was closed. Replaces any draft under review.
#[tauri::command]
pub async fn batch_pick<R: Runtime>(
    app: AppHandle<R>,
    decimal: DecimalStyle,
) -> Answer<Option<DraftSummary>> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter(tr("p-filter-spreadsheets", &[]), &["csv", "txt", "xlsx"])
        .pick_file(move |p| {
            let _ = tx.send(p);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    off_async(&app, move |s| {
        let unreadable = |e: std::io::Error| Error::InvalidInput {
            field: "file",
            message: tr(
                "p-file-unreadable",
                &[
                    ("file", path.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            ),
        };
        let limit = cashout_core::batch::read::MAX_FILE_BYTES;
        let size = std::fs::metadata(&path).map_err(unreadable)?.len();
        if size > limit as u64 {
            return Err(Error::InvalidInput {
                field: "file",
                message: tr(
                    "p-batch-file-too-large",
                    &[
                        ("file", path.display().to_string().into()),
                        ("size", (size / (1024 * 1024)).to_string().into()),
                        ("limit", (limit / (1024 * 1024)).to_string().into()),
                    ],
                ),
            });
        }
        let bytes = std::fs::read(&path).map_err(unreadable)?;
        let name = path
            .file_name()
            .map_or_else(|| "batch".into(), |n| n.to_string_lossy().into_owned());
        open_draft(s, &bytes, &name, decimal).map(Some)
    })
    .await
}

/// Checks `bytes` (a file named `name`) as the draft under review.
fn open_draft(
    s: &AppState,
    bytes: &[u8],
    name: &str,
    decimal: DecimalStyle,
) -> Result<DraftSummary, Error> {
    let desk = s.workspace.desk()?;
    let notification_url = SettingsView::from(s.workspace.settings()).notification_url;
    let draft = desk.batch_draft(
        bytes,
        name,
        DraftChoices {
            decimal,
            mapping: None,
            notification_url,
        },
    )?;
    let summary = draft.summary();
    *s.batches.draft.lock().map_err(|_| no_draft())? = Some((desk.environment_scope(), draft));
    Ok(summary)
}

/// `%XX` escapes of a header value (the window encodes the file's name, which may hold any
/// character); anything malformed is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The draft's summary (after a restart of the window, or a switch of views).
#[tauri::command]
pub async fn batch_draft<R: Runtime>(app: AppHandle<R>) -> Answer<Option<DraftSummary>> {
    off_async(&app, |s| {
        let scope = s.workspace.desk()?.environment_scope();
        let held = s.batches.draft.lock().map_err(|_| no_draft())?;
        Ok(held
            .as_ref()
            .filter(|(for_scope, _)| *for_scope == scope)
            .map(|(_, d)| d.summary()))
    })
    .await
}

/// A page of the draft's rows for the grid.
#[tauri::command]
pub async fn batch_draft_rows<R: Runtime>(
    app: AppHandle<R>,
    batch: String,
    filter: RowFilter,
    offset: usize,
    limit: usize,
) -> Answer<DraftPage> {
    off_async(&app, move |s| {
        with_draft(s, &batch, |d| Ok(d.page(filter, offset, limit)))
    })
    .await
}

/// The file's decimal style, as the operator declares it: every row is checked again.
#[tauri::command]
pub async fn batch_set_decimal<R: Runtime>(
    app: AppHandle<R>,
    batch: String,
    decimal: DecimalStyle,
) -> Answer<DraftSummary> {
    off_async(&app, move |s| {
        with_draft(s, &batch, |d| {
            d.set_decimal(decimal);
            Ok(d.summary())
        })
    })
    .await
}

/// The field each column fills, as the operator chose: every row is checked again.
#[tauri::command]
pub async fn batch_set_mapping<R: Runtime>(
    app: AppHandle<R>,
    batch: String,
    choices: Vec<Option<String>>,
) -> Answer<DraftSummary> {
    off_async(&app, move |s| {
        with_draft(s, &batch, |d| {
            d.set_mapping(&choices)?;
            Ok(d.summary())
        })
    })
    .await
}

/// A cell fixed in place: the row is checked again.
#[tauri::command]
pub async fn batch_fix_cell<R: Runtime>(
    app: AppHandle<R>,
    batch: String,
    row: u32,
    column: usize,
    text: String,
) -> Answer<FixedRow> {
    off_async(&app, move |s| {
        with_draft(s, &batch, |d| {
            let row = d.fix(row, column, &text)?.clone();
            Ok(FixedRow {
                row,
                summary: d.summary(),
            })
        })
    })
    .await
}

/// Leaves a row out (or puts it back).
#[tauri::command]
pub async fn batch_exclude<R: Runtime>(
    app: AppHandle<R>,
    batch: String,
    row: u32,
    excluded: bool,
) -> Answer<DraftSummary> {
    off_async(&app, move |s| {
        with_draft(s, &batch, |d| {
            d.exclude(row, excluded)?;
            Ok(d.summary())
        })
    })
    .await
}

/// Drops the draft under review; nothing was written.
#[tauri::command]
pub async fn batch_discard<R: Runtime>(app: AppHandle<R>) -> Answer<()> {
    off_async(&app, |s| {
        *s.batches.draft.lock().map_err(|_| no_draft())? = None;
        Ok(())
    })
    .await
}

/// Writes the draft as a batch ahead of any send, once the control totals match; the draft is
/// then closed.
#[tauri::command]
pub async fn batch_confirm<R: Runtime>(
    app: AppHandle<R>,
    batch: String,
    controls: Vec<ControlTotal>,
    rate: u32,
    same_file_again: bool,
    pay_duplicates_again: bool,
) -> Answer<BatchRecord> {
    let (desk, draft) = off_async(&app, move |s| {
        let desk = s.workspace.desk()?;
        desk.connect()?;
        let draft = with_draft(s, &batch, |d| Ok(d.clone()))?;
        Ok((desk, draft))
    })
    .await?;
    let again = PayAgain {
        same_file: same_file_again,
        duplicates: pay_duplicates_again,
    };
    let written = desk
        .confirm_batch(&draft, &controls, rate, again)
        .await
        .map_err(report)?;
    if let Ok(mut held) = app.state::<AppState>().batches.draft.lock() {
        if held.as_ref().is_some_and(|(_, d)| d.batch_id == written.id) {
            *held = None;
        }
    }
    Ok(written)
}

/// The batches of the environment in use, newest first.
#[tauri::command]
pub async fn batch_list<R: Runtime>(app: AppHandle<R>) -> Answer<Vec<BatchRecord>> {
    off_async(&app, |s| s.workspace.desk()?.batches()).await
}

/// One batch with its progress.
#[tauri::command]
pub async fn batch_status<R: Runtime>(app: AppHandle<R>, id: String) -> Answer<BatchRecord> {
    off_async(&app, move |s| s.workspace.desk()?.batch(&id)).await
}

/// A batch's rows with what each became.
#[tauri::command]
pub async fn batch_results<R: Runtime>(app: AppHandle<R>, id: String) -> Answer<Vec<ResultRow>> {
    off_async(&app, move |s| Ok(s.workspace.desk()?.batch_results(&id)?.1)).await
}

/// Starts sending (or resumes) a batch in the background at `rate` requests a minute (its own
/// when null); the window follows its progress with `batch_status`.
#[tauri::command]
pub async fn batch_send<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    rate: Option<u32>,
) -> Answer<BatchRecord> {
    let desk = crate::commands::connected_desk(&app).await?;
    let batch = desk.batch(&id).map_err(report)?;
    {
        let state = app.state::<AppState>();
        let mut sending = state.batches.sending.lock().map_err(|_| {
            report(Error::InvalidInput {
                field: "batch",
                message: tr("p-batch-state-unusable", &[]),
            })
        })?;
        if !sending.insert(batch.id.clone()) {
            return Ok(batch);
        }
        // Marked sending first, then the install's flag read (see `UpdateDesk::sending`).
        if state.updates.installing() {
            sending.remove(&batch.id);
            return Err(report(Error::InvalidInput {
                field: "update",
                message: tr("p-update-batch-refused", &[]),
            }));
        }
    }
    let handle = app.clone();
    let id = batch.id.clone();
    tauri::async_runtime::spawn(async move {
        let watch = handle.clone();
        let report_row = move |_: &RowSent, _: &BatchRecord| {
            // Each row's payout is new or changed: the list and the watcher see it.
            watch.state::<AppState>().watch.poke();
        };
        let _ = desk.send_batch(&id, rate, &report_row).await;
        if let Ok(mut sending) = handle.state::<AppState>().batches.sending.lock() {
            sending.remove(&id);
        }
    });
    Ok(batch)
}

/// Pauses a batch after the row being sent.
#[tauri::command]
pub async fn batch_pause<R: Runtime>(app: AppHandle<R>, id: String) -> Answer<BatchRecord> {
    let desk = app.state::<AppState>().workspace.desk().map_err(report)?;
    desk.pause_batch(&id).await.map_err(report)
}

/// Cancels the rest of a batch: rows not sent yet are marked never sent.
#[tauri::command]
pub async fn batch_cancel<R: Runtime>(app: AppHandle<R>, id: String) -> Answer<BatchRecord> {
    let desk = app.state::<AppState>().workspace.desk().map_err(report)?;
    desk.cancel_batch(&id).await.map_err(report)
}

/// The result file (input columns and outcomes), CSV in the file's separator or XLSX, to a
/// file the operator chooses; `null` when the dialog was closed.
#[tauri::command]
pub async fn batch_save_results<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    xlsx: bool,
) -> Answer<Option<Exported>> {
    let (batch, rows): (BatchRecord, Vec<ResultRow>) =
        off_async(&app, move |s| s.workspace.desk()?.batch_results(&id)).await?;
    let ext = if xlsx { "xlsx" } else { "csv" };
    let stem = batch
        .file_name
        .rsplit_once('.')
        .map_or(batch.file_name.as_str(), |(stem, _)| stem);
    let Some(path) = save_as(&app, &format!("{stem}-result.{ext}"), ext).await else {
        return Ok(None);
    };
    off_async(&app, move |_| {
        let bytes = result_file(&batch, &rows, xlsx)?;
        write_bytes(&path, &bytes, Overwrite::Yes)?;
        Ok(Some(Exported {
            file: path.display().to_string(),
            rows: rows.len(),
        }))
    })
    .await
}
