//! Throughput of the full create path against a bare signed-request loop, on the same loopback
//! sandbox in the same run. Not a test: it prints figures.
//!
//! Full path: validate → journal intent commit → sign → HTTP → journal answer commit.
//! Bare loop: pre-built bodies, sign, HTTP, nothing else. The sandbox is a separate `cashout
//! sandbox` process (build it first: `cargo build --release -p cashout-cli`), as a provider is;
//! `BENCH_SANDBOX=in-process` starts it inside the bench. Both at concurrency 8, 1,000 creates
//! each, over `BENCH_ROUNDS` alternating rounds (default 3; `BENCH_N` and `BENCH_CONCURRENCY`
//! override); prints each round and the median ratio. Target: full/bare ≥ 0.7.
//!
//! Also printed, as diagnostics: the client without the journal, the journal without HTTP,
//! the journal's disk flushes per create, and the CPU each create costs per thread group and
//! in the sandbox's process (Linux, from `/proc`). On 2 cores the run is CPU-bound, so the
//! ratio follows the two loops' CPU per create; the CPU lines say where a regression went.
//! Phases start [`settle`] apart, so one phase's idle checkpoint is not charged to the next.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::clock::SystemClock;
use cashout_core::desk::{CreateOptions, Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::Journal;
use cashout_core::signing::payload_signature;
use cashout_tests::{br_pix, me};
use okp_sandbox::{Sandbox, SandboxConfig, Timings};

/// Where the sandbox runs.
enum SandboxHost {
    InProcess(Sandbox),
    Process(std::process::Child, String),
}

impl SandboxHost {
    /// `cashout sandbox --port 0` beside this binary; its first stdout line names its URL.
    fn start_process(journal: &std::path::Path) -> Self {
        use std::io::BufRead;
        let bin = std::env::current_exe()
            .expect("exe")
            .with_file_name("cashout");
        let mut child = std::process::Command::new(&bin)
            .args([
                "--journal",
                &journal.to_string_lossy(),
                "sandbox",
                "--port",
                "0",
            ])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "{} must be built (cargo build --release -p cashout-cli): {e}",
                    bin.display()
                )
            });
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("sandbox URL");
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        let url = v["url"].as_str().expect("url").to_owned();
        Self::Process(child, url)
    }

    /// The sandbox's process id, when it runs as its own process.
    fn pid(&self) -> Option<u32> {
        match self {
            Self::InProcess(_) => None,
            Self::Process(c, _) => Some(c.id()),
        }
    }

    fn base_url(&self) -> String {
        match self {
            Self::InProcess(s) => s.base_url(),
            Self::Process(_, url) => url.clone(),
        }
    }

    async fn stop(self) {
        match self {
            Self::InProcess(s) => s.shutdown().await,
            Self::Process(mut c, _) => {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n = env_usize("BENCH_N", 1000);
    let concurrency = env_usize("BENCH_CONCURRENCY", 8);
    let dir = tempfile::tempdir().expect("tempdir");
    // By default the sandbox runs as its own process (`cashout sandbox`), as a provider would:
    // in-process it would share the client's async runtime. BENCH_SANDBOX=in-process keeps it in.
    let in_process = std::env::var("BENCH_SANDBOX").is_ok_and(|v| v == "in-process");
    let sandbox = if in_process {
        SandboxHost::InProcess(
            Sandbox::start(SandboxConfig {
                db_path: dir.path().join("sandbox.sqlite3"),
                port: 0,
                clock: Arc::new(SystemClock),
                timings: Timings::default(),
            })
            .await
            .expect("sandbox"),
        )
    } else {
        SandboxHost::start_process(&dir.path().join("cli-journal.sqlite3"))
    };
    let url = sandbox.base_url();
    let creds = okp_sandbox::demo_credentials();

    let rounds = env_usize("BENCH_ROUNDS", 3);
    let journal = Arc::new(
        Journal::open(&dir.path().join("journal.sqlite3"), Arc::new(SystemClock)).expect("journal"),
    );
    let journal_diag = Arc::new(
        Journal::open(
            &dir.path().join("journal-alone.sqlite3"),
            Arc::new(SystemClock),
        )
        .expect("journal"),
    );
    let env = Environment::from_base_url(&url).expect("env");
    let client = Client::new(env, creds.clone(), ClientOptions::default()).expect("client");
    let desk = Arc::new(Desk::new(client, journal.clone(), RetryPolicy::default()));
    let http = reqwest::Client::new();
    let client_only = Arc::new(
        Client::new(
            Environment::from_base_url(&url).expect("env"),
            creds.clone(),
            ClientOptions::default(),
        )
        .expect("client"),
    );
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    let sandbox_pid = sandbox.pid();
    let mut ratios = Vec::new();
    println!("creates per run: {n}, concurrency: {concurrency}, rounds: {rounds} (bare then full, alternating)");
    for round in 0..rounds {
        settle().await;
        let cpu = CpuUse::start(sandbox_pid);
        let bare = bare_loop(&http, &url, &creds, round, n, concurrency).await;
        let bare_cpu = cpu.per_create(n);
        settle().await;
        let client_only = client_path(&desk, &client_only, round, n, concurrency).await;
        settle().await;
        let flushes = journal.disk_flushes();
        let cpu = CpuUse::start(sandbox_pid);
        let full = full_path(&desk, round, n, concurrency).await;
        let full_cpu = cpu.per_create(n);
        let flushes = journal.disk_flushes() - flushes;
        settle().await;
        let journal_only =
            journal_path(&journal_diag, "bench-journal", round, n, concurrency).await;
        let ratio = rate(full) / rate(bare);
        ratios.push(ratio);
        println!(
            "round {}: client without journal (validate, sign, HTTP) {:>7.1} creates/s | journal alone (intent, answer) {:>7.1} creates/s",
            round + 1,
            rate(client_only),
            rate(journal_only)
        );
        println!("round {}: CPU µs per create, bare:  {bare_cpu}", round + 1);
        println!(
            "round {}: CPU µs per create, full:  {full_cpu}; disk flushes per create {:.2}",
            round + 1,
            flushes as f64 / n as f64
        );
        println!(
            "round {}: bare signed-request loop {:>7.1} creates/s | full path (validate, journal, sign, HTTP, journal) {:>7.1} creates/s | ratio {:.2}",
            round + 1,
            rate(bare),
            rate(full),
            ratio
        );
    }
    if let SandboxHost::InProcess(s) = &sandbox {
        assert_eq!(s.cashout_count(), 3 * n * rounds);
    }
    println!(
        "sandbox: {}",
        if in_process {
            "in the bench's process"
        } else {
            "its own process"
        }
    );
    ratios.sort_by(f64::total_cmp);
    println!(
        "median ratio full/bare: {:.2} (target >= 0.70)",
        ratios[ratios.len() / 2]
    );
    sandbox.stop().await;
}

/// Runs `one(i)` for every `i` in `0..n` on `concurrency` tasks, each taking the next index
/// when it is free; returns how long all of them took.
async fn run_concurrently<F, Fut>(n: usize, concurrency: usize, one: F) -> Duration
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let one = Arc::new(one);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (one, next) = (one.clone(), next.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    one(i).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("task");
    }
    started.elapsed()
}

/// Pre-built bodies, signed and sent with a plain HTTP client: the floor the full path is
/// compared with.
async fn bare_loop(
    http: &reqwest::Client,
    url: &str,
    creds: &cashout_core::credentials::Credentials,
    round: usize,
    n: usize,
    concurrency: usize,
) -> Duration {
    let bodies: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            let mut v =
                serde_json::to_value(br_pix(&format!("bare-{round}-{i}"), "10.00")).expect("json");
            v["login"] = creds.api_key.clone().into();
            v["pass"] = creds.passphrase.expose().into();
            serde_json::to_vec(&v).expect("bytes")
        })
        .collect();
    let (bodies, http, url, key) = (
        Arc::new(bodies),
        http.clone(),
        format!("{url}/v3/cashout"),
        creds.signature.clone(),
    );
    run_concurrently(n, concurrency, move |i| {
        let (body, http, url) = (bodies[i].clone(), http.clone(), url.clone());
        let sig = payload_signature(&key, &body);
        async move {
            let r = http
                .post(url)
                .header("Content-Type", "application/json")
                .header("Payload-Signature", sig)
                .body(body)
                .send()
                .await
                .expect("send");
            assert!(
                r.status().is_success(),
                "bare create failed: {}",
                r.status()
            );
            let _ = r.bytes().await;
        }
    })
    .await
}

/// The desk's create: validate, journal intent (on disk), sign, HTTP, journal answer.
async fn full_path(desk: &Arc<Desk>, round: usize, n: usize, concurrency: usize) -> Duration {
    let desk = desk.clone();
    run_concurrently(n, concurrency, move |i| {
        let desk = desk.clone();
        async move {
            desk.create(
                &br_pix(&format!("full-{round}-{i}"), "10.00"),
                &CreateOptions::default(),
            )
            .await
            .expect("create");
        }
    })
    .await
}

/// Diagnostic: the desk's validation and the real client, without the journal.
async fn client_path(
    desk: &Arc<Desk>,
    client: &Arc<Client>,
    round: usize,
    n: usize,
    concurrency: usize,
) -> Duration {
    let (desk, client) = (desk.clone(), client.clone());
    run_concurrently(n, concurrency, move |i| {
        let client = client.clone();
        let req = desk
            .prepare_create(&br_pix(&format!("client-{round}-{i}"), "10.00"), false)
            .expect("valid");
        async move {
            client.create(&req).await.expect("create");
        }
    })
    .await
}

/// Diagnostic: the journal's two writes per create (durable intent, then the answer with its
/// audit entry), with no HTTP in between: what the journal alone sustains at this concurrency.
async fn journal_path(
    journal: &Arc<Journal>,
    scope: &str,
    round: usize,
    n: usize,
    concurrency: usize,
) -> Duration {
    use cashout_core::api::types::CashoutId;
    use cashout_core::audit::{AuditAction, AuditEvent};
    use cashout_core::journal::IntentOutcome;
    use cashout_core::status::CashoutStatus;
    let (journal, scope) = (journal.clone(), scope.to_owned());
    run_concurrently(n, concurrency, move |i| {
        let (journal, scope) = (journal.clone(), scope.clone());
        async move {
            let request = br_pix(&format!("journal-{round}-{i}"), "10.00");
            let IntentOutcome::New(id) = journal
                .record_intent(&scope, "http://127.0.0.1", &request, None, me())
                .await
                .expect("intent")
            else {
                panic!("new intent expected");
            };
            let audit = AuditEvent::new(&scope, AuditAction::Create, "ok")
                .about(None, Some(&request.external_id));
            let cashout_id = CashoutId(i64::try_from(round * n + i + 1).expect("id"));
            journal
                .record_created_audited(id, cashout_id, CashoutStatus::Pending, Some(audit))
                .await
                .expect("answer");
        }
    })
    .await
}

/// Lets the previous phase's after-effects finish (a journal's checkpoint runs when it has been
/// idle for a moment) so that they are not charged to the next phase.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

/// CPU time used during one phase, by the bench's threads (grouped by name: the async workers,
/// the journal's writer and its disk-flush thread) and by the sandbox's process. Linux only
/// (read from `/proc`); elsewhere it prints nothing useful. A diagnostic: where a create's CPU
/// goes, on a machine where the client and the sandbox share two cores.
struct CpuUse {
    threads: std::collections::BTreeMap<String, u64>,
    sandbox_pid: Option<u32>,
    sandbox: u64,
}

impl CpuUse {
    fn start(sandbox_pid: Option<u32>) -> Self {
        Self {
            threads: thread_ticks(),
            sandbox_pid,
            sandbox: sandbox_pid.map_or(0, process_ticks),
        }
    }

    /// Microseconds of CPU per create since `start`, as one line.
    fn per_create(&self, n: usize) -> String {
        // /proc counts in clock ticks of 10 ms.
        let us = |ticks: u64| ticks as f64 * 10_000.0 / n as f64;
        let now = thread_ticks();
        let mut own = 0;
        let mut parts = Vec::new();
        for (name, ticks) in &now {
            let used = ticks - self.threads.get(name).copied().unwrap_or(0).min(*ticks);
            own += used;
            if used > 0 {
                parts.push(format!("{name} {:.0}", us(used)));
            }
        }
        let sandbox = self
            .sandbox_pid
            .map_or(0, process_ticks)
            .saturating_sub(self.sandbox);
        format!(
            "bench process {:.0} ({}), sandbox process {:.0}",
            us(own),
            parts.join(", "),
            us(sandbox)
        )
    }
}

/// utime + stime of each thread of this process, summed by thread name.
fn thread_ticks() -> std::collections::BTreeMap<String, u64> {
    let mut by_name = std::collections::BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return by_name;
    };
    for task in tasks.flatten() {
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        let name = stat
            .split_once('(')
            .and_then(|(_, rest)| rest.rsplit_once(')'))
            .map_or("?", |(name, _)| name)
            .to_owned();
        *by_name.entry(name).or_insert(0) += stat_ticks(&stat);
    }
    by_name
}

/// utime + stime of a whole process (all its threads).
fn process_ticks(pid: u32) -> u64 {
    stat_ticks(&std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default())
}

/// Fields 14 and 15 (utime, stime) of a `/proc/.../stat` line; the name before them may hold
/// spaces, so count from its closing parenthesis.
fn stat_ticks(stat: &str) -> u64 {
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<u64> = after_name
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0)
}
