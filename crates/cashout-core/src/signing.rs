//! Payload signatures and notification controls, as pure functions over bytes.
//!
//! Cashouts v3 signs a request with `Payload-Signature = lowercase_hex(HMAC-SHA256(API Signature,
//! raw body bytes))`. The bytes signed must be the bytes sent: callers serialize once and pass
//! that buffer both here and to the HTTP layer (see `api::client`). Notifications carry
//! `control = UPPERCASE_hex(HMAC-SHA256(API Signature, "Be4" + external_id + "Bo7"))`.
//! Verification is constant-time.
//!
//! Left out: the Deposits API signature (different header, key and message).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::credentials::Secret;

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail; fall back to an empty key only to
    // avoid a panic path in library code.
    <HmacSha256 as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| <HmacSha256 as KeyInit>::new_from_slice(&[]).expect("empty key"))
}

/// Lowercase hex HMAC-SHA256 of `message` keyed with `key` (raw bytes).
#[must_use]
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    let mut m = mac(key);
    m.update(message);
    hex::encode(m.finalize().into_bytes())
}

/// The `Payload-Signature` header value for these exact body bytes.
#[must_use]
pub fn payload_signature(api_signature: &Secret, body: &[u8]) -> String {
    hmac_sha256_hex(api_signature.expose().as_bytes(), body)
}

/// Checks a received `Payload-Signature` against the body bytes, in constant time. Accepts only
/// lowercase hex, as the provider requires.
#[must_use]
pub fn verify_payload_signature(api_signature: &Secret, body: &[u8], header: &str) -> bool {
    if header.len() != 64 || header.bytes().any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let Ok(expected) = hex::decode(header) else {
        return false;
    };
    let mut m = mac(api_signature.expose().as_bytes());
    m.update(body);
    m.verify_slice(&expected).is_ok()
}

/// The `control` value the provider puts in a notification for `external_id`.
#[must_use]
pub fn notification_control(api_signature: &Secret, external_id: &str) -> String {
    let message = format!("Be4{external_id}Bo7");
    hmac_sha256_hex(api_signature.expose().as_bytes(), message.as_bytes()).to_uppercase()
}

/// Checks a notification's `control` in constant time, case-insensitively.
#[must_use]
pub fn verify_notification_control(
    api_signature: &Secret,
    external_id: &str,
    control: &str,
) -> bool {
    let Ok(expected) = hex::decode(control.trim()) else {
        return false;
    };
    let mut m = mac(api_signature.expose().as_bytes());
    m.update(format!("Be4{external_id}Bo7").as_bytes());
    m.verify_slice(&expected).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(s: &str) -> Secret {
        Secret::new(s.to_owned())
    }

    // RFC 4231, test cases 1, 2, 3, 4, 6 and 7 (HMAC-SHA-256).
    #[test]
    fn hmac_matches_rfc4231_vectors() {
        let cases: [(Vec<u8>, Vec<u8>, &str); 6] = [
            (vec![0x0b; 20], b"Hi There".to_vec(),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (vec![0xaa; 20], vec![0xdd; 50],
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            ((1u8..=25).collect(), vec![0xcd; 50],
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (vec![0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (vec![0xaa; 131],
             b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".to_vec(),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ];
        for (key, msg, want) in cases {
            assert_eq!(hmac_sha256_hex(&key, &msg), want);
        }
    }

    // Reference §3.5: locally computed regression vectors.
    #[test]
    fn payload_signature_matches_reference_vectors() {
        let key = secret("cashout_secret_key");
        let cases = [
            (
                r#"{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954}"#,
                "db96878e3d4066e680a1dbebc977546276e1427aefbe14ead1b410a76d45cc60",
            ),
            (
                r#"{"login": "cashout_login", "pass": "cashout_pass", "cashout_id": 11954}"#,
                "50944a8a43c95b9a0d63394c9c40c2c5fa583e8996fd52664e0dd518d73da994",
            ),
            (
                "",
                "8d3e2b061e753c88e401ac8737e6dc7af9e02d590fd1dd4d5e1ded9f4430487c",
            ),
            (
                r#"{"notification_url":"https://merchant.example/cb"}"#,
                "e0230b1b526366ad911f23ce277f6c6df813fdcb1c2a12931543628a9a339f18",
            ),
            (
                r#"{"notification_url":"https:\/\/merchant.example\/cb"}"#,
                "9f44c881098030b4dc3e59b571b64fc6ff2e37e5db37ce8334191c6496d261d5",
            ),
        ];
        for (body, want) in cases {
            assert_eq!(
                payload_signature(&key, body.as_bytes()),
                want,
                "body {body}"
            );
            assert!(verify_payload_signature(&key, body.as_bytes(), want));
        }
    }

    #[test]
    fn verify_refuses_uppercase_other_body_and_garbage() {
        let key = secret("cashout_secret_key");
        let body = br#"{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954}"#;
        let good = "db96878e3d4066e680a1dbebc977546276e1427aefbe14ead1b410a76d45cc60";
        assert!(!verify_payload_signature(&key, body, &good.to_uppercase()));
        assert!(!verify_payload_signature(&key, b"{}", good));
        assert!(!verify_payload_signature(&key, body, "zz"));
        assert!(!verify_payload_signature(&secret("other"), body, good));
    }

    #[test]
    fn notification_control_matches_reference_vector() {
        let key = secret("your_cashout_api_signature");
        let want = "DDD345FB66A8053FBB69E0DBCACFDE5F63CA05140C3A2C446B7A0E4118F8BA1D";
        assert_eq!(notification_control(&key, "cashoutID1234"), want);
        assert!(verify_notification_control(&key, "cashoutID1234", want));
        assert!(verify_notification_control(
            &key,
            "cashoutID1234",
            &want.to_lowercase()
        ));
        assert!(!verify_notification_control(&key, "cashoutID1235", want));
        assert!(!verify_notification_control(
            &key,
            "cashoutID1234",
            "not hex"
        ));
    }
}
