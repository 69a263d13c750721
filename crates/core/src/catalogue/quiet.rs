//! The words of "quiet when it matters": what `watch` can see of the
//! person's situation, `iyashi quiet`, and `iyashi why`.

use jiff::{SignedDuration, Timestamp};

use super::rhythm::spoken;
use super::words::and_list;
use super::Message;
use crate::rhythm::{BreakKind, HoldRecord, Reason, Reasons, Status};
use crate::Lang;

/// A source of the person's situation, as named when `watch` starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sense {
    /// A fullscreen window.
    Fullscreen,
    /// A program on the person's list.
    Programs,
    /// The camera in use.
    Camera,
    /// The microphone in use.
    Microphone,
    /// dunst's do-not-disturb.
    DunstPaused,
    /// The notification server's inhibition.
    Inhibited,
    /// GNOME's notification banners turned off.
    GnomeBanners,
    /// Do-not-disturb, whatever its source.
    DoNotDisturb,
}

impl Message for Sense {
    fn render(&self, lang: Lang) -> String {
        match self {
            Sense::Fullscreen => lang.pick("a fullscreen window", "全画面のウィンドウ"),
            Sense::Programs => lang.pick("the programs on your list", "リストにあるプログラム"),
            Sense::Camera => lang.pick("the camera", "カメラ"),
            Sense::Microphone => lang.pick("the microphone", "マイク"),
            Sense::DunstPaused => lang.pick("do-not-disturb (dunst)", "おやすみモード（dunst）"),
            Sense::Inhibited => lang.pick(
                "do-not-disturb (the notification server)",
                "おやすみモード（通知サーバー）",
            ),
            Sense::GnomeBanners => lang.pick("do-not-disturb (GNOME)", "おやすみモード（GNOME）"),
            Sense::DoNotDisturb => lang.pick("do-not-disturb", "おやすみモード"),
        }
        .to_string()
    }
}

/// What `watch` says at start about the situation it can see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sees {
    /// The sources `watch` can read here.
    pub seen: Vec<Sense>,
    /// The sources it cannot read here.
    pub missing: Vec<Sense>,
}

impl Message for Sees {
    fn render(&self, lang: Lang) -> String {
        let list = |senses: &[Sense]| {
            senses
                .iter()
                .map(|s| s.render(lang))
                .collect::<Vec<_>>()
                .join(lang.pick(", ", "、"))
        };
        let mut lines = Vec::new();
        if self.seen.is_empty() {
            lines.push(
                lang.pick(
                    "Reminders will not wait for calls or films here: no source of them can be seen.",
                    "ここでは通話や動画を見分けられないので、お知らせは待たずに届きます。",
                )
                .to_string(),
            );
        } else {
            lines.push(lang.pick(
                format!("Reminders wait while these are busy: {}.", list(&self.seen)),
                format!(
                    "{}が使われているあいだ、お知らせは待ちます。",
                    list(&self.seen)
                ),
            ));
        }
        if !self.missing.is_empty() {
            lines.push(lang.pick(
                // Said as what it means for the person: "not visible" read
                // as if these were hidden from them.
                format!(
                    "This desktop does not tell iyashi about these, so reminders will not wait for them: {}.",
                    list(&self.missing)
                ),
                format!(
                    "このデスクトップでは次のものを見分けられないので、そのあいだもお知らせは待ちません：{}。",
                    list(&self.missing)
                ),
            ));
        }
        lines.join("\n")
    }
}

/// A reason as it is said after "for": "for the microphone".
fn reason_words(lang: Lang, reason: Reason) -> &'static str {
    match reason {
        Reason::Fullscreen => lang.pick("a fullscreen window", "全画面表示"),
        Reason::Camera => lang.pick("the camera", "カメラ"),
        Reason::Microphone => lang.pick("the microphone", "マイク"),
        Reason::DoNotDisturb => lang.pick("do-not-disturb", "おやすみモード"),
        Reason::Program => lang.pick("a program on your list", "リストのプログラム"),
        Reason::Quiet => lang.pick("your quiet time", "静かな時間"),
    }
}

/// Several reasons in one phrase: "the microphone and the camera".
pub fn reasons_phrase(lang: Lang, reasons: Reasons) -> String {
    let words: Vec<&str> = reasons.iter().map(|r| reason_words(lang, r)).collect();
    and_list(lang, &words)
}

/// What `iyashi quiet` says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuietSays {
    /// Quiet until `until` (a local clock time), `length` from now.
    Until {
        /// The local clock time quiet ends.
        until: String,
        /// How long from now.
        length: SignedDuration,
    },
    /// Quiet for the rest of the day, until the day rolls over.
    Today {
        /// The local clock time the day rolls over.
        until: String,
    },
    /// Quiet was turned off.
    Off,
    /// It was not on.
    WasOff,
}

impl Message for QuietSays {
    fn render(&self, lang: Lang) -> String {
        match self {
            QuietSays::Until { until, length } => lang.pick(
                format!(
                    "Quiet until {until} ({}). Piyo will hold reminders back until then; quiet ends by itself.",
                    spoken(lang, *length)
                ),
                format!(
                    "{until}まで静かにします（{}）。それまでピヨはお知らせを控えます。時間がきたら自然に終わります。",
                    spoken(lang, *length)
                ),
            ),
            QuietSays::Today { until } => lang.pick(
                format!("Quiet for the rest of today, until {until}. Quiet ends by itself then."),
                format!("今日はこのまま静かにします（{until}まで）。時間がきたら自然に終わります。"),
            ),
            QuietSays::Off => lang
                .pick(
                    "Quiet is off. Piyo will remind you again when it is time.",
                    "静かな時間を終えました。また時間になったらピヨが知らせます。",
                )
                .to_string(),
            QuietSays::WasOff => lang
                .pick("Quiet was not on.", "静かな時間にはなっていませんでした。")
                .to_string(),
        }
    }
}

/// `iyashi why`: what comes next, and why, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Why {
    /// The instant the answer is about.
    pub now: Timestamp,
    /// The next break and how long until it is due (zero: due now).
    pub next: Option<(BreakKind, SignedDuration)>,
    /// Work since the last break of that kind.
    pub worked_since: SignedDuration,
    /// Work counted today so far.
    pub worked_today: SignedDuration,
    /// The end of the break going on, if one is.
    pub on_break_until: Option<Timestamp>,
    /// The break waiting now, and what holds it.
    pub holding: Reasons,
    /// The end of `iyashi quiet`, if it is on.
    pub quiet_until: Option<Timestamp>,
    /// Now is outside the schedule's working hours.
    pub off_hours: bool,
    /// When working hours begin again, outside them.
    pub next_start: Option<Timestamp>,
    /// Today's holds, oldest first.
    pub held_today: Vec<HoldRecord>,
    /// Whether `iyashi watch` is running (without it, nothing is counted).
    pub watching: bool,
    #[serde(skip)]
    clock: Vec<(Timestamp, String)>,
}

impl Why {
    /// Puts together what the engine's status and today's records say.
    /// `clock` turns an instant into the person's local "14:05".
    pub fn new(
        now: Timestamp,
        status: &Status,
        held_today: Vec<HoldRecord>,
        watching: bool,
        clock: impl Fn(Timestamp) -> String,
    ) -> Why {
        let next = if status.until_rest <= status.until_micro {
            (BreakKind::Rest, status.until_rest, status.since_rest)
        } else {
            (BreakKind::Micro, status.until_micro, status.since_micro)
        };
        let mut instants: Vec<Timestamp> = held_today.iter().map(|h| h.at).collect();
        instants.extend(status.quiet_until);
        instants.extend(status.next_start);
        instants.extend(status.on_break.map(|(_, t)| t));
        Why {
            now,
            next: status.session_start.map(|_| (next.0, next.1)),
            worked_since: next.2,
            worked_today: status.worked_today,
            on_break_until: status.on_break.map(|(_, t)| t),
            holding: if status.held.is_some() {
                status.holding
            } else {
                Reasons::NONE
            },
            quiet_until: status.quiet_until,
            off_hours: status.off_hours,
            next_start: status.next_start,
            held_today,
            watching,
            clock: instants.into_iter().map(|t| (t, clock(t))).collect(),
        }
    }

    fn at(&self, t: Timestamp) -> String {
        self.clock
            .iter()
            .find(|(i, _)| *i == t)
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }
}

fn kind_words(lang: Lang, kind: BreakKind) -> &'static str {
    match kind {
        BreakKind::Micro => lang.pick("An eye rest", "目の休憩"),
        BreakKind::Rest => lang.pick("A rest break", "休憩"),
    }
}

/// A length as said in a sentence, to the minute: "12 minutes", "1 hour 5
/// minutes", "12分"; under a minute, in seconds.
fn said(lang: Lang, d: SignedDuration) -> String {
    if d < SignedDuration::from_mins(1) {
        return spoken(lang, d);
    }
    spoken(lang, SignedDuration::from_mins((d.as_secs() + 30) / 60))
}

impl Message for Why {
    fn render(&self, lang: Lang) -> String {
        let d = |x: SignedDuration| said(lang, x);
        let mut lines = Vec::new();
        if !self.watching && self.worked_today < SignedDuration::from_mins(1) {
            // "a moment of work" for nothing at all would not be true.
            lines.push(lang.pick(
                "iyashi watch is not running, so Piyo is not counting. No work is recorded today.".to_string(),
                "iyashi watch が動いていないので、ピヨは数えていません。今日の作業の記録はまだありません。".to_string(),
            ));
        } else if !self.watching {
            lines.push(lang.pick(
                format!(
                    "iyashi watch is not running, so Piyo is not counting. Work recorded today: {}.",
                    d(self.worked_today)
                ),
                format!(
                    "iyashi watch が動いていないので、ピヨは数えていません。今日記録された作業は{}。",
                    d(self.worked_today)
                ),
            ));
        } else if let Some(until) = self.on_break_until {
            lines.push(lang.pick(
                format!(
                    "On a break until {}. Nothing else until then.",
                    self.at(until)
                ),
                format!("{}まで休憩中です。それまでは何もしません。", self.at(until)),
            ));
        } else if self.off_hours {
            lines.push(match self.next_start {
                Some(start) => lang.pick(
                    format!(
                        "Outside your working hours: no reminders until {}. Work now is kept as overtime, gently.",
                        self.at(start)
                    ),
                    format!(
                        "勤務時間の外なので、{}までお知らせはありません。いまの作業は時間外として記録します。",
                        self.at(start)
                    ),
                ),
                None => lang
                    .pick(
                        "Outside your working hours: no reminders. Work now is kept as overtime, gently.",
                        "勤務時間の外なので、お知らせはありません。いまの作業は時間外として記録します。",
                    )
                    .to_string(),
            });
        } else if !self.holding.is_empty() {
            let why = reasons_phrase(lang, self.holding);
            let kind = self.next.map_or(BreakKind::Micro, |n| n.0);
            lines.push(lang.pick(
                format!(
                    "{} is due and waiting for {why}: it comes once, shortly after that is over.",
                    kind_words(lang, kind)
                ),
                format!(
                    "{}の時間ですが、{why}が終わるのを待っています。終わって少ししたら一度だけお知らせします。",
                    kind_words(lang, kind)
                ),
            ));
        } else {
            match self.next {
                Some((kind, left)) if left.is_zero() => lines.push(lang.pick(
                    format!(
                        "{} is due now: you have worked {} since the last one.",
                        kind_words(lang, kind),
                        d(self.worked_since)
                    ),
                    format!(
                        "{}の時間です。前の休憩から{}続けて作業しています。",
                        kind_words(lang, kind),
                        d(self.worked_since)
                    ),
                )),
                Some((kind, left)) => lines.push(lang.pick(
                    format!(
                        "{} in {}: you have worked {} since the last one.",
                        kind_words(lang, kind),
                        d(left),
                        d(self.worked_since)
                    ),
                    format!(
                        "あと{}で{}。前の休憩から{}作業しています。",
                        d(left),
                        kind_words(lang, kind),
                        d(self.worked_since)
                    ),
                )),
                None => lines.push(
                    lang.pick(
                        "No work going on, so no break is counting down.",
                        "いまは作業していないので、休憩のカウントはありません。",
                    )
                    .to_string(),
                ),
            }
        }
        if let Some(until) = self.quiet_until {
            lines.push(lang.pick(
                format!("Quiet until {}; it ends by itself.", self.at(until)),
                format!(
                    "{}まで静かな時間です。時間がきたら自然に終わります。",
                    self.at(until)
                ),
            ));
        }
        if let Some(first) = self.held_today.first() {
            let times = self.held_today.len();
            let all = self
                .held_today
                .iter()
                .fold(Reasons::NONE, |set, h| set.union(h.reasons));
            let why = reasons_phrase(lang, all);
            let at = self.at(first.at);
            lines.push(match (lang, times) {
                (Lang::En, 1) => format!("Held back once today, for {why} at {at}."),
                (Lang::En, 2) => format!("Held back twice today, for {why}; the first at {at}."),
                (Lang::En, n) => {
                    format!("Held back {n} times today, for {why}; the first at {at}.")
                }
                (Lang::Ja, 1) => format!("今日は{at}に一度、{why}のためにお知らせを待ちました。"),
                (Lang::Ja, n) => {
                    format!("今日は{why}のために{n}回お知らせを待ちました（最初は{at}）。")
                }
            });
        }
        lines.join("\n") + "\n"
    }
}
