//! Stand-ins for the desktop sources a build leaves out (anywhere but Linux,
//! or with one of the cargo features `x11`, `wayland`, `dbus`, `devices`
//! turned off): each one is never there, so `watch` says what it cannot see
//! and carries on with the rest, and the journal commands build anywhere.

/// An activity source this build does not have: it never connects, so it can
/// be of no value at all. (Unused in a build that has all three.)
#[allow(unused_macros)]
macro_rules! absent_idle {
    ($name:ident, $feature:literal) => {
        pub enum $name {}

        impl $name {
            pub fn connect() -> Result<$name, SourceTrouble> {
                Err(SourceTrouble::NotBuilt($feature))
            }
        }

        impl ActivitySource for $name {
            fn name(&self) -> SourceName {
                match *self {}
            }

            fn idle_for(&mut self) -> Result<Option<std::time::Duration>, String> {
                match *self {}
            }
        }
    };
}

#[cfg(not(all(target_os = "linux", feature = "x11")))]
pub mod x11 {
    use super::super::activity::ActivitySource;
    use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};

    absent_idle!(X11Idle, "x11");
}

#[cfg(not(all(target_os = "linux", feature = "wayland")))]
pub mod wayland {
    use super::super::activity::ActivitySource;
    use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};

    absent_idle!(WaylandIdle, "wayland");
}

#[cfg(not(all(target_os = "linux", feature = "dbus")))]
pub mod logind {
    use super::super::activity::ActivitySource;
    use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};

    absent_idle!(LogindIdle, "dbus");
}

#[cfg(not(all(target_os = "linux", feature = "x11")))]
pub mod window {
    /// What the focused window shows.
    #[derive(Debug, Default)]
    pub struct Focus {
        pub fullscreen: bool,
        pub names: Vec<String>,
    }

    pub enum FocusedWindow {}

    impl FocusedWindow {
        pub fn connect() -> Result<FocusedWindow, String> {
            Err("built without the x11 feature".to_string())
        }

        pub fn look(&self) -> Result<Focus, String> {
            match *self {}
        }
    }
}

#[cfg(not(all(target_os = "linux", feature = "dbus")))]
pub mod dnd {
    /// Which do-not-disturb this desktop has (never made here: named so
    /// that `situation` reads the same in every build).
    #[allow(dead_code)]
    pub enum Kind {
        Dunst,
        Inhibited,
        Gnome,
    }

    pub enum DoNotDisturb {}

    impl DoNotDisturb {
        pub fn connect() -> Result<DoNotDisturb, String> {
            Err("built without the dbus feature".to_string())
        }

        pub fn kind(&self) -> Kind {
            match *self {}
        }

        pub fn on(&self) -> Result<bool, String> {
            match *self {}
        }
    }
}

#[cfg(not(all(target_os = "linux", feature = "devices")))]
pub mod microphone {
    pub enum Pactl {}

    impl Pactl {
        pub fn connect() -> Result<Pactl, String> {
            Err("built without the devices feature".to_string())
        }

        pub fn recording(&self) -> Result<bool, String> {
            match *self {}
        }
    }
}

#[cfg(not(all(target_os = "linux", feature = "devices")))]
pub mod camera {
    /// Without the `devices` feature no camera is ever seen.
    pub fn can_see() -> bool {
        false
    }

    pub fn in_use(_proc_root: &std::path::Path, _own_pid: u32) -> std::io::Result<bool> {
        Ok(false)
    }
}

/// Without D-Bus, Piyo's words go to the daemon's output (a terminal or the
/// journal), and breaks are answered with `iyashi break`.
#[cfg(not(all(target_os = "linux", feature = "dbus")))]
pub mod notify {
    use std::sync::mpsc::Sender;

    use iyashi_core::catalogue::activities::BreakGuide;
    use iyashi_core::catalogue::rhythm::Piyo;
    use iyashi_core::catalogue::Message;
    use iyashi_core::rhythm::{Activity, BreakKind, BreakPrompt};
    use iyashi_core::Lang;
    use jiff::SignedDuration;

    use super::super::Input;

    pub struct Notifier {
        lang: Lang,
    }

    impl Notifier {
        pub fn new(lang: Lang, _inputs: Sender<Input>) -> Notifier {
            Notifier { lang }
        }

        /// The language it speaks.
        pub fn lang(&self) -> Lang {
            self.lang
        }

        pub fn ask(&mut self, prompt: &BreakPrompt) {
            self.say(
                &BreakGuide::Prompt {
                    text: prompt.text.clone(),
                    activity: prompt.activity,
                }
                .render(self.lang),
            );
        }

        pub fn resting(&mut self, kind: BreakKind, left: SignedDuration, activity: Activity) {
            self.say(
                &BreakGuide::Begins {
                    kind,
                    left,
                    activity,
                }
                .render(self.lang),
            );
        }

        pub fn tell(&mut self, text: &Piyo) {
            self.say(&text.render(self.lang));
        }

        pub fn dismiss(&mut self) {}

        fn say(&self, body: &str) {
            let _ = crate::output::print(&format!("{}: {body}\n", Piyo::Name.render(self.lang)));
        }
    }
}
