//! JSON Lines: one entry per line, the fields of [`Entry`] by name.

use jiff::tz::TimeZone;

use super::{LineError, LineProblem, Numbered};

use crate::entry::Entry;

/// One entry as one line of JSON, without the newline.
pub fn line(entry: &Entry) -> String {
    crate::printable::json_without_controls(
        serde_json::to_string(entry).expect("an Entry always serialises"),
    )
}

/// Reads every entry, or the first line that is not one. Blank lines are
/// allowed. `zone` finds a time zone by name.
pub fn parse(
    text: &str,
    zone: impl Fn(&str) -> Option<TimeZone>,
) -> Result<Vec<Numbered>, LineError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let line = i + 1;
            let entry: Entry = serde_json::from_str(l).map_err(|e| LineError {
                line,
                problem: LineProblem::of_json(&e),
            })?;
            let entry = entry.checked().map_err(|e| LineError {
                line,
                problem: LineProblem::Entry(e),
            })?;
            super::check_zone(line, entry, &zone)
        })
        .collect::<Result<Vec<_>, _>>()?;
    super::once_each(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryError, EntryKind};
    use jiff::tz::TimeZone;

    const JOY: &str = r#"{"id":"0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60","kind":"joy","at":"2026-11-25T00:14:03.123456789Z","tz":"Asia/Tokyo","day":"2026-11-25","text":"温泉に行った #温泉"}"#;

    fn any_zone(name: &str) -> Option<TimeZone> {
        TimeZone::get(name).ok()
    }

    fn entries(text: &str) -> Result<Vec<crate::entry::Entry>, LineError> {
        parse(text, any_zone).map(|read| read.into_iter().map(|n| n.entry).collect())
    }

    #[test]
    fn a_line_reads_back_to_the_same_entry() {
        let entries = entries(JOY).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].kind, EntryKind::Joy);
        assert_eq!(line(&entries[0]), JOY);
    }

    #[test]
    fn a_repeated_line_is_read_once_and_a_reused_id_names_both_lines() {
        let twice = format!("{JOY}\n\n{JOY}\n");
        assert_eq!(entries(&twice).unwrap().len(), 1);
        let other = JOY.replace("温泉に行った", "a different joy");
        let err = parse(&format!("{JOY}\n\n{other}\n"), any_zone).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(
            matches!(err.problem, LineProblem::SameIdAs { line: 1, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("line 1 has the same id"), "{err}");
    }

    #[test]
    fn a_day_its_instant_cannot_have_is_refused() {
        // 09:14 in Tokyo on the 25th: the 25th, or the 24th with a late
        // rollover; never the 26th, nor a year earlier.
        for day in ["2026-11-26", "2025-11-25"] {
            let wrong = JOY.replace("\"day\":\"2026-11-25\"", &format!("\"day\":\"{day}\""));
            let err = parse(&wrong, any_zone).unwrap_err();
            assert!(
                matches!(err.problem, LineProblem::DayNotOfInstant { .. }),
                "{err}"
            );
            assert!(
                err.to_string().contains("2026-11-25 09:14 in Asia/Tokyo"),
                "{err}"
            );
        }
        let late = JOY.replace("\"day\":\"2026-11-25\"", "\"day\":\"2026-11-24\"");
        assert!(parse(&late, any_zone).is_ok());
    }

    #[test]
    fn the_first_broken_line_is_named() {
        let text = format!("{JOY}\n\n{{\"id\": 3}}\n");
        let err = parse(&text, any_zone).unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(err.problem, LineProblem::NotAnEntry);
        let err = parse(&format!("{JOY}\n{{\"id\": "), any_zone).unwrap_err();
        assert_eq!((err.line, err.problem), (2, LineProblem::NotJson));

        let too_long = JOY.replace("温泉に行った", &"a".repeat(10_001));
        let err = parse(&format!("{JOY}\n{too_long}"), any_zone).unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(
            err.problem,
            LineProblem::Entry(EntryError::TextTooLong { chars: 10_005 })
        );
    }

    #[test]
    fn unknown_fields_are_refused_rather_than_dropped() {
        let extra = JOY.replace("\"kind\"", "\"colour\":\"red\",\"kind\"");
        let err = parse(&extra, any_zone).unwrap_err();
        assert_eq!(err.problem, LineProblem::UnknownField("colour".into()));
        assert_eq!(
            err.problem.render(crate::Lang::Ja),
            "記録に「colour」という項目はありません"
        );
        let without_day = JOY.replace("\"day\":\"2026-11-25\",", "");
        let err = parse(&without_day, any_zone).unwrap_err();
        assert_eq!(err.problem, LineProblem::MissingField("day".into()));
    }

    #[test]
    fn unknown_time_zones_are_refused() {
        let err = parse(JOY, |tz| any_zone(tz).filter(|_| tz != "Asia/Tokyo")).unwrap_err();
        assert_eq!(
            err.problem,
            LineProblem::UnknownTimezone("Asia/Tokyo".into())
        );
    }
}
