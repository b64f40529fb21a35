//! The top-level fields of a JSON request body, in the order received, each kept as its exact
//! text (`serde_json::value::RawValue`).
//!
//! Guarantees: a body that is not exactly one JSON object (an array, a number, trailing bytes,
//! broken JSON) is refused here, which the handlers answer with 502; no value is ever read
//! through a float; a name given twice is kept twice so the caller can refuse the ambiguity
//! instead of silently taking one of them.
//!
//! Left out: nested objects are not looked into; they stay raw text.

use std::fmt;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// A request body's fields, in order.
#[derive(Debug)]
pub(crate) struct Fields(Vec<(String, Box<RawValue>)>);

/// Why one field could not be read as the type asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{problem}")]
pub(crate) struct FieldProblem {
    pub field: String,
    pub problem: String,
}

impl FieldProblem {
    pub(crate) fn new(field: &str, problem: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            problem: problem.into(),
        }
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("one JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push((k, v));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(ObjectVisitor)
    }
}

impl Fields {
    /// Reads a body; `None` unless it is exactly one JSON object.
    pub(crate) fn parse(body: &[u8]) -> Option<Self> {
        serde_json::from_slice(body).ok()
    }

    /// The field names in the order received.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// The first name that appears more than once.
    pub(crate) fn duplicate(&self) -> Option<&str> {
        self.0
            .iter()
            .enumerate()
            .find(|(i, (k, _))| self.0[..*i].iter().any(|(other, _)| other == k))
            .map(|(_, (k, _))| k.as_str())
    }

    /// The raw text of a field; `None` when absent or given as `null`.
    pub(crate) fn raw(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.get())
            .filter(|text| *text != "null")
    }

    /// A field decoded as `T`; absent or `null` is `None`; another JSON type is a problem
    /// naming the field.
    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        name: &str,
        expected: &str,
    ) -> Result<Option<T>, FieldProblem> {
        match self.raw(name) {
            None => Ok(None),
            Some(text) => serde_json::from_str(text)
                .map(Some)
                .map_err(|_| FieldProblem::new(name, format!("must be {expected}"))),
        }
    }

    /// A string field for the credential check: only a single string occurrence counts.
    pub(crate) fn credential(&self, name: &str) -> Option<String> {
        let mut found = self.0.iter().filter(|(k, _)| k == name);
        let (_, first) = found.next()?;
        if found.next().is_some() {
            return None;
        }
        serde_json::from_str::<String>(first.get()).ok()
    }

    /// The fields other than the credentials, as one JSON object text, every value verbatim.
    /// What the store keeps of a create: never `login` or `pass`.
    pub(crate) fn without_credentials(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .filter(|(k, _)| k != "login" && k != "pass")
            .map(|(k, v)| format!("{}:{}", serde_json::Value::String(k.clone()), v.get()))
            .collect();
        format!("{{{}}}", parts.join(","))
    }

    /// A positive integer id (`cashout_id`), given as a JSON number (§6–§8 type it `number`).
    pub(crate) fn id(&self, name: &str) -> Result<Option<i64>, FieldProblem> {
        let Some(text) = self.raw(name) else {
            return Ok(None);
        };
        let bad = || FieldProblem::new(name, "must be a positive whole number");
        if text.starts_with('"') {
            return Err(FieldProblem::new(name, "must be a number, not a string"));
        }
        match text.parse::<i64>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_object_is_a_body() {
        assert!(Fields::parse(br#"{"a":1}"#).is_some());
        assert!(Fields::parse(b"{}").is_some());
        for bad in [
            &b"[1,2]"[..],
            b"[{\"a\":1}]",
            b"5",
            b"\"x\"",
            b"",
            b"{\"a\":1} {}",
            b"{",
        ] {
            assert!(
                Fields::parse(bad).is_none(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn duplicate_names_are_kept_and_found() {
        let f = Fields::parse(br#"{"a":1,"b":2,"a":3}"#).expect("object");
        assert_eq!(f.duplicate(), Some("a"));
        assert_eq!(f.names().collect::<Vec<_>>(), vec!["a", "b", "a"]);
        assert_eq!(
            Fields::parse(br#"{"a":1}"#).and_then(|f| f.duplicate().map(str::to_owned)),
            None
        );
    }

    #[test]
    fn values_keep_their_exact_text() {
        let f = Fields::parse(br#"{"amount":100.10,"n":null}"#).expect("object");
        assert_eq!(f.raw("amount"), Some("100.10"));
        assert_eq!(f.raw("n"), None);
        assert_eq!(f.without_credentials(), r#"{"amount":100.10,"n":null}"#);
    }

    #[test]
    fn ids_must_be_positive_json_numbers() {
        let f = Fields::parse(br#"{"a":8400001,"b":"8400001","c":0,"d":1.5}"#).expect("object");
        assert_eq!(f.id("a"), Ok(Some(8_400_001)));
        assert!(f.id("b").is_err());
        assert!(f.id("c").is_err());
        assert!(f.id("d").is_err());
        assert_eq!(f.id("missing"), Ok(None));
    }

    #[test]
    fn credentials_count_only_when_given_once_as_strings() {
        let f = Fields::parse(br#"{"login":"a","pass":"b","pass":"c","x":5}"#).expect("object");
        assert_eq!(f.credential("login").as_deref(), Some("a"));
        assert_eq!(f.credential("pass"), None);
        assert_eq!(f.credential("x"), None);
    }
}
