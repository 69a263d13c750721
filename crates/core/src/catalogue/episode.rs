//! What an episode says: its title and headings, the month in gentle
//! sentences, the closing line, and the words on plots and share cards.
//!
//! The tone is a narrator's who likes you: plain figures, no verdicts, and
//! nothing counted that was not done (skipped breaks are not mentioned).

use jiff::civil::Date;
use jiff::SignedDuration;

use super::rhythm::duration;
use super::{words, Message};
use crate::entry::Mood;
use crate::episode::{Closing, Month, MoodShape, SeasonMark, Speaker, Title, Trend};
use crate::season::SolarTerm;
use crate::Lang;

/// A text of an episode, a plot or a share card.
#[derive(Clone, Debug, PartialEq)]
pub enum EpisodeText {
    /// "Episode 11 · Light snow, and warm tea" / 「第11話　小雪と、あたたかいお茶」.
    Heading {
        /// The episode's number.
        number: u8,
        /// Its title.
        title: Title,
        /// Its month, named when there is no season to name.
        month: Month,
    },
    /// "Episode 11" / 「第11話」.
    Number(u8),
    /// The title alone.
    Title {
        /// The title.
        title: Title,
        /// Its month, named when there is no season to name.
        month: Month,
    },
    /// The month and the solar terms that begin in it.
    Subheading {
        /// The month.
        month: Month,
        /// Its solar terms.
        seasons: Vec<SeasonMark>,
        /// Whether the month is still under way.
        so_far: bool,
    },
    /// The line under a season's kanji on a card: its English name, or in
    /// Japanese its reading ("Light snow" / 「しょうせつ」).
    CardSeason(SolarTerm),
    /// The small line under that: "Shōsetsu · しょうせつ" / 「二十四節気のひとつ」.
    CardSeasonAside(SolarTerm),
    /// A month with nothing written and no work recorded.
    Empty(Month),
    /// "Small joys" heading.
    JoysHeading,
    /// How many joys, and that some are shown.
    Joys {
        /// Joys in the month.
        count: usize,
        /// How many are shown.
        shown: usize,
    },
    /// No joys this month.
    NoJoys,
    /// A short date for a joy's line: "3 Nov" / 「11月3日」.
    ShortDay(Date),
    /// On a card with `--private`: how many joys, without their words.
    PrivateJoys(usize),
    /// "Mood" heading.
    MoodHeading,
    /// The mood in words.
    Mood(MoodShape),
    /// No mood check-ins.
    NoMoods,
    /// "Work and rest" heading.
    WorkHeading,
    /// All work of the month.
    Worked {
        /// All work.
        worked: SignedDuration,
        /// On how many days.
        days: u32,
        /// The daily limit.
        limit: SignedDuration,
    },
    /// No day went past the limit.
    WithinLimit,
    /// Some days went past the limit.
    OverLimit(u32),
    /// Breaks rested, and how long.
    Breaks {
        /// Taken through a prompt or `break now`.
        taken: u32,
        /// Came on their own.
        natural: u32,
        /// Their total length.
        rest: SignedDuration,
    },
    /// Work, but no break on record.
    NoBreaks,
    /// Days with work late at night.
    LateNights(u32),
    /// No work recorded.
    NoWork,
    /// The month's rest figure on a card: "62 breaks · 9h 20m of rest".
    RestFigure {
        /// Breaks rested.
        breaks: u32,
        /// Their total length.
        rest: SignedDuration,
    },
    /// A speaker's name.
    Speaker(Speaker),
    /// The closing line itself.
    Closing(Closing),
    /// The closing line with its speaker: "Chibi: “…”" / 「チビ「…」」.
    Closed(Closing),
    /// Plot: the title of the hours chart.
    PlotHours,
    /// Plot: the daily limit line.
    PlotLimit,
    /// Plot: a whole number of hours on the hours axis: "7h" / 「7時間」.
    PlotHoursTick(u32),
    /// Plot: the title of the mood chart.
    PlotMood,
    /// Plot: the title of the year in pixels.
    PlotPixels(i16),
    /// Plot: the span shown, "25 Nov – 1 Dec 2026" style.
    PlotSpan {
        /// First day.
        first: Date,
        /// Last day.
        last: Date,
    },
    /// Plot: the pixels' legend for a day without a mood.
    PlotNoMood,
    /// Plot: a month's short name on an axis.
    PlotMonth(i8),
    /// A file was written.
    Drawn(String),
    /// `YYYY-MM` that is not a month.
    BadMonth(String),
    /// An output file whose extension says neither SVG nor PNG.
    UnknownImage {
        /// The path given.
        path: String,
        /// What is accepted, e.g. ".svg or .png".
        accepted: &'static str,
    },
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn short_day(lang: Lang, day: Date) -> String {
    lang.pick(
        format!(
            "{} {}",
            day.day(),
            MONTHS_EN[usize::from(day.month().unsigned_abs()) - 1]
        ),
        format!("{}月{}日", day.month(), day.day()),
    )
}

fn title(lang: Lang, t: &Title, month: Month) -> String {
    match (&t.season, &t.motif) {
        (Some(s), Some(m)) => lang.pick(
            format!("{}, and {m}", s.name().english),
            format!("{}と、{m}", s.name().kanji),
        ),
        (Some(s), None) => lang.pick(
            s.name().english.to_string(),
            format!("{}のころ", s.name().kanji),
        ),
        (None, Some(m)) => lang.pick(
            format!("{}, and {m}", month_name(lang, month.month)),
            format!("{}月と、{m}", month.month),
        ),
        (None, None) => month_name(lang, month.month),
    }
}

fn month_name(lang: Lang, month: i8) -> String {
    let full = words::month(lang, 2000, month);
    lang.pick(
        full.trim_end_matches(" 2000").to_string(),
        format!("{month}月"),
    )
}

fn next_name(lang: Lang, next: Option<SolarTerm>) -> String {
    match next {
        Some(t) => lang.pick(
            format!(
                "{} {}, {}",
                t.name().kanji,
                t.name().romaji,
                t.name().english
            ),
            format!("{}（{}）", t.name().kanji, t.name().kana),
        ),
        None => lang.pick("the next season", "次の季節").to_string(),
    }
}

fn mood_words(lang: Lang, shape: &MoodShape) -> String {
    let mut said = String::new();
    if let Some(m) = shape.most_days {
        let w = words::mood(lang, m);
        said += &lang.pick(
            format!("Most days felt {w}."),
            format!("「{w}」の日がいちばん多かったね。"),
        );
        if m.value() <= 2 {
            said += lang.pick(
                " Months like that happen, and they pass.",
                "そんな月もあるよ。ちゃんと過ぎていくからね。",
            );
        }
    }
    let trend = match shape.trend {
        Some(Trend::Lighter) => lang.pick(
            " It grew lighter towards the end.",
            "後半にかけて、少しずつ軽くなっていったね。",
        ),
        Some(Trend::Heavier) => lang.pick(
            " The second half felt heavier; be gentle with yourself.",
            "後半は少し重たい日が増えたね。無理しないでね。",
        ),
        Some(Trend::Steady) => lang.pick(
            " About the same all month.",
            "ひと月を通して、だいたい同じ調子だったね。",
        ),
        None => "",
    };
    said += trend;
    said.trim().to_string()
}

fn closing(lang: Lang, c: Closing) -> String {
    match c {
        Closing::Quiet => lang
            .pick(
                "Nothing to tell this time, so let's just sit with Goro for a while.",
                "今回はお話はおやすみ。ゴロといっしょに、のんびりしよう。",
            )
            .to_string(),
        Closing::Full { next } => {
            let n = next_name(lang, next);
            lang.pick(
                format!("That was a full month. Next comes {n}; let's keep a little of it for doing nothing."),
                format!("たいへんなひと月だったね。次は{n}。なにもしない時間も、少しとっておこうね。"),
            )
        }
        Closing::Onward { next } => {
            let n = next_name(lang, next);
            lang.pick(
                format!("Next comes {n}. Shall we go and look for it together?"),
                format!("次は{n}。いっしょに探しに行こうよ！"),
            )
        }
    }
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

impl Message for EpisodeText {
    fn render(&self, lang: Lang) -> String {
        match self {
            EpisodeText::Heading { number, title: t, month } => {
                let t = title(lang, t, *month);
                lang.pick(format!("Episode {number} · {t}"), format!("第{number}話　{t}"))
            }
            EpisodeText::Number(n) => lang.pick(format!("Episode {n}"), format!("第{n}話")),
            EpisodeText::Title { title: t, month } => title(lang, t, *month),
            EpisodeText::Subheading { month, seasons, so_far } => {
                let mut parts = vec![words::month(lang, month.year, month.month)];
                for s in seasons {
                    let n = s.term.name();
                    let d = short_day(lang, s.day);
                    parts.push(lang.pick(
                        format!("{} {}, {} (from {d})", n.kanji, n.romaji, n.english),
                        format!("{}（{}）{d}から", n.kanji, n.kana),
                    ));
                }
                let mut line = parts.join(lang.pick(" · ", "・"));
                if *so_far {
                    line += lang.pick(" (so far)", "（ここまで）");
                }
                line
            }
            EpisodeText::CardSeason(t) => lang.pick(t.name().english, t.name().kana).to_string(),
            EpisodeText::CardSeasonAside(t) => {
                let n = t.name();
                lang.pick(format!("{} · {}", n.romaji, n.kana), "二十四節気のひとつ".into())
            }
            EpisodeText::Empty(month) => {
                let m = words::month(lang, month.year, month.month);
                lang.pick(
                    format!("Nothing was written down in {m}, and no work was recorded. Quiet months are part of the series too."),
                    format!("{m}は、書いたものも作業の記録もありません。静かな回も、このシリーズの大切な一話です。"),
                )
            }
            EpisodeText::JoysHeading => lang.pick("Small joys", "小さな幸せ").to_string(),
            EpisodeText::Joys { count, shown } => match lang {
                Lang::En if count == shown => format!(
                    "{count} small {} this month:",
                    plural(*count as u64, "joy", "joys")
                ),
                Lang::En => format!("{count} small joys this month. {shown} of them:"),
                Lang::Ja if count == shown => format!("今月の小さな幸せは{count}個:"),
                Lang::Ja => format!("今月の小さな幸せは{count}個。その中から{shown}個:"),
            },
            EpisodeText::NoJoys => lang
                .pick(
                    "No small joys were written down this month. That's all right.",
                    "今月は小さな幸せの記録はありません。書きたくなったら、いつでもどうぞ。",
                )
                .to_string(),
            EpisodeText::ShortDay(d) => short_day(lang, *d),
            EpisodeText::PrivateJoys(n) => lang.pick(
                format!("{n} small {}, kept to myself", plural(*n as u64, "joy", "joys")),
                format!("小さな幸せ {n}個（ないしょ）"),
            ),
            EpisodeText::MoodHeading => lang.pick("Mood", "気分").to_string(),
            EpisodeText::Mood(shape) => mood_words(lang, shape),
            EpisodeText::NoMoods => lang
                .pick("No mood check-ins this month.", "今月は気分の記録がないよ。")
                .to_string(),
            EpisodeText::WorkHeading => lang.pick("Work and rest", "仕事と休息").to_string(),
            EpisodeText::Worked { worked, days, limit } => {
                let (w, l) = (duration(lang, *worked), duration(lang, *limit));
                lang.pick(
                    format!(
                        "Worked {w} over {days} {}; the daily limit is {l}.",
                        plural(u64::from(*days), "day", "days")
                    ),
                    format!("{days}日で合計{w}。一日の目安は{l}。"),
                )
            }
            EpisodeText::WithinLimit => lang
                .pick("Every day stayed within it.", "どの日も目安の中におさまったね。")
                .to_string(),
            EpisodeText::OverLimit(n) => lang.pick(
                format!(
                    "{n} {} went past it. Some months ask a lot.",
                    plural(u64::from(*n), "day", "days")
                ),
                format!("目安をこえた日が{n}日。忙しいひと月だったね。"),
            ),
            // A kind of break there was none of is left unsaid, never "0".
            EpisodeText::Breaks { taken, natural, rest } => {
                let r = duration(lang, *rest);
                let breaks = |n: &u32| plural(u64::from(*n), "break", "breaks");
                match (taken, natural) {
                    (_, 0) => lang.pick(
                        format!("{taken} {} taken: {r} of rest.", breaks(taken)),
                        format!("休憩は{taken}回。あわせて{r}休んだね。"),
                    ),
                    (0, _) => lang.pick(
                        format!("{natural} {} came on their own: {r} of rest.", breaks(natural)),
                        format!("自然にとれた休憩が{natural}回。あわせて{r}休んだね。"),
                    ),
                    _ => lang.pick(
                        format!(
                            "{taken} {} taken and {natural} that came on their own: {r} of rest.",
                            breaks(taken)
                        ),
                        format!("休憩はとったのが{taken}回、自然にとれたのが{natural}回。あわせて{r}休んだね。"),
                    ),
                }
            }
            EpisodeText::NoBreaks => lang
                .pick(
                    "Even a minute at the window counts as rest.",
                    "窓の外を一分眺めるだけでも、休憩になるよ。",
                )
                .to_string(),
            EpisodeText::LateNights(n) => lang.pick(
                format!(
                    "{n} late {}. An early night now and then would be lovely.",
                    plural(u64::from(*n), "night", "nights")
                ),
                format!("夜おそくまで働いた日が{n}日。ときどきは早めに休めるといいね。"),
            ),
            EpisodeText::NoWork => lang
                .pick("No work was recorded this month.", "今月は作業の記録がないよ。")
                .to_string(),
            EpisodeText::RestFigure { breaks, rest } => {
                let r = duration(lang, *rest);
                lang.pick(
                    format!(
                        "{breaks} {} · {r} of rest",
                        plural(u64::from(*breaks), "break", "breaks")
                    ),
                    format!("休憩 {breaks}回・{r}"),
                )
            }
            EpisodeText::Speaker(Speaker::Piyo) => lang.pick("Piyo", "ピヨ").to_string(),
            EpisodeText::Speaker(Speaker::Chibi) => lang.pick("Chibi", "チビ").to_string(),
            EpisodeText::Closing(c) => closing(lang, *c),
            EpisodeText::Closed(c) => {
                let who = EpisodeText::Speaker(c.speaker()).render(lang);
                let line = closing(lang, *c);
                lang.pick(format!("{who}: “{line}”"), format!("{who}「{line}」"))
            }
            EpisodeText::PlotHours => lang.pick("Hours worked", "作業時間").to_string(),
            EpisodeText::PlotLimit => lang.pick("daily limit", "一日の目安").to_string(),
            EpisodeText::PlotHoursTick(h) => lang.pick(format!("{h}h"), format!("{h}時間")),
            EpisodeText::PlotMood => lang.pick("Mood (1 heavy – 5 bright)", "気分（1 どんより〜5 晴れやか）").to_string(),
            EpisodeText::PlotPixels(year) => {
                lang.pick(format!("{year} in pixels"), format!("ピクセルで見る{year}年"))
            }
            EpisodeText::PlotSpan { first, last } => {
                let (a, b) = (words::day(lang, *first), words::day(lang, *last));
                lang.pick(format!("{a} – {b}"), format!("{a}〜{b}"))
            }
            EpisodeText::PlotNoMood => lang.pick("no mood", "記録なし").to_string(),
            EpisodeText::PlotMonth(m) => lang.pick(
                MONTHS_EN[usize::from(m.unsigned_abs()).clamp(1, 12) - 1].to_string(),
                format!("{m}月"),
            ),
            EpisodeText::Drawn(path) => lang.pick(format!("Drawn: {path}"), format!("描きました: {path}")),
            EpisodeText::BadMonth(given) => lang.pick(
                format!("“{given}” is not a month: use YYYY-MM, e.g. 2026-11"),
                format!("「{given}」は月として読めません。YYYY-MM（例: 2026-11）で書いてください"),
            ),
            EpisodeText::UnknownImage { path, accepted } => lang.pick(
                format!("cannot tell how to draw {path}: end its name in {accepted}"),
                format!("{path} をどの形式で描くかわかりません。名前の終わりを {accepted} にしてください"),
            ),
        }
    }
}

/// A mood in words on a plot's legend, the same words as everywhere else.
pub fn mood_word(lang: Lang, mood: Mood) -> &'static str {
    words::mood(lang, mood)
}
