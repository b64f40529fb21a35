//! Network and server faults on demand, so clients can rehearse unknown outcomes.
//!
//! Two sources, consulted in this order for each request to a known endpoint:
//! 1. one-shot [`Fault`]s queued with `Sandbox::inject`: the first queued fault whose endpoint
//!    matches is taken and applied, so faults for different endpoints do not block each other;
//! 2. an optional [`FaultPlan`]: per-mille chances per matching request, drawn from a tiny
//!    xorshift generator seeded by the plan, so a run is repeatable from its seed.
//!
//! This module only decides *which* fault applies; `server` carries it out (drop the
//! connection, answer 500, delay). Left out: partial responses and slow bodies — a dropped
//! connection and a late answer already cover the client's "outcome unknown" paths.

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
    /// a recent create yet. Makes a client's lookup miss a cashout that exists.
    StaleNotFound(Endpoint),
}

impl Fault {
    /// The endpoint this fault waits for.
    #[must_use]
    pub fn endpoint(&self) -> Endpoint {
        match self {
            Self::DropBeforeCommit(e) | Self::DropAfterCommit(e) | Self::StaleNotFound(e) => *e,
            Self::Error500 { endpoint, .. } | Self::Delay { endpoint, .. } => *endpoint,
        }
    }
}

/// A random mix of faults, repeatable from `seed`.
///
/// For each request to one of `endpoints`, one draw in 0..1000 picks: a drop after commit
/// (`drop_after_commit` chances in 1000), else an HTTP 500 (`error_500`), else a delay of
/// `delay_by` (`delay`), else a stale "not found" (`stale_not_found`), else nothing. A 500 is before or after the commit with even odds (one
/// more draw), because a client must survive both. Drops from a plan are always after the
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
