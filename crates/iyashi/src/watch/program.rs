//! Two programs, one daemon: `iyashi watch` is what people type, and it
//! hands over (exec, same process) to `iyashi-watch` installed beside it, a
//! program built from the daemon's code alone.
//!
//! Why: the daemon runs all day, and every page of code it ever touched stays
//! resident. In the one `iyashi` program the daemon's functions sit among
//! the command line's, the rooms', the web server's and the drawings', so
//! each page it needs brings neighbours it never runs; start-up (clap
//! parsing the whole command line) brings more. The small program's pages
//! are the daemon's own. Where it is missing (only `iyashi` was copied),
//! `iyashi watch` runs the daemon itself, as before.

use std::ffi::OsString;
use std::path::PathBuf;

use iyashi_core::Lang;

use super::SourceChoice;

/// The small program's file name.
pub const DAEMON: &str = "iyashi-watch";

/// This build's stamp (see build.rs): `iyashi` hands over only to an
/// `iyashi-watch` of the same build.
pub const BUILD_STAMP: &str = env!("IYASHI_BUILD_STAMP");

/// Asks `iyashi-watch` for its build stamp, which it prints and ends.
pub const STAMP_FLAG: &str = "--build-stamp";

/// How `iyashi watch` was asked to run, in the form the two programs pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Asked {
    pub lang: Option<Lang>,
    pub source: Option<SourceChoice>,
    pub no_tray: bool,
}

impl Asked {
    pub fn to_args(self) -> Vec<OsString> {
        let mut args = Vec::new();
        if let Some(lang) = self.lang {
            args.extend(["--lang".into(), lang.code().into()]);
        }
        if let Some(source) = self.source {
            args.extend(["--source".into(), source_name(source).into()]);
        }
        if self.no_tray {
            args.push("--no-tray".into());
        }
        args
    }

    /// Reads what [`Asked::to_args`] wrote; `None` for anything else.
    #[cfg_attr(not(test), allow(dead_code))] // iyashi-watch reads, iyashi writes
    pub fn from_args(args: impl IntoIterator<Item = OsString>) -> Option<Asked> {
        let mut asked = Asked {
            lang: None,
            source: None,
            no_tray: false,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str()? {
                "--lang" if asked.lang.is_none() => {
                    asked.lang = Some(args.next()?.to_str()?.parse().ok()?);
                }
                "--source" if asked.source.is_none() => {
                    let name = args.next()?;
                    asked.source = Some(
                        ALL_SOURCES
                            .into_iter()
                            .find(|s| name.to_str() == Some(source_name(*s)))?,
                    );
                }
                "--no-tray" if !asked.no_tray => asked.no_tray = true,
                _ => return None,
            }
        }
        Some(asked)
    }
}

#[cfg_attr(not(test), allow(dead_code))] // as from_args
const ALL_SOURCES: [SourceChoice; 4] = [
    SourceChoice::Wayland,
    SourceChoice::X11,
    SourceChoice::Logind,
    SourceChoice::Manual,
];

fn source_name(source: SourceChoice) -> &'static str {
    match source {
        SourceChoice::Wayland => "wayland",
        SourceChoice::X11 => "x11",
        SourceChoice::Logind => "logind",
        SourceChoice::Manual => "manual",
    }
}

/// Becomes the small daemon program when it is installed beside this one
/// and of the same build; returns (and the caller runs the daemon itself)
/// when it is not, or when it cannot be started.
pub fn hand_over(asked: Asked) {
    use std::os::unix::process::CommandExt;
    let Some(daemon) = beside_me(DAEMON).filter(|p| p.is_file()) else {
        return;
    };
    // One short run of the small program, once a day at most: an older one
    // would speak an older protocol to the faces of this build.
    let same_build = std::process::Command::new(&daemon)
        .arg(STAMP_FLAG)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() && out.stdout.trim_ascii() == BUILD_STAMP.as_bytes());
    if !same_build {
        return;
    }
    let _ = std::process::Command::new(daemon)
        .args(asked.to_args())
        .env(TUNABLES, malloc_tunables(std::env::var_os(TUNABLES)))
        .exec();
}

/// glibc reads its malloc settings from here when a program starts.
const TUNABLES: &str = "GLIBC_TUNABLES";

/// A fixed mmap threshold for the daemon. Left to itself glibc raises the
/// threshold to the largest block freed so far, and a freed block below it
/// stays in the heap, resident. The tray's faces are such blocks: zvariant
/// makes a value of every byte of a picture (a 64 px face is 1 MB of them
/// for a moment), and each time a panel asks for the faces again the heap
/// kept more (+168 kB after five asks, none with the threshold fixed). Fixed,
/// the big moments go back to the system as soon as they pass. Settings the
/// person gave are kept, and theirs win.
fn malloc_tunables(given: Option<OsString>) -> OsString {
    let ours = "glibc.malloc.mmap_threshold=65536";
    match given.filter(|given| !given.is_empty()) {
        None => ours.into(),
        Some(given) => {
            let mut both = OsString::from(ours);
            both.push(":");
            both.push(given);
            both
        }
    }
}

/// The `iyashi` program, for what the daemon starts (a room, the web room,
/// the unit that starts the daemon): the one beside the running program
/// when that is the small daemon, else the running program itself.
pub fn iyashi() -> Option<PathBuf> {
    let me = std::env::current_exe().ok()?;
    match me.file_name().is_some_and(|name| name == DAEMON) {
        true => beside_me("iyashi"),
        false => Some(me),
    }
}

fn beside_me(name: &str) -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.with_file_name(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn what_is_asked_passes_through_the_arguments() {
        let none = Asked {
            lang: None,
            source: None,
            no_tray: false,
        };
        for source in [None].into_iter().chain(ALL_SOURCES.map(Some)) {
            for lang in [None, Some(Lang::En), Some(Lang::Ja)] {
                for no_tray in [false, true] {
                    let asked = Asked {
                        lang,
                        source,
                        no_tray,
                    };
                    assert_eq!(Asked::from_args(asked.to_args()), Some(asked));
                }
            }
        }
        assert_eq!(Asked::from_args(args(&[])), Some(none));
    }

    #[test]
    fn the_daemon_gets_a_fixed_mmap_threshold_and_keeps_the_persons_tunables() {
        let ours = "glibc.malloc.mmap_threshold=65536";
        assert_eq!(malloc_tunables(None), OsString::from(ours));
        assert_eq!(malloc_tunables(Some("".into())), OsString::from(ours));
        // glibc reads left to right, so what the person set comes last and wins.
        assert_eq!(
            malloc_tunables(Some("glibc.malloc.mmap_threshold=4096".into())),
            OsString::from(format!("{ours}:glibc.malloc.mmap_threshold=4096"))
        );
    }

    #[test]
    fn anything_else_is_not_read() {
        for wrong in [
            &["watch"][..],
            &["--lang"],
            &["--lang", "fr"],
            &["--source", "carrier-pigeon"],
            &["--no-tray", "--no-tray"],
            &["--lang", "en", "--lang", "ja"],
            &["--install"],
        ] {
            assert_eq!(Asked::from_args(args(wrong)), None, "{wrong:?}");
        }
    }
}
