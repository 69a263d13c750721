//! Small words shared by many messages: days, kinds, moods.

use jiff::civil::{Date, Weekday};

use crate::entry::{EntryKind, Mood};
use crate::Lang;

const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday_index(day: Weekday) -> usize {
    usize::from(day.to_monday_zero_offset().unsigned_abs())
}

/// A day as people read it: "Wed 25 Nov 2026" or "2026年11月25日(水)".
pub fn day(lang: Lang, date: Date) -> String {
    let wd = weekday_index(date.weekday());
    match lang {
        Lang::En => format!(
            "{} {} {} {}",
            WEEKDAYS_EN[wd],
            date.day(),
            MONTHS_EN[usize::from(date.month().unsigned_abs()) - 1],
            date.year()
        ),
        Lang::Ja => format!(
            "{}年{}月{}日（{}）",
            date.year(),
            date.month(),
            date.day(),
            WEEKDAYS_JA[wd]
        ),
    }
}

/// A month as people read it: "November 2026" or "2026年11月".
pub fn month(lang: Lang, year: i16, month: i8) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::En => format!("{} {year}", NAMES[usize::from(month.unsigned_abs()) - 1]),
        Lang::Ja => format!("{year}年{month}月"),
    }
}

/// The name of a kind of entry.
pub fn kind(lang: Lang, kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Joy => lang.pick("joy", "幸せ"),
        EntryKind::Mood => lang.pick("mood", "気分"),
        EntryKind::Note => lang.pick("note", "メモ"),
    }
}

/// A small mark for each kind, the same in both languages.
pub fn kind_mark(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Joy => "✿",
        EntryKind::Mood => "◌",
        EntryKind::Note => "✎",
    }
}

/// A mood in words. None of them is a verdict.
pub fn mood(lang: Lang, mood: Mood) -> &'static str {
    match mood.value() {
        1 => lang.pick("heavy", "どんより"),
        2 => lang.pick("low", "ちょっと低め"),
        3 => lang.pick("so-so", "まあまあ"),
        4 => lang.pick("good", "いい感じ"),
        _ => lang.pick("bright", "晴れやか"),
    }
}

/// "a, b or c" / 「a か b」「a・b・c のどれか」.
pub fn or_list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match (lang, items.as_slice()) {
        (Lang::Ja, [a, b]) => format!("{a} か {b}"),
        (Lang::Ja, [_, _, ..]) => format!("{} のどれか", items.join("・")),
        (_, [only]) => only.to_string(),
        (Lang::En, [init @ .., last]) => format!("{} or {last}", init.join(", ")),
        (_, []) => String::new(),
    }
}

/// "a, b and c" / 「aとbとc」.
pub fn and_list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match (lang, items.as_slice()) {
        (_, []) => String::new(),
        (_, [only]) => only.to_string(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
        (Lang::Ja, all) => all.join("と"),
    }
}

/// Japanese leaves a space between a word in Latin letters and the kana
/// after it.
pub fn spaced(text: String) -> String {
    if text.ends_with(|c: char| c.is_ascii_graphic()) {
        text + " "
    } else {
        text
    }
}

/// What an entry says after its mark, the same in every list (the CLI's
/// log, the room's): "4 good · calm afternoon", "4 good", "warm tea".
/// `text` may already carry the caller's colours.
pub fn entry_words(lang: Lang, mood: Option<Mood>, text: &str) -> String {
    match mood {
        None => text.to_string(),
        Some(m) if text.is_empty() => format!("{} {}", m.value(), self::mood(lang, m)),
        Some(m) => format!("{} {} · {text}", m.value(), self::mood(lang, m)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_read_naturally_in_both_languages() {
        assert_eq!(day(Lang::En, date(2026, 11, 25)), "Wed 25 Nov 2026");
        assert_eq!(day(Lang::Ja, date(2026, 11, 25)), "2026年11月25日（水）");
        assert_eq!(month(Lang::Ja, 2026, 1), "2026年1月");
        assert_eq!(month(Lang::En, 2026, 12), "December 2026");
    }

    #[test]
    fn a_mood_and_its_words_are_set_apart() {
        let good = Mood::new(4).ok();
        assert_eq!(entry_words(Lang::En, good, "calm"), "4 good · calm");
        assert_eq!(entry_words(Lang::Ja, good, ""), "4 いい感じ");
        assert_eq!(entry_words(Lang::En, None, "warm tea"), "warm tea");
    }
}
