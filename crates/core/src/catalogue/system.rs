//! Why the system said no, in words a person can act on.
//!
//! The operating system, SQLite and the display server explain themselves in
//! English ("No such file or directory (os error 2)"). Each kind of refusal
//! gets its own short phrase here, in both languages, to follow "Cannot read
//! FILE:" and the like; the system's own words never reach the person.

use std::io::ErrorKind;

use super::Message;
use crate::Lang;

/// A kind of refusal from the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SystemReason {
    /// No file or folder at that path.
    NotFound,
    /// Not allowed to read or write there.
    PermissionDenied,
    /// Something with that name is already there.
    AlreadyExists,
    /// A folder where a file was expected.
    IsAFolder,
    /// A file where a folder was expected, on the way to the path.
    NotAFolder,
    /// No space left.
    DiskFull,
    /// A read-only place.
    ReadOnly,
    /// It could not be opened (the system does not say why).
    CannotOpen,
    /// Another program holds it just now.
    Busy,
    /// A name the system cannot use.
    BadName,
    /// Too large for the system to take.
    TooLarge,
    /// Another program already listens on that port.
    PortInUse,
    /// The address does not belong to this computer.
    AddressUnavailable,
    /// Nothing answered at the other end.
    Refused,
    /// The other end took too long.
    TimedOut,
    /// The other end went away.
    Closed,
    /// What is there cannot be read: damaged, or not what it should be.
    Damaged,
    /// An answer that made no sense.
    UnreadableAnswer,
    /// The other end did not understand what was asked.
    NotUnderstood,
    /// This system cannot do it at all.
    Unsupported,
    /// A picture could not be drawn.
    NotDrawn,
    /// No desktop is named in the environment (no DISPLAY, no WAYLAND_DISPLAY).
    NoDisplay,
    /// The desktop named in the environment did not let a window in.
    DisplayRefused,
    /// Anything else, with the system's error number when there is one.
    Other(Option<i32>),
}

impl SystemReason {
    /// The kind of an I/O error, as far as a person can act on it.
    pub fn of_io(e: &std::io::Error) -> SystemReason {
        use SystemReason::*;
        match e.kind() {
            ErrorKind::NotFound => NotFound,
            ErrorKind::PermissionDenied => PermissionDenied,
            ErrorKind::AlreadyExists => AlreadyExists,
            ErrorKind::IsADirectory => IsAFolder,
            ErrorKind::NotADirectory => NotAFolder,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => DiskFull,
            ErrorKind::ReadOnlyFilesystem => ReadOnly,
            ErrorKind::ResourceBusy | ErrorKind::WouldBlock | ErrorKind::ExecutableFileBusy => Busy,
            ErrorKind::InvalidFilename | ErrorKind::InvalidInput => BadName,
            ErrorKind::FileTooLarge => TooLarge,
            ErrorKind::AddrInUse => PortInUse,
            ErrorKind::AddrNotAvailable => AddressUnavailable,
            ErrorKind::ConnectionRefused => Refused,
            ErrorKind::TimedOut => TimedOut,
            ErrorKind::BrokenPipe
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::UnexpectedEof => Closed,
            ErrorKind::InvalidData => Damaged,
            ErrorKind::Unsupported => Unsupported,
            _ => Other(e.raw_os_error()),
        }
    }
}

impl Message for SystemReason {
    fn render(&self, lang: Lang) -> String {
        use SystemReason::*;
        let (en, ja) = match self {
            NotFound => (
                "there is no such file or folder",
                "そのファイルやフォルダはありません",
            ),
            PermissionDenied => ("permission was denied", "アクセスする権限がありません"),
            AlreadyExists => (
                "something with that name is already there",
                "同じ名前のものがすでにあります",
            ),
            IsAFolder => ("it is a folder, not a file", "ファイルではなくフォルダです"),
            NotAFolder => (
                "part of the path is a file, not a folder",
                "途中にフォルダではなくファイルがあります",
            ),
            DiskFull => ("the disk is full", "ディスクがいっぱいです"),
            ReadOnly => ("that place is read-only", "そこは読み取り専用です"),
            CannotOpen => ("it could not be opened", "開けませんでした"),
            Busy => (
                "another program is using it just now",
                "いまほかのプログラムが使っています",
            ),
            BadName => ("that name cannot be used", "その名前は使えません"),
            TooLarge => ("it is too large", "大きすぎます"),
            PortInUse => (
                "another program is already using that port",
                "そのポートはほかのプログラムが使っています",
            ),
            AddressUnavailable => (
                "that address is not available on this computer",
                "そのアドレスはこのコンピューターでは使えません",
            ),
            Refused => ("nothing answered there", "応答がありませんでした"),
            TimedOut => ("it took too long to answer", "応答に時間がかかりすぎました"),
            Closed => ("the connection was closed", "接続が切れました"),
            Damaged => (
                "what is there cannot be read (it may be damaged)",
                "中身を読み取れません（壊れているかもしれません）",
            ),
            UnreadableAnswer => (
                "its answer could not be understood",
                "返ってきた答えを読み取れませんでした",
            ),
            NotUnderstood => (
                "it did not understand what was asked (is it an older iyashi? restart it)",
                "問い合わせを理解できませんでした（古い iyashi かもしれません。再起動してください）",
            ),
            Unsupported => ("this system cannot do that", "このシステムではできません"),
            NotDrawn => ("the picture could not be drawn", "絵を描けませんでした"),
            NoDisplay => (
                "neither DISPLAY nor WAYLAND_DISPLAY is set",
                "DISPLAY も WAYLAND_DISPLAY も設定されていません",
            ),
            DisplayRefused => (
                "the desktop named in DISPLAY or WAYLAND_DISPLAY did not answer",
                "DISPLAY か WAYLAND_DISPLAY のデスクトップが応答しませんでした",
            ),
            Other(Some(code)) => {
                return lang.pick(
                    format!("the system reported error {code}"),
                    format!("システムがエラー {code} を返しました"),
                )
            }
            Other(None) => (
                "the system reported an error",
                "システムがエラーを返しました",
            ),
        };
        lang.pick(en, ja).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_english_never_reaches_the_reader() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(SystemReason::of_io(&e), SystemReason::NotFound);
        let said = SystemReason::of_io(&e).render(Lang::Ja);
        assert_eq!(said, "そのファイルやフォルダはありません");
        let odd = std::io::Error::from_raw_os_error(71);
        assert_eq!(
            SystemReason::of_io(&odd).render(Lang::Ja),
            "システムがエラー 71 を返しました"
        );
    }
}
