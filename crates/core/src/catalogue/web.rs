//! What the web room says: the page's labels and buttons, and the few
//! sentences the `iyashi web` command and its server speak.
//!
//! The page never holds words of its own: it asks the server for every
//! [`WebLabel`] in the reader's language, and a text missing in one language
//! does not compile.

use super::Message;
use crate::Lang;

/// A label or button of the web page. The page asks the server for all of
/// them in the reader's language, so the English/日本語 switch is one request;
/// which element shows which label is the web face's business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebLabel {
    /// Reads “iyashi · the room”.
    Title,
    /// Reads “Today's small joys”.
    Shelf,
    /// Reads “The shelf is waiting for today's first small joy.”.
    ShelfEmpty,
    /// Reads “A small joy”.
    AddJoy,
    /// Reads “Mood”.
    AddMood,
    /// Reads “A note”.
    AddNote,
    /// Reads “Words for the mood (you can leave this empty)”.
    AddMoodWords,
    /// Reads “a word or two…”.
    AddMoodHint,
    /// Reads “Choose how you feel first: 1 to 5.”.
    MoodChoose,
    /// Reads “warm tea by the window…”.
    JoyPlaceholder,
    /// Reads “anything you'd like to keep”.
    NotePlaceholder,
    /// Reads “Keep”.
    Keep,
    /// Reads “Work”.
    Work,
    /// Reads “Start work”.
    WorkStart,
    /// Reads “Stop work”.
    WorkStop,
    /// Reads “Take a break with Piyo”.
    BreakStart,
    /// Reads “End the break”.
    BreakEnd,
    /// Reads “Quiet for 1 hour”.
    QuietHour,
    /// Reads “Quiet until tomorrow”.
    QuietToday,
    /// Reads “End the quiet”.
    QuietOff,
    /// Reads “Let Piyo tap your shoulder (notifications)”.
    NotifyAllow,
    /// Reads “The season”.
    Season,
    /// Reads “This month's episode”.
    Episode,
    /// Reads “Close”.
    EpisodeClose,
    /// Reads “Mood, day by day”.
    ChartMood,
    /// Reads “Work, day by day”.
    ChartWork,
    /// Reads “日本語”.
    LangSwitch,
    /// Reads “The room lost its way to iyashi for a moment; trying again…”.
    Offline,
    /// Reads “Kind letters”.
    Letters,
    /// Reads “A kind letter to a few strangers”.
    LetterWrite,
    /// Reads “a worry, a wish, or something small that helped…”.
    LetterPlaceholder,
    /// Reads “Send the letter”.
    LetterSend,
    /// Reads “Answer kindly”.
    LetterReply,
    /// Reads “Send the answer”.
    LetterReplySend,
    /// Reads “Say thank you”.
    LetterThank,
    /// Reads “Tell a moderator”.
    LetterReport,
    /// Reads “You answered this one.”.
    LetterAnswered,
    /// Reads “You said thank you.”.
    LetterThanked,
    /// Reads “Look for new letters”.
    LettersLook,
}

impl WebLabel {
    /// Every label.
    pub const ALL: [WebLabel; 39] = [
        WebLabel::Title,
        WebLabel::Shelf,
        WebLabel::ShelfEmpty,
        WebLabel::AddJoy,
        WebLabel::AddMood,
        WebLabel::AddNote,
        WebLabel::AddMoodWords,
        WebLabel::AddMoodHint,
        WebLabel::MoodChoose,
        WebLabel::JoyPlaceholder,
        WebLabel::NotePlaceholder,
        WebLabel::Keep,
        WebLabel::Work,
        WebLabel::WorkStart,
        WebLabel::WorkStop,
        WebLabel::BreakStart,
        WebLabel::BreakEnd,
        WebLabel::QuietHour,
        WebLabel::QuietToday,
        WebLabel::QuietOff,
        WebLabel::NotifyAllow,
        WebLabel::Season,
        WebLabel::Episode,
        WebLabel::EpisodeClose,
        WebLabel::ChartMood,
        WebLabel::ChartWork,
        WebLabel::LangSwitch,
        WebLabel::Offline,
        WebLabel::Letters,
        WebLabel::LetterWrite,
        WebLabel::LetterPlaceholder,
        WebLabel::LetterSend,
        WebLabel::LetterReply,
        WebLabel::LetterReplySend,
        WebLabel::LetterThank,
        WebLabel::LetterReport,
        WebLabel::LetterAnswered,
        WebLabel::LetterThanked,
        WebLabel::LettersLook,
    ];

    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use WebLabel::*;
        let (en, ja) = match self {
            Title => ("iyashi · the room", "いやし・おへや"),
            Shelf => ("Today's small joys", "今日の小さな幸せ"),
            ShelfEmpty => (
                "The shelf is waiting for today's first small joy.",
                "棚は、今日さいしょの小さな幸せを待っています。",
            ),
            AddJoy => ("A small joy", "小さな幸せ"),
            AddMood => ("Mood", "気分"),
            AddNote => ("A note", "メモ"),
            AddMoodWords => (
                "Words for the mood (you can leave this empty)",
                "気分のひとこと（空のままでも大丈夫）",
            ),
            AddMoodHint => ("a word or two…", "ひとことでも…"),
            MoodChoose => (
                "Choose how you feel first: 1 to 5.",
                "まず今の気分を 1〜5 から選んでね。",
            ),
            JoyPlaceholder => ("warm tea by the window…", "窓辺であたたかいお茶…"),
            NotePlaceholder => ("anything you'd like to keep", "残しておきたいこと"),
            Keep => ("Keep", "残す"),
            Work => ("Work", "仕事"),
            WorkStart => ("Start work", "仕事をはじめる"),
            WorkStop => ("Stop work", "仕事をおえる"),
            BreakStart => ("Take a break with Piyo", "ピヨと休憩する"),
            BreakEnd => ("End the break", "休憩をおえる"),
            QuietHour => ("Quiet for 1 hour", "1時間静かにする"),
            QuietToday => ("Quiet until tomorrow", "明日まで静かにする"),
            QuietOff => ("End the quiet", "静かな時間をおえる"),
            NotifyAllow => (
                "Let Piyo tap your shoulder (notifications)",
                "ピヨにそっと知らせてもらう（通知）",
            ),
            Season => ("The season", "季節"),
            Episode => ("This month's episode", "今月のお話"),
            EpisodeClose => ("Close", "閉じる"),
            ChartMood => ("Mood, day by day", "日ごとの気分"),
            ChartWork => ("Work, day by day", "日ごとの仕事時間"),
            LangSwitch => ("日本語", "English"),
            Offline => (
                "The room lost its way to iyashi for a moment; trying again…",
                "iyashi との道が少し途切れました。つなぎ直しています…",
            ),
            Letters => ("Kind letters", "やさしいお手紙"),
            LetterWrite => (
                "A kind letter to a few strangers",
                "誰かに届ける、やさしいお手紙",
            ),
            LetterPlaceholder => (
                "a worry, a wish, or something small that helped…",
                "心配ごと、願いごと、助けになった小さなこと…",
            ),
            LetterSend => ("Send the letter", "お手紙を送る"),
            LetterReply => ("Answer kindly", "やさしく返事を書く"),
            LetterReplySend => ("Send the answer", "お返事を送る"),
            LetterThank => ("Say thank you", "お礼を伝える"),
            LetterReport => ("Tell a moderator", "見守り役に知らせる"),
            LetterAnswered => ("You answered this one.", "お返事を書きました。"),
            LetterThanked => ("You said thank you.", "お礼を伝えました。"),
            LettersLook => ("Look for new letters", "新しいお手紙を見る"),
        };
        lang.pick(en, ja)
    }
}

/// A sentence of `iyashi web` or its server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebText {
    /// The server is listening; `url` carries the secret token.
    Listening {
        /// The room's address, token included.
        url: String,
    },
    /// How to stop the server.
    HowToStop,
    /// The address could not be listened on.
    CannotListen {
        /// The address asked for.
        addr: String,
        /// Why, as the system said.
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
                    "{addr} でウェブのおへやを開けません（{}）。別の --port を試してください",
                    reason.render(lang)
                )
            }
            (WrongHost, Lang::En) => {
                "This room only answers to 127.0.0.1 or localhost with its own port.".into()
            }
            (WrongHost, Lang::Ja) => {
                "このおへやは 127.0.0.1 か localhost（自分のポート）にだけ応えます。".into()
            }
            (NoToken, Lang::En) => {
                "Please open the room with the link `iyashi web` printed (it carries a key).".into()
            }
            (NoToken, Lang::Ja) => {
                "`iyashi web` が表示したリンク（鍵つき）からおへやを開いてください。".into()
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
