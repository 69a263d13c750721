//! What each key of config.toml takes, so that a value of the wrong form is
//! explained by what the key wants, in the reader's language, rather than by
//! the parser's English.

/// The form of value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `true` or `false`.
    TrueOrFalse,
    /// `"en"` or `"ja"`.
    Language,
    /// An IANA time zone name.
    TimeZone,
    /// An hour of the day, 0 to 23.
    Hour,
    /// A length of time: `"20m"`, `"1h 30m"`.
    Duration,
    /// A time on the clock: `"19:00"`.
    ClockTime,
    /// A list of days: `["mon", "tue"]`.
    Weekdays,
    /// A whole number from 0 to `max`.
    Count {
        /// The largest count.
        max: u8,
    },
    /// A web address in quotes.
    Address,
    /// A `[table]` of settings.
    Table,
    /// Working hours: `"09:00-12:00, 13:00-18:00"` or `"off"`.
    Hours,
    /// Fixed-time breaks: `["12:00-13:00 lunch"]`.
    FixedBreaks,
    /// A list of program names: `["vlc", "mpv"]`.
    Names,
    /// How the break screen shows: `"window"`, `"fullscreen"` or `"off"`.
    ScreenMode,
}

/// Every key and its form; a test checks it against the documented default.
const FORMS: &[(&str, Form)] = &[
    ("language", Form::Language),
    ("timezone", Form::TimeZone),
    ("day_starts_at", Form::Hour),
    ("room", Form::Table),
    ("room.motion", Form::TrueOrFalse),
    ("room.high_contrast", Form::TrueOrFalse),
    ("room.large_text", Form::TrueOrFalse),
    ("room.color", Form::TrueOrFalse),
    ("rhythm", Form::Table),
    ("rhythm.micro_break_every", Form::Duration),
    ("rhythm.micro_break_length", Form::Duration),
    ("rhythm.rest_break_every", Form::Duration),
    ("rhythm.rest_break_length", Form::Duration),
    ("rhythm.daily_limit", Form::Duration),
    ("rhythm.evening_stop", Form::ClockTime),
    ("rhythm.late_night", Form::ClockTime),
    ("rhythm.workdays", Form::Weekdays),
    ("rhythm.postpone", Form::Duration),
    (
        "rhythm.max_postpones",
        Form::Count {
            max: crate::rhythm::MAX_POSTPONES_CAP,
        },
    ),
    ("rhythm.strict", Form::TrueOrFalse),
    ("rhythm.long_absence", Form::Duration),
    ("rhythm.answer_within", Form::Duration),
    ("rhythm.schedule", Form::Table),
    ("rhythm.schedule.mon", Form::Hours),
    ("rhythm.schedule.tue", Form::Hours),
    ("rhythm.schedule.wed", Form::Hours),
    ("rhythm.schedule.thu", Form::Hours),
    ("rhythm.schedule.fri", Form::Hours),
    ("rhythm.schedule.sat", Form::Hours),
    ("rhythm.schedule.sun", Form::Hours),
    ("rhythm.schedule.breaks", Form::FixedBreaks),
    ("rhythm.schedule.wind_down", Form::Duration),
    ("rhythm.quiet", Form::Table),
    ("rhythm.quiet.fullscreen", Form::TrueOrFalse),
    ("rhythm.quiet.camera", Form::TrueOrFalse),
    ("rhythm.quiet.microphone", Form::TrueOrFalse),
    ("rhythm.quiet.do_not_disturb", Form::TrueOrFalse),
    ("rhythm.quiet.programs", Form::Names),
    ("rhythm.quiet.grace", Form::Duration),
    ("letters", Form::Table),
    ("letters.enabled", Form::TrueOrFalse),
    ("letters.server", Form::Address),
    ("tray", Form::Table),
    ("tray.enabled", Form::TrueOrFalse),
    ("breaks", Form::Table),
    ("breaks.screen", Form::ScreenMode),
    ("breaks.micro", Form::TrueOrFalse),
];

/// The form `key` (dotted) takes, if it is a key at all.
pub fn form_of(key: &str) -> Option<Form> {
    FORMS.iter().find(|(k, _)| *k == key).map(|(_, f)| *f)
}

/// The keys that can be written where `key` was: its siblings in the same
/// table, or the top-level keys and tables.
pub fn keys_beside(key: &str) -> Vec<&'static str> {
    let table = key.rsplit_once('.').map(|(t, _)| t);
    FORMS
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| k.rsplit_once('.').map(|(t, _)| t) == table)
        .map(|k| k.rsplit_once('.').map_or(k, |(_, name)| name))
        .collect()
}

/// The dotted keys the documented default config mentions.
#[cfg(test)]
fn documented_keys() -> Vec<String> {
    let mut table = None;
    let mut keys = Vec::new();
    for line in super::DEFAULT_CONFIG_TOML.lines() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = Some(name.to_string());
            keys.push(name.to_string());
        } else if let Some((key, _)) = line.strip_prefix("# ").and_then(|l| l.split_once(" = ")) {
            keys.push(match &table {
                Some(t) => format!("{t}.{key}"),
                None => key.to_string(),
            });
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_key_has_a_form_and_every_form_is_documented() {
        let documented = documented_keys();
        for key in &documented {
            assert!(form_of(key).is_some(), "no form for {key}");
        }
        for (key, _) in FORMS {
            assert!(
                documented.iter().any(|k| k == key),
                "{key} is not documented"
            );
        }
    }

    #[test]
    fn the_keys_beside_one_are_its_table_s() {
        assert_eq!(
            keys_beside("room.sparkles"),
            ["motion", "high_contrast", "large_text", "color"]
        );
        assert!(keys_beside("lang").contains(&"language"));
        assert!(keys_beside("lang").contains(&"rhythm"));
    }
}
