//! What the tray item says: its menu, its one-line tooltip, and the daemon's
//! word when no tray is there to show it.

use jiff::SignedDuration;

use super::rhythm::duration;
use super::Message;
use crate::Lang;

/// The tray menu's entries, as a person reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrayWord {
    /// Take a break now.
    TakeBreakNow,
    /// Quiet for an hour.
    QuietForAnHour,
    /// Quiet until tomorrow.
    QuietUntilTomorrow,
    /// Open the terminal room.
    OpenRoom,
    /// Open the web room.
    OpenWebRoom,
    /// Open the web room at its letter form (while letters are on).
    WriteLetter,
    /// This week's look back.
    ThisWeek,
    /// The small window for writing a joy.
    WriteJoy,
    /// Goro on the desktop (`iyashi desk`), or off it again.
    DeskGoro,
    /// Quit the tray (and the daemon).
    Quit,
}

impl Message for TrayWord {
    fn render(&self, lang: Lang) -> String {
        use TrayWord::*;
        match self {
            TakeBreakNow => lang.pick("Take a break now", "今すぐ休憩する"),
            QuietForAnHour => lang.pick("Quiet for 1 hour", "1時間そっとしておく"),
            QuietUntilTomorrow => lang.pick("Quiet until tomorrow", "明日までそっとしておく"),
            OpenRoom => lang.pick("Open the room", "おへやを開く"),
            OpenWebRoom => lang.pick("Open the web room", "ブラウザでおへやを開く"),
            WriteLetter => lang.pick("Write a kind letter", "やさしいお手紙を書く"),
            ThisWeek => lang.pick("This week", "今週のふりかえり"),
            WriteJoy => lang.pick("Write a small joy", "小さな幸せを書く"),
            DeskGoro => lang.pick("Goro on the desktop", "デスクトップにゴロ"),
            Quit => lang.pick("Quit", "終了"),
        }
        .to_string()
    }
}

/// Where the rhythm stands, for the tooltip's middle part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextBreak {
    /// The next break comes after this much more work.
    In(SignedDuration),
    /// A break is due now.
    Due,
    /// Resting, with this much left.
    Resting(SignedDuration),
    /// `iyashi quiet` until this clock time.
    QuietUntil(String),
    /// Outside working hours.
    OffHours,
    /// No work session is open.
    NotWorking,
}

/// A sentence of the tray's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraySays {
    /// The item's title, as hosts list it.
    Title,
    /// The day in one line: work so far, the next break, the micro-season
    /// (already named in the reader's language).
    Day {
        /// Work so far today.
        worked: SignedDuration,
        /// Where the rhythm stands.
        next: NextBreak,
        /// The micro-season, already named.
        season: String,
    },
    /// Added to the tooltip while a kind letter waits to be read.
    LetterWaiting,
    /// No session bus, so no tray can ever come: said once, and watching
    /// goes on.
    NoTrayHost,
    /// No tray host on this desktop yet: said once; the item waits for one.
    NoTrayHostYet,
    /// `iyashi web` could not be started from the tray.
    WebRoomFailed,
    /// No terminal program was found for the room.
    NoTerminal,
    /// No desktop to open the joy window on.
    NoJoyWindow,
    /// No desktop to put Goro on.
    NoDesk,
}

impl Message for TraySays {
    fn render(&self, lang: Lang) -> String {
        let d = |x: &SignedDuration| duration(lang, *x);
        match self {
            TraySays::Title => lang.pick("iyashi: Goro", "iyashi: ゴロ").to_string(),
            TraySays::Day {
                worked,
                next,
                season,
            } => {
                let next = match (next, lang) {
                    (NextBreak::In(left), Lang::En) => format!("next break in {}", d(left)),
                    (NextBreak::In(left), Lang::Ja) => format!("次の休憩まで{}", d(left)),
                    (NextBreak::Due, _) => lang.pick("time for a break", "休憩の時間").into(),
                    (NextBreak::Resting(left), Lang::En) => format!("resting, {} left", d(left)),
                    (NextBreak::Resting(left), Lang::Ja) => format!("休憩中、あと{}", d(left)),
                    (NextBreak::QuietUntil(at), Lang::En) => format!("quiet until {at}"),
                    (NextBreak::QuietUntil(at), Lang::Ja) => format!("{at}まで静かに"),
                    (NextBreak::OffHours, _) => {
                        lang.pick("outside working hours", "勤務時間外").into()
                    }
                    (NextBreak::NotWorking, _) => lang.pick("not working", "作業していません").into(),
                };
                let line = match lang {
                    Lang::En => format!("{} of work today · {next}", d(worked)),
                    Lang::Ja => format!("今日の作業 {} · {next}", d(worked)),
                };
                // The seasons are known for a range of years only.
                if season.is_empty() {
                    line
                } else {
                    format!("{line} · {season}")
                }
            }
            TraySays::LetterWaiting => lang
                .pick("A kind letter is waiting.", "やさしい手紙が届いています。")
                .into(),
            TraySays::NoTrayHost => lang
                .pick(
                    "No tray here (no desktop session bus to reach one); watching on without one.",
                    "ここにはトレイがありません（トレイにつながるデスクトップのセッションバスがありません）。トレイなしで見守りを続けます。",
                )
                .into(),
            TraySays::NoTrayHostYet => lang
                .pick(
                    "No tray on this desktop yet (no StatusNotifier host answered); watching on, and Goro comes to the tray when one starts.",
                    "このデスクトップにはまだトレイがありません（StatusNotifier のホストが応答しません）。見守りを続け、トレイが現れたらゴロもそこに入ります。",
                )
                .into(),
            TraySays::WebRoomFailed => lang
                .pick(
                    "The web room did not start; try iyashi web in a terminal to see why.",
                    "ブラウザのおへやを開けませんでした。端末で iyashi web を実行すると理由がわかります。",
                )
                .into(),
            TraySays::NoTerminal => lang
                .pick(
                    "No terminal program was found; set TERMINAL to the one you use.",
                    "端末のプログラムが見つかりません。使っている端末を TERMINAL に設定してください。",
                )
                .into(),
            TraySays::NoJoyWindow => lang
                .pick(
                    "The joy window needs a desktop (X11 or Wayland); iyashi joy \"...\" in a terminal keeps one too.",
                    "小さな幸せの窓にはデスクトップ（X11 か Wayland）が必要です。端末で iyashi joy \"...\" と書いても残せます。",
                )
                .into(),
            TraySays::NoDesk => lang
                .pick(
                    "Goro on the desktop needs a desktop (X11 or Wayland); here he stays in the tray.",
                    "ゴロをデスクトップに出すにはデスクトップ（X11 か Wayland）が必要です。ここではトレイにいます。",
                )
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_fits_one_line_in_both_languages() {
        let day = TraySays::Day {
            worked: SignedDuration::from_mins(190),
            next: NextBreak::In(SignedDuration::from_mins(12)),
            season: "霜始降".into(),
        };
        assert_eq!(
            day.render(Lang::En),
            "3h 10m of work today · next break in 12m · 霜始降"
        );
        assert_eq!(
            day.render(Lang::Ja),
            "今日の作業 3時間10分 · 次の休憩まで12分 · 霜始降"
        );
    }
}
