//! The Cashouts v3 API: typed bodies ([`types`]), the signing HTTP client ([`client`]), and
//! reading a create written by someone else ([`parse`]).

pub mod client;
pub mod parse;
pub mod types;
