//! "Open the room" from the tray: `iyashi` in a new terminal window, from
//! `$TERMINAL` or the first terminal program the desktop has.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::opener::detached;

/// Terminals people have, tried in this order after `$TERMINAL`: Debian's
/// chosen default first, then the desktops' own, then the small ones.
const TERMINALS: &[&str] = &[
    "x-terminal-emulator",
    "gnome-terminal",
    "konsole",
    "xfce4-terminal",
    "mate-terminal",
    "lxterminal",
    "tilix",
    "kitty",
    "alacritty",
    "foot",
    "wezterm",
    "xterm",
];

/// Runs `program args…` in a new terminal window; false if no terminal was
/// found or it would not start.
pub fn in_terminal(program: &Path, args: &[&str], terminal_var: Option<OsString>) -> bool {
    let Some(terminal) = find_terminal(terminal_var) else {
        return false;
    };
    let mut command = Command::new(&terminal);
    command.args(terminal_args(&terminal));
    command.arg(program).args(args);
    detached(&mut command)
}

/// `$TERMINAL` when it names a program that is there, else the first of
/// [`TERMINALS`] on the `PATH`.
fn find_terminal(terminal_var: Option<OsString>) -> Option<PathBuf> {
    let from_var = terminal_var
        .filter(|t| !t.is_empty())
        .map(PathBuf::from)
        .and_then(|t| on_path(&t));
    from_var.or_else(|| TERMINALS.iter().find_map(|t| on_path(Path::new(t))))
}

fn on_path(program: &Path) -> Option<PathBuf> {
    if program.components().count() > 1 {
        return program.is_file().then(|| program.to_path_buf());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// How each terminal is told "run this command": most take `-e`, the
/// GNOME family and a few newer ones take the command after `--` or as is.
fn terminal_args(terminal: &Path) -> &'static [&'static str] {
    match terminal.file_name().and_then(|n| n.to_str()) {
        Some("gnome-terminal" | "mate-terminal" | "tilix") => &["--"],
        Some("kitty" | "foot") => &[],
        Some("wezterm") => &["start", "--"],
        _ => &["-e"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_terminal_is_told_the_command_its_own_way() {
        assert_eq!(terminal_args(Path::new("/usr/bin/gnome-terminal")), ["--"]);
        assert_eq!(terminal_args(Path::new("xterm")), ["-e"]);
        assert_eq!(terminal_args(Path::new("x-terminal-emulator")), ["-e"]);
        assert!(terminal_args(Path::new("kitty")).is_empty());
    }

    #[test]
    fn terminal_from_the_environment_wins_when_it_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("my-term");
        std::fs::write(&mine, "").unwrap();
        assert_eq!(find_terminal(Some(mine.clone().into())), Some(mine));
        let missing = dir.path().join("gone");
        assert_ne!(find_terminal(Some(missing.clone().into())), Some(missing));
    }
}
