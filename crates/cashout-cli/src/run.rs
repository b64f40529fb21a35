//! Carries out one command: resolves the environment, the journal and (only when the provider
//! is called) the credentials, calls the core, prints the result.
//!
//! The journal is the desktop app's (one data directory for both, see
//! `cashout_core::datadir`), unless `--journal` names another file. Everything read from
//! outside is bounded: a create file by `MAX_CREATE_JSON`, credentials on stdin by
//! `MAX_STDIN_CREDENTIALS`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::parse::{parse_create, MAX_CREATE_JSON};
use cashout_core::api::types::{CashoutId, CashoutRef, CreateCashout};
use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
use cashout_core::clock::SystemClock;
use cashout_core::credentials::{
    CredentialStatus, CredentialStore, Credentials, KeyringStore, Secret, APP_IDENTIFIER,
};
use cashout_core::datadir;
use cashout_core::desk::{CreateOptions, Desk, RetryPolicy};
use cashout_core::environment::{Environment, EnvironmentKind};
use cashout_core::error::Error;
use cashout_core::journal::{Journal, ListFilter, SortKey};
use cashout_core::l10n::messages::{self, active, tr};
use cashout_core::l10n::Locale;
use cashout_core::overview::OverviewQuery;
use cashout_core::period::Period;
use cashout_core::report::CsvFlavor;
use cashout_core::settings::SettingsFile;
use cashout_core::status::CashoutStatus;
use cashout_core::watch::{WatchConfig, Watcher};
use okp_sandbox::{Sandbox, SandboxConfig, Timings};
use serde::Serialize;
use serde_json::json;

use crate::args::{
    AuditCommand, BatchCommand, BeneficiaryCommand, Cli, Command, CredentialsAction, Filters,
    PeriodArg, SortArg, Which,
};

/// Largest credentials input read from stdin (four short lines).
const MAX_STDIN_CREDENTIALS: u64 = 16 * 1024;

/// How long a command's start-up reconcile may take before the command goes on.
const STARTUP_RECONCILE_LIMIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Prints a failure object on stderr.
pub fn print_failure(value: &serde_json::Value) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{value}");
}

pub(crate) fn print_success<T: Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string(value) {
        Ok(text) => {
            // A reader that went away (`| head`) is not this command's failure.
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_failure(&json!({ "code": "output", "message": e.to_string() }));
            ExitCode::from(1)
        }
    }
}

fn fail(error: &Error) -> ExitCode {
    let report = error.report();
    print_failure(
        &serde_json::to_value(&report).unwrap_or_else(|_| json!({ "code": report.code })),
    );
    match error {
        Error::Validation(_) | Error::InvalidInput { .. } | Error::Environment(_) => {
            ExitCode::from(2)
        }
        _ => ExitCode::from(1),
    }
}

/// Runs the parsed command.
pub async fn run(cli: Cli) -> ExitCode {
    // The language of human messages: --lang, else the system's (LANG); never the JSON's shape.
    messages::set_active(match &cli.lang {
        Some(tag) => Locale::negotiate(tag),
        None => Locale::from_os(),
    });
    match execute(cli).await {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

/// The data directory, and whether it is the shared default one (into which an earlier
/// version's journal is merged on first use).
fn data_dir(cli: &Cli) -> Result<(PathBuf, bool), Error> {
    if let Some(p) = &cli.journal {
        return Ok((p.parent().map(PathBuf::from).unwrap_or_default(), false));
    }
    datadir::data_dir().ok_or_else(|| Error::Journal(tr("p-cli-no-data-dir", &[])))
}

/// Opens the journal (the shared one unless `--journal` or `--team` says otherwise); notes
/// what an adoption of an earlier version's journal did on stderr, as JSON lines.
async fn open_journal(cli: &Cli) -> Result<Journal, Error> {
    if let Some(profile) = &cli.team {
        let (profile, password) = crate::team::team_profile(profile)?;
        return Journal::open_team(&profile, &password, Arc::new(SystemClock)).await;
    }
    if let Some(p) = &cli.journal {
        return Journal::open(p, Arc::new(SystemClock));
    }
    let (dir, default) = data_dir(cli)?;
    // The team journal chosen in the desktop app's settings, as the app would open it.
    if let Some(profile) = SettingsFile::in_dir(&dir).load().team {
        let password = match std::env::var(crate::team::PASSWORD_VAR)
            .ok()
            .filter(|p| !p.is_empty())
        {
            Some(p) => Secret::new(p),
            None => keychain()?
                .load_secret(&profile.keychain_scope())?
                .ok_or_else(|| Error::InvalidInput {
                    field: "password",
                    message: tr(
                        "p-cli-team-password-missing",
                        &[
                            ("database", profile.database.clone().into()),
                            ("user", profile.user.clone().into()),
                            ("variable", crate::team::PASSWORD_VAR.into()),
                        ],
                    ),
                })?,
        };
        return Journal::open_team(&profile, &password, Arc::new(SystemClock)).await;
    }
    let (journal, notes) = datadir::open_journal(&dir, Arc::new(SystemClock), default)?;
    for note in notes {
        print_failure(&json!({ "code": "notice", "message": note }));
    }
    Ok(journal)
}

fn environment_kind(cli: &Cli) -> Result<Option<EnvironmentKind>, Error> {
    cli.env
        .as_deref()
        .map(|name| {
            EnvironmentKind::from_name(name).ok_or_else(|| {
                Error::Environment(cashout_core::environment::UrlProblem::UnknownEnvironment(
                    name.into(),
                ))
            })
        })
        .transpose()
}

/// The environment, and the embedded sandbox when it has to run in this process.
async fn environment(cli: &Cli) -> Result<(Environment, Option<Sandbox>), Error> {
    let kind = environment_kind(cli)?;
    match (kind, cli.base_url.as_deref()) {
        (None, Some(url)) => Ok((Environment::from_base_url(url)?, None)),
        (Some(EnvironmentKind::Sandbox), Some(_)) => Err(Error::InvalidInput {
            field: "base_url",
            message: tr("p-cli-sandbox-with-url", &[]),
        }),
        (Some(k), Some(url)) => {
            if k.fixed_base_url().is_some() {
                return Err(Error::InvalidInput {
                    field: "base_url",
                    message: tr("p-cli-fixed-host", &[("environment", k.name().into())]),
                });
            }
            Ok((Environment::resolve(k, Some(url))?, None))
        }
        (Some(EnvironmentKind::Sandbox) | None, None) => {
            // No URL: run the embedded sandbox here, on its file beside the journal, so that
            // consecutive commands see the same sandbox.
            let sandbox = start_sandbox(cli, 0, false).await?;
            let env = Environment::resolve(EnvironmentKind::Sandbox, Some(&sandbox.base_url()))?;
            Ok((env, Some(sandbox)))
        }
        (Some(k), None) => Ok((Environment::resolve(k, None)?, None)),
    }
}

async fn start_sandbox(cli: &Cli, port: u16, reset: bool) -> Result<Sandbox, Error> {
    let db_path = data_dir(cli)?.0.join(datadir::SANDBOX_FILE);
    let config = SandboxConfig {
        db_path,
        port,
        clock: Arc::new(SystemClock),
        timings: Timings::default(),
    };
    let sandbox = Sandbox::start(config)
        .await
        .map_err(|e| Error::InvalidInput {
            field: "port",
            message: tr(
                "p-cli-sandbox-not-started",
                &[("detail", e.to_string().into())],
            ),
        })?;
    // The provider accepts its own sample documents that fail national check digits, so the
    // demo sandbox takes the operator's override as the provider would.
    sandbox.override_check_digits(true);
    if reset {
        sandbox.reset().map_err(|e| {
            Error::Journal(tr(
                "p-cli-sandbox-not-reset",
                &[("detail", e.to_string().into())],
            ))
        })?;
    }
    Ok(sandbox)
}

const CREDENTIAL_VARS: [&str; 3] = ["OKP_API_KEY", "OKP_API_PASSPHRASE", "OKP_API_SIGNATURE"];

/// Credentials from the environment: all three variables, or none (then the keychain).
fn credentials_from_env() -> Result<Option<Credentials>, Error> {
    let values: Vec<Option<String>> = CREDENTIAL_VARS
        .iter()
        .map(|v| std::env::var(v).ok())
        .collect();
    match values.as_slice() {
        [Some(key), Some(pass), Some(sig)] => {
            let creds = Credentials {
                api_key: key.clone(),
                passphrase: Secret::new(pass.clone()),
                signature: Secret::new(sig.clone()),
                read_only_key: std::env::var("OKP_READ_ONLY_KEY")
                    .ok()
                    .filter(|k| !k.is_empty())
                    .map(Secret::new),
            };
            // Set but empty (or too long) is a mistake, not credentials.
            creds.check().map_err(|p| Error::InvalidInput {
                field: "credentials",
                message: tr(
                    "p-cli-credential-variables",
                    &[("problem", p.message(active().lang()).into())],
                ),
            })?;
            Ok(Some(creds))
        }
        [None, None, None] => Ok(None),
        _ => Err(Error::InvalidInput {
            field: "credentials",
            message: tr("p-cli-credential-variables-partial", &[]),
        }),
    }
}

fn keychain() -> Result<KeyringStore, Error> {
    Ok(KeyringStore::open(APP_IDENTIFIER)?)
}

/// The credentials of `env`: the environment variables, else the embedded sandbox's demo
/// values, else the keychain. A `local` URL (another sandbox, or a tunnel that refuses them)
/// uses the demo values when the keychain holds none for it or cannot be reached. Called only
/// when the provider is called.
fn credentials(env: &Environment) -> Result<Credentials, Error> {
    if let Some(c) = credentials_from_env()? {
        return Ok(c);
    }
    match env.kind {
        EnvironmentKind::Sandbox => Ok(okp_sandbox::demo_credentials()),
        EnvironmentKind::Local => Ok(keychain()
            .and_then(|k| Ok(k.load(&env.scope())?))
            .ok()
            .flatten()
            .unwrap_or_else(okp_sandbox::demo_credentials)),
        _ => keychain()?
            .load(&env.scope())?
            .ok_or_else(|| Error::MissingCredentials(env.to_string())),
    }
}

pub(crate) fn which(w: &Which) -> Result<CashoutRef, Error> {
    match (w.id, &w.external_id) {
        (Some(id), _) => cashout_id(id).map(CashoutRef::Id),
        (None, Some(x)) => Ok(CashoutRef::ExternalId(x.clone())),
        (None, None) => Err(Error::InvalidInput {
            field: "id",
            message: tr("p-cli-give-id", &[]),
        }),
    }
}

fn cashout_id(id: i64) -> Result<CashoutId, Error> {
    if id > 0 {
        Ok(CashoutId(id))
    } else {
        Err(Error::InvalidInput {
            field: "id",
            message: tr("p-cli-id-positive", &[]),
        })
    }
}

/// Reads a create from a file or stdin, at most [`MAX_CREATE_JSON`] bytes (one more is read,
/// to tell a file that is too long), by the core's rules for creates written by others.
fn read_request(path: &str) -> Result<CreateCashout, Error> {
    let limit = MAX_CREATE_JSON as u64 + 1;
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| Error::InvalidInput {
        field: "json",
        message: tr(
            "p-file-unreadable",
            &[("file", path.into()), ("detail", e.to_string().into())],
        ),
    })?;
    if bytes.len() > MAX_CREATE_JSON {
        return Err(Error::Validation(vec![
            cashout_core::validate::FieldError {
                field: "json".into(),
                code: cashout_core::validate::code::INVALID_FORMAT,
                message: tr(
                    "p-request-too-large",
                    &[
                        ("file", path.into()),
                        ("limit", (MAX_CREATE_JSON / 1024).to_string().into()),
                    ],
                ),
            },
        ]));
    }
    let text = String::from_utf8(bytes).map_err(|_| Error::InvalidInput {
        field: "json",
        message: tr("p-request-not-utf8", &[]),
    })?;
    parse_create(&text).map_err(Error::Validation)
}

async fn execute(cli: Cli) -> Result<ExitCode, Error> {
    match &cli.command {
        Command::Sandbox { port, reset } => {
            let sandbox = start_sandbox(&cli, *port, *reset).await?;
            let url = sandbox.base_url();
            print_success(&json!({ "url": url, "api_key": okp_sandbox::DEMO_API_KEY }));
            let _ = std::io::stdout().flush();
            let _ = tokio::signal::ctrl_c().await;
            sandbox.shutdown().await;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Credentials { action } => return credentials_command(&cli, action).await,
        Command::Team { action } => return crate::team::command(&cli, action).await,
        // A dry run checks the request only: no journal opened, no sandbox started, nothing
        // written.
        Command::Create {
            json,
            override_check_digits,
            dry_run: true,
            ..
        } => {
            let kind = match (environment_kind(&cli)?, cli.base_url.as_deref()) {
                (Some(k), _) => k,
                (None, Some(url)) => Environment::from_base_url(url)?.kind,
                (None, None) => EnvironmentKind::Sandbox,
            };
            let request = read_request(json)?;
            return Ok(print_success(&cashout_core::desk::dry_run(
                kind,
                &request,
                *override_check_digits,
            )?));
        }
        _ => {}
    }
    // An environment that does not exist is said first, whatever else is wrong.
    environment_kind(&cli)?;
    // A journal named explicitly must be there for what only reads it: a mistyped path would
    // otherwise read as an empty journal (and create one).
    if let Some(path) = &cli.journal {
        let reads_only = matches!(
            cli.command,
            Command::List { .. }
                | Command::History(_)
                | Command::Holds
                | Command::Overview { .. }
                | Command::Export { .. }
                | Command::Exchanges(_)
                | Command::Audit { .. }
                | Command::Reconcile
                | Command::Resend(_)
                | Command::Abandon { .. }
        );
        if reads_only && !path.exists() {
            return Err(Error::InvalidInput {
                field: "journal",
                message: tr(
                    "p-cli-no-journal",
                    &[("file", path.display().to_string().into())],
                ),
            });
        }
    }
    let (env, sandbox) = environment(&cli).await?;
    let journal = Arc::new(open_journal(&cli).await?);
    let window = SettingsFile::in_dir(&data_dir(&cli)?.0)
        .load()
        .open_create_window();
    // Credentials are loaded when the provider is first called: reading needs none.
    let desk = Desk::connecting(
        env,
        |env| {
            Client::new(env.clone(), credentials(env)?, ClientOptions::default())
                .map_err(|e| Error::Network(e.to_string()))
        },
        journal,
        RetryPolicy::default(),
    )
    .with_open_window(window);
    let result = dispatch(&cli, desk).await;
    if let Some(s) = sandbox {
        s.shutdown().await;
    }
    result
}

async fn dispatch(cli: &Cli, desk: Desk) -> Result<ExitCode, Error> {
    // Every start reconciles creates an earlier run left unknown, before anything new is sent;
    // bounded, so an unreachable host does not hold up the command (what is left stays open).
    if !matches!(
        cli.command,
        Command::List { .. }
            | Command::History(_)
            | Command::Reconcile
            | Command::Watch { .. }
            | Command::Holds
            | Command::Overview { .. }
            | Command::Export { .. }
            | Command::Exchanges(_)
            | Command::Audit { .. }
            | Command::Abandon { .. }
            | Command::Approvals { .. }
            | Command::Batch {
                action: BatchCommand::Template { .. }
                    | BatchCommand::Import { .. }
                    | BatchCommand::Pause { .. }
                    | BatchCommand::Cancel { .. }
                    | BatchCommand::Status { .. }
                    | BatchCommand::Results { .. }
            }
    ) {
        if let Ok(result) = tokio::time::timeout(STARTUP_RECONCILE_LIMIT, desk.reconcile()).await {
            result?;
        }
    }
    Ok(match &cli.command {
        Command::Create {
            json,
            override_check_digits,
            dry_run,
            pay_again_of,
            corrects,
        } => {
            let request = read_request(json)?;
            if *dry_run {
                // Answered above, before anything was opened.
                ExitCode::SUCCESS
            } else {
                let options = CreateOptions {
                    override_check_digits: *override_check_digits,
                    pay_again_of: pay_again_of.clone(),
                    corrects: corrects.clone(),
                };
                print_success(&desk.create(&request, &options).await?)
            }
        }
        Command::Resend(w) => print_success(&desk.resend(&which(w)?).await?),
        Command::Abandon { which: w, reason } => {
            print_success(&desk.abandon(&which(w)?, reason).await?)
        }
        Command::Status(w) => print_success(&desk.check(&which(w)?).await?),
        Command::Hold(a) => print_success(&desk.hold(cashout_id(a.id)?).await?),
        Command::Release(a) => print_success(&desk.release(cashout_id(a.id)?).await?),
        Command::Cancel { id, external_id } => print_success(
            &desk
                .cancel(cashout_id(*id)?, external_id.as_deref())
                .await?,
        ),
        Command::Banks { country } => print_success(
            &json!({ "country": country.to_ascii_uppercase(), "banks": desk.banks(country).await? }),
        ),
        Command::List {
            filters,
            limit,
            offset,
        } => {
            let filter = ListFilter {
                limit: *limit,
                offset: *offset,
                ..list_filter(filters)?
            };
            print_success(&json!({ "payouts": desk.list(filter)? }))
        }
        Command::History(w) => print_success(&json!({ "history": desk.history(&which(w)?)? })),
        Command::Reconcile => print_success(&desk.reconcile_all().await?),
        Command::Watch {
            late_rejection_window_days,
            rate,
            hold_alert_hours,
        } => watch(desk, *late_rejection_window_days, *rate, *hold_alert_hours).await?,
        Command::Holds => print_success(&desk.hold_board()?),
        Command::Overview { from, to, tz } => {
            let query = OverviewQuery {
                period: Period::Custom {
                    from: from.clone(),
                    to: to.clone(),
                },
                time_zone: tz.clone(),
            };
            let late_window_days = SettingsFile::in_dir(&data_dir(cli)?.0)
                .load()
                .late_rejection_window_days;
            print_success(&desk.overview(&query, late_window_days, &messages::active())?)
        }
        Command::Export {
            out,
            filters,
            plain,
            overwrite,
        } => {
            let filter = list_filter(filters)?;
            let flavor = if *plain {
                CsvFlavor::Plain
            } else {
                CsvFlavor::Spreadsheet
            };
            if out == "-" {
                let (csv, _) = desk.export_text(filter, flavor).await?;
                print!("{csv}");
                ExitCode::SUCCESS
            } else {
                let count = desk
                    .export_to_file(
                        filter,
                        flavor,
                        std::path::Path::new(out),
                        if *overwrite {
                            cashout_core::report::Overwrite::Yes
                        } else {
                            cashout_core::report::Overwrite::No
                        },
                    )
                    .await?;
                print_success(&json!({ "file": out, "payouts": count }))
            }
        }
        Command::Exchanges(w) => {
            print_success(&json!({ "exchanges": desk.exchanges(&which(w)?)? }))
        }
        Command::Audit { action } => audit(&desk, action).await?,
        Command::Beneficiaries { action } => match action {
            BeneficiaryCommand::List => {
                print_success(&json!({ "beneficiaries": desk.beneficiaries()? }))
            }
            BeneficiaryCommand::Save { label, which: w } => print_success(
                &json!({ "beneficiaries": desk.save_beneficiary(label, &which(w)?).await? }),
            ),
            BeneficiaryCommand::Delete { label } => {
                print_success(&json!({ "beneficiaries": desk.delete_beneficiary(label).await? }))
            }
        },
        Command::Approvals { action } => crate::approvals::command(&desk, action).await?,
        Command::Batch { action } => {
            crate::batch::command(&desk, action, notification_url(cli, &desk)).await?
        }
        Command::Sandbox { .. } | Command::Credentials { .. } | Command::Team { .. } => {
            ExitCode::SUCCESS
        }
    })
}

/// The desktop app's notification URL for the desk's environment (the sandbox's own when the
/// settings have none), for batch rows without one.
fn notification_url(cli: &Cli, desk: &Desk) -> String {
    let settings = data_dir(cli)
        .map(|(dir, _)| SettingsFile::in_dir(&dir).load())
        .unwrap_or_default();
    settings.notification_url_for(desk.environment().kind)
}

fn list_filter(f: &Filters) -> Result<ListFilter, Error> {
    let status = f
        .status
        .as_deref()
        .map(|s| {
            CashoutStatus::from_name(&s.to_ascii_uppercase()).ok_or_else(|| Error::InvalidInput {
                field: "status",
                message: tr(
                    "p-cli-unknown-status",
                    &[("status", format!("{s:?}").into())],
                ),
            })
        })
        .transpose()?;
    let period = match (f.period, &f.from, &f.to) {
        (Some(p), _, _) => Some(match p {
            PeriodArg::Today => Period::Today,
            PeriodArg::Yesterday => Period::Yesterday,
            PeriodArg::Last7Days => Period::Last7Days,
            PeriodArg::Last30Days => Period::Last30Days,
            PeriodArg::ThisMonth => Period::ThisMonth,
        }),
        (None, None, None) => None,
        (None, from, to) => Some(Period::Custom {
            from: from.clone(),
            to: to.clone(),
        }),
    };
    Ok(ListFilter {
        status,
        country: f.country.clone(),
        currency: f.currency.clone(),
        sent_only: f.sent,
        text: f.search.clone(),
        period,
        time_zone: f.tz.clone(),
        sort: match f.sort {
            SortArg::Created => SortKey::Created,
            SortArg::Amount => SortKey::Amount,
            SortArg::Status => SortKey::Status,
            SortArg::Beneficiary => SortKey::Beneficiary,
        },
        ascending: f.ascending,
        ..ListFilter::default()
    })
}

/// `cashout watch`: runs the core's watcher until Ctrl-C, one JSON line per event.
async fn watch(
    desk: Desk,
    late_rejection_window_days: u32,
    rate: u32,
    hold_alert_hours: u32,
) -> Result<ExitCode, Error> {
    let config =
        WatchConfig::chosen(late_rejection_window_days, hold_alert_hours, rate)?.with_env_scale();
    desk.connect()?;
    let mut watcher = Watcher::new(Arc::new(desk), Arc::new(SystemClock), config);
    let wake = Arc::new(tokio::sync::Notify::new());
    let run = watcher.run(wake, |event| {
        if let Ok(line) = serde_json::to_string(&event) {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
    });
    tokio::select! {
        result = run => result.map(|()| ExitCode::SUCCESS),
        _ = tokio::signal::ctrl_c() => Ok(ExitCode::SUCCESS),
    }
}

/// Notes a credentials change in the audit log: that it happened, never a value.
async fn audit_credentials(cli: &Cli, scope: &str, action: AuditAction) -> Result<(), Error> {
    let journal = open_journal(cli).await?;
    journal
        .append_audit(AuditEvent::new(scope, action, "ok"))
        .await?;
    Ok(())
}

/// `cashout audit verify|list`.
async fn audit(desk: &Desk, action: &AuditCommand) -> Result<ExitCode, Error> {
    let journal = desk.journal();
    match action {
        AuditCommand::Verify => {
            let verdict = journal
                .verify_audit_recorded(&desk.environment_scope())
                .await?;
            let code = print_success(&verdict);
            Ok(if verdict.intact {
                code
            } else {
                ExitCode::from(3)
            })
        }
        AuditCommand::List {
            action,
            search,
            all_environments,
            limit,
            offset,
        } => {
            let action = action
                .as_deref()
                .map(|a| {
                    AuditAction::from_name(a).ok_or_else(|| Error::InvalidInput {
                        field: "action",
                        message: tr(
                            "p-cli-unknown-audit-action",
                            &[("action", format!("{a:?}").into())],
                        ),
                    })
                })
                .transpose()?;
            let filter = AuditFilter {
                environment: (!all_environments).then(|| desk.environment_scope()),
                action,
                text: search.clone(),
                limit: *limit,
                offset: *offset,
            };
            Ok(print_success(
                &json!({ "entries": journal.audit_log(&filter)? }),
            ))
        }
    }
}

async fn credentials_command(cli: &Cli, action: &CredentialsAction) -> Result<ExitCode, Error> {
    let kind = environment_kind(cli)?.ok_or_else(|| Error::InvalidInput {
        field: "env",
        message: tr("p-cli-credentials-which", &[]),
    })?;
    if kind == EnvironmentKind::Sandbox {
        return Err(Error::InvalidInput {
            field: "env",
            message: tr("p-cli-sandbox-credentials", &[]),
        });
    }
    let env = Environment::resolve(kind, cli.base_url.as_deref())?;
    let store = keychain()?;
    let scope = env.scope();
    Ok(match action {
        CredentialsAction::Set => {
            let mut text = String::new();
            std::io::stdin()
                .take(MAX_STDIN_CREDENTIALS)
                .read_to_string(&mut text)
                .map_err(|e| Error::InvalidInput {
                    field: "stdin",
                    message: tr(
                        "p-cli-stdin-unreadable",
                        &[("detail", e.to_string().into())],
                    ),
                })?;
            let mut lines = text.lines().map(str::trim);
            let creds = Credentials {
                api_key: lines.next().unwrap_or_default().to_owned(),
                passphrase: Secret::new(lines.next().unwrap_or_default().to_owned()),
                signature: Secret::new(lines.next().unwrap_or_default().to_owned()),
                read_only_key: lines
                    .next()
                    .filter(|l| !l.is_empty())
                    .map(|l| Secret::new(l.to_owned())),
            };
            creds.check().map_err(Error::InvalidCredentials)?;
            store.save(&scope, &creds)?;
            audit_credentials(cli, &scope, AuditAction::CredentialsSaved).await?;
            print_success(
                &json!({ "environment": scope, "status": CredentialStatus::of(Some(&creds)) }),
            )
        }
        CredentialsAction::Status => {
            let creds = store.load(&scope)?;
            print_success(
                &json!({ "environment": scope, "status": CredentialStatus::of(creds.as_ref()) }),
            )
        }
        CredentialsAction::Delete => {
            store.delete(&scope)?;
            audit_credentials(cli, &scope, AuditAction::CredentialsRemoved).await?;
            print_success(&json!({ "environment": scope, "status": CredentialStatus::of(None) }))
        }
    })
}
