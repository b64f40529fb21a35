//! The Cashouts v3 API: typed bodies ([`types`]) and the signing HTTP client ([`client`]).

pub mod client;
pub mod types;
