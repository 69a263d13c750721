//! Everything that can go wrong that a person should hear about, each as one
//! line that says what happened and what to do next.

use super::system::SystemReason;
use super::Message;
use crate::entry::{EntryError, EntryKind, MAX_TEXT_CHARS};
use crate::Lang;

/// A problem told to a person. Rendering it never needs more than one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An entry that breaks an entry rule.
    Entry(EntryError),
    /// A `--day` that is not a date on the calendar.
    BadDay(String),
    /// A command-line argument that is not UTF-8.
    ArgumentNotUtf8,
    /// Text piped on standard input that is not UTF-8.
    StdinNotUtf8,
    /// A line of an import file that cannot be read as an entry.
    ImportLine {
        /// The import file.
        path: String,
        /// The line (1-based).
        line: usize,
        /// What is wrong with it, already in the reader's language.
        problem: String,
    },
    /// An import file whose format is neither JSON Lines nor iyashi Markdown.
    ImportFormat {
        /// The import file.
        path: String,
    },
    /// A file that could not be read.
    CannotRead {
        /// The file.
        path: String,
        /// Why, as the system said.
        reason: SystemReason,
    },
    /// A file that could not be written.
    CannotWrite {
        /// The file.
        path: String,
        /// Why, as the system said.
        reason: SystemReason,
    },
    /// A file to write into a folder that does not exist (never made
    /// quietly: a mistyped path should be seen, not built).
    NoSuchFolder {
        /// The folder that is missing.
        folder: String,
    },
    /// A file that should be an iyashi database but is not one.
    NotADatabase {
        /// The file.
        path: String,
    },
    /// A database from a newer iyashi.
    NewerDatabase {
        /// The database.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest schema version this iyashi reads.
        supported: i64,
    },
    /// The database could not be used for another reason.
    Storage {
        /// The database.
        path: String,
        /// Why, as the system said.
        reason: SystemReason,
    },
    /// A mistake in config.toml.
    Config(Box<super::config::ConfigText>),
    /// A time zone name the time zone database does not know.
    UnknownTimezone(String),
    /// A line of text about usage, already in the reader's language, and
    /// the command whose help explains it (`web`, `card`…).
    Usage {
        /// What went wrong and what to do.
        text: String,
        /// The command whose `--help` explains it.
        command: &'static str,
    },
    /// A command line that could not be followed.
    Arguments(Box<super::command_line::ArgMistake>),
    /// No home directory to keep the journal in.
    NoHome,
    /// `IYASHI_NOW` set to something that is not an instant.
    BadNow(String),
    /// `iyashi quiet` with a length it cannot read or longer than a day.
    BadQuietSpan(String),
    /// Standard input could not be read.
    StdinUnreadable(SystemReason),
    /// Standard output could not be written (a full disk, a closed terminal).
    StdoutUnwritable(SystemReason),
    /// Another `iyashi watch` is already running for this home.
    WatchRunning {
        /// The home whose daemon runs.
        home: String,
    },
    /// `iyashi-watch` started by hand, or with words it does not take: it is
    /// the daemon `iyashi watch` becomes.
    DaemonAlone,
    /// The activity source asked for cannot be used here.
    SourceUnavailable {
        /// The source, as named on the command line.
        source: String,
        /// Why it cannot be used.
        reason: super::watch::SourceTrouble,
    },
    /// The running daemon did not answer.
    WatchUnreachable(SystemReason),
    /// A date outside the years the seasons are computed for.
    Season(crate::season::SeasonError),
    /// Where and how the journal is kept (odd files, a read-only disk).
    Keeping(super::keeping::KeepingProblem),
    /// The break screen's window could not be opened (no desktop).
    NoBreakWindow(String),
    /// `iyashi break-screen --activity` named no activity iyashi has.
    UnknownActivity(String),
    /// The joy window could not be opened (no desktop).
    NoJoyWindow(String),
    /// Goro's desk window could not be opened (no desktop).
    NoDesk(String),
}

impl Message for EntryError {
    fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (EntryError::EmptyText, Lang::En) => {
                "There is nothing to keep: the text is empty. Write a few words, e.g. iyashi joy \"warm tea\".".into()
            }
            (EntryError::EmptyText, Lang::Ja) => {
                "書く内容が空です。ひとこと書いてください（例: iyashi joy \"あたたかいお茶\"）。".into()
            }
            (EntryError::TextTooLong { chars }, Lang::En) => format!(
                "That text is {chars} characters long; an entry holds at most {MAX_TEXT_CHARS}. Split it into shorter notes."
            ),
            (EntryError::TextTooLong { chars }, Lang::Ja) => format!(
                "文章が{chars}文字あります。1つの記録は{MAX_TEXT_CHARS}文字までです。いくつかに分けてください。"
            ),
            (EntryError::MoodOutOfRange(given), Lang::En) => format!(
                "“{given}” is not a mood: use a number from 1 (heavy) to 5 (bright), e.g. iyashi mood 3."
            ),
            (EntryError::MoodOutOfRange(given), Lang::Ja) => format!(
                "「{given}」は気分として使えません。1（どんより）から5（晴れやか）の数字で書いてください（例: iyashi mood 3）。"
            ),
            (EntryError::UnknownKind(kind), Lang::En) => {
                format!("“{kind}” is not a kind of entry: use joy, mood or note.")
            }
            (EntryError::UnknownKind(kind), Lang::Ja) => {
                format!("「{kind}」という種類はありません。joy・mood・note のどれかです。")
            }
            (EntryError::MoodMismatch(EntryKind::Mood), Lang::En) => "a mood entry needs a mood from 1 to 5".into(),
            (EntryError::MoodMismatch(EntryKind::Mood), Lang::Ja) => "気分の記録には1から5の気分が必要です".into(),
            (EntryError::MoodMismatch(kind), Lang::En) => format!("a {kind} entry cannot carry a mood"),
            (EntryError::MoodMismatch(kind), Lang::Ja) => format!("{kind} の記録に気分は付けられません"),
            (EntryError::BadId(id), Lang::En) => format!("“{id}” is not an entry id (a lowercase UUID)"),
            (EntryError::BadId(id), Lang::Ja) => format!("「{id}」は記録のIDではありません（小文字のUUID）"),
            (EntryError::InstantOutOfRange(at), Lang::En) => {
                format!("{at} is outside the years iyashi keeps (1900 to 2199)")
            }
            (EntryError::InstantOutOfRange(at), Lang::Ja) => {
                format!("{at} は iyashi が扱える年（1900〜2199年）の外です")
            }
        }
    }
}

impl Message for Problem {
    fn render(&self, lang: Lang) -> String {
        use Problem::*;
        match (self, lang) {
            (Entry(e), _) => e.render(lang),
            (BadDay(given), Lang::En) => format!(
                "“{given}” is not a day on the calendar: use YYYY-MM-DD (e.g. 2026-11-25), today or yesterday."
            ),
            (BadDay(given), Lang::Ja) => format!(
                "「{given}」は暦にない日付です。YYYY-MM-DD（例: 2026-11-25）、today、yesterday のどれかで書いてください。"
            ),
            (ArgumentNotUtf8, Lang::En) => {
                "An argument is not valid UTF-8 text; set your terminal to UTF-8 and try again.".into()
            }
            (ArgumentNotUtf8, Lang::Ja) => {
                "引数が UTF-8 の文字列ではありません。端末の文字コードを UTF-8 にして、もう一度どうぞ。".into()
            }
            (StdinNotUtf8, Lang::En) => {
                "The text on standard input is not valid UTF-8; convert it to UTF-8 and try again.".into()
            }
            (StdinNotUtf8, Lang::Ja) => {
                "標準入力の文字列が UTF-8 ではありません。UTF-8 に変換してから、もう一度どうぞ。".into()
            }
            (ImportLine { path, line, problem }, Lang::En) => format!(
                "{path} line {line}: {problem}. Nothing was imported; fix that line and try again."
            ),
            (ImportLine { path, line, problem }, Lang::Ja) => format!(
                "{path} の{line}行目: {problem}。何も読み込んでいません。その行を直して、もう一度どうぞ。"
            ),
            (ImportFormat { path }, Lang::En) => format!(
                "{path} is neither JSON Lines nor an iyashi Markdown export; nothing was imported."
            ),
            (ImportFormat { path }, Lang::Ja) => format!(
                "{path} は JSON Lines でも iyashi の Markdown でもありません。何も読み込んでいません。"
            ),
            (CannotRead { path, reason }, Lang::En) => {
                format!("Cannot read {path}: {}.", reason.render(lang))
            }
            (CannotRead { path, reason }, Lang::Ja) => {
                format!("{path} を読めません（{}）。", reason.render(lang))
            }
            (CannotWrite { path, reason }, Lang::En) => {
                format!("Cannot write {path}: {}. Nothing was changed.", reason.render(lang))
            }
            (CannotWrite { path, reason }, Lang::Ja) => {
                format!("{path} に書けません（{}）。何も変わっていません。", reason.render(lang))
            }
            (NoSuchFolder { folder }, Lang::En) => {
                format!("There is no folder {folder}. Make it first, or choose a folder that exists.")
            }
            (NoSuchFolder { folder }, Lang::Ja) => {
                format!("{folder} というフォルダはありません。先につくるか、いまあるフォルダを選んでください。")
            }
            (NotADatabase { path }, Lang::En) => format!(
                "{path} is not an iyashi database (it may be damaged). It was left untouched; restore a backup or move it aside."
            ),
            (NotADatabase { path }, Lang::Ja) => format!(
                "{path} は iyashi のデータベースではありません（壊れているかもしれません）。手を付けずに残しました。バックアップから戻すか、別の場所へ移してください。"
            ),
            (NewerDatabase { path, found, supported }, Lang::En) => format!(
                "{path} was written by a newer iyashi (schema {found}; this one knows up to {supported}). It was left untouched; please update iyashi."
            ),
            (NewerDatabase { path, found, supported }, Lang::Ja) => format!(
                "{path} は新しい iyashi で作られています（スキーマ {found}、この版は {supported} まで）。手を付けずに残しました。iyashi を更新してください。"
            ),
            (Storage { path, reason }, Lang::En) => {
                format!("Could not use the journal at {path}: {}. Nothing was lost.", reason.render(lang))
            }
            (Storage { path, reason }, Lang::Ja) => {
                format!("{path} の記録帳を使えませんでした（{}）。失われたものはありません。", reason.render(lang))
            }
            (Config(text), _) => text.render(lang),
            (UnknownTimezone(name), Lang::En) => format!(
                "“{name}” is not a time zone iyashi knows: use an IANA name such as Asia/Tokyo or Europe/London."
            ),
            (UnknownTimezone(name), Lang::Ja) => format!(
                "「{name}」というタイムゾーンはありません。Asia/Tokyo のような IANA の名前で書いてください。"
            ),
            (Arguments(mistake), _) => mistake.render(lang),
            (Usage { text, command }, Lang::En) => {
                format!("{text} (see iyashi {command} --help)")
            }
            (Usage { text, command }, Lang::Ja) => {
                format!("{text}（使い方: iyashi {command} --help）")
            }
            (NoHome, Lang::En) => {
                "There is no home directory to keep the journal in; set IYASHI_HOME to a folder.".into()
            }
            (NoHome, Lang::Ja) => {
                "記録を置くホームディレクトリがありません。IYASHI_HOME にフォルダを指定してください。".into()
            }
            (BadNow(value), Lang::En) => format!(
                "IYASHI_NOW={value} is not an instant; use RFC 3339 like 2026-11-25T09:00:00Z, or unset it."
            ),
            (BadNow(value), Lang::Ja) => format!(
                "IYASHI_NOW={value} は時刻として読めません。2026-11-25T09:00:00Z の形にするか、外してください。"
            ),
            (BadQuietSpan(value), Lang::En) => format!(
                "“{value}” is not a quiet time iyashi understands; use 30m, 1h, 2h (any length up to a day), today or off."
            ),
            (BadQuietSpan(value), Lang::Ja) => format!(
                "「{value}」は静かにする時間として読めません。30m、1h、2h（1日までの長さ）、today、off のどれかにしてください。"
            ),
            (StdinUnreadable(reason), Lang::En) => {
                format!("Cannot read standard input: {}.", reason.render(lang))
            }
            (StdinUnreadable(reason), Lang::Ja) => {
                format!("標準入力を読めません（{}）。", reason.render(lang))
            }
            (StdoutUnwritable(reason), Lang::En) => {
                format!("Cannot write to standard output: {}.", reason.render(lang))
            }
            (StdoutUnwritable(reason), Lang::Ja) => {
                format!("標準出力に書けません（{}）。", reason.render(lang))
            }
            (WatchRunning { home }, Lang::En) => format!(
                "iyashi watch is already running for {home}; one is enough. Stop it first to start another."
            ),
            (WatchRunning { home }, Lang::Ja) => format!(
                "{home} の iyashi watch はもう動いています。ひとつで十分です。別に動かすなら先に止めてください。"
            ),
            (DaemonAlone, Lang::En) => {
                "iyashi-watch is the daemon that iyashi watch starts; run iyashi watch (see iyashi watch --help).".to_string()
            }
            (DaemonAlone, Lang::Ja) => {
                "iyashi-watch は iyashi watch が動かすデーモンです。iyashi watch を使ってください（iyashi watch --help）。".to_string()
            }
            (SourceUnavailable { source, reason }, Lang::En) => format!(
                "Cannot watch through {source}: {}. Try another --source (wayland, x11, logind or manual).",
                reason.render(lang)
            ),
            (SourceUnavailable { source, reason }, Lang::Ja) => format!(
                "{}は使えません（{}）。別の --source（wayland・x11・logind・manual）を試してください。",
                super::words::spaced(source.clone()),
                reason.render(lang)
            ),
            (WatchUnreachable(reason), Lang::En) => format!(
                "iyashi watch is running but did not answer ({}); try again, or restart it.",
                reason.render(lang)
            ),
            (Season(e), _) => super::season::SeasonText::Problem(*e).render(lang),
            (Keeping(p), _) => p.render(lang),
            (WatchUnreachable(reason), Lang::Ja) => format!(
                "iyashi watch は動いていますが応答がありません（{}）。もう一度試すか、再起動してください。",
                reason.render(lang)
            ),
            (NoBreakWindow(why), Lang::En) => format!(
                "Cannot open the break screen ({why}); it needs a desktop (X11 or Wayland). Piyo's notification still tells the break; [breaks] screen = \"off\" in config.toml stops trying."
            ),
            (NoBreakWindow(why), Lang::Ja) => format!(
                "休憩の画面を開けません（{why}）。デスクトップ（X11 か Wayland）が必要です。休憩はピヨの通知でお知らせします。config.toml の [breaks] に screen = \"off\" と書くと、開こうとしなくなります。"
            ),
            (NoJoyWindow(why), Lang::En) => format!(
                "Cannot open the joy window ({why}); it needs a desktop (X11 or Wayland). iyashi joy \"warm tea\" keeps a joy from here."
            ),
            (NoJoyWindow(why), Lang::Ja) => format!(
                "小さな幸せの窓を開けません（{why}）。デスクトップ（X11 か Wayland）が必要です。ここからは iyashi joy \"あたたかいお茶\" で残せます。"
            ),
            (NoDesk(why), Lang::En) => format!(
                "Cannot put Goro on the desktop ({why}); it needs a desktop (X11 or Wayland). iyashi alone, in a terminal, shows him in his room."
            ),
            (NoDesk(why), Lang::Ja) => format!(
                "ゴロをデスクトップに出せません（{why}）。デスクトップ（X11 か Wayland）が必要です。ターミナルで iyashi とだけ打てば、おへやで会えます。"
            ),
            (UnknownActivity(id), Lang::En) => format!(
                "There is no activity called “{id}”; iyashi watch names the activity itself, so leave --activity out."
            ),
            (UnknownActivity(id), Lang::Ja) => format!(
                "「{id}」という過ごし方はありません。iyashi watch が自分で選ぶので、--activity は省いてください。"
            ),
        }
    }
}
