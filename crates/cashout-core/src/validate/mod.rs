//! Offline validation of a create request, before anything is written or sent.
//!
//! (Being written: the per-country modules land next.)

use serde::Serialize;

use crate::api::types::CreateCashout;
use crate::environment::EnvironmentKind;

/// One problem with one field, in plain language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The request field to fix, e.g. `document_id`.
    pub field: String,
    /// A stable machine code, e.g. `invalid_check_digit`.
    pub code: &'static str,
    /// What is wrong and how to fix it, for an operator.
    pub message: String,
}

/// What validation needs to know besides the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidationContext {
    pub environment: EnvironmentKind,
    /// The operator asked to accept documents that fail a national check-digit rule. Honoured
    /// only where [`EnvironmentKind::allows_validation_override`].
    pub override_check_digits: bool,
}

/// Checks a create request and returns it normalised (e.g. punctuation stripped from documents).
///
/// # Errors
/// Every field problem found, not just the first.
pub fn check_create(req: &CreateCashout, ctx: &ValidationContext) -> Result<CreateCashout, Vec<FieldError>> {
    let _ = ctx;
    Ok(req.clone())
}
