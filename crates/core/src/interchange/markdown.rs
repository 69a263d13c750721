//! Markdown for people, which still reads back without loss.
//!
//! ```text
//! # iyashi journal
//!
//! ## Wed 25 Nov 2026
//!
//! - 09:14 ✿ joy: warm tea #morning <!-- iyashi {"id":…,"kind":"joy",…} -->
//! - 21:40 ✎ note: a first line <!-- iyashi {…} -->
//!   and a second one
//! ```
//!
//! Everything but the text rides in the HTML comment at the end of an entry's
//! first line, invisible once rendered. The text follows the first `": "` and
//! goes on in lines indented by two spaces. Headings and blank lines between
//! entries are for the eye; the reader skips them.

use serde::{Deserialize, Serialize};

use jiff::tz::TimeZone;

use super::{LineError, LineProblem, Numbered};
use crate::catalogue::words;
use crate::entry::{Entry, EntryId, EntryKind, Mood};
use crate::Lang;

const META_START: &str = " <!-- iyashi ";
const META_END: &str = " -->";

/// The part of an entry that is not its text.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    id: EntryId,
    kind: EntryKind,
    at: jiff::Timestamp,
    tz: String,
    day: jiff::civil::Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mood: Option<Mood>,
}

/// The title line of a whole export.
pub fn title(lang: Lang) -> String {
    format!("# {}\n", lang.pick("iyashi journal", "iyashi の記録"))
}

/// The heading that opens a day, preceded by a blank line.
pub fn day_heading(lang: Lang, day: jiff::civil::Date) -> String {
    format!("\n## {}\n\n", words::day(lang, day))
}

/// One entry as Markdown lines, ending in a newline. `time` is its local time
/// of day ("09:14"), which the caller works out from the entry's time zone.
pub fn entry(lang: Lang, entry: &Entry, time: &str) -> String {
    let meta = Meta {
        id: entry.id.clone(),
        kind: entry.kind,
        at: entry.at,
        tz: entry.tz.clone(),
        day: entry.day,
        mood: entry.mood,
    };
    let mut label = format!(
        "- {time} {} {}",
        words::kind_mark(entry.kind),
        words::kind(lang, entry.kind)
    );
    if let Some(mood) = entry.mood {
        let (value, word) = (mood.value(), words::mood(lang, mood));
        label.push_str(&lang.pick(format!(" {value} ({word})"), format!(" {value}（{word}）")));
    }
    let mut lines = entry.text.split('\n');
    let first = lines.next().unwrap_or_default();
    if !entry.text.is_empty() {
        label.push_str(": ");
        label.push_str(first);
    }
    let json = serde_json::to_string(&meta).expect("Meta always serialises");
    let mut out = format!("{label}{META_START}{json}{META_END}\n");
    for more in lines {
        if !more.is_empty() {
            out.push_str("  ");
            out.push_str(more);
        }
        out.push('\n');
    }
    out
}

/// Reads every entry, or the first line that belongs to none. `zone` finds a
/// time zone by name.
pub fn parse(
    text: &str,
    zone: impl Fn(&str) -> Option<TimeZone>,
) -> Result<Vec<Numbered>, LineError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    // The entry being read: its first line number, its meta, its text lines.
    let mut open: Option<(usize, Meta, Vec<String>)> = None;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if let Some(body) = line.strip_prefix("- ") {
            if let Some(done) = open.take() {
                entries.push(finish(done, &zone)?);
            }
            open = Some(start(number, body)?);
        } else if line.starts_with('#') && !line.starts_with("  ") {
            if let Some(done) = open.take() {
                entries.push(finish(done, &zone)?);
            }
        } else if let Some((_, _, texts)) = open.as_mut() {
            match line.strip_prefix("  ") {
                Some(more) => texts.push(more.to_string()),
                None if line.trim().is_empty() => texts.push(String::new()),
                None => return Err(stray(number)),
            }
        } else if !line.trim().is_empty() {
            return Err(stray(number));
        }
    }
    if let Some(done) = open.take() {
        entries.push(finish(done, &zone)?);
    }
    super::once_each(entries)
}

fn stray(line: usize) -> LineError {
    LineError {
        line,
        problem: LineProblem::Stray,
    }
}

fn start(line: usize, body: &str) -> Result<(usize, Meta, Vec<String>), LineError> {
    let failed = |problem| LineError { line, problem };
    let meta_at = body
        .rfind(META_START)
        .filter(|_| body.ends_with(META_END))
        .ok_or_else(|| failed(LineProblem::NoComment))?;
    let json = &body[meta_at + META_START.len()..body.len() - META_END.len()];
    let meta: Meta = serde_json::from_str(json).map_err(|e| failed(LineProblem::of_json(&e)))?;
    let label = &body[..meta_at];
    let first_text = label
        .find(": ")
        .map(|at| label[at + 2..].to_string())
        .unwrap_or_default();
    Ok((line, meta, vec![first_text]))
}

fn finish(
    (line, meta, mut texts): (usize, Meta, Vec<String>),
    zone: &impl Fn(&str) -> Option<TimeZone>,
) -> Result<Numbered, LineError> {
    while texts.len() > 1 && texts.last().is_some_and(String::is_empty) {
        texts.pop();
    }
    let entry = Entry {
        id: meta.id,
        kind: meta.kind,
        at: meta.at,
        tz: meta.tz,
        day: meta.day,
        mood: meta.mood,
        text: texts.join("\n"),
    }
    .checked()
    .map_err(|e| LineError {
        line,
        problem: LineProblem::Entry(e),
    })?;
    super::check_zone(line, entry, zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An entry whose id is told apart by its kind, as ids are unique.
    fn sample(kind: EntryKind, mood: Option<u8>, text: &str) -> Entry {
        let last = match kind {
            EntryKind::Joy => 0,
            EntryKind::Mood => 1,
            EntryKind::Note => 2,
        };
        Entry {
            id: EntryId::parse(&format!("0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f6{last}")).unwrap(),
            kind,
            at: "2026-11-25T00:14:03.5Z".parse().unwrap(),
            tz: "Asia/Tokyo".to_string(),
            day: jiff::civil::date(2026, 11, 25),
            mood: mood.map(|m| Mood::new(m).unwrap()),
            text: text.to_string(),
        }
    }

    fn read(text: &str) -> Result<Vec<Entry>, LineError> {
        parse(text, |name| jiff::tz::TimeZone::get(name).ok())
            .map(|read| read.into_iter().map(|n| n.entry).collect())
    }

    fn export(entries: &[Entry], lang: Lang) -> String {
        let mut out = title(lang);
        out.push_str(&day_heading(lang, jiff::civil::date(2026, 11, 25)));
        for e in entries {
            out.push_str(&entry(lang, e, "09:14"));
        }
        out
    }

    #[test]
    fn entries_read_like_a_diary() {
        let entries = [
            sample(EntryKind::Joy, None, "warm tea #morning"),
            sample(EntryKind::Mood, Some(3), ""),
            sample(
                EntryKind::Note,
                None,
                "line one\n\n- not a new entry\n## nor a heading",
            ),
        ];
        let text = export(&entries, Lang::En);
        insta::assert_snapshot!(text);
        assert_eq!(read(&text).unwrap(), entries);
    }

    #[test]
    fn a_japanese_mood_word_sits_in_full_width_brackets() {
        let mood = sample(EntryKind::Mood, Some(3), "");
        let text = export(std::slice::from_ref(&mood), Lang::Ja);
        assert!(text.contains("気分 3（まあまあ）"), "{text}");
        assert_eq!(read(&text).unwrap(), [mood]);
    }

    #[test]
    fn a_stray_line_is_named() {
        let text = format!(
            "{}oops\n",
            export(&[sample(EntryKind::Joy, None, "tea")], Lang::Ja)
        );
        assert_eq!(read(&text).unwrap_err().line, 6);
    }

    proptest! {
        #[test]
        fn any_text_survives_the_round_trip(
            raw in "[a-z温泉:#<>!\\- \n]{1,60}",
            lang in prop_oneof![Just(Lang::En), Just(Lang::Ja)],
        ) {
            let Ok(text) = crate::entry::clean_text(&raw) else { return Ok(()) };
            let entries = [sample(EntryKind::Note, None, &text), sample(EntryKind::Mood, Some(5), &text)];
            prop_assert_eq!(read(&export(&entries, lang)).unwrap(), entries.to_vec());
        }
    }
}
