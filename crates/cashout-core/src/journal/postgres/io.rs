//! The team journal's I/O thread: one OS thread running its own tokio runtime, which owns the
//! connection pool and runs every database call.
//!
//! Why: the store interface answers reads synchronously (as the embedded journal always has)
//! and is called from any runtime — the app's, the CLI's, each test's. Connections and their
//! background tasks live on this thread, so they never depend on a caller's runtime staying
//! alive, and a synchronous read blocks only its caller, never this thread.
//!
//! Guarantees: calls run concurrently (each a task, up to the pool's size at once); a call
//! accepted before the store is dropped is finished before the thread ends (detached writes
//! such as kept exchanges are not lost at exit).

use std::future::Future;
use std::pin::Pin;

use deadpool_postgres::Pool;
use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, Result};

type Job = Box<dyn FnOnce(Pool) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// A handle on the I/O thread.
pub(super) struct Io {
    jobs: Option<mpsc::UnboundedSender<Job>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Io {
    /// Starts the thread; `make_pool` builds the pool on it.
    pub(super) fn start(make_pool: impl FnOnce() -> Result<Pool> + Send + 'static) -> Result<Self> {
        let (jobs, mut queue) = mpsc::unbounded_channel::<Job>();
        let (ready, started) = std::sync::mpsc::sync_channel::<Result<()>>(1);
        let thread = std::thread::Builder::new()
            .name("team-journal-io".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = ready.send(Err(Error::TeamJournal(format!(
                            "cannot start the team journal's I/O: {e}"
                        ))));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let pool = match make_pool() {
                        Ok(pool) => {
                            let _ = ready.send(Ok(()));
                            pool
                        }
                        Err(e) => {
                            let _ = ready.send(Err(e));
                            return;
                        }
                    };
                    let mut running = tokio::task::JoinSet::new();
                    while let Some(job) = queue.recv().await {
                        running.spawn(job(pool.clone()));
                        // Reap finished calls so the set does not grow.
                        while running.try_join_next().is_some() {}
                    }
                    while running.join_next().await.is_some() {}
                    pool.close();
                });
            })
            .map_err(|e| Error::TeamJournal(format!("cannot start the team journal's I/O: {e}")))?;
        started
            .recv()
            .map_err(|_| Error::TeamJournal("the team journal's I/O stopped".into()))??;
        Ok(Self {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    fn send(&self, job: Job) -> Result<()> {
        self.jobs
            .as_ref()
            .and_then(|jobs| jobs.send(job).ok())
            .ok_or_else(stopped)
    }

    /// Runs `call` on the I/O thread and waits for it without blocking the caller's runtime.
    pub(super) async fn run<T, F, Fut>(&self, call: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(Pool) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T>> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        self.send(Box::new(move |pool| {
            Box::pin(async move {
                let _ = reply.send(call(pool).await);
            })
        }))?;
        answer.await.map_err(|_| stopped())?
    }

    /// Runs `call` on the I/O thread and blocks this thread until it is done (the
    /// synchronous reads). Never called from the I/O thread itself. The answer comes through
    /// a std channel: a tokio receiver may not block inside a runtime.
    pub(super) fn run_blocking<T, F, Fut>(&self, call: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(Pool) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T>> + Send + 'static,
    {
        let (reply, answer) = std::sync::mpsc::sync_channel(1);
        self.send(Box::new(move |pool| {
            Box::pin(async move {
                let _ = reply.send(call(pool).await);
            })
        }))?;
        answer.recv().map_err(|_| stopped())?
    }

    /// Runs `call` on the I/O thread without waiting for it.
    pub(super) fn detach<F, Fut>(&self, call: F)
    where
        F: FnOnce(Pool) -> Fut + Send + 'static,
        Fut: Future<Output = Result<()>> + Send + 'static,
    {
        let _ = self.send(Box::new(move |pool| {
            Box::pin(async move {
                let _ = call(pool).await;
            })
        }));
    }
}

impl Drop for Io {
    fn drop(&mut self) {
        // Closing the queue lets the thread finish what it accepted and end.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn stopped() -> Error {
    Error::TeamJournal("the team journal's I/O stopped".into())
}
