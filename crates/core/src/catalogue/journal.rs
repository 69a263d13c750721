//! What the journal says: confirmations, summaries and listings.

use jiff::civil::Date;

use super::{words, Message};
use crate::entry::{EntryKind, Mood};
use crate::Lang;

/// A sentence the journal says to a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Say {
    /// An entry was kept; `count_today` counts entries of its kind today.
    Kept {
        /// The kind of entry kept.
        kind: EntryKind,
        /// Its mood, for a mood.
        mood: Option<Mood>,
        /// Entries of that kind today, this one included.
        count_today: usize,
    },
    /// Nothing was written on this day.
    NothingOnDay(Date),
    /// Nothing was written between these days (both included).
    NothingBetween(Date, Date),
    /// `count` entries mention `words`.
    Found {
        /// How many entries.
        count: usize,
        /// The words looked for.
        words: String,
    },
    /// No entry mentions these words.
    NothingFound(String),
    /// The last entry was taken back.
    Removed,
    /// There is no entry to take back.
    NothingToUndo,
    /// Entries were written to a file or to standard output.
    Exported {
        /// How many entries.
        count: usize,
        /// Where they went.
        to: String,
    },
    /// Entries were read from a file.
    Imported {
        /// Entries new to the journal.
        added: usize,
        /// Entries the journal already held.
        already: usize,
    },
    /// The heading of `iyashi today`.
    TodayHeading(Date),
    /// Today's count of joys.
    TodayJoys(usize),
    /// Today's latest mood.
    TodayMood(Mood),
    /// Today's count of notes.
    TodayNotes(usize),
    /// Nothing written yet today.
    TodayEmpty,
    /// The line under an empty day: Goro is there anyway.
    GoroIsHere,
}

impl Message for Say {
    fn render(&self, lang: Lang) -> String {
        match self {
            Say::Kept { kind: EntryKind::Joy, count_today, .. } => match lang {
                Lang::En => format!(
                    "Kept. That's {} small {} today.",
                    count_today,
                    if *count_today == 1 { "joy" } else { "joys" }
                ),
                Lang::Ja => format!("書き留めました。今日の小さな幸せ、{count_today}個目です。"),
            },
            Say::Kept { kind: EntryKind::Mood, mood, .. } => {
                let label = mood.map(|m| words::mood(lang, m)).unwrap_or_default();
                // A heavy day is met before it is noted; no mood is graded.
                let heavy = mood.is_some_and(|m| m.value() <= 2);
                match (lang, heavy) {
                    (Lang::En, true) => format!(
                        "Thank you for telling me. Feeling {label} today; small and slow is plenty."
                    ),
                    (Lang::En, false) => format!("Thank you for checking in. Feeling {label}."),
                    (Lang::Ja, true) => format!(
                        "教えてくれてありがとう。今日は「{label}」なんだね。ゆっくりで十分だよ。"
                    ),
                    (Lang::Ja, false) => format!("教えてくれてありがとう。今の気分は「{label}」だね。"),
                }
            }
            Say::Kept { kind: EntryKind::Note, .. } => {
                lang.pick("Note kept.", "メモを残しました。").to_string()
            }
            Say::NothingOnDay(day) => match lang {
                Lang::En => format!("Nothing written on {}. That's all right.", words::day(lang, *day)),
                Lang::Ja => format!("{}の記録はありません。書きたくなったら、いつでもどうぞ。", words::day(lang, *day)),
            },
            Say::NothingBetween(first, last) => match lang {
                Lang::En => format!(
                    "Nothing written from {} to {}. That's all right.",
                    words::day(lang, *first),
                    words::day(lang, *last)
                ),
                Lang::Ja => format!(
                    "{}から{}までの記録はありません。書きたくなったら、いつでもどうぞ。",
                    words::day(lang, *first),
                    words::day(lang, *last)
                ),
            },
            Say::Found { count, words } => match lang {
                Lang::En => match count {
                    1 => format!("1 entry mentions “{words}”."),
                    _ => format!("{count} entries mention “{words}”."),
                },
                Lang::Ja => format!("「{words}」を含む記録が{count}件あります。"),
            },
            Say::NothingFound(words) => match lang {
                Lang::En => format!("Nothing mentions “{words}” yet."),
                Lang::Ja => format!("「{words}」を含む記録はまだありません。"),
            },
            Say::Removed => lang.pick("Removed:", "取り消しました:").to_string(),
            Say::NothingToUndo => lang
                .pick("There is nothing to undo.", "取り消す記録はありません。")
                .to_string(),
            Say::Exported { count, to } => match lang {
                Lang::En => format!("Exported {count} entries to {to}."),
                Lang::Ja => format!("{count}件の記録を{to}に書き出しました。"),
            },
            Say::Imported { added, already } => match lang {
                Lang::En => format!("Imported {added} entries ({already} were already here)."),
                Lang::Ja => format!("{added}件の記録を読み込みました（すでにあった{already}件はそのまま）。"),
            },
            Say::TodayHeading(day) => match lang {
                Lang::En => format!("Today, {}", words::day(lang, *day)),
                Lang::Ja => format!("今日 {}", words::day(lang, *day)),
            },
            Say::TodayJoys(n) => match lang {
                Lang::En => format!("{n} small {}", if *n == 1 { "joy" } else { "joys" }),
                Lang::Ja => format!("小さな幸せ {n}個"),
            },
            Say::TodayMood(mood) => match lang {
                Lang::En => format!("feeling {}", words::mood(lang, *mood)),
                Lang::Ja => format!("気分は{}", words::mood(lang, *mood)),
            },
            Say::TodayNotes(n) => match lang {
                Lang::En => format!("{n} {}", if *n == 1 { "note" } else { "notes" }),
                Lang::Ja => format!("メモ {n}件"),
            },
            Say::TodayEmpty => lang
                .pick(
                    "Nothing written yet today. When something small feels good: iyashi joy \"warm tea\"",
                    "今日はまだ何も書いていません。小さな良いことがあったら: iyashi joy \"あたたかいお茶\"",
                )
                .to_string(),
            Say::GoroIsHere => lang
                .pick(
                    "Goro is lounging on his cushion, right beside you.",
                    "ゴロはいつものクッションで、となりでごろごろしています。",
                )
                .to_string(),
        }
    }
}
