//! Piyo's reminders and the words of the weekly summary.
//!
//! Piyo, the yellow bird, gives every reminder; the bear never speaks. The
//! tone is a friend's: no guilt, no streaks, no alarms. Each "later" makes the
//! next reminder softer and shorter, never louder.

use jiff::civil::{Date, Time};
use jiff::SignedDuration;
use serde::Serialize;

use super::{words, Message};
use crate::rhythm::{BreakCounts, BreakKind, DaySummary, Gentleness};
use crate::Lang;

/// What Piyo says about breaks and the working day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Piyo {
    /// Piyo's own name, for the title of a notification.
    Name,
    /// Time to rest the eyes for `length`.
    MicroBreak {
        /// How long the break lasts.
        length: SignedDuration,
        /// How softly to ask.
        gentleness: Gentleness,
    },
    /// Time to step away for `length`.
    RestBreak {
        /// How long the break lasts.
        length: SignedDuration,
        /// How softly to ask.
        gentleness: Gentleness,
    },
    /// A break just ended.
    BreakOver {
        /// The break that ended.
        kind: BreakKind,
    },
    /// The day's work has reached `limit`.
    DailyLimit {
        /// The daily limit.
        limit: SignedDuration,
    },
    /// It is past the evening stop time.
    EveningStop {
        /// The evening stop time.
        at: Time,
    },
    /// Back after a long absence on the same day.
    WelcomeBack,
    /// A break at a fixed time, such as lunch.
    FixedBreak {
        /// What the person calls it ("lunch").
        label: String,
        /// How long the break lasts.
        length: SignedDuration,
        /// How softly to ask.
        gentleness: Gentleness,
    },
    /// The gentle last notice before the end of the working day.
    WindDown {
        /// The end of the working day.
        end: Time,
        /// Time left until then.
        left: SignedDuration,
    },
    /// The working day is over: said once, and then nothing more.
    TimeToStop {
        /// The end of the working day.
        at: Time,
    },
}

impl Piyo {
    /// The reminder for a break of `kind`.
    pub fn for_break(kind: BreakKind, length: SignedDuration, gentleness: Gentleness) -> Piyo {
        match kind {
            BreakKind::Micro => Piyo::MicroBreak { length, gentleness },
            BreakKind::Rest => Piyo::RestBreak { length, gentleness },
        }
    }
}

impl Message for Piyo {
    fn render(&self, lang: Lang) -> String {
        match *self {
            Piyo::Name => lang.pick("Piyo", "ピヨ").to_string(),
            Piyo::MicroBreak { length, gentleness } => {
                let l = spoken(lang, length);
                match gentleness.level() {
                    0 => lang.pick(
                        format!("Time to rest your eyes. Look at something far away for {l}."),
                        format!("ちょっと目を休めよう。{l}ほど、遠くを眺めてみてね。"),
                    ),
                    1 => lang.pick(
                        format!(
                            "When you reach a good stopping point, look into the distance for {l}."
                        ),
                        format!("きりのいいところで、{l}だけ遠くを見てみようね。"),
                    ),
                    2 => lang
                        .pick(
                            "A little rest for your eyes, whenever it suits you.",
                            "よかったら、少しだけ目を休めてね。",
                        )
                        .to_string(),
                    _ => lang
                        .pick(
                            "No hurry. Your eyes can rest whenever you like.",
                            "急がなくていいよ。目を休めるのは、いつでもね。",
                        )
                        .to_string(),
                }
            }
            Piyo::RestBreak { length, gentleness } => {
                let l = spoken(lang, length);
                match gentleness.level() {
                    0 => lang.pick(
                        format!(
                            "You've been at it for a while. How about resting for {l}? \
                             Stretch, have some water, look out of the window."
                        ),
                        format!(
                            "けっこう続けてがんばったね。{l}くらい休憩しない？　のびをしたり、お水を飲んだり、窓の外を眺めたり。"
                        ),
                    ),
                    1 => lang.pick(
                        format!("When you reach a good stopping point, let's rest for {l}."),
                        format!("きりのいいところで、{l}休憩しようね。"),
                    ),
                    2 => lang
                        .pick(
                            "A short rest would do you good, whenever it suits you.",
                            "都合のいいときに、ひと休みできるといいね。",
                        )
                        .to_string(),
                    _ => lang
                        .pick(
                            "No rush. Piyo is here whenever you want a rest.",
                            "急がなくていいよ。休みたくなったら、ピヨはここにいるからね。",
                        )
                        .to_string(),
                }
            }
            Piyo::BreakOver { kind } => match kind {
                BreakKind::Micro => lang.pick(
                    "Welcome back. Hope your eyes feel a little lighter.",
                    "おかえり。目もすこし楽になったかな。",
                ),
                BreakKind::Rest => lang.pick(
                    "Welcome back. Ease back in, one thing at a time.",
                    "おかえりなさい。ゆっくり、ひとつずつ戻ろうね。",
                ),
            }
            .to_string(),
            Piyo::DailyLimit { limit } => {
                let l = spoken(lang, limit);
                lang.pick(
                    format!(
                        "That's {l} of work today. You've done plenty; \
                         the rest can wait until tomorrow."
                    ),
                    format!("今日はもう{l}働いたよ。じゅうぶんがんばったね。続きは明日でもだいじょうぶ。"),
                )
            }
            Piyo::EveningStop { at } => {
                let ja_time = ja_clock(at);
                lang.pick(
                    format!(
                        "It's after {}. A good time to start wrapping up for today.",
                        at.strftime("%H:%M")
                    ),
                    format!("{ja_time}を過ぎたよ。そろそろ今日はおしまいにしようか。"),
                )
            }
            Piyo::WelcomeBack => lang
                .pick(
                    "Welcome back. Let's start again gently.",
                    "おかえり。またゆっくり始めようね。",
                )
                .to_string(),
            Piyo::FixedBreak {
                ref label,
                length,
                gentleness,
            } => {
                let l = spoken(lang, length);
                let name = fixed_break_name(lang, label);
                if gentleness.level() == 0 {
                    lang.pick(
                        format!("It's time for {name}. Take {l} away from the screen."),
                        format!("{name}の時間だよ。{l}、画面から離れよう。"),
                    )
                } else {
                    lang.pick(
                        format!(
                            "{} is waiting whenever you reach a good stopping point.",
                            capitalised(&name)
                        ),
                        format!("きりのいいところで、{name}にしようね。"),
                    )
                }
            }
            Piyo::WindDown { end, left } => {
                let l = spoken(lang, left);
                lang.pick(
                    format!(
                        "Your working day ends at {} ({l} from now). \
                         A good moment to note where you are, so tomorrow starts easily.",
                        end.strftime("%H:%M")
                    ),
                    format!(
                        "今日の仕事は{}まで。あと{l}だよ。明日が楽に始められるように、どこまで進んだかメモしておこうか。",
                        ja_clock(end)
                    ),
                )
            }
            Piyo::TimeToStop { at } => lang.pick(
                format!(
                    "It's {}, the end of your working day. Time to stop; \
                     everything else can wait until tomorrow.",
                    at.strftime("%H:%M")
                ),
                format!(
                    "{}、今日の仕事はおしまいの時間だよ。残りは明日にまかせて、ゆっくりしてね。",
                    ja_clock(at)
                ),
            ),
        }
    }
}

/// "lunch" and "tea" said in the person's language; other names as written.
fn fixed_break_name(lang: Lang, label: &str) -> String {
    match (label.trim().to_lowercase().as_str(), lang) {
        ("", Lang::En) => "a break".to_string(),
        ("lunch", Lang::En) => "lunch".to_string(),
        ("lunch", Lang::Ja) => "お昼".to_string(),
        ("tea", Lang::En) => "a tea break".to_string(),
        ("tea", Lang::Ja) => "お茶".to_string(),
        ("", Lang::Ja) => "休憩".to_string(),
        _ => label.trim().to_string(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "18時" or "18時30分".
fn ja_clock(at: Time) -> String {
    match at.minute() {
        0 => format!("{}時", at.hour()),
        m => format!("{}時{m}分", at.hour()),
    }
}

/// The phrases of `iyashi week`. Plain numbers, kind words, no verdicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeekText {
    /// The title line.
    Heading {
        /// The first day.
        first: Date,
        /// The last day.
        last: Date,
    },
    /// One day's line.
    Day(DaySummary),
    /// All work of the week and on how many days.
    Total {
        /// All work.
        worked: SignedDuration,
        /// Days with any work.
        days: u32,
    },
    /// The times the week's person rested (said only when there were some).
    Breaks(BreakCounts),
    /// No day went past the limit.
    WithinLimit {
        /// The daily limit.
        limit: SignedDuration,
    },
    /// Some days went past the limit.
    OverLimit {
        /// Days over the limit.
        days: u32,
        /// The daily limit.
        limit: SignedDuration,
    },
    /// Days with work after the late-night time.
    LateNights {
        /// How many days.
        days: u32,
    },
    /// Days off that had some work in them.
    DaysOffWorked {
        /// How many days.
        days: u32,
    },
    /// A week without any work recorded.
    Quiet,
}

impl Message for WeekText {
    fn render(&self, lang: Lang) -> String {
        match self {
            WeekText::Heading { first, last } => {
                let (a, b) = (words::day(lang, *first), words::day(lang, *last));
                lang.pick(
                    format!("Your week: {a} to {b}"),
                    format!("{a}〜{b}の一週間"),
                )
            }
            WeekText::Day(d) => day_line(lang, d),
            WeekText::Total { worked, days } => {
                let w = duration(lang, *worked);
                lang.pick(
                    format!(
                        "Altogether {w} over {days} {}.",
                        plural(*days, "day", "days")
                    ),
                    format!("合計 {w}（{days}日）。"),
                )
            }
            WeekText::Breaks(b) => {
                let n = b.rested();
                lang.pick(
                    match n {
                        1 => "You rested once this week.".to_string(),
                        n => format!("You rested {n} times this week."),
                    },
                    format!("今週は{n}回、休めたね。"),
                )
            }
            WeekText::WithinLimit { limit } => {
                let l = duration(lang, *limit);
                lang.pick(
                    format!("Every day stayed within {l}. A kind pace."),
                    format!("どの日も{l}以内におさまったね。やさしいペース。"),
                )
            }
            WeekText::OverLimit { days, limit } => {
                let l = duration(lang, *limit);
                lang.pick(
                    format!(
                        "{days} {} went past {l}. Some weeks are like that; go easy on yourself.",
                        plural(*days, "day", "days")
                    ),
                    format!(
                        "{l}をこえた日が{days}日あったね。そんな週もあるよ。自分にやさしくね。"
                    ),
                )
            }
            WeekText::LateNights { days } => lang.pick(
                format!(
                    "{days} late {}. An early night soon would be lovely.",
                    plural(*days, "night", "nights")
                ),
                format!("夜おそくまで働いた日が{days}日。近いうちに早めに休めるといいね。"),
            ),
            WeekText::DaysOffWorked { days } => lang.pick(
                format!(
                    "Some work on {days} {} off. Hope you found some rest too.",
                    plural(*days, "day", "days")
                ),
                format!("お休みの日に働いた日が{days}日。ちゃんと休めた時間もあったかな。"),
            ),
            WeekText::Quiet => lang
                .pick(
                    "No work recorded this week. Rest well.",
                    "今週は作業の記録がないよ。ゆっくり休めたかな。",
                )
                .to_string(),
        }
    }
}

fn day_line(lang: Lang, d: &DaySummary) -> String {
    // The heading has the year; each line only needs the day.
    const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    const MONTHS_EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let wd = usize::from(d.day.weekday().to_monday_zero_offset().unsigned_abs());
    let month = usize::from(d.day.month().unsigned_abs()) - 1;
    let day = match lang {
        Lang::En => format!(
            "{} {:>2} {}",
            WEEKDAYS_EN[wd],
            d.day.day(),
            MONTHS_EN[month]
        ),
        Lang::Ja => format!(
            "{}月{}日（{}）",
            d.day.month(),
            d.day.day(),
            WEEKDAYS_JA[wd]
        ),
    };
    if d.worked.is_zero() {
        let rest = if d.workday {
            lang.pick("no work recorded", "記録なし")
        } else {
            lang.pick("day off", "お休み")
        };
        return format!("{day}  {rest}");
    }
    let w = duration(lang, d.worked);
    let mut line = lang.pick(format!("{day}  {w:>7}"), format!("{day}  {w}"));
    match d.breaks.rested() {
        0 => {}
        1 => line.push_str(lang.pick("  rested once", "  休憩1回")),
        n => line.push_str(&lang.pick(format!("  rested {n} times"), format!("  休憩{n}回"))),
    }
    if d.overtime > SignedDuration::ZERO {
        let o = duration(lang, d.overtime);
        line.push_str(&lang.pick(format!("  (+{o} overtime)"), format!("（残業 {o}）")));
    }
    if d.late_night {
        line.push_str(lang.pick("  (late night)", "（夜おそくまで）"));
    }
    line
}

fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A duration as a summary shows it, to the minute: "7h 40m" or "7時間40分".
/// Under a minute it shows seconds, so a micro-break is never "0m"; a
/// session stopped within its first second is "1s", not "0m" of work with
/// "+0m" of overtime.
pub fn duration(lang: Lang, d: SignedDuration) -> String {
    let secs = if d.is_positive() {
        d.as_secs().max(1)
    } else {
        0
    };
    if secs > 0 && secs < 60 {
        return lang.pick(format!("{secs}s"), format!("{secs}秒"));
    }
    let mins = (secs + 30) / 60;
    let (h, m) = (mins / 60, mins % 60);
    match (lang, h, m) {
        (Lang::En, 0, m) => format!("{m}m"),
        (Lang::En, h, 0) => format!("{h}h"),
        (Lang::En, h, m) => format!("{h}h {m}m"),
        (Lang::Ja, 0, m) => format!("{m}分"),
        (Lang::Ja, h, 0) => format!("{h}時間"),
        (Lang::Ja, h, m) => format!("{h}時間{m}分"),
    }
}

/// A duration as Piyo says it: "20 seconds", "1 hour 30 minutes", "5分".
pub fn spoken(lang: Lang, d: SignedDuration) -> String {
    let secs = d.as_secs().max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let parts: Vec<String> = [
        (h, "hour", "hours", "時間"),
        (m, "minute", "minutes", "分"),
        (s, "second", "seconds", "秒"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many, ja)| match lang {
        Lang::En => format!("{n} {}", if n == 1 { one } else { many }),
        Lang::Ja => format!("{n}{ja}"),
    })
    .collect();
    if parts.is_empty() {
        return lang.pick("a moment", "少し").to_string();
    }
    parts.join(lang.pick(" ", ""))
}
