//! The command line's help texts. Keys are a subcommand path with an
//! optional argument id: `"log"`, `"log.day"`, `"config.path"`, `""` for the
//! program itself.

use crate::Lang;

/// Every help text, as `(key, English, Japanese)`.
const HELP: &[(&str, &str, &str)] = &[
    (
        "",
        "A quiet companion for tired days: small joys, rest, and the turning seasons.",
        "疲れた日の静かな相棒。小さな幸せ、ほどよい休息、めぐる季節。",
    ),
    (
        "lang",
        "Language: en or ja (default: config.toml, then your locale)",
        "表示の言語: en か ja(既定: config.toml、なければロケール)",
    ),
    (
        "no_motion",
        "Still pictures: no animation (config: room.motion)",
        "アニメーションなしの静かな絵にする(設定: room.motion)",
    ),
    (
        "large_text",
        "Bigger, simpler drawings and fewer words (config: room.large_text)",
        "大きくシンプルな絵と少ない文字にする(設定: room.large_text)",
    ),
    (
        "high_contrast",
        "Strong contrast between text and background (config: room.high_contrast)",
        "文字と背景のコントラストを強くする(設定: room.high_contrast)",
    ),
    (
        "no_color",
        "No colour at all (also: the NO_COLOR environment variable)",
        "色を使わない(環境変数 NO_COLOR でも同じ)",
    ),
    (
        "joy",
        "Keep a small joy (\"-\" reads it from standard input)",
        "小さな幸せを書き留める(「-」で標準入力から)",
    ),
    (
        "joy.text",
        "What was good, in a few words",
        "よかったことを、ひとことで",
    ),
    (
        "mood",
        "Check in with how you feel, from 1 (heavy) to 5 (bright)",
        "今の気分を記録する。1(どんより)から5(晴れやか)",
    ),
    ("mood.mood", "1, 2, 3, 4 or 5", "1・2・3・4・5 のどれか"),
    (
        "mood.text",
        "A few words, if you like",
        "よければ、ひとこと",
    ),
    (
        "note",
        "Keep a plain note (\"-\" reads it from standard input)",
        "ふつうのメモを残す(「-」で標準入力から)",
    ),
    ("note.text", "The note", "メモの内容"),
    (
        "log",
        "Show what you wrote (this week unless told otherwise)",
        "書いたものを見る(指定がなければ今週)",
    ),
    (
        "log.day",
        "One day: YYYY-MM-DD, today or yesterday",
        "1日分: YYYY-MM-DD、today、yesterday",
    ),
    (
        "log.week",
        "This week, Monday to Sunday",
        "今週(月曜から日曜)",
    ),
    ("log.month", "This month", "今月"),
    (
        "log.tag",
        "Only entries carrying this #tag",
        "この #タグ の付いた記録だけ",
    ),
    (
        "log.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "search",
        "Find entries containing all of these words (Japanese too)",
        "言葉をすべて含む記録を探す(日本語も)",
    ),
    ("search.words", "Words to look for", "探す言葉"),
    (
        "search.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    ("today", "Today's summary", "今日のまとめ"),
    (
        "today.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "undo",
        "Remove the entry you added last, showing it",
        "最後に書いた記録を、表示してから取り消す",
    ),
    (
        "export",
        "Write every entry out as JSON Lines or Markdown",
        "すべての記録を JSON Lines か Markdown で書き出す",
    ),
    ("export.format", "jsonl or md", "jsonl か md"),
    (
        "export.output",
        "Write to this file instead of standard output",
        "標準出力ではなく、このファイルに書く",
    ),
    (
        "import",
        "Read entries from an export; importing twice adds nothing",
        "書き出したファイルから記録を読み込む(二度読んでも増えません)",
    ),
    (
        "import.file",
        "A .jsonl or .md export",
        ".jsonl か .md のファイル",
    ),
    (
        "config",
        "Where config.toml lives and what it says",
        "config.toml の場所と中身",
    ),
    (
        "config.path",
        "Print the path of config.toml",
        "config.toml のパスを表示",
    ),
    (
        "config.show",
        "Print the settings in effect",
        "いま有効な設定を表示",
    ),
    (
        "completions",
        "Print completions for your shell",
        "シェルの補完スクリプトを出力",
    ),
    (
        "completions.shell",
        "bash, zsh, fish, elvish or powershell",
        "bash・zsh・fish・elvish・powershell",
    ),
    (
        "man",
        "Print the manual page (roff)",
        "man ページ(roff)を出力",
    ),
    (
        "work",
        "Start or stop a work session by hand",
        "作業のセッションを手動で始める・終える",
    ),
    ("work.start", "Start working now", "いまから作業を始める"),
    ("work.stop", "Stop for the day", "今日の作業を終える"),
    (
        "break",
        "What comes next; \"break now\" takes a break right away",
        "次の休憩までの時間。「break now」ですぐ休憩",
    ),
    (
        "break.now",
        "Take a break now (always allowed)",
        "いますぐ休憩する(いつでもどうぞ)",
    ),
    (
        "break.micro",
        "A short eye rest instead of a rest break",
        "長い休憩ではなく、短く目を休める",
    ),
    (
        "week",
        "This week's work and rest, day by day",
        "今週の作業と休憩を一日ずつ",
    ),
    (
        "quiet",
        "Hold reminders back for a while; quiet always ends by itself",
        "しばらくお知らせを控える(時間がきたら自然に終わります)",
    ),
    (
        "quiet.span",
        "How long: 30m, 1h, 2h (any length up to a day), today, or off",
        "どのくらい:30m、1h、2h(1日までの長さ)、today、または off",
    ),
    (
        "why",
        "What comes next, and why, in plain words",
        "次に何が起きるか、そしてその理由",
    ),
    (
        "why.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "week.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "watch",
        "Keep the rhythm of work and rest in the background, with desktop reminders",
        "作業と休憩のリズムを見守り、デスクトップ通知で知らせる常駐プロセス",
    ),
    (
        "watch.source",
        "Where activity comes from: wayland, x11, logind or manual (default: the best available)",
        "活動の検出方法: wayland・x11・logind・manual(既定: 使える中で最良のもの)",
    ),
    (
        "watch.install",
        "Write a systemd user unit that starts watch at login",
        "ログイン時に watch を起動する systemd ユーザーユニットを書く",
    ),
    (
        "watch.no_tray",
        "No Goro in the desktop's tray this time (config: tray.enabled)",
        "今回はデスクトップのトレイにゴロを出さない(設定: tray.enabled)",
    ),
    (
        "web",
        "Open the room in a browser, on this computer only (127.0.0.1)",
        "おへやをブラウザで開く(このコンピューターだけ: 127.0.0.1)",
    ),
    (
        "web.port",
        "The port to listen on (0: any free one)",
        "待ち受けるポート(0 なら空いているもの)",
    ),
    (
        "web.open",
        "Open the room's link in the default browser",
        "おへやのリンクを既定のブラウザで開く",
    ),
    (
        "season",
        "The season now (solar term and micro-season), or a whole year",
        "いまの季節(二十四節気と七十二候)、または一年分",
    ),
    (
        "season.date",
        "A day to look at: YYYY-MM-DD, today or yesterday (default: now)",
        "見たい日: YYYY-MM-DD、today、yesterday(既定: いま)",
    ),
    (
        "season.year",
        "Every transition of this year, as a table",
        "この年の移り変わりをすべて表で",
    ),
    (
        "season.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "episode",
        "The month told as an episode: its season, a few joys, mood, work and rest",
        "ひと月をひとつのお話に: 季節、小さな幸せ、気分、仕事と休息",
    ),
    (
        "episode.month",
        "The month: YYYY-MM (default: this month so far)",
        "月: YYYY-MM(既定: 今月のここまで)",
    ),
    (
        "episode.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "episode.md",
        "Print Markdown, for keeping or sharing",
        "保存や共有に向けて Markdown で出力",
    ),
    (
        "plot",
        "Chart work hours against the limit, mood, and the year in pixels",
        "作業時間と目安、気分、ピクセルで見る一年をグラフに",
    ),
    (
        "plot.span",
        "week, month or year (the one around today)",
        "week・month・year(今日を含む期間)",
    ),
    (
        "plot.output",
        "Draw to this file instead: .svg or .png",
        "端末ではなくファイルに描く: .svg か .png",
    ),
    (
        "card",
        "Draw the month's share card, a 1080×1350 PNG",
        "ひと月のシェア用カード(1080×1350 の PNG)を描く",
    ),
    (
        "card.month",
        "The month: YYYY-MM (default: this month so far)",
        "月: YYYY-MM(既定: 今月のここまで)",
    ),
    ("card.output", "The .png file to draw", "描く .png ファイル"),
    (
        "card.private",
        "Leave the joys' words out (of the title too); show only how many",
        "小さな幸せの中身は(題名からも)載せず、数だけにする",
    ),
    (
        "letters",
        "Opt-in: rest together and share kind letters with strangers",
        "参加するときだけ: いっしょに休み、知らない誰かとやさしい手紙を交わす",
    ),
    (
        "letters.write",
        "Send a short worry or wish to a few strangers",
        "小さな悩みや願いを、何人かの誰かに送る",
    ),
    (
        "letters.write.text",
        "Up to 600 characters (\"-\" reads it from standard input)",
        "600文字まで(「-」で標準入力から)",
    ),
    (
        "letters.inbox",
        "Read letters from strangers and answers to yours",
        "誰かからのお手紙と、あなたへのお返事を読む",
    ),
    (
        "letters.inbox.json",
        "Print JSON, for scripts",
        "スクリプト向けに JSON で出力",
    ),
    (
        "letters.reply",
        "Answer a stranger's letter kindly",
        "誰かのお手紙に、やさしく返事を書く",
    ),
    (
        "letters.reply.id",
        "The letter's id, as the inbox shows it",
        "受信箱に出ているお手紙の ID",
    ),
    (
        "letters.reply.text",
        "Up to 1,000 characters (\"-\" reads it from standard input)",
        "1000文字まで(「-」で標準入力から)",
    ),
    (
        "letters.thank",
        "Thank an answer to one of your letters",
        "あなたのお手紙へのお返事に、お礼を伝える",
    ),
    (
        "letters.thank.id",
        "The answer's id, as the inbox shows it",
        "受信箱に出ているお返事の ID",
    ),
    (
        "letters.report",
        "Tell a moderator about a letter or answer that should not be here",
        "ここにあるべきでないお手紙やお返事を、見守り役に知らせる",
    ),
    (
        "letters.report.id",
        "Its id, as the inbox shows it",
        "受信箱に出ている ID",
    ),
    (
        "letters.rest",
        "Rest together: see how many people are on a break with you",
        "いっしょに休む: いま何人が休んでいるかを見る",
    ),
];

/// The help text for `key`, if there is one.
pub fn help(lang: Lang, key: &str) -> Option<&'static str> {
    HELP.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, ja)| lang.pick(*en, *ja))
}
