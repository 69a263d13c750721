//! Keeping the journal safe: what is found where it should be, who may read
//! its folder, a disk that cannot be written, files that go in and out.

use super::Message;
use crate::Lang;

/// Something at a path that is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OddFile {
    /// A folder.
    Folder,
    /// A named pipe: opening it to read would wait for a writer forever.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A device file.
    Device,
    /// A symbolic link (refused where following it would write elsewhere).
    Link,
    /// Anything else that is not a regular file.
    Other,
}

impl Message for OddFile {
    fn render(&self, lang: Lang) -> String {
        let (en, ja) = match self {
            OddFile::Folder => ("a folder", "フォルダ"),
            OddFile::Fifo => ("a named pipe (FIFO)", "名前付きパイプ（FIFO）"),
            OddFile::Socket => ("a socket", "ソケット"),
            OddFile::Device => ("a device", "デバイス"),
            OddFile::Link => ("a symbolic link", "シンボリックリンク"),
            OddFile::Other => ("not a regular file", "普通のファイルではないもの"),
        };
        lang.pick(en, ja).to_string()
    }
}

/// A problem with where or how the journal is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeepingProblem {
    /// Something other than a file sits where the journal should be.
    NotAFile {
        /// Where the journal should be.
        path: String,
        /// What is there instead.
        kind: OddFile,
    },
    /// A change asked for while the journal can only be read.
    ReadOnly {
        /// The journal.
        path: String,
    },
    /// `export -o` aimed at something that is not a regular file.
    ExportTarget {
        /// The target given.
        path: String,
        /// What it is.
        kind: OddFile,
    },
}

impl Message for KeepingProblem {
    fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeepingProblem::NotAFile { path, kind }, Lang::En) => format!(
                "{path} is {}, not a journal file. It was left untouched; move it aside or set IYASHI_HOME to another folder.",
                kind.render(lang)
            ),
            (KeepingProblem::NotAFile { path, kind }, Lang::Ja) => format!(
                "{path} は{}で、記録帳のファイルではありません。手を付けずに残しました。別の場所へ移すか、IYASHI_HOME に別のフォルダを指定してください。",
                kind.render(lang)
            ),
            (KeepingProblem::ReadOnly { path }, Lang::En) => format!(
                "{path} cannot be written to right now (the disk may be full or read-only), so this was not kept. Everything already written is safe, and iyashi export still copies it out."
            ),
            (KeepingProblem::ReadOnly { path }, Lang::Ja) => format!(
                "今は {path} に書き込めません（ディスクがいっぱいか、読み取り専用かもしれません）。そのため今回は残せませんでした。これまでの記録は無事で、iyashi export で書き出すこともできます。"
            ),
            (KeepingProblem::ExportTarget { path, kind }, Lang::En) => format!(
                "{path} is {}; export writes only to a regular file. Nothing was written; choose another path.",
                kind.render(lang)
            ),
            (KeepingProblem::ExportTarget { path, kind }, Lang::Ja) => format!(
                "{path} は{}です。書き出し先は普通のファイルだけです。何も書いていません。別の場所を指定してください。",
                kind.render(lang)
            ),
        }
    }
}

/// A calm word on standard error, said when it is true and not again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeepingNote {
    /// The journal opened for reading only: the disk is full or read-only.
    ReadingOnly {
        /// The journal.
        path: String,
    },
    /// The folder or its files could be read by others, and no longer can.
    MadePrivate {
        /// The folder made private.
        dir: String,
    },
}

impl Message for KeepingNote {
    fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeepingNote::ReadingOnly { path }, Lang::En) => format!(
                "{path} cannot be written to right now (the disk may be full or read-only), so iyashi is only reading it. Your journal is all here."
            ),
            (KeepingNote::ReadingOnly { path }, Lang::Ja) => format!(
                "今は {path} に書き込めません（ディスクがいっぱいか、読み取り専用かもしれません）。読むだけにしています。記録はすべてここにあります。"
            ),
            (KeepingNote::MadePrivate { dir }, Lang::En) => format!(
                "{dir} could be read by other people on this computer; it is now readable by you alone."
            ),
            (KeepingNote::MadePrivate { dir }, Lang::Ja) => format!(
                "{dir} はこのコンピューターのほかの人にも読める状態でした。今はあなただけが読めるようにしました。"
            ),
        }
    }
}
