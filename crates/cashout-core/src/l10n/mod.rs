//! The operator's language and regional formats.
//!
//! A [`Locale`] pairs the language the words are in ([`Lang`]: English, Latin-American Spanish,
//! Brazilian Portuguese) with the full BCP-47 tag whose CLDR data formats numbers (`es-CO`
//! writes `1.234.567`, `es-MX` writes `1,234,567`). It is chosen, in order, by an explicit
//! setting, by the CLI's `--lang` or `LANG`, or by the operating system's locale; whatever is
//! not Spanish or Portuguese speaks English ([`Locale::negotiate`]).
//!
//! Guarantees: every `Locale` has a language with a complete message set and a tag ICU4X can
//! format with (tags it cannot read fall back to the language's own region). Left out: right-
//! to-left languages, and choosing a number format apart from the language's tag.
//!
//! [`numbers`] formats money and counts, [`dates`] moments; [`messages`] renders the words
//! (Project Fluent).

pub mod dates;
pub mod messages;
pub mod numbers;

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the app's words exist in. The message files are `locales/<tag>/*.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    /// Latin-American Spanish (the operators are in Mexico, Colombia, Peru, Chile, Argentina).
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "pt-BR")]
    PtBr,
}

impl Lang {
    /// Every language, English (the fallback) first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::PtBr];

    /// The tag of its message folder and of the webview's bundle (`en`, `es`, `pt-BR`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The region whose formats the language uses when its tag names none.
    fn default_region_tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            // CLDR's Latin-American Spanish (es-419): `1,234.56`, as in Mexico.
            Lang::Es => "es-419",
            Lang::PtBr => "pt-BR",
        }
    }
}

/// The locales offered by name in Settings, each shown in its own language. `auto` (the
/// system's) is offered beside them; any other tag the system reports is accepted too.
pub const OFFERED: [(&str, &str); 8] = [
    ("en-US", "English"),
    ("es-MX", "Español (México)"),
    ("es-CO", "Español (Colombia)"),
    ("es-PE", "Español (Perú)"),
    ("es-CL", "Español (Chile)"),
    ("es-AR", "Español (Argentina)"),
    ("es-419", "Español (Latinoamérica)"),
    ("pt-BR", "Português (Brasil)"),
];

/// A tag as BCP 47 spells it: POSIX `ll_RR.charset@modifier` (what `LANG` holds) → `ll-RR`.
fn bcp47(tag: &str) -> String {
    tag.split(['.', '@'])
        .next()
        .unwrap_or("")
        .trim()
        .replace('_', "-")
}

/// A language plus the regional tag its numbers are formatted with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Locale {
    lang: Lang,
    /// A tag ICU4X has read (canonical form, e.g. `es-CO`).
    tag: String,
    /// Dates are written ISO (`2026-03-04 12:00`), not the tag's way: this locale stands in
    /// for one the desk does not speak (`en-GB`, `fr-FR`, `C`), whose operator must not be
    /// handed another country's day-month order (`3/4/2026` read as the 3rd of April).
    iso_dates: bool,
}

impl Locale {
    /// English with US numbers and ISO dates: the fallback for whatever the desk does not
    /// speak ([`Locale::negotiate`]).
    #[must_use]
    pub fn english() -> Self {
        Self {
            lang: Lang::En,
            tag: "en-US".into(),
            iso_dates: true,
        }
    }

    /// The locale a tag asks for: `es-*` speaks Spanish, `pt-*` Portuguese, anything else
    /// (empty, unreadable, another language) English. POSIX forms such as `pt_BR.UTF-8` and
    /// `es_CO@euro` are read too. The number format follows the tag's region when it has one
    /// (`es-CO`); without one, the language's default region (`es` → `es-419`).
    #[must_use]
    pub fn negotiate(requested: &str) -> Self {
        let Ok(parsed) = icu_locale_core::Locale::try_from_str(&bcp47(requested)) else {
            return Self::english();
        };
        let lang = match parsed.id.language.as_str() {
            "es" => Lang::Es,
            "pt" => Lang::PtBr,
            // English of the United States (or of no region, which CLDR writes the same) is
            // spoken with its own dates; any other English falls back.
            "en" if parsed.id.region.is_none_or(|r| r.as_str() == "US") => {
                return Self {
                    iso_dates: false,
                    ..Self::english()
                }
            }
            _ => return Self::english(),
        };
        let tag = match parsed.id.region {
            Some(region) => format!("{}-{}", parsed.id.language.as_str(), region.as_str()),
            None => lang.default_region_tag().to_owned(),
        };
        Self {
            lang,
            tag,
            iso_dates: false,
        }
    }

    /// The operating system's locale (`sys-locale`: the user's language setting on Windows and
    /// macOS, `LC_ALL`/`LC_MESSAGES`/`LANG` on Linux), negotiated; English when it says nothing.
    #[must_use]
    pub fn from_os() -> Self {
        sys_locale::get_locale().map_or_else(Self::english, |tag| Self::negotiate(&tag))
    }

    /// The locale for a setting: `auto` (or empty) asks the system, anything else is a tag.
    #[must_use]
    pub fn from_setting(setting: &str) -> Self {
        match setting.trim() {
            "" | "auto" => Self::from_os(),
            tag => Self::negotiate(tag),
        }
    }

    /// The language of the words.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The tag numbers are formatted with (`es-CO`).
    #[must_use]
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Whether dates are written ISO rather than the tag's way (a stand-in locale).
    #[must_use]
    pub fn iso_dates(&self) -> bool {
        self.iso_dates
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self::english()
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

/// One locale offered in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OfferedLocale {
    /// The tag saved in the settings (`es-CO`).
    pub tag: String,
    /// Its name in its own language (`Español (Colombia)`).
    pub label: String,
}

/// What the window is told about the language: the setting, what it resolved to, how numbers
/// are written, and the choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LocaleView {
    /// The saved choice: `auto` or a tag.
    pub setting: String,
    /// The language of the words.
    pub lang: Lang,
    /// The tag numbers and money are written with.
    pub tag: String,
    /// The system's own locale tag (what `auto` follows), when it reports one.
    pub system: Option<String>,
    pub number_style: numbers::NumberStyle,
    /// How the window writes a calendar day (the overview's days), from CLDR.
    pub day_style: dates::DateStyle,
    /// How the window writes a moment to the minute (lists, summaries).
    pub date_style: dates::DateStyle,
    /// The same to the second (histories, the audit log).
    pub date_style_seconds: dates::DateStyle,
    /// The time alone, to the second (the diagram's steps).
    pub time_style: dates::DateStyle,
    pub offered: Vec<OfferedLocale>,
}

impl LocaleView {
    /// The view of a setting, as resolved now.
    #[must_use]
    pub fn of_setting(setting: &str) -> Self {
        let locale = Locale::from_setting(setting);
        Self {
            setting: if setting.trim().is_empty() {
                "auto".into()
            } else {
                setting.trim().to_owned()
            },
            lang: locale.lang(),
            tag: locale.tag().to_owned(),
            system: sys_locale::get_locale(),
            number_style: numbers::number_style(&locale),
            day_style: dates::style(&locale, dates::Precision::Day),
            date_style: dates::style(&locale, dates::Precision::Minute),
            date_style_seconds: dates::style(&locale, dates::Precision::Second),
            time_style: dates::style(&locale, dates::Precision::Time),
            offered: OFFERED
                .iter()
                .map(|(tag, label)| OfferedLocale {
                    tag: (*tag).to_owned(),
                    label: (*label).to_owned(),
                })
                .collect(),
        }
    }
}

/// Whether a locale setting can be saved: `auto`, or a tag whose language has words here (a
/// typo must not silently speak English).
///
/// # Errors
/// The message for the setting's field when it is neither.
pub fn check_setting(setting: &str) -> Result<(), String> {
    let s = setting.trim();
    if s.is_empty() || s == "auto" {
        return Ok(());
    }
    let ok = icu_locale_core::Locale::try_from_str(&bcp47(s))
        .is_ok_and(|l| matches!(l.id.language.as_str(), "en" | "es" | "pt"));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{s} is not a language this desk speaks: choose auto (the system's), English, Spanish or Portuguese"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_and_portuguese_tags_speak_their_language_and_others_english() {
        for (requested, lang, tag) in [
            ("es-CO", Lang::Es, "es-CO"),
            ("es_AR.UTF-8", Lang::Es, "es-AR"),
            ("es", Lang::Es, "es-419"),
            ("es-ES", Lang::Es, "es-ES"),
            ("pt-BR", Lang::PtBr, "pt-BR"),
            ("pt_PT.UTF-8@euro", Lang::PtBr, "pt-PT"),
            ("pt", Lang::PtBr, "pt-BR"),
            ("en-GB", Lang::En, "en-US"),
            ("fr-FR", Lang::En, "en-US"),
            ("C", Lang::En, "en-US"),
            ("", Lang::En, "en-US"),
            ("not a tag at all", Lang::En, "en-US"),
        ] {
            let locale = Locale::negotiate(requested);
            assert_eq!((locale.lang(), locale.tag()), (lang, tag), "{requested:?}");
        }
    }

    #[test]
    fn every_offered_locale_keeps_its_own_tag() {
        for (tag, _) in OFFERED {
            assert_eq!(Locale::negotiate(tag).tag(), tag);
        }
    }
}
