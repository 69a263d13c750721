//! The command line's help texts: what iyashi, each command and each
//! argument is for. Which clap command or argument shows which text is the
//! binary's business (its own table names them by clap id).

use crate::Lang;

/// One help text of the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandHelp {
    /// What `iyashi` itself is.
    Iyashi,
    /// The option `--lang`, which every command takes.
    Lang,
    /// The option `--no-motion`, which every command takes.
    NoMotion,
    /// The option `--large-text`, which every command takes.
    LargeText,
    /// The option `--high-contrast`, which every command takes.
    HighContrast,
    /// The option `--no-color`, which every command takes.
    NoColor,
    /// The command `iyashi joy`.
    Joy,
    /// The `text` argument of `iyashi joy`.
    JoyText,
    /// The command `iyashi mood`.
    Mood,
    /// The `mood` argument of `iyashi mood`.
    MoodMood,
    /// The `text` argument of `iyashi mood`.
    MoodText,
    /// The command `iyashi note`.
    Note,
    /// The `text` argument of `iyashi note`.
    NoteText,
    /// The command `iyashi log`.
    Log,
    /// The `day` argument of `iyashi log`.
    LogDay,
    /// The `week` argument of `iyashi log`.
    LogWeek,
    /// The `month` argument of `iyashi log`.
    LogMonth,
    /// The `tag` argument of `iyashi log`.
    LogTag,
    /// The `json` argument of `iyashi log`.
    LogJson,
    /// The command `iyashi search`.
    Search,
    /// The `words` argument of `iyashi search`.
    SearchWords,
    /// The `json` argument of `iyashi search`.
    SearchJson,
    /// The command `iyashi today`.
    Today,
    /// The `json` argument of `iyashi today`.
    TodayJson,
    /// The command `iyashi undo`.
    Undo,
    /// The command `iyashi export`.
    Export,
    /// The `format` argument of `iyashi export`.
    ExportFormat,
    /// The `output` argument of `iyashi export`.
    ExportOutput,
    /// The command `iyashi import`.
    Import,
    /// The `file` argument of `iyashi import`.
    ImportFile,
    /// The command `iyashi config`.
    Config,
    /// The command `iyashi config path`.
    ConfigPath,
    /// The command `iyashi config show`.
    ConfigShow,
    /// The command `iyashi completions`.
    Completions,
    /// The `shell` argument of `iyashi completions`.
    CompletionsShell,
    /// The command `iyashi man`.
    Man,
    /// The command `iyashi work`.
    Work,
    /// The command `iyashi work start`.
    WorkStart,
    /// The command `iyashi work stop`.
    WorkStop,
    /// The command `iyashi break`.
    Break,
    /// The `now` argument of `iyashi break`.
    BreakNow,
    /// The `micro` argument of `iyashi break`.
    BreakMicro,
    /// The command `iyashi week`.
    Week,
    /// The command `iyashi quiet`.
    Quiet,
    /// The `span` argument of `iyashi quiet`.
    QuietSpan,
    /// The command `iyashi why`.
    Why,
    /// The `json` argument of `iyashi why`.
    WhyJson,
    /// The `json` argument of `iyashi week`.
    WeekJson,
    /// The command `iyashi watch`.
    Watch,
    /// The `source` argument of `iyashi watch`.
    WatchSource,
    /// The `install` argument of `iyashi watch`.
    WatchInstall,
    /// The `no-tray` argument of `iyashi watch`.
    WatchNoTray,
    /// The command `iyashi break-screen` (started by `watch`).
    BreakScreen,
    /// The `kind` argument of `iyashi break-screen`.
    BreakScreenKind,
    /// The `activity` argument of `iyashi break-screen`.
    BreakScreenActivity,
    /// The `seconds` argument of `iyashi break-screen`.
    BreakScreenSeconds,
    /// The `postponed` argument of `iyashi break-screen`.
    BreakScreenPostponed,
    /// The `fullscreen` argument of `iyashi break-screen`.
    BreakScreenFullscreen,
    /// The `report-first-frame` argument of `iyashi break-screen`.
    BreakScreenReportFirstFrame,
    /// The command `iyashi joy-window` (started from the tray).
    JoyWindow,
    /// The `report-first-frame` argument of `iyashi joy-window`.
    JoyWindowReportFirstFrame,
    /// The command `iyashi desk`.
    Desk,
    /// The `report-first-frame` argument of `iyashi desk`.
    DeskReportFirstFrame,
    /// The command `iyashi web`.
    Web,
    /// The `port` argument of `iyashi web`.
    WebPort,
    /// The `open` argument of `iyashi web`.
    WebOpen,
    /// The command `iyashi season`.
    Season,
    /// The `date` argument of `iyashi season`.
    SeasonDate,
    /// The `year` argument of `iyashi season`.
    SeasonYear,
    /// The `json` argument of `iyashi season`.
    SeasonJson,
    /// The command `iyashi episode`.
    Episode,
    /// The `month` argument of `iyashi episode`.
    EpisodeMonth,
    /// The `json` argument of `iyashi episode`.
    EpisodeJson,
    /// The `md` argument of `iyashi episode`.
    EpisodeMd,
    /// The command `iyashi plot`.
    Plot,
    /// The `span` argument of `iyashi plot`.
    PlotSpan,
    /// The `output` argument of `iyashi plot`.
    PlotOutput,
    /// The command `iyashi card`.
    Card,
    /// The `month` argument of `iyashi card`.
    CardMonth,
    /// The `output` argument of `iyashi card`.
    CardOutput,
    /// The `private` argument of `iyashi card`.
    CardPrivate,
    /// The command `iyashi letters`.
    Letters,
    /// The command `iyashi letters write`.
    LettersWrite,
    /// The `text` argument of `iyashi letters write`.
    LettersWriteText,
    /// The command `iyashi letters inbox`.
    LettersInbox,
    /// The `json` argument of `iyashi letters inbox`.
    LettersInboxJson,
    /// The command `iyashi letters reply`.
    LettersReply,
    /// The `id` argument of `iyashi letters reply`.
    LettersReplyId,
    /// The `text` argument of `iyashi letters reply`.
    LettersReplyText,
    /// The command `iyashi letters thank`.
    LettersThank,
    /// The `id` argument of `iyashi letters thank`.
    LettersThankId,
    /// The command `iyashi letters report`.
    LettersReport,
    /// The `id` argument of `iyashi letters report`.
    LettersReportId,
    /// The command `iyashi letters rest`.
    LettersRest,
}

impl CommandHelp {
    /// Every help text, in the order of the command line's own help.
    pub const ALL: [CommandHelp; 94] = [
        CommandHelp::Iyashi,
        CommandHelp::Lang,
        CommandHelp::NoMotion,
        CommandHelp::LargeText,
        CommandHelp::HighContrast,
        CommandHelp::NoColor,
        CommandHelp::Joy,
        CommandHelp::JoyText,
        CommandHelp::Mood,
        CommandHelp::MoodMood,
        CommandHelp::MoodText,
        CommandHelp::Note,
        CommandHelp::NoteText,
        CommandHelp::Log,
        CommandHelp::LogDay,
        CommandHelp::LogWeek,
        CommandHelp::LogMonth,
        CommandHelp::LogTag,
        CommandHelp::LogJson,
        CommandHelp::Search,
        CommandHelp::SearchWords,
        CommandHelp::SearchJson,
        CommandHelp::Today,
        CommandHelp::TodayJson,
        CommandHelp::Undo,
        CommandHelp::Export,
        CommandHelp::ExportFormat,
        CommandHelp::ExportOutput,
        CommandHelp::Import,
        CommandHelp::ImportFile,
        CommandHelp::Config,
        CommandHelp::ConfigPath,
        CommandHelp::ConfigShow,
        CommandHelp::Completions,
        CommandHelp::CompletionsShell,
        CommandHelp::Man,
        CommandHelp::Work,
        CommandHelp::WorkStart,
        CommandHelp::WorkStop,
        CommandHelp::Break,
        CommandHelp::BreakNow,
        CommandHelp::BreakMicro,
        CommandHelp::Week,
        CommandHelp::Quiet,
        CommandHelp::QuietSpan,
        CommandHelp::Why,
        CommandHelp::WhyJson,
        CommandHelp::WeekJson,
        CommandHelp::Watch,
        CommandHelp::WatchSource,
        CommandHelp::WatchInstall,
        CommandHelp::WatchNoTray,
        CommandHelp::BreakScreen,
        CommandHelp::BreakScreenKind,
        CommandHelp::BreakScreenActivity,
        CommandHelp::BreakScreenSeconds,
        CommandHelp::BreakScreenPostponed,
        CommandHelp::BreakScreenFullscreen,
        CommandHelp::BreakScreenReportFirstFrame,
        CommandHelp::JoyWindow,
        CommandHelp::JoyWindowReportFirstFrame,
        CommandHelp::Desk,
        CommandHelp::DeskReportFirstFrame,
        CommandHelp::Web,
        CommandHelp::WebPort,
        CommandHelp::WebOpen,
        CommandHelp::Season,
        CommandHelp::SeasonDate,
        CommandHelp::SeasonYear,
        CommandHelp::SeasonJson,
        CommandHelp::Episode,
        CommandHelp::EpisodeMonth,
        CommandHelp::EpisodeJson,
        CommandHelp::EpisodeMd,
        CommandHelp::Plot,
        CommandHelp::PlotSpan,
        CommandHelp::PlotOutput,
        CommandHelp::Card,
        CommandHelp::CardMonth,
        CommandHelp::CardOutput,
        CommandHelp::CardPrivate,
        CommandHelp::Letters,
        CommandHelp::LettersWrite,
        CommandHelp::LettersWriteText,
        CommandHelp::LettersInbox,
        CommandHelp::LettersInboxJson,
        CommandHelp::LettersReply,
        CommandHelp::LettersReplyId,
        CommandHelp::LettersReplyText,
        CommandHelp::LettersThank,
        CommandHelp::LettersThankId,
        CommandHelp::LettersReport,
        CommandHelp::LettersReportId,
        CommandHelp::LettersRest,
    ];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use CommandHelp::*;
        let (en, ja) = match self {
            Iyashi => ("A quiet companion for tired days: small joys, rest, and the turning seasons.", "疲れた日の静かな相棒。小さな幸せ、ほどよい休息、めぐる季節。"),
            Lang => ("Language: en or ja (default: config.toml, then your locale)", "表示の言語: en か ja（既定: config.toml、なければロケール）"),
            NoMotion => ("Still pictures: no animation (config: room.motion)", "アニメーションなしの静かな絵にする（設定: room.motion）"),
            LargeText => ("Bigger, simpler drawings and fewer words (config: room.large_text)", "大きくシンプルな絵と少ない文字にする（設定: room.large_text）"),
            HighContrast => ("Strong contrast between text and background (config: room.high_contrast)", "文字と背景のコントラストを強くする（設定: room.high_contrast）"),
            NoColor => ("No colour at all (also: the NO_COLOR environment variable)", "色を使わない（環境変数 NO_COLOR でも同じ）"),
            Joy => ("Keep a small joy (\"-\" reads it from standard input)", "小さな幸せを書き留める（「-」で標準入力から）"),
            JoyText => ("What was good, in a few words", "よかったことを、ひとことで"),
            Mood => ("Check in with how you feel, from 1 (heavy) to 5 (bright)", "今の気分を記録する。1（どんより）から5（晴れやか）"),
            MoodMood => ("1, 2, 3, 4 or 5", "1・2・3・4・5 のどれか"),
            MoodText => ("A few words, if you like", "よければ、ひとこと"),
            Note => ("Keep a plain note (\"-\" reads it from standard input)", "ふつうのメモを残す（「-」で標準入力から）"),
            NoteText => ("The note", "メモの内容"),
            Log => ("Show what you wrote (this week unless told otherwise)", "書いたものを見る（指定がなければ今週）"),
            LogDay => ("One day: YYYY-MM-DD, today or yesterday", "1日分: YYYY-MM-DD、today、yesterday"),
            LogWeek => ("This week, Monday to Sunday", "今週（月曜から日曜）"),
            LogMonth => ("This month", "今月"),
            LogTag => ("Only entries carrying this #tag", "この #タグ の付いた記録だけ"),
            LogJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            Search => ("Find entries containing all of these words (Japanese too)", "言葉をすべて含む記録を探す（日本語も）"),
            SearchWords => ("Words to look for", "探す言葉"),
            SearchJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            Today => ("Today's summary", "今日のまとめ"),
            TodayJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            Undo => ("Remove the entry you added last, showing it", "最後に書いた記録を、表示してから取り消す"),
            Export => ("Write every entry out as JSON Lines or Markdown", "すべての記録を JSON Lines か Markdown で書き出す"),
            ExportFormat => ("jsonl or md", "jsonl か md"),
            ExportOutput => ("Write to this file instead of standard output", "標準出力ではなく、このファイルに書く"),
            Import => ("Read entries from an export; importing twice adds nothing", "書き出したファイルから記録を読み込む（二度読んでも増えません）"),
            ImportFile => ("A .jsonl or .md export", ".jsonl か .md のファイル"),
            Config => ("Where config.toml lives and what it says", "config.toml の場所と中身"),
            ConfigPath => ("Print the path of config.toml", "config.toml のパスを表示"),
            ConfigShow => ("Print the settings in effect", "いま有効な設定を表示"),
            Completions => ("Print completions for your shell", "シェルの補完スクリプトを出力"),
            CompletionsShell => ("bash, zsh, fish, elvish or powershell", "bash・zsh・fish・elvish・powershell"),
            Man => ("Print the manual page (roff)", "man ページ（roff）を出力"),
            Work => ("Start or stop a work session by hand", "作業のセッションを手動で始める・終える"),
            WorkStart => ("Start working now", "いまから作業を始める"),
            WorkStop => ("Stop for the day", "今日の作業を終える"),
            Break => ("What comes next; \"break now\" takes a break right away", "次の休憩までの時間。「break now」ですぐ休憩"),
            BreakNow => ("Take a break now (always allowed)", "いますぐ休憩する（いつでもどうぞ）"),
            BreakMicro => ("A short eye rest instead of a rest break", "長い休憩ではなく、短く目を休める"),
            Week => ("This week's work and rest, day by day", "今週の作業と休憩を一日ずつ"),
            Quiet => ("Hold reminders back for a while; quiet always ends by itself", "しばらくお知らせを控える（時間がきたら自然に終わります）"),
            QuietSpan => ("How long: 30m, 1h, 2h (any length up to a day), today, or off", "どのくらい:30m、1h、2h（1日までの長さ）、today、または off"),
            Why => ("What comes next, and why, in plain words", "次に何が起きるか、そしてその理由"),
            WhyJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            WeekJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            Watch => ("Keep the rhythm of work and rest in the background, with desktop reminders", "作業と休憩のリズムを見守り、デスクトップ通知で知らせる常駐プロセス"),
            WatchSource => ("Where activity comes from: wayland, x11, logind or manual (default: the best available)", "活動の検出方法: wayland・x11・logind・manual（既定: 使える中で最良のもの）"),
            WatchInstall => ("Write a systemd user unit that starts watch at login", "ログイン時に watch を起動する systemd ユーザーユニットを書く"),
            WatchNoTray => ("No Goro in the desktop's tray this time (config: tray.enabled)", "今回はデスクトップのトレイにゴロを出さない（設定: tray.enabled）"),
            BreakScreen => ("The calm window of a break (iyashi watch opens it when a break begins)", "休憩の静かな画面（休憩が始まると iyashi watch が開く）"),
            BreakScreenKind => ("Which break: rest or micro", "休憩の種類: rest か micro"),
            BreakScreenActivity => ("The activity to show (default: one chosen for today)", "見せる過ごし方（既定: 今日のために選んだもの）"),
            BreakScreenSeconds => ("How long the break lasts (default: config.toml's length)", "休憩の長さ（既定: config.toml の長さ）"),
            BreakScreenPostponed => ("How many times this break was put off already", "この休憩をすでに何回あとにしたか"),
            BreakScreenFullscreen => ("Cover every monitor (config: breaks.screen)", "すべての画面をおおう（設定: breaks.screen）"),
            BreakScreenReportFirstFrame => ("Say how long the first frame took to show (for the benchmark)", "最初の画面が出るまでの時間を表示する（ベンチマーク用）"),
            JoyWindow => ("A small window for writing a small joy (the tray's Write a small joy)", "小さな幸せを書く小さな窓（トレイの「小さな幸せを書く」）"),
            JoyWindowReportFirstFrame => ("Say how long the first frame took to show (for the benchmark)", "最初の画面が出るまでの時間を表示する（ベンチマーク用）"),
            Desk => ("Goro on your desktop, in a small window at the screen's bottom edge", "デスクトップにゴロを出す（画面の下のはしの小さな窓）"),
            DeskReportFirstFrame => ("Say how long the first frame took to show (for the benchmark)", "最初の画面が出るまでの時間を表示する（ベンチマーク用）"),
            Web => ("Open the room in a browser, on this computer only (127.0.0.1)", "おへやをブラウザで開く（このコンピューターだけ: 127.0.0.1）"),
            WebPort => ("The port to listen on (0: any free one)", "待ち受けるポート（0 なら空いているもの）"),
            WebOpen => ("Open the room's link in the default browser", "おへやのリンクを既定のブラウザで開く"),
            Season => ("The season now (solar term and micro-season), or a whole year", "いまの季節（二十四節気と七十二候）、または一年分"),
            SeasonDate => ("A day to look at: YYYY-MM-DD, today or yesterday (default: now)", "見たい日: YYYY-MM-DD、today、yesterday（既定: いま）"),
            SeasonYear => ("Every transition of this year, as a table", "この年の移り変わりをすべて表で"),
            SeasonJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            Episode => ("The month told as an episode: its season, a few joys, mood, work and rest", "ひと月をひとつのお話に: 季節、小さな幸せ、気分、仕事と休息"),
            EpisodeMonth => ("The month: YYYY-MM (default: this month so far)", "月: YYYY-MM（既定: 今月のここまで）"),
            EpisodeJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            EpisodeMd => ("Print Markdown, for keeping or sharing", "保存や共有に向けて Markdown で出力"),
            Plot => ("Chart work hours against the limit, mood, and the year in pixels", "作業時間と目安、気分、ピクセルで見る一年をグラフに"),
            PlotSpan => ("week, month or year (the one around today)", "week・month・year（今日を含む期間）"),
            PlotOutput => ("Draw to this file instead: .svg or .png", "端末ではなくファイルに描く: .svg か .png"),
            Card => ("Draw the month's share card, a 1080×1350 PNG", "ひと月のシェア用カード（1080×1350 の PNG）を描く"),
            CardMonth => ("The month: YYYY-MM (default: this month so far)", "月: YYYY-MM（既定: 今月のここまで）"),
            CardOutput => ("The .png file to draw", "描く .png ファイル"),
            CardPrivate => ("Leave the joys' words out (of the title too); show only how many", "小さな幸せの中身は（題名からも）載せず、数だけにする"),
            Letters => ("Opt-in: rest together and share kind letters with strangers", "参加するときだけ: いっしょに休み、知らない誰かとやさしい手紙を交わす"),
            LettersWrite => ("Send a short worry or wish to a few strangers", "小さな悩みや願いを、何人かの誰かに送る"),
            LettersWriteText => ("Up to 600 characters (\"-\" reads it from standard input)", "600文字まで（「-」で標準入力から）"),
            LettersInbox => ("Read letters from strangers and answers to yours", "誰かからのお手紙と、あなたへのお返事を読む"),
            LettersInboxJson => ("Print JSON, for scripts", "スクリプト向けに JSON で出力"),
            LettersReply => ("Answer a stranger's letter kindly", "誰かのお手紙に、やさしく返事を書く"),
            LettersReplyId => ("The letter's id, as the inbox shows it", "受信箱に出ているお手紙の ID"),
            LettersReplyText => ("Up to 1,000 characters (\"-\" reads it from standard input)", "1000文字まで（「-」で標準入力から）"),
            LettersThank => ("Thank an answer to one of your letters", "あなたのお手紙へのお返事に、お礼を伝える"),
            LettersThankId => ("The answer's id, as the inbox shows it", "受信箱に出ているお返事の ID"),
            LettersReport => ("Tell a moderator about a letter or answer that should not be here", "ここにあるべきでないお手紙やお返事を、見守り役に知らせる"),
            LettersReportId => ("Its id, as the inbox shows it", "受信箱に出ている ID"),
            LettersRest => ("Rest together: see how many people are on a break with you", "いっしょに休む: いま何人が休んでいるかを見る"),
        };
        lang.pick(en, ja)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hidden commands' help included, which no help page lists.
    #[test]
    fn japanese_help_puts_asides_in_full_width_brackets() {
        for help in CommandHelp::ALL {
            let ja = help.text(Lang::Ja);
            assert!(!ja.contains(['(', ')', '?']), "{help:?}: {ja}");
        }
    }
}
