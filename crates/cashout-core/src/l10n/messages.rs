//! The app's words in each language, from Project Fluent files.
//!
//! The messages live once, in `crates/cashout-core/locales/<lang>/*.ftl`: the core renders its
//! own (errors, the provider's codes, statuses, the CLI's human lines) with [`text`], and the
//! webview loads the very same files into `@fluent/bundle` for its labels. A message id is
//! `kebab-case`; its arguments are Fluent variables (`{ $field }`).
//!
//! Guarantees: every language has every message with the same arguments (checked by
//! [`check_complete`], run as a test and in CI); a message missing at run time falls back to
//! English, never to nothing; bidi isolation marks are off (they surprised users and broke
//! string comparisons, fluent-rs#172). Left out: Fluent's `NUMBER()` (fluent-rs ignores its
//! options, #269) — numbers and money are formatted by [`super::numbers`] and passed as text.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::{Lang, Locale};

/// The message files of each language, compiled in: `(file name, text)`.
pub const FILES: [(Lang, &[(&str, &str)]); 3] = [
    (
        Lang::En,
        &[
            ("core.ftl", include_str!("../../locales/en/core.ftl")),
            (
                "validate-common.ftl",
                include_str!("../../locales/en/validate-common.ftl"),
            ),
            (
                "validate-country.ftl",
                include_str!("../../locales/en/validate-country.ftl"),
            ),
            ("batch.ftl", include_str!("../../locales/en/batch.ftl")),
            ("details.ftl", include_str!("../../locales/en/details.ftl")),
            (
                "programs.ftl",
                include_str!("../../locales/en/programs.ftl"),
            ),
        ],
    ),
    (
        Lang::Es,
        &[
            ("core.ftl", include_str!("../../locales/es/core.ftl")),
            (
                "validate-common.ftl",
                include_str!("../../locales/es/validate-common.ftl"),
            ),
            (
                "validate-country.ftl",
                include_str!("../../locales/es/validate-country.ftl"),
            ),
            ("batch.ftl", include_str!("../../locales/es/batch.ftl")),
            ("details.ftl", include_str!("../../locales/es/details.ftl")),
            (
                "programs.ftl",
                include_str!("../../locales/es/programs.ftl"),
            ),
        ],
    ),
    (
        Lang::PtBr,
        &[
            ("core.ftl", include_str!("../../locales/pt-BR/core.ftl")),
            (
                "validate-common.ftl",
                include_str!("../../locales/pt-BR/validate-common.ftl"),
            ),
            (
                "validate-country.ftl",
                include_str!("../../locales/pt-BR/validate-country.ftl"),
            ),
            ("batch.ftl", include_str!("../../locales/pt-BR/batch.ftl")),
            (
                "details.ftl",
                include_str!("../../locales/pt-BR/details.ftl"),
            ),
            (
                "programs.ftl",
                include_str!("../../locales/pt-BR/programs.ftl"),
            ),
        ],
    ),
];

fn files_of(lang: Lang) -> &'static [(&'static str, &'static str)] {
    FILES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(&[], |(_, files)| files)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<(Lang, FluentBundle<FluentResource>)>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&lang| {
                let id: unic_langid::LanguageIdentifier =
                    lang.tag().parse().expect("the language tags are valid");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                for (name, text) in files_of(lang) {
                    // A syntax error is caught by `check_complete`'s test; what parsed is kept.
                    let resource = FluentResource::try_new((*text).to_owned())
                        .unwrap_or_else(|(partial, _)| partial);
                    if let Err(errors) = bundle.add_resource(resource) {
                        debug_assert!(errors.is_empty(), "{name}: {errors:?}");
                    }
                }
                (lang, bundle)
            })
            .collect()
    });
    &bundles
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has a bundle")
        .1
}

/// An argument of a message: text (already formatted money, names, codes) or a count that
/// selects a plural form.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Renders message `id` in `lang` with `args`; English when `lang` lacks it, and the id
/// itself when no language has it (a test keeps that from shipping).
#[must_use]
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fluent_args.set(*name, FluentValue::from(t.as_str())),
            Arg::Count(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return out.into_owned();
        }
    }
    id.to_owned()
}

/// The locale the desk speaks now: set from the settings at start and when the operator
/// switches language (no restart), or by the CLI's `--lang`. Messages rendered into records
/// sent to the window read it.
static ACTIVE: RwLock<Option<Locale>> = RwLock::new(None);

/// The active locale; English until one is set.
#[must_use]
pub fn active() -> Locale {
    ACTIVE
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
        .unwrap_or_default()
}

/// Makes `locale` the active one.
pub fn set_active(locale: Locale) {
    *ACTIVE
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(locale);
}

/// Renders `id` in the active language.
#[must_use]
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    text(active().lang(), id, args)
}

/// Each language's message files, `(file name, text)`: what [`check_complete`] reads.
pub type LangFiles = Vec<(Lang, Vec<(String, String)>)>;

/// A message's id with the variables it uses, per language: what completeness compares.
pub type Catalogue = BTreeMap<String, BTreeSet<String>>;

/// Reads one `.ftl` text into its catalogue: every message and term with the variables its
/// value and attributes use (attributes count as `id.attr`).
///
/// # Errors
/// The parser's complaints, when the text is not valid Fluent.
pub fn catalogue(text: &str) -> Result<Catalogue, String> {
    let resource = fluent_syntax::parser::parse(text).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| format!("{:?} at {:?}", e.kind, e.pos))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let mut out = Catalogue::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                out.insert(m.id.name.to_owned(), variables(value));
            }
            for attr in &m.attributes {
                out.insert(
                    format!("{}.{}", m.id.name, attr.id.name),
                    variables(&attr.value),
                );
            }
        }
    }
    Ok(out)
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut out);
        }
    }
    out
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                out.extend(variables(&v.value));
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

/// What is wrong with a set of languages' files: a message one language has and another lacks,
/// or uses other variables, or a file that does not parse. Empty when complete.
#[must_use]
pub fn check_complete(files: &[(Lang, Vec<(String, String)>)]) -> Vec<String> {
    let mut problems = vec![];
    let mut catalogues: Vec<(Lang, Catalogue)> = vec![];
    for (lang, texts) in files {
        let mut all = Catalogue::new();
        for (name, text) in texts {
            match catalogue(text) {
                Ok(c) => {
                    for (id, vars) in c {
                        if all.insert(id.clone(), vars).is_some() {
                            problems.push(format!("{}: {id} is defined twice", lang.tag()));
                        }
                    }
                }
                Err(e) => problems.push(format!("{}/{name}: {e}", lang.tag())),
            }
        }
        catalogues.push((*lang, all));
    }
    let Some((_, english)) = catalogues.iter().find(|(l, _)| *l == Lang::En) else {
        problems.push("no English messages".into());
        return problems;
    };
    for (lang, c) in &catalogues {
        if *lang == Lang::En {
            continue;
        }
        for (id, vars) in english {
            match c.get(id) {
                None => problems.push(format!("{}: {id} is missing", lang.tag())),
                Some(v) if v != vars => problems.push(format!(
                    "{}: {id} uses {{{}}} where English uses {{{}}}",
                    lang.tag(),
                    v.iter().cloned().collect::<Vec<_>>().join(", "),
                    vars.iter().cloned().collect::<Vec<_>>().join(", ")
                )),
                Some(_) => {}
            }
        }
        for id in c.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{}: {id} is not in English", lang.tag()));
        }
    }
    problems
}

/// The compiled-in files, in the shape [`check_complete`] reads.
#[must_use]
pub fn compiled_files() -> LangFiles {
    FILES
        .iter()
        .map(|(lang, files)| {
            (
                *lang,
                files
                    .iter()
                    .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                    .collect(),
            )
        })
        .collect()
}

/// Every `.ftl` file under `dir` (`<dir>/<lang>/*.ftl`), for [`check_complete`]: the window's
/// files are checked with the core's. A language folder missing a file another has is a
/// problem of its own (reported by name).
///
/// # Errors
/// When the folder cannot be read.
pub fn files_in(dir: &std::path::Path) -> std::io::Result<LangFiles> {
    let mut out = vec![];
    for lang in Lang::ALL {
        let mut files = vec![];
        for entry in std::fs::read_dir(dir.join(lang.tag()))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "ftl") {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                files.push((name, std::fs::read_to_string(&path)?));
            }
        }
        files.sort();
        out.push((lang, files));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_with_the_same_arguments() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let files = files_in(&dir).expect("the locales folder");
        let mut problems = check_complete(&files);
        let names = |lang: Lang| -> Vec<String> {
            files
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, f)| f.iter().map(|(n, _)| n.clone()).collect())
                .unwrap_or_default()
        };
        for lang in [Lang::Es, Lang::PtBr] {
            if names(lang) != names(Lang::En) {
                problems.push(format!(
                    "{}: files {:?}, English has {:?}",
                    lang.tag(),
                    names(lang),
                    names(Lang::En)
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // The compiled-in files are the same text as the folder's.
        assert!(check_complete(&compiled_files()).is_empty());
    }

    #[test]
    fn a_message_missing_in_one_language_or_with_other_arguments_is_found() {
        let files = vec![
            (
                Lang::En,
                vec![(
                    "a.ftl".into(),
                    "hello = Hello { $name }\nbye = Bye\n".into(),
                )],
            ),
            (
                Lang::Es,
                vec![("a.ftl".into(), "hello = Hola { $nombre }\n".into())],
            ),
            (
                Lang::PtBr,
                vec![(
                    "a.ftl".into(),
                    "hello = Olá { $name }\nbye = Tchau\nextra = X\n".into(),
                )],
            ),
        ];
        let problems = check_complete(&files);
        assert_eq!(
            problems,
            [
                "es: bye is missing",
                "es: hello uses {nombre} where English uses {name}",
                "pt-BR: extra is not in English",
            ]
        );
    }

    #[test]
    fn a_message_renders_in_its_language_with_plain_arguments() {
        assert_eq!(text(Lang::En, "status-ON_HOLD", &[]), "On hold");
        assert_eq!(text(Lang::Es, "status-ON_HOLD", &[]), "En espera");
        assert_eq!(text(Lang::PtBr, "status-ON_HOLD", &[]), "Em espera");
        assert_eq!(text(Lang::PtBr, "no-such-message", &[]), "no-such-message");
    }
}
