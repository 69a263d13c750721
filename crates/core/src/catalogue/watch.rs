//! What the `watch` daemon and the `work`, `break` and `week` commands say.

use jiff::SignedDuration;

use super::rhythm::duration;
use super::Message;
use crate::rhythm::COUNTED_FROM;
use crate::Lang;

/// Work today in words, when some was counted ([`COUNTED_FROM`]); nothing
/// is said of a day without it, rather than "0m".
fn counted(lang: Lang, worked: SignedDuration) -> Option<String> {
    (worked >= COUNTED_FROM).then(|| duration(lang, worked))
}

/// Where the daemon learns whether someone is at the computer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceName {
    /// Wayland's idle notification.
    Wayland,
    /// The X11 screen saver extension.
    X11,
    /// systemd-logind's idle hint.
    Logind,
    /// Only `iyashi work start` and `stop`.
    Manual,
}

impl Message for SourceName {
    fn render(&self, lang: Lang) -> String {
        match self {
            SourceName::Wayland => lang.pick(
                "Wayland idle notifications (ext-idle-notify)",
                "Wayland のアイドル通知（ext-idle-notify）",
            ),
            SourceName::X11 => lang.pick(
                "X11 idle time (XScreenSaver)",
                "X11 のアイドル時間（XScreenSaver）",
            ),
            SourceName::Logind => lang.pick("logind's idle hint", "logind のアイドル情報"),
            SourceName::Manual => lang.pick(
                "manual sessions (iyashi work start / stop)",
                "手動のセッション（iyashi work start / stop）",
            ),
        }
        .to_string()
    }
}

/// Why an activity source cannot be used on this desktop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceTrouble {
    /// The environment variable that names the display is not set.
    NotSet(&'static str),
    /// The display server or the system bus would not let iyashi connect.
    CannotConnect,
    /// The desktop does not offer what the source needs (a protocol or
    /// extension, named as the desktop names it).
    Missing(&'static str),
    /// There is no seat (keyboard and pointer) to watch.
    NoSeat,
    /// logind has no session for this login.
    NoSession,
    /// This iyashi was built without the source (its cargo feature, named).
    NotBuilt(&'static str),
}

impl Message for SourceTrouble {
    fn render(&self, lang: Lang) -> String {
        match self {
            SourceTrouble::NotSet(var) => lang.pick(
                format!("{var} is not set, so there is no such desktop to ask"),
                format!("{var} が設定されていないので、たずねる先のデスクトップがありません"),
            ),
            SourceTrouble::CannotConnect => lang
                .pick("it did not let iyashi connect", "接続できませんでした")
                .to_string(),
            SourceTrouble::Missing(what) => lang.pick(
                format!("this desktop does not offer {what}"),
                format!("このデスクトップは {what} に対応していません"),
            ),
            SourceTrouble::NoSeat => lang
                .pick(
                    "there is no keyboard or pointer to watch",
                    "見守るキーボードやマウスがありません",
                )
                .to_string(),
            SourceTrouble::NoSession => lang
                .pick(
                    "logind has no session for this login",
                    "logind にこのログインのセッションがありません",
                )
                .to_string(),
            SourceTrouble::NotBuilt(feature) => lang.pick(
                format!("this iyashi was built without it (the cargo feature \"{feature}\")"),
                format!(
                    "この iyashi はこれを含めずにビルドされています（cargo の機能「{feature}」）"
                ),
            ),
        }
    }
}

/// A sentence about work and rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WatchSays {
    /// The daemon started, watching through this source.
    Watching(SourceName),
    /// The daemon stopped; what it knew is kept.
    Stopped,
    /// The activity source did not answer once; the daemon asks again.
    SourceLost(SourceName),
    /// Desktop notifications are not available; reminders go to the log.
    NoNotifications,
    /// The systemd user unit was written.
    Installed {
        /// Where.
        path: String,
    },
    /// A session began; `watch_runs` says whether reminders will come.
    WorkStarted {
        /// The local clock time it began.
        at: String,
        /// `iyashi watch` is running.
        watch_runs: bool,
    },
    /// A session was already open.
    WorkAlreadyStarted {
        /// The local clock time it began.
        at: String,
    },
    /// The session was closed.
    WorkStopped {
        /// Work counted today.
        worked_today: SignedDuration,
    },
    /// No session was open to stop.
    WorkNotStarted,
    /// From the daemon: what comes next.
    Upcoming {
        /// Work left before the next micro-break.
        until_micro: SignedDuration,
        /// Work left before the next rest break.
        until_rest: SignedDuration,
        /// Work counted today.
        worked_today: SignedDuration,
    },
    /// A break is going on.
    OnBreak {
        /// Time left in it.
        left: SignedDuration,
    },
    /// No daemon: what is counted, and that no break is being timed.
    NotWatching {
        /// Work counted today.
        worked_today: SignedDuration,
        /// The open manual session's start, as a clock time.
        since: Option<String>,
    },
    /// The daemon runs but no work is being counted just now.
    WatchIdle {
        /// Work counted today.
        worked_today: SignedDuration,
    },
    /// Under a break that began in the terminal.
    EndsEarly,
    /// A break in the terminal: time left.
    BreakLeft {
        /// Time left.
        left: SignedDuration,
    },
    /// A break in the terminal ended.
    BreakTaken {
        /// How long it lasted.
        length: SignedDuration,
    },
    /// Sent to the daemon, which will show the break.
    BreakSent,
    /// The answer that takes the break.
    TakeBreak,
    /// The answer that puts it off.
    Later,
    /// The answer that lets it go.
    Skip,
}

impl Message for WatchSays {
    fn render(&self, lang: Lang) -> String {
        use WatchSays::*;
        let d = |x: &SignedDuration| duration(lang, *x);
        match (self, lang) {
            (Watching(source), Lang::En) => format!(
                "Watching quietly, through {}. Piyo will tell you when to rest.",
                source.render(lang)
            ),
            (Watching(source), Lang::Ja) => {
                format!("{}で静かに見守っています。休む時間はピヨが知らせます。", source.render(lang))
            }
            (SourceLost(source), Lang::En) => format!(
                "{} did not answer just now; asking again shortly.",
                source.render(lang)
            ),
            (SourceLost(source), Lang::Ja) => format!(
                "{}から応答がありませんでした。少ししてから、もう一度たずねます。",
                source.render(lang)
            ),
            (Stopped, Lang::En) => "Stopped watching. Today's work is kept.".into(),
            (Stopped, Lang::Ja) => "見守りを終えました。今日の作業時間は記録してあります。".into(),
            (NoNotifications, Lang::En) => {
                "Desktop notifications are not available (no notification service answered); reminders will be printed here.".into()
            }
            (NoNotifications, Lang::Ja) => {
                "デスクトップ通知が使えません（通知サービスが応答しません）。お知らせはここに表示します。".into()
            }
            (Installed { path }, Lang::En) => format!(
                "Wrote {path}. Start it now and at every login with: systemctl --user daemon-reload && systemctl --user enable --now iyashi-watch"
            ),
            (Installed { path }, Lang::Ja) => format!(
                "{path} を書きました。今すぐ、そして毎回のログインで動かすには: systemctl --user daemon-reload && systemctl --user enable --now iyashi-watch"
            ),
            (WorkStarted { at, watch_runs: true }, Lang::En) => {
                format!("Work started at {at}. Piyo will remind you to rest.")
            }
            (WorkStarted { at, watch_runs: true }, Lang::Ja) => {
                format!("{at}に作業を始めました。休む時間はピヨが知らせます。")
            }
            (WorkStarted { at, watch_runs: false }, Lang::En) => format!(
                "Work started at {at}. iyashi watch is not running, so reminders come only while the room is open in a terminal."
            ),
            (WorkStarted { at, watch_runs: false }, Lang::Ja) => format!(
                "{at}に作業を始めました。iyashi watch が動いていないので、休憩のお知らせはターミナルでおへやを開いているあいだだけです。"
            ),
            (WorkAlreadyStarted { at }, Lang::En) => format!("Work has been going since {at}."),
            (WorkAlreadyStarted { at }, Lang::Ja) => format!("{at}から作業中です。"),
            (WorkStopped { worked_today }, _) => match (counted(lang, *worked_today), lang) {
                (Some(w), Lang::En) => format!("Stopped. {w} of work today. Thank you for today; rest well."),
                (Some(w), Lang::Ja) => format!("おつかれさまでした。今日の作業は{w}。ゆっくり休んでね。"),
                (None, Lang::En) => "Stopped. Rest well.".into(),
                (None, Lang::Ja) => "作業を終えました。ゆっくり休んでね。".into(),
            },
            (WorkNotStarted, Lang::En) => "No work session is open.".into(),
            (WorkNotStarted, Lang::Ja) => "作業中のセッションはありません。".into(),
            (Upcoming { until_micro, until_rest, worked_today }, Lang::En) => format!(
                "Next eye rest in {}, next rest break in {}. {} of work today.",
                d(until_micro),
                d(until_rest),
                d(worked_today)
            ),
            (Upcoming { until_micro, until_rest, worked_today }, Lang::Ja) => format!(
                "次の目の休憩まで{}、次の休憩まで{}。今日の作業は{}。",
                d(until_micro),
                d(until_rest),
                d(worked_today)
            ),
            (OnBreak { left }, Lang::En) => format!("On a break: {} left.", d(left)),
            (OnBreak { left }, Lang::Ja) => format!("休憩中です。あと{}。", d(left)),
            (NotWatching { worked_today, since }, _) => {
                let no_timer = lang.pick(
                    "iyashi watch is not running, so no break is being timed; iyashi break now rests whenever you like.",
                    "iyashi watch が動いていないので、休憩の時間は計っていません。iyashi break now でいつでも休めます。",
                );
                let worked = match (since, counted(lang, *worked_today), lang) {
                    (Some(since), w, Lang::En) => format!(
                        "Working since {since}: {} today. ",
                        w.unwrap_or_else(|| d(worked_today))
                    ),
                    (Some(since), w, Lang::Ja) => format!(
                        "{since}から作業中で、今日は{}です。",
                        w.unwrap_or_else(|| d(worked_today))
                    ),
                    (None, Some(w), Lang::En) => format!("{w} of work recorded today. "),
                    (None, Some(w), Lang::Ja) => format!("今日記録された作業は{w}です。"),
                    (None, None, _) => String::new(),
                };
                format!("{worked}{no_timer}")
            }
            (WatchIdle { worked_today }, _) => {
                let idle = lang.pick(
                    "iyashi watch is keeping time; no work is being counted just now.",
                    "iyashi watch が見守っています。いまは作業を数えていません。",
                );
                match (counted(lang, *worked_today), lang) {
                    (Some(w), Lang::En) => format!("{idle} {w} of work today."),
                    (Some(w), Lang::Ja) => format!("{idle}今日の作業は{w}です。"),
                    (None, _) => idle.to_string(),
                }
            }
            (EndsEarly, _) => lang
                .pick("(Ctrl-C ends it early.)", "（Ctrl-C で早めに終われます）")
                .into(),
            (BreakLeft { left }, Lang::En) => format!("{} left", d(left)),
            (BreakLeft { left }, Lang::Ja) => format!("あと{}", d(left)),
            (BreakTaken { length }, Lang::En) => format!("Rested for {}. Welcome back.", d(length)),
            (BreakTaken { length }, Lang::Ja) => format!("{}休みました。おかえりなさい。", d(length)),
            (BreakSent, Lang::En) => "Break time. Piyo has it.".into(),
            (BreakSent, Lang::Ja) => "休憩の時間です。ピヨにまかせてね。".into(),
            (TakeBreak, _) => lang.pick("Take the break", "休憩する").into(),
            (Later, _) => lang.pick("Later", "あとで").into(),
            (Skip, _) => lang.pick("Not this time", "今回は見送る").into(),
        }
    }
}
