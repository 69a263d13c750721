//! How a week or an episode tells the breaks that waited and the work done
//! outside working hours. A wait is Piyo being considerate, never a break
//! missed: it is told as what Piyo waited *through*, and only meetings are
//! counted, because that is how people remember a day ("two meetings").

use jiff::SignedDuration;

use super::rhythm::duration;
use super::words::and_list;
use super::Message;
use crate::rhythm::{Held, Reason};
use crate::Lang;

/// The span a sentence speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// One day's line in `iyashi week`: no "this week" needed.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
}

/// What a week or an episode says about quiet kept and hours kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waited {
    /// "Piyo waited through 2 meetings and your quiet time."
    Through {
        /// What held breaks back.
        held: Held,
        /// The span spoken of.
        span: Over,
    },
    /// Work done outside the working hours of the schedule.
    OutsideHours {
        /// Work outside the hours.
        worked: SignedDuration,
        /// The span spoken of.
        span: Over,
    },
}

impl Waited {
    /// The sentence for `held` over `span`, or `None` when nothing waited.
    pub fn through(held: Held, span: Over) -> Option<Waited> {
        (held.times > 0).then_some(Waited::Through { held, span })
    }

    /// The sentence for work outside hours, or `None` when there was none.
    pub fn outside_hours(worked: SignedDuration, span: Over) -> Option<Waited> {
        (worked > SignedDuration::ZERO).then_some(Waited::OutsideHours { worked, span })
    }
}

/// What Piyo waited through, one phrase per kind of situation.
fn occasions(lang: Lang, held: Held) -> Vec<String> {
    let mut said = Vec::new();
    match (lang, held.meetings) {
        (_, 0) => {}
        (Lang::En, 1) => said.push("a meeting".to_string()),
        (Lang::En, n) => said.push(format!("{n} meetings")),
        (Lang::Ja, 1) => said.push("会議".to_string()),
        (Lang::Ja, n) => said.push(format!("{n}回の会議")),
    }
    for reason in held.reasons.iter() {
        let phrase = match reason {
            // Told once, as meetings, above.
            Reason::Microphone | Reason::Camera => continue,
            Reason::Fullscreen => lang.pick("something on full screen", "全画面表示"),
            Reason::Program => lang.pick("a program on your list", "リストのプログラム"),
            Reason::DoNotDisturb => lang.pick("do-not-disturb", "おやすみモード"),
            Reason::Quiet => lang.pick("your quiet time", "静かな時間"),
        };
        said.push(phrase.to_string());
    }
    said
}

impl Message for Waited {
    fn render(&self, lang: Lang) -> String {
        match *self {
            Waited::Through { held, span } => {
                let what = and_list(lang, &occasions(lang, held));
                match (lang, span) {
                    (Lang::En, Over::Day) => format!("Piyo waited through {what}."),
                    (Lang::En, Over::Week) => format!("This week Piyo waited through {what}."),
                    (Lang::En, Over::Month) => format!("This month Piyo waited through {what}."),
                    (Lang::Ja, Over::Day) => format!("{what}のあいだ、ピヨは待ってたよ。"),
                    (Lang::Ja, Over::Week) => {
                        format!("今週は、{what}のあいだ、ピヨは待ってたよ。")
                    }
                    (Lang::Ja, Over::Month) => {
                        format!("今月は、{what}のあいだ、ピヨは待ってたよ。")
                    }
                }
            }
            Waited::OutsideHours { worked, span } => {
                let w = duration(lang, worked);
                match (lang, span) {
                    (Lang::En, Over::Day) => format!("{w} of it outside your working hours."),
                    (Lang::En, _) => format!(
                        "{w} of work came outside your working hours. Thank you for it; rest when you can."
                    ),
                    (Lang::Ja, Over::Day) => format!("うち{w}は勤務時間の外。"),
                    (Lang::Ja, _) => format!(
                        "勤務時間の外の作業が{w}あったね。おつかれさま。休めるときに休んでね。"
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rhythm::Reasons;

    fn held(times: u32, meetings: u32, reasons: &[Reason]) -> Held {
        Held {
            times,
            meetings,
            reasons: Reasons::of(reasons),
        }
    }

    #[test]
    fn meetings_are_counted_and_everything_else_is_only_named() {
        let two_calls = held(2, 2, &[Reason::Microphone, Reason::Camera]);
        let say = |h, span, lang| Waited::through(h, span).unwrap().render(lang);
        assert_eq!(
            say(two_calls, Over::Day, Lang::En),
            "Piyo waited through 2 meetings."
        );
        assert_eq!(
            say(two_calls, Over::Day, Lang::Ja),
            "2回の会議のあいだ、ピヨは待ってたよ。"
        );
        let mixed = held(
            4,
            1,
            &[Reason::Microphone, Reason::Fullscreen, Reason::Quiet],
        );
        assert_eq!(
            say(mixed, Over::Week, Lang::En),
            "This week Piyo waited through a meeting, something on full screen and your quiet time."
        );
        assert_eq!(
            say(mixed, Over::Month, Lang::Ja),
            "今月は、会議と全画面表示と静かな時間のあいだ、ピヨは待ってたよ。"
        );
        assert_eq!(Waited::through(Held::default(), Over::Day), None);
        assert_eq!(
            Waited::outside_hours(SignedDuration::ZERO, Over::Week),
            None
        );
    }
}
