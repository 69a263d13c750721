//! `config.toml`: what a person may set, its documented default, and the
//! checks that turn a mistake into one line naming the line and the key.
//!
//! Parsing is pure (a string in, a [`Config`] or a [`ConfigError`] out); the
//! binary reads and writes the file.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::day::RolloverHour;
use crate::rhythm::{RhythmSettings, SettingsProblem};
use crate::Lang;

mod forms;

pub use forms::{form_of, keys_beside, Form};

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
    /// `[room]`: how the rooms look.
    pub room: RoomSettings,
    /// `[rhythm]`: work and breaks.
    pub rhythm: RhythmSettings,
    /// `[letters]`: the kind letters service.
    pub letters: LettersSettings,
    /// `[tray]`: the desktop tray.
    pub tray: TraySettings,
    /// The break screen: a window, the whole screen, or none.
    pub breaks: BreakScreenSettings,
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

/// Goro in the desktop's tray while `iyashi watch` runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TraySettings {
    /// Show the tray item; `iyashi watch --no-tray` turns it off for one run.
    pub enabled: bool,
}

impl Default for TraySettings {
    fn default() -> Self {
        TraySettings { enabled: true }
    }
}

/// Where a break is shown when it begins, beside Piyo's notification.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScreenMode {
    /// A calm window the size of a card, in front of the work.
    #[default]
    Window,
    /// The whole of every monitor.
    Fullscreen,
    /// No break screen: the notification alone.
    Off,
}

/// The break screen `iyashi watch` opens when a break begins.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BreakScreenSettings {
    /// A window, the whole screen, or none.
    pub screen: ScreenMode,
    /// Open it for micro-breaks too (rest breaks only, unless chosen).
    pub micro: bool,
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
# Piyo's first ask is small. If it is not answered within this time, the break
# begins at your next natural pause of a few seconds, not mid-sentence.
# answer_within = "2m"

[rhythm.schedule]
# Your working hours, day by day, as spans like "09:00-12:00, 13:00-18:00", or
# "off". Reminders come only within working hours; work outside them is kept
# as overtime. With any day set, days not written here are days off, and these
# hours replace workdays and evening_stop above. Unset: no schedule.
# mon = "09:00-12:00, 13:00-18:00"
# tue = "09:00-12:00, 13:00-18:00"
# wed = "09:00-12:00, 13:00-18:00"
# thu = "09:00-12:00, 13:00-18:00"
# fri = "09:00-12:00, 13:00-18:00"
# sat = "off"
# sun = "off"
# Breaks at fixed times on working days, each a span and a name ("lunch" and
# "tea" are said in your language; other names as you write them).
# breaks = ["12:00-13:00 lunch", "15:00-15:15 tea"]
# A gentle last notice this long before the end of the working day; at the
# end, one "time to stop", and nothing more.
# wind_down = "30m"

[rhythm.quiet]
# A due break waits, and comes once when the moment has passed, while:
# a fullscreen window is in front (a film, a presentation, a game),
# fullscreen = true
# another program has the camera open,
# camera = true
# something records from the microphone (a call; its time still counts as work),
# microphone = true
# the desktop's do-not-disturb is on,
# do_not_disturb = true
# or one of these programs is in front (process name or window class).
# programs = ["libreoffice-impress", "vlc", "mpv", "totem", "obs", "zoom"]
# After the moment has passed, wait this long before the break comes.
# grace = "1m"

[letters]
# Resting together and kind letters between strangers, through a letters
# service. Off until you turn it on: it is the only part of iyashi that talks
# to another computer. Letters are anonymous (a key made on this computer,
# no name, no e-mail); your journal never leaves this computer.
# enabled = false
# The service's address, like "http://letters.example:8470".
# server = ""

[tray]
# While iyashi watch runs, Goro sits in the desktop's tray (a StatusNotifierItem):
# his face says how the day stands, its menu takes a break or keeps things quiet.
# iyashi watch --no-tray turns it off for one run.
# enabled = true

[breaks]
# When a break begins, iyashi watch opens a calm window where Goro does the
# break's activity, with a countdown: "window", "fullscreen" (every monitor)
# or "off" (the notification alone). Esc or "5 minutes more" puts it off.
# screen = "window"
# Open it for the short eye breaks (micro-breaks) too, not only rest breaks.
# micro = false
"##;

/// A mistake in config.toml, located for a person to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// 1-based line number, when the mistake has a place.
    pub line: Option<usize>,
    /// The key involved, dotted (`room.motion`), when there is one.
    pub key: Option<String>,
    /// What is wrong; the catalogue says it in words.
    pub problem: ConfigProblem,
}

/// What can be wrong in config.toml, each kind told by its own sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The line is not TOML (`key = value`, `[table]`).
    Syntax,
    /// A key or table written twice.
    Repeated,
    /// A key iyashi does not have (a typo, or another version's setting).
    UnknownKey,
    /// A value not of the form its key takes, as written.
    WrongValue {
        /// The value as written.
        given: String,
        /// The form the key takes.
        form: Form,
    },
    /// A rhythm setting of the right form that does not fit with the others.
    Rhythm(SettingsProblem),
}

impl Config {
    /// Parses and checks the text of a config file.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        // Read as plain TOML first: what fails here is the writing itself,
        // and what fails after is a key or a value.
        if let Err(e) = text.parse::<toml::Table>() {
            let offset = e.span().map(|span| span.start);
            return Err(ConfigError {
                line: offset.map(|at| line_of(text, at)),
                key: offset.and_then(|at| key_at(text, at)),
                problem: if e.message().contains("duplicate key") {
                    ConfigProblem::Repeated
                } else {
                    ConfigProblem::Syntax
                },
            });
        }
        let config: Config = toml::from_str(text).map_err(|e| misfit(text, e.span()))?;
        config.rhythm.validate().map_err(|e| {
            // "schedule.wind_down" lives in the [rhythm.schedule] table.
            let (table, key) = match e.key.rsplit_once('.') {
                Some((sub, key)) => (format!("rhythm.{sub}"), key),
                None => ("rhythm".to_string(), e.key),
            };
            ConfigError {
                line: line_of_key(text, &table, key),
                key: Some(format!("rhythm.{}", e.key)),
                problem: ConfigProblem::Rhythm(e.problem),
            }
        })?;
        Ok(config)
    }

    /// The error for a time zone name the database does not know, placed on
    /// its line.
    pub fn timezone_error(&self, text: &str) -> ConfigError {
        ConfigError {
            line: self
                .timezone
                .as_ref()
                .map(|tz| line_of(text, tz.span().start)),
            key: Some("timezone".to_string()),
            problem: ConfigProblem::WrongValue {
                given: self
                    .timezone
                    .as_ref()
                    .map(|tz| tz.get_ref().clone())
                    .unwrap_or_default(),
                form: Form::TimeZone,
            },
        }
    }

    /// The settings in effect, as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a Config always serialises")
    }
}

/// A config that is good TOML but not iyashi's: the parser points either at
/// a key it does not know or at a value its key cannot take.
fn misfit(text: &str, span: Option<std::ops::Range<usize>>) -> ConfigError {
    let Some(span) = span else {
        return ConfigError {
            line: None,
            key: None,
            problem: ConfigProblem::Syntax,
        };
    };
    let line = line_of(text, span.start);
    let line_start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let written = text.get(span.clone()).unwrap_or_default();
    let written_line = text[line_start..].lines().next().unwrap_or_default();
    let unknown = |key: String| ConfigError {
        line: Some(line),
        key: Some(key),
        problem: ConfigProblem::UnknownKey,
    };
    if written_line.trim_start().starts_with('[') {
        return unknown(written.trim().to_string());
    }
    if written_line
        .find('=')
        .is_some_and(|eq| span.start < line_start + eq)
    {
        return unknown(qualify(text, Some(span.start), written.trim()));
    }
    let key = key_at(text, span.start);
    let form = key.as_deref().and_then(form_of);
    ConfigError {
        line: Some(line),
        problem: match form {
            Some(form) => ConfigProblem::WrongValue {
                given: unquoted(written),
                form,
            },
            None => ConfigProblem::UnknownKey,
        },
        key,
    }
}

/// A value as the person wrote it, without the quotes around a string.
fn unquoted(written: &str) -> String {
    let w = written.trim();
    w.strip_prefix('"')
        .and_then(|w| w.strip_suffix('"'))
        .unwrap_or(w)
        .to_string()
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
        // The schedule is an example; everything else is the default.
        assert!(config.rhythm.schedule.is_set());
        assert_eq!(config.rhythm.schedule.breaks.len(), 2);
        let rhythm = RhythmSettings {
            schedule: Default::default(),
            ..config.rhythm
        };
        assert_eq!(rhythm, RhythmSettings::default());
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
        assert_eq!(err.problem, ConfigProblem::UnknownKey);
        let err = Config::from_toml("[room]\nmotion = true\n[rom]\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(3), Some("rom")));
        assert_eq!(err.problem, ConfigProblem::UnknownKey);
    }

    #[test]
    fn a_bad_value_names_its_line_and_key() {
        let err = Config::from_toml("# hi\nday_starts_at = 25\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("day_starts_at"))
        );
        assert_eq!(
            err.problem,
            ConfigProblem::WrongValue {
                given: "25".into(),
                form: Form::Hour
            }
        );
        let err = Config::from_toml("language = \"fr\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(1), Some("language")));
        assert_eq!(
            err.problem,
            ConfigProblem::WrongValue {
                given: "fr".into(),
                form: Form::Language
            }
        );
    }

    #[test]
    fn each_kind_of_value_is_told_by_the_form_its_key_takes() {
        let cases = [
            ("[room]\nmotion = \"yes\"\n", "yes", Form::TrueOrFalse),
            ("[rhythm]\nevening_stop = \"7pm\"\n", "7pm", Form::ClockTime),
            ("[rhythm]\npostpone = \"soon\"\n", "soon", Form::Duration),
            (
                "[rhythm]\nworkdays = [\"mon\", \"funday\"]\n",
                "[\"mon\", \"funday\"]",
                Form::Weekdays,
            ),
            (
                "[rhythm]\nmax_postpones = -1\n",
                "-1",
                Form::Count { max: 10 },
            ),
            ("[letters]\nserver = 5\n", "5", Form::Address),
            ("[tray]\nenabled = \"yes\"\n", "yes", Form::TrueOrFalse),
            ("timezone = 3\n", "3", Form::TimeZone),
            ("room = 5\n", "5", Form::Table),
        ];
        for (text, given, form) in cases {
            let err = Config::from_toml(text).unwrap_err();
            assert_eq!(
                err.problem,
                ConfigProblem::WrongValue {
                    given: given.into(),
                    form
                },
                "{text}"
            );
            assert_eq!(err.line, Some(text.lines().count()), "{text}");
        }
    }

    #[test]
    fn the_break_screen_is_a_window_unless_chosen_otherwise() {
        let default = Config::default().breaks;
        assert_eq!((default.screen, default.micro), (ScreenMode::Window, false));
        let full = Config::from_toml("[breaks]\nscreen = \"fullscreen\"\nmicro = true\n").unwrap();
        assert_eq!(
            (full.breaks.screen, full.breaks.micro),
            (ScreenMode::Fullscreen, true)
        );
        let off = Config::from_toml("[breaks]\nscreen = \"off\"\n").unwrap();
        assert_eq!(off.breaks.screen, ScreenMode::Off);
        let err = Config::from_toml("[breaks]\nscreen = \"big\"\n").unwrap_err();
        assert_eq!(
            (err.line, err.problem),
            (
                Some(2),
                ConfigProblem::WrongValue {
                    given: "big".into(),
                    form: Form::ScreenMode
                }
            )
        );
    }

    #[test]
    fn the_tray_is_on_unless_turned_off() {
        assert!(Config::default().tray.enabled);
        let off = Config::from_toml("[tray]\nenabled = false\n").unwrap();
        assert!(!off.tray.enabled);
        let err = Config::from_toml("[tray]\nshow = true\n").unwrap_err();
        assert_eq!(err.problem, ConfigProblem::UnknownKey);
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn a_key_written_twice_is_named() {
        let err = Config::from_toml("[room]\nmotion = true\nmotion = false\n").unwrap_err();
        assert_eq!(err.problem, ConfigProblem::Repeated);
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(3), Some("room.motion"))
        );
    }

    #[test]
    fn rhythm_settings_that_do_not_fit_together_name_their_line() {
        let text = "[room]\nmotion = true\n[rhythm]\nmicro_break_every = \"1m\"\nmicro_break_length = \"2m\"\n";
        let err = Config::from_toml(text).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("rhythm.micro_break_length"));
        assert_eq!(err.line, Some(5));
        assert!(matches!(
            err.problem,
            ConfigProblem::Rhythm(SettingsProblem::NotShorterThan { .. })
        ));
        let err = Config::from_toml("[rhythm]\ndaily_limit = \"lots\"\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("rhythm.daily_limit"))
        );
    }

    #[test]
    fn schedule_and_quiet_mistakes_name_their_line_and_key() {
        let text = "[rhythm]\nstrict = false\n[rhythm.schedule]\nmon = \"09:00-12:00\"\ntue = \"9 to 5\"\n";
        let err = Config::from_toml(text).unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(5), Some("rhythm.schedule.tue"))
        );
        assert_eq!(
            err.problem,
            ConfigProblem::WrongValue {
                given: "9 to 5".into(),
                form: Form::Hours
            }
        );
        let text = "[rhythm.quiet]\ncamera = true\ngrace = \"2h\"\n";
        let err = Config::from_toml(text).unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(3), Some("rhythm.quiet.grace"))
        );
        assert_eq!(
            err.problem,
            ConfigProblem::Rhythm(SettingsProblem::LongerThan {
                value: jiff::SignedDuration::from_hours(2),
                max: jiff::SignedDuration::from_mins(30)
            })
        );
        let err = Config::from_toml("[rhythm.quiet]\nmicrophon = false\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("rhythm.quiet.microphon"))
        );
        assert_eq!(err.problem, ConfigProblem::UnknownKey);
        let err = Config::from_toml("[rhythm.quiet]\nprograms = [\"vlc\", \" \"]\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref(), err.problem),
            (
                Some(2),
                Some("rhythm.quiet.programs"),
                ConfigProblem::Rhythm(SettingsProblem::EmptyName)
            )
        );
        let err = Config::from_toml("[rhythm.schedule]\nwind_down = \"9h\"\n").unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("rhythm.schedule.wind_down"))
        );
        let ok = Config::from_toml("[rhythm.quiet]\nmicrophone = false\nprograms = []\n").unwrap();
        assert!(!ok.rhythm.quiet.microphone && ok.rhythm.quiet.programs.is_empty());
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let err = Config::from_toml("[room]\nmotion = \n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(err.problem, ConfigProblem::Syntax);
    }
}
