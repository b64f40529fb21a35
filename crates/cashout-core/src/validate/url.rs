//! The notification URL: where the provider reports status changes. It must be reachable by the
//! provider (https; it calls only ports 80 and 443) and must not carry credentials.
//!
//! Guarantees: a URL that passes has a scheme, a plausible host and, for plain http, a loopback
//! host (the embedded sandbox on this computer). Left out: whether the host resolves or answers.

use std::net::IpAddr;

use super::code;
use super::common::Findings;
use crate::l10n::messages::tr;

/// Checks `notification_url`: https, or http to this computer only; no port the provider will
/// not call (it calls only 80 and 443); no user name or password in the URL.
pub(super) fn check_notification_url(f: &mut Findings, url: &str) {
    const FIELD: &str = "notification_url";
    if url.is_empty() {
        f.push(FIELD, code::REQUIRED, tr("v-url-required", &[]));
        return;
    }
    // `id`: the message saying what is wrong, one whole sentence each.
    let bad_format = |f: &mut Findings, id: &str| {
        f.push(FIELD, code::INVALID_FORMAT, tr(id, &[]));
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad_format(f, "v-url-spaces");
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return bad_format(f, "v-url-not-full");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad_format(f, "v-url-credentials");
    }
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let Some((host, after)) = bracketed.split_once(']') else {
            return bad_format(f, "v-url-unclosed-bracket");
        };
        if !after.is_empty() && !after.starts_with(':') {
            return bad_format(f, "v-url-invalid-host");
        }
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => return bad_format(f, "v-url-invalid-port"),
        },
    };
    let host_chars_ok = authority.starts_with('[')
        || host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if host.is_empty() || !host_chars_ok {
        return bad_format(f, "v-url-no-host");
    }
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {
            if !loopback && port.is_some_and(|p| p != 443) {
                f.push(FIELD, code::NOT_ALLOWED, tr("v-url-port", &[]));
            }
        }
        "http" => {
            if !loopback {
                f.push(FIELD, code::NOT_ALLOWED, tr("v-url-plain-http", &[]));
            }
        }
        _ => bad_format(f, "v-url-not-https"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::code;
    use super::super::testkit::*;

    #[test]
    fn missing_notification_url_is_refused_as_required() {
        let mut req = sample_request("BR");
        req.notification_url = String::new();
        refused_with(&req, "notification_url", code::REQUIRED);
    }

    #[test]
    fn plain_http_notification_url_is_refused_except_on_loopback() {
        let mut req = sample_request("BR");
        req.notification_url = "http://merchant.example/hook".into();
        refused_with(&req, "notification_url", code::NOT_ALLOWED);
        req.notification_url = "http://localhost.evil.example/hook".into();
        refused_with(&req, "notification_url", code::NOT_ALLOWED);
        for ok in [
            "http://127.0.0.1:4010/hook",
            "http://localhost:8080/hook",
            "http://[::1]:9000/hook",
            "HTTPS://merchant.example",
        ] {
            req.notification_url = ok.into();
            passes(&req);
        }
    }

    #[test]
    fn notification_url_with_a_port_the_provider_never_calls_is_refused() {
        let mut req = sample_request("BR");
        req.notification_url = "https://merchant.example:8443/hook".into();
        refused_with(&req, "notification_url", code::NOT_ALLOWED);
        req.notification_url = "https://merchant.example:443/hook".into();
        passes(&req);
        req.notification_url = "https://127.0.0.1:8443/hook".into();
        passes(&req);
    }

    #[test]
    fn malformed_notification_url_is_refused_as_invalid_format() {
        let mut req = sample_request("BR");
        for bad in [
            "merchant.example/hook",
            "ftp://merchant.example/hook",
            "https:///hook",
            "https://merchant.example:99999/hook",
            "https://merchant.example:/hook",
            "https://user:secret@merchant.example/hook",
            "https://merchant example/hook",
            "https://[::1/hook",
        ] {
            req.notification_url = bad.into();
            refused_with(&req, "notification_url", code::INVALID_FORMAT);
        }
    }
}
