//! What the web room says: the page's labels and buttons, and the few
//! sentences the `iyashi web` command and its server speak.
//!
//! The page never holds words of its own: it asks the server for
//! [`labels`] in the reader's language, so the English/日本語 switch is one
//! request, and a text missing in one language does not compile.

use super::Message;
use crate::Lang;

/// The page's labels as `(key, English, Japanese)`. The page looks each up by
/// key; a test makes sure every key the page uses is here.
pub const LABELS: &[(&str, &str, &str)] = &[
    ("title", "iyashi · the room", "いやし・おへや"),
    ("shelf", "Today's small joys", "今日の小さな幸せ"),
    (
        "shelf_empty",
        "The shelf is waiting for today's first small joy.",
        "棚は、今日さいしょの小さな幸せを待っています。",
    ),
    ("add_joy", "A small joy", "小さな幸せ"),
    ("add_mood", "Mood", "気分"),
    ("add_note", "A note", "メモ"),
    (
        "add_mood_words",
        "Words for the mood (you can leave this empty)",
        "気分のひとこと(空のままでも大丈夫)",
    ),
    ("add_mood_hint", "a word or two…", "ひとことでも…"),
    (
        "joy_placeholder",
        "warm tea by the window…",
        "窓辺であたたかいお茶…",
    ),
    (
        "note_placeholder",
        "anything you'd like to keep",
        "残しておきたいこと",
    ),
    ("keep", "Keep", "残す"),
    ("work", "Work", "仕事"),
    ("work_start", "Start work", "仕事をはじめる"),
    ("work_stop", "Stop work", "仕事をおえる"),
    ("break_start", "Take a break with Piyo", "ピヨと休憩する"),
    ("break_end", "End the break", "休憩をおえる"),
    ("quiet_hour", "Quiet for 1 hour", "1時間静かにする"),
    ("quiet_today", "Quiet until tomorrow", "明日まで静かにする"),
    ("quiet_off", "End the quiet", "静かな時間をおえる"),
    (
        "notify_allow",
        "Let Piyo tap your shoulder (notifications)",
        "ピヨにそっと知らせてもらう(通知)",
    ),
    ("season", "The season", "季節"),
    ("episode", "This month's episode", "今月のお話"),
    ("episode_close", "Close", "閉じる"),
    ("chart_mood", "Mood, day by day", "日ごとの気分"),
    ("chart_work", "Work, day by day", "日ごとの仕事時間"),
    ("lang_switch", "日本語", "English"),
    (
        "offline",
        "The room lost its way to iyashi for a moment; trying again…",
        "iyashi との道が少し途切れました。つなぎ直しています…",
    ),
];

/// The label `key` in `lang`, if there is one.
pub fn label(lang: Lang, key: &str) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, ja)| lang.pick(*en, *ja))
}

/// Every label in `lang`, as `(key, text)`.
pub fn labels(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    LABELS
        .iter()
        .map(move |(k, en, ja)| (*k, lang.pick(*en, *ja)))
}

/// A sentence of `iyashi web` or its server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebText {
    /// The server is listening; `url` carries the secret token.
    Listening { url: String },
    /// How to stop the server.
    HowToStop,
    /// The address could not be listened on.
    CannotListen {
        addr: String,
        reason: super::system::SystemReason,
    },
    /// A request came with a Host header other than this server's own (a
    /// page on another site trying to reach the room through DNS tricks).
    WrongHost,
    /// A request without the secret token.
    NoToken,
    /// A change asked for by a page that is not the room.
    WrongOrigin,
    /// A request the API does not understand; the reason follows.
    BadRequest(String),
    /// Something failed inside; the reason follows.
    Failed(String),
    /// A mood outside 1 to 5.
    MoodOutOfRange,
    /// Today's summary line when nothing is written yet (the page's form
    /// is right there: no command to suggest).
    TodayEmpty,
    /// A joy, mood words or note sent with no words (a mood alone is fine).
    EmptyText,
    /// A work session opened by hand, counting since `HH:MM`.
    WorkingSince(String),
    /// Quiet is on until `HH:MM`: Piyo holds reminders back.
    QuietUntil(String),
}

impl Message for WebText {
    fn render(&self, lang: Lang) -> String {
        use WebText::*;
        match (self, lang) {
            (Listening { url }, Lang::En) => format!("The web room is open at {url}"),
            (Listening { url }, Lang::Ja) => format!("ウェブのおへやはこちら: {url}"),
            (HowToStop, Lang::En) => "Only this computer can see it. Ctrl-C closes it.".into(),
            (HowToStop, Lang::Ja) => {
                "このコンピューターからしか見えません。Ctrl-C で閉じます。".into()
            }
            (CannotListen { addr, reason }, Lang::En) => {
                format!(
                    "Cannot open the web room at {addr}: {}; try another --port",
                    reason.render(lang)
                )
            }
            (CannotListen { addr, reason }, Lang::Ja) => {
                format!(
                    "{addr} でウェブのおへやを開けません({})。別の --port を試してください",
                    reason.render(lang)
                )
            }
            (WrongHost, Lang::En) => {
                "This room only answers to 127.0.0.1 or localhost with its own port.".into()
            }
            (WrongHost, Lang::Ja) => {
                "このおへやは 127.0.0.1 か localhost(自分のポート)にだけ応えます。".into()
            }
            (NoToken, Lang::En) => {
                "Please open the room with the link `iyashi web` printed (it carries a key).".into()
            }
            (NoToken, Lang::Ja) => {
                "`iyashi web` が表示したリンク(鍵つき)からおへやを開いてください。".into()
            }
            (WrongOrigin, Lang::En) => "Only the room's own page can change things here.".into(),
            (WrongOrigin, Lang::Ja) => "ここを変えられるのは、おへや自身のページだけです。".into(),
            (BadRequest(reason), Lang::En) => format!("That request was not understood: {reason}"),
            (BadRequest(reason), Lang::Ja) => format!("リクエストを読み取れませんでした: {reason}"),
            (Failed(reason), Lang::En) => format!("Something went wrong inside: {reason}"),
            (Failed(reason), Lang::Ja) => format!("内部でうまくいきませんでした: {reason}"),
            (MoodOutOfRange, Lang::En) => "A mood is a number from 1 to 5.".into(),
            (MoodOutOfRange, Lang::Ja) => "気分は 1 から 5 の数字です。".into(),
            (TodayEmpty, Lang::En) => "Nothing written yet today.".into(),
            (TodayEmpty, Lang::Ja) => "今日はまだ何も書いていません。".into(),
            (EmptyText, Lang::En) => {
                "There is nothing to keep yet: write a few words first.".into()
            }
            (EmptyText, Lang::Ja) => {
                "まだ何も書かれていません。ひとこと書いてから残してください。".into()
            }
            (WorkingSince(at), Lang::En) => format!("counting work since {at}"),
            (WorkingSince(at), Lang::Ja) => format!("{at} から仕事の時間を記録中"),
            (QuietUntil(at), Lang::En) => {
                format!("Quiet until {at}: Piyo holds reminders back till then.")
            }
            (QuietUntil(at), Lang::Ja) => {
                format!("{at}まで静かな時間です。ピヨはお知らせを控えています。")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages_and_a_unique_key() {
        let mut keys: Vec<&str> = LABELS.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), LABELS.len());
        for (key, en, ja) in LABELS {
            assert!(!en.is_empty() && !ja.is_empty(), "{key}");
        }
        assert_eq!(label(Lang::Ja, "keep"), Some("残す"));
        assert_eq!(label(Lang::En, "nope"), None);
    }
}
