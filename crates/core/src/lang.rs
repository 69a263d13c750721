//! The two languages every person-facing text exists in.

use std::fmt;
use std::str::FromStr;

/// A language iyashi speaks. Every person-facing string exists in each one.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Picks a language from POSIX locale variables, in the order C looks at them
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`). Anything Japanese gives
    /// [`Lang::Ja`]; everything else, including an unset locale, gives English.
    ///
    /// ```
    /// use iyashi_core::Lang;
    /// assert_eq!(Lang::from_locale([None, None, Some("ja_JP.UTF-8")]), Lang::Ja);
    /// assert_eq!(Lang::from_locale([Some("C"), None, Some("ja_JP.UTF-8")]), Lang::En);
    /// ```
    pub fn from_locale<'a>(vars: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        let first_set = vars.into_iter().flatten().find(|v| !v.is_empty());
        match first_set {
            Some(v) if v.to_ascii_lowercase().starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// The code used on the command line and in config.toml.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// Picks the text for this language from a pair. The catalogue is built on it.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ja => ja,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code iyashi does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "ja" | "jp" | "japanese" | "日本語" => Ok(Lang::Ja),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}
