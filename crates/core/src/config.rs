//! `config.toml`: what a person may set, its documented default, and the
//! checks that turn a mistake into one line naming the line and the key.
//!
//! Parsing is pure (a string in, a [`Config`] or a [`ConfigError`] out); the
//! binary reads and writes the file.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::day::RolloverHour;
use crate::rhythm::RhythmSettings;
use crate::Lang;

/// Everything config.toml can hold. Every key is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The language of everything iyashi says; unset means "from the locale".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// An IANA time zone name; unset means the system's. Spanned, because
    /// whether a name exists is only known to the binary (it reads the time
    /// zone database) and its error must still name the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<Spanned<String>>,
    /// The hour at which one day ends and the next begins.
    pub day_starts_at: RolloverHour,
    pub room: RoomSettings,
    pub rhythm: RhythmSettings,
    pub letters: LettersSettings,
}

/// How the room looks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RoomSettings {
    /// Animate the companions. Off: still pictures only.
    pub motion: bool,
    /// Strong contrast between text and background.
    pub high_contrast: bool,
    /// Bigger, simpler drawings and fewer words on screen.
    pub large_text: bool,
    /// Use colour on a terminal (`NO_COLOR` also turns it off).
    pub color: bool,
}

impl Default for RoomSettings {
    fn default() -> Self {
        RoomSettings {
            motion: true,
            high_contrast: false,
            large_text: false,
            color: true,
        }
    }
}

/// The opt-in letters service: resting together and kind letters between
/// strangers. Off unless a person turns it on, because it is the only thing
/// in iyashi that talks to another computer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LettersSettings {
    /// Whether iyashi may talk to the letters service at all.
    pub enabled: bool,
    /// The service's address, `http://host:port`.
    pub server: String,
}

/// The file written on first run: every setting, commented out at its default,
/// with a line on what it does.
pub const DEFAULT_CONFIG_TOML: &str = r##"# iyashi settings.
# Every setting is optional and shown here at its default, commented out.
# To change one, remove the "# " in front of it and edit the value.
# `iyashi config show` prints the settings in effect.

# The language iyashi speaks: "en" or "ja". Unset: from your locale (LANG).
# language = "en"

# Your time zone, as an IANA name. Unset: the system's time zone.
# timezone = "Asia/Tokyo"

# The hour (0-23) at which one day ends and the next begins, so that a late
# night still belongs to the day before.
# day_starts_at = 4

[room]
# Animate Goro, Chibi and Piyo. false: still pictures only.
# motion = true
# Strong contrast between text and background.
# high_contrast = false
# Bigger, simpler drawings and fewer words on screen.
# large_text = false
# Use colour on a terminal. The NO_COLOR environment variable also turns it off.
# color = true

[rhythm]
# Durations are written like "20s", "5m", "1h 30m"; clock times like "19:00".
# Micro-breaks rest the eyes: 20 seconds every 20 minutes of work (20-20-20).
# micro_break_every = "20m"
# micro_break_length = "20s"
# Rest breaks: stand up, stretch, drink some water.
# rest_break_every = "50m"
# rest_break_length = "5m"
# After this much work in a day, Piyo says that is enough for today.
# daily_limit = "8h"
# On workdays, Piyo suggests stopping at this time.
# evening_stop = "19:00"
# Work after this time makes the day count as a late night.
# late_night = "22:00"
# The days the evening stop applies to.
# workdays = ["mon", "tue", "wed", "thu", "fri"]
# "Later" puts a break off this long, at most this many times.
# postpone = "5m"
# max_postpones = 3
# Strict mode: breaks start when due and cannot be put off or skipped.
# strict = false
# A pause this long ends the work session; coming back starts a fresh one.
# long_absence = "30m"

[letters]
# Resting together and kind letters between strangers, through a letters
# service. Off until you turn it on: it is the only part of iyashi that talks
# to another computer. Letters are anonymous (a key made on this computer,
# no name, no e-mail); your journal never leaves this computer.
# enabled = false
# The service's address, like "http://letters.example:8470".
# server = ""
"##;

/// A mistake in config.toml, located for a person to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// 1-based line number, when the mistake has a place.
    pub line: Option<usize>,
    /// The key involved, dotted (`room.motion`), when there is one.
    pub key: Option<String>,
    /// What is wrong, in English (the parser's words or ours).
    pub problem: String,
}

impl Config {
    /// Parses and checks the text of a config file.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| line_of(text, span.start));
            let problem = e.message().trim().replace('\n', " ");
            let key = unknown_field(&problem)
                .map(|field| qualify(text, e.span().map(|s| s.start), &field))
                .or_else(|| e.span().and_then(|span| key_at(text, span.start)));
            ConfigError { line, key, problem }
        })?;
        config.rhythm.validate().map_err(|e| ConfigError {
            line: line_of_key(text, "rhythm", e.key),
            key: Some(format!("rhythm.{}", e.key)),
            problem: e.problem,
        })?;
        Ok(config)
    }

    /// The error for a time zone name the database does not know, placed on
    /// its line.
    pub fn timezone_error(&self, text: &str, problem: String) -> ConfigError {
        ConfigError {
            line: self
                .timezone
                .as_ref()
                .map(|tz| line_of(text, tz.span().start)),
            key: Some("timezone".to_string()),
            problem,
        }
    }

    /// The settings in effect, as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a Config always serialises")
    }
}

/// The 1-based line holding byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line where `key` is set inside `[table]`, if it is written there.
fn line_of_key(text: &str, table: &str, key: &str) -> Option<usize> {
    let header = format!("[{table}]");
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == header;
        } else if inside && line.split('=').next().map(str::trim) == Some(key) {
            return Some(i + 1);
        }
    }
    None
}

fn unknown_field(problem: &str) -> Option<String> {
    let rest = problem.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// The dotted key written on the line holding `offset`, with its table.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let line = text.lines().nth(line_of(text, offset) - 1)?;
    let (key, _) = line.split_once('=')?;
    Some(qualify(text, Some(offset), key.trim()))
}

/// Prefixes `key` with the `[table]` it sits under at `offset`.
fn qualify(text: &str, offset: Option<usize>, key: &str) -> String {
    let before = &text[..offset.unwrap_or(0).min(text.len())];
    let table = before
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(['[', ']']).trim());
    match table {
        Some(t) if !key.starts_with(t) => format!("{t}.{key}"),
        _ => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_default_means_the_defaults() {
        assert_eq!(
            Config::from_toml(DEFAULT_CONFIG_TOML).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn uncommenting_every_setting_keeps_the_defaults_except_the_examples() {
        let uncommented: String = DEFAULT_CONFIG_TOML
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.contains(" = ") => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config = Config::from_toml(&uncommented).unwrap();
        assert_eq!(config.room, RoomSettings::default());
        assert_eq!(config.rhythm, RhythmSettings::default());
        assert_eq!(config.day_starts_at, RolloverHour::DEFAULT);
        assert_eq!(config.language, Some(Lang::En));
        assert_eq!(
            config.timezone.map(|t| t.into_inner()).as_deref(),
            Some("Asia/Tokyo")
        );
    }

    #[test]
    fn an_unknown_key_names_its_line_and_table() {
        let err = Config::from_toml("language = \"ja\"\n[room]\nmotoin = false\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(err.key.as_deref(), Some("room.motoin"));
        assert!(err.problem.contains("unknown field"), "{}", err.problem);
    }

    #[test]
    fn a_bad_value_names_its_line_and_key() {
        let err = Config::from_toml("# hi\nday_starts_at = 25\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("day_starts_at"))
        );
        assert!(err.problem.contains("0 to 23"), "{}", err.problem);
        let err = Config::from_toml("language = \"fr\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(1), Some("language")));
    }

    #[test]
    fn rhythm_settings_that_do_not_fit_together_name_their_line() {
        let text = "[room]\nmotion = true\n[rhythm]\nmicro_break_every = \"1m\"\nmicro_break_length = \"2m\"\n";
        let err = Config::from_toml(text).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("rhythm.micro_break_length"));
        assert_eq!(err.line, Some(5));
        let err = Config::from_toml("[rhythm]\ndaily_limit = \"lots\"\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("rhythm.daily_limit"))
        );
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let err = Config::from_toml("[room]\nmotion = \n").unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}
