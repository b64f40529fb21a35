//! Network and server faults on demand, so clients can rehearse unknown outcomes.
//!
//! Two sources, consulted in this order for each request to a known endpoint:
//! 1. one-shot [`Fault`]s queued with `Sandbox::inject`: the first queued fault whose endpoint
//!    matches is taken and applied, so faults for different endpoints do not block each other;
//! 2. an optional [`FaultPlan`]: per-mille chances per matching request, drawn from a tiny
//!    xorshift generator seeded by the plan, so a run is repeatable from its seed.
//!
//! Two kinds of fault: the network's (a dropped connection, a late answer, a 500) and a broken
//! provider's (an answer about another cashout, an unknown status number, a body too large,
//! cut short, or dripping one byte at a time). [`parse_fault_spec`] reads them from the
//! `KIND:ENDPOINT` text an app takes from its environment.
//!
//! This module only decides *which* fault applies; `server` and `misbehave` carry it out.
//! Left out: faults on the TLS layer (the sandbox speaks plain HTTP on loopback).

use std::collections::VecDeque;
use std::time::Duration;

/// The sandbox's endpoints, as far as faults are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `POST /v3/cashout`
    Create,
    /// `POST /v3/cashout/status`
    Status,
    /// `PUT /v3/cashout/status`
    Update,
    /// `DELETE /v3/cashout/cancel`
    Cancel,
    /// `GET /v3/banks` and `GET /v1/country/{CC}/authorized-banks`
    Banks,
}

impl Endpoint {
    /// The endpoint a fault spec names: `create`, `status`, `update`, `cancel` or `banks`.
    fn from_spec(name: &str) -> Option<Self> {
        Some(match name {
            "create" => Self::Create,
            "status" => Self::Status,
            "update" => Self::Update,
            "cancel" => Self::Cancel,
            "banks" => Self::Banks,
            _ => return None,
        })
    }

    /// Which endpoint a method and path address, if any.
    pub(crate) fn of(method: &axum::http::Method, path: &str) -> Option<Self> {
        use axum::http::Method;
        match (method, path) {
            (&Method::POST, "/v3/cashout") => Some(Self::Create),
            (&Method::POST, "/v3/cashout/status") => Some(Self::Status),
            (&Method::PUT, "/v3/cashout/status") => Some(Self::Update),
            (&Method::DELETE, "/v3/cashout/cancel") => Some(Self::Cancel),
            (&Method::GET, "/v3/banks") => Some(Self::Banks),
            (&Method::GET, p)
                if p.starts_with("/v1/country/") && p.ends_with("/authorized-banks") =>
            {
                Some(Self::Banks)
            }
            _ => None,
        }
    }
}

/// One fault, applied to the next request to its endpoint.
///
/// The broken-provider faults (`OtherCashout` onwards) do the work and commit it first, then
/// answer wrongly. `OtherCashout` always answers 200; the others keep the HTTP status the work
/// earned (200 for a request that succeeded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Close the TCP connection without answering and without doing anything.
    DropBeforeCommit(Endpoint),
    /// Do the work and commit it, then close the connection without answering.
    DropAfterCommit(Endpoint),
    /// Answer HTTP 500 `{"code":500,...}`; with `after_commit` the work was done first.
    Error500 {
        endpoint: Endpoint,
        after_commit: bool,
    },
    /// Do the work and commit it, then wait `by` (real time) before answering.
    Delay { endpoint: Endpoint, by: Duration },
    /// Answer 509 "not found" without looking: a read served by a replica that has not seen
    /// a recent create yet. Makes a client's lookup miss a cashout that exists. Queue it
    /// several times for several stale answers in a row.
    StaleNotFound(Endpoint),
    /// Do the work and commit it, then answer 200 about *another* cashout: for status, update
    /// and cancel that cashout's status answer plus `"cashout_id": <its id>` and
    /// `"external_id": "<its external id>"` (ids the real answer never carries); for create
    /// `{"cashout_id":"<its id>"}`. The other cashout is the newest one not named by the
    /// request (nor created by it); when there is none, ids are invented that match nothing.
    OtherCashout(Endpoint),
    /// Do the work, then answer 200 with `cashout_status` = `code` (and the description
    /// `"Status <code>"`), e.g. 9: a provider that added a status. On create the number is
    /// added beside `cashout_id`; the bank lists, and error answers, are sent unchanged.
    UnknownStatus { endpoint: Endpoint, code: i64 },
    /// Do the work, then answer with a body of exactly `bytes` bytes that starts like the real
    /// answer and goes on with padding (`{"cashout_status":0,"pad":"xxxx…"}`), streamed in
    /// chunks so that the sandbox never holds it.
    HugeBody { endpoint: Endpoint, bytes: u64 },
    /// Do the work and commit it, announce the real answer's full `Content-Length`, send half
    /// of its bytes, then close the connection.
    Truncated(Endpoint),
    /// Do the work, then send the (valid) answer one byte every `every`.
    SlowDrip { endpoint: Endpoint, every: Duration },
}

impl Fault {
    /// The endpoint this fault waits for.
    #[must_use]
    pub fn endpoint(&self) -> Endpoint {
        match self {
            Self::DropBeforeCommit(e)
            | Self::DropAfterCommit(e)
            | Self::StaleNotFound(e)
            | Self::OtherCashout(e)
            | Self::Truncated(e) => *e,
            Self::Error500 { endpoint, .. }
            | Self::Delay { endpoint, .. }
            | Self::UnknownStatus { endpoint, .. }
            | Self::HugeBody { endpoint, .. }
            | Self::SlowDrip { endpoint, .. } => *endpoint,
        }
    }
}

/// Reads a list of one-shot faults, in order: comma-separated `KIND:ENDPOINT` items, KIND one of
/// `drop-after-commit`, `drop-before-commit`, `error-500` (after the commit, as an app
/// rehearsing a lost answer wants), `stale-not-found`, `other-cashout`, `unknown-status=N`,
/// `huge-body=BYTES`, `truncated`, `slow-drip=MS`, `delay=MS`; ENDPOINT one of `create`,
/// `status`, `update`, `cancel`, `banks`. Spaces around items are ignored, and so are empty
/// items (a trailing comma).
///
/// # Errors
/// A sentence naming the first item that cannot be read; no fault of the spec applies then,
/// so a typo cannot silently rehearse less than asked.
pub fn parse_fault_spec(spec: &str) -> Result<Vec<Fault>, String> {
    spec.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(parse_item)
        .collect()
}

fn parse_item(item: &str) -> Result<Fault, String> {
    let (kind, endpoint) = item
        .rsplit_once(':')
        .ok_or_else(|| format!("fault {item:?} needs the form KIND:ENDPOINT"))?;
    let endpoint = Endpoint::from_spec(endpoint).ok_or_else(|| {
        format!(
            "fault {item:?}: unknown endpoint {endpoint:?} (create, status, update, cancel, banks)"
        )
    })?;
    let (name, value) = match kind.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (kind, None),
    };
    let number = |what: &str| -> Result<u64, String> {
        value
            .ok_or_else(|| format!("fault {item:?}: {name} needs ={what}"))?
            .parse::<u64>()
            .map_err(|_| format!("fault {item:?}: {what} must be a whole number"))
    };
    let plain = |fault: Fault| match value {
        None => Ok(fault),
        Some(_) => Err(format!("fault {item:?}: {name} takes no value")),
    };
    match name {
        "drop-after-commit" => plain(Fault::DropAfterCommit(endpoint)),
        "drop-before-commit" => plain(Fault::DropBeforeCommit(endpoint)),
        "error-500" => plain(Fault::Error500 {
            endpoint,
            after_commit: true,
        }),
        "stale-not-found" => plain(Fault::StaleNotFound(endpoint)),
        "other-cashout" => plain(Fault::OtherCashout(endpoint)),
        "truncated" => plain(Fault::Truncated(endpoint)),
        "unknown-status" => {
            let code = value
                .ok_or_else(|| format!("fault {item:?}: unknown-status needs =N"))?
                .parse::<i64>()
                .map_err(|_| format!("fault {item:?}: N must be a whole number"))?;
            Ok(Fault::UnknownStatus { endpoint, code })
        }
        "huge-body" => Ok(Fault::HugeBody {
            endpoint,
            bytes: number("BYTES")?,
        }),
        "slow-drip" => Ok(Fault::SlowDrip {
            endpoint,
            every: Duration::from_millis(number("MS")?),
        }),
        "delay" => Ok(Fault::Delay {
            endpoint,
            by: Duration::from_millis(number("MS")?),
        }),
        _ => Err(format!(
            "fault {item:?}: unknown kind {name:?} (drop-after-commit, drop-before-commit, \
             error-500, stale-not-found, other-cashout, unknown-status=N, huge-body=BYTES, \
             truncated, slow-drip=MS, delay=MS)"
        )),
    }
}

/// A random mix of faults, repeatable from `seed`.
///
/// For each request to one of `endpoints`, one draw in 0..1000 picks: a drop after commit
/// (`drop_after_commit` chances in 1000), else an HTTP 500 (`error_500`), else a delay of
/// `delay_by` (`delay`), else a stale "not found" (`stale_not_found`), else nothing. A 500 is
/// before or after the commit with even odds (one more draw), because a client must survive
/// both. Drops from a plan are always after the
/// commit: a drop before it is indistinguishable from a refused connection, which the client's
/// retry handles trivially; the interesting case is work done but unanswered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultPlan {
    pub seed: u64,
    pub endpoints: Vec<Endpoint>,
    pub drop_after_commit: u32,
    pub error_500: u32,
    pub delay: u32,
    pub delay_by: Duration,
    /// Chances in 1000 of a "not found" answer that ignores the database (a lagging read);
    /// meaningful on status lookups.
    pub stale_not_found: u32,
}

/// Xorshift64 (Marsaglia 2003): a few lines, no dependency, same sequence on every platform.
/// Not for anything but fault dice.
#[derive(Debug, Clone)]
pub(crate) struct XorShift64(u64);

impl XorShift64 {
    pub(crate) fn new(seed: u64) -> Self {
        // Zero is xorshift's one fixed point; any other constant would do.
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A draw in `0..1000`. The modulo bias (2^64 mod 1000 values) is irrelevant for dice.
    pub(crate) fn per_mille(&mut self) -> u32 {
        u32::try_from(self.next_u64() % 1000).unwrap_or(0)
    }
}

/// The queue of one-shot faults and the active plan.
#[derive(Debug, Default)]
pub(crate) struct FaultBook {
    queue: VecDeque<Fault>,
    plan: Option<(FaultPlan, XorShift64)>,
}

impl FaultBook {
    pub(crate) fn inject(&mut self, fault: Fault) {
        self.queue.push_back(fault);
    }

    pub(crate) fn set_plan(&mut self, plan: Option<FaultPlan>) {
        self.plan = plan.map(|p| {
            let rng = XorShift64::new(p.seed);
            (p, rng)
        });
    }

    /// The fault for this request, if any: the first queued match, else the plan's draw.
    pub(crate) fn take(&mut self, endpoint: Endpoint) -> Option<Fault> {
        if let Some(pos) = self.queue.iter().position(|f| f.endpoint() == endpoint) {
            return self.queue.remove(pos);
        }
        let (plan, rng) = self.plan.as_mut()?;
        if !plan.endpoints.contains(&endpoint) {
            return None;
        }
        let roll = rng.per_mille();
        let drop_until = plan.drop_after_commit;
        let error_until = drop_until.saturating_add(plan.error_500);
        let delay_until = error_until.saturating_add(plan.delay);
        let stale_until = delay_until.saturating_add(plan.stale_not_found);
        if roll < drop_until {
            Some(Fault::DropAfterCommit(endpoint))
        } else if roll < error_until {
            let after_commit = rng.next_u64() & 1 == 1;
            Some(Fault::Error500 {
                endpoint,
                after_commit,
            })
        } else if roll < delay_until {
            Some(Fault::Delay {
                endpoint,
                by: plan.delay_by,
            })
        } else if roll < stale_until && endpoint == Endpoint::Status {
            // Only reads lag; a create answering "not found" would be no provider's behaviour.
            Some(Fault::StaleNotFound(endpoint))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Method;

    fn plan(seed: u64) -> FaultPlan {
        FaultPlan {
            seed,
            endpoints: vec![Endpoint::Create, Endpoint::Status],
            drop_after_commit: 200,
            error_500: 200,
            delay: 200,
            delay_by: Duration::from_millis(5),
            stale_not_found: 0,
        }
    }

    #[test]
    fn xorshift_with_zero_seed_still_moves() {
        let mut r = XorShift64::new(0);
        let a = r.next_u64();
        let b = r.next_u64();
        assert_ne!(a, 0);
        assert_ne!(a, b);
    }

    #[test]
    fn queued_faults_are_taken_in_order_per_endpoint() {
        let mut book = FaultBook::default();
        book.inject(Fault::DropAfterCommit(Endpoint::Create));
        book.inject(Fault::DropBeforeCommit(Endpoint::Status));
        book.inject(Fault::Error500 {
            endpoint: Endpoint::Create,
            after_commit: false,
        });
        assert_eq!(
            book.take(Endpoint::Status),
            Some(Fault::DropBeforeCommit(Endpoint::Status))
        );
        assert_eq!(book.take(Endpoint::Status), None);
        assert_eq!(
            book.take(Endpoint::Create),
            Some(Fault::DropAfterCommit(Endpoint::Create))
        );
        assert_eq!(
            book.take(Endpoint::Create),
            Some(Fault::Error500 {
                endpoint: Endpoint::Create,
                after_commit: false
            })
        );
        assert_eq!(book.take(Endpoint::Create), None);
    }

    #[test]
    fn plan_with_same_seed_gives_same_faults() {
        let draw = |seed| {
            let mut book = FaultBook::default();
            book.set_plan(Some(plan(seed)));
            (0..200)
                .map(|_| book.take(Endpoint::Create))
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(42), draw(42));
        assert_ne!(draw(42), draw(43));
        let faults = draw(42);
        assert!(
            faults.iter().any(Option::is_none),
            "some requests pass untouched"
        );
        assert!(faults
            .iter()
            .any(|f| matches!(f, Some(Fault::DropAfterCommit(_)))));
        assert!(faults
            .iter()
            .any(|f| matches!(f, Some(Fault::Error500 { .. }))));
        assert!(faults
            .iter()
            .any(|f| matches!(f, Some(Fault::Delay { .. }))));
    }

    #[test]
    fn plan_leaves_other_endpoints_alone() {
        let mut book = FaultBook::default();
        book.set_plan(Some(FaultPlan {
            error_500: 1000,
            ..plan(7)
        }));
        assert!(book.take(Endpoint::Cancel).is_none());
        assert!(matches!(
            book.take(Endpoint::Status),
            Some(Fault::Error500 { .. })
        ));
    }

    #[test]
    fn stale_not_found_queued_five_times_is_taken_five_times() {
        let mut book = FaultBook::default();
        for _ in 0..5 {
            book.inject(Fault::StaleNotFound(Endpoint::Status));
        }
        for _ in 0..5 {
            assert_eq!(
                book.take(Endpoint::Status),
                Some(Fault::StaleNotFound(Endpoint::Status))
            );
        }
        assert_eq!(book.take(Endpoint::Status), None);
    }

    #[test]
    fn fault_spec_reads_every_kind_in_order() {
        let faults = parse_fault_spec(
            "drop-after-commit:create, drop-before-commit:status,error-500:update,\
             stale-not-found:status,other-cashout:cancel,unknown-status=9:status,\
             huge-body=400000000:status,truncated:banks,slow-drip=50:create,delay=20:status,",
        )
        .expect("a valid spec");
        assert_eq!(
            faults,
            vec![
                Fault::DropAfterCommit(Endpoint::Create),
                Fault::DropBeforeCommit(Endpoint::Status),
                Fault::Error500 {
                    endpoint: Endpoint::Update,
                    after_commit: true
                },
                Fault::StaleNotFound(Endpoint::Status),
                Fault::OtherCashout(Endpoint::Cancel),
                Fault::UnknownStatus {
                    endpoint: Endpoint::Status,
                    code: 9
                },
                Fault::HugeBody {
                    endpoint: Endpoint::Status,
                    bytes: 400_000_000
                },
                Fault::Truncated(Endpoint::Banks),
                Fault::SlowDrip {
                    endpoint: Endpoint::Create,
                    every: Duration::from_millis(50)
                },
                Fault::Delay {
                    endpoint: Endpoint::Status,
                    by: Duration::from_millis(20)
                },
            ]
        );
        assert_eq!(parse_fault_spec(""), Ok(vec![]));
        assert_eq!(parse_fault_spec(" , "), Ok(vec![]));
    }

    #[test]
    fn fault_spec_with_a_typo_is_refused_naming_the_item() {
        for bad in [
            "drop-after-comit:create",
            "drop-after-commit:creat",
            "drop-after-commit",
            "unknown-status:status",
            "unknown-status=x:status",
            "huge-body=-1:status",
            "slow-drip:create",
            "truncated=5:create",
        ] {
            let err = parse_fault_spec(&format!("error-500:create,{bad}"))
                .expect_err("a typo is refused");
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn endpoint_is_recognised_by_method_and_path() {
        assert_eq!(
            Endpoint::of(&Method::POST, "/v3/cashout"),
            Some(Endpoint::Create)
        );
        assert_eq!(
            Endpoint::of(&Method::PUT, "/v3/cashout/status"),
            Some(Endpoint::Update)
        );
        assert_eq!(Endpoint::of(&Method::GET, "/v3/cashout"), None);
        assert_eq!(
            Endpoint::of(&Method::GET, "/v1/country/BR/authorized-banks"),
            Some(Endpoint::Banks)
        );
    }
}
