//! `[rhythm.quiet]`: which parts of the person's situation may hold a break
//! prompt back, and how long to wait once it clears.

use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

use super::settings::SettingsProblem;
use super::situation::{Reason, Reasons};

/// Each source can be turned off; all are on by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuietSettings {
    /// Hold prompts while a fullscreen window is focused.
    pub fullscreen: bool,
    /// Hold prompts while another program has the camera open.
    pub camera: bool,
    /// Hold prompts while something records from the microphone.
    pub microphone: bool,
    /// Hold prompts while the desktop's do-not-disturb is on.
    pub do_not_disturb: bool,
    /// Hold prompts while one of these programs is focused (its process name
    /// or window class, in any case).
    pub programs: Vec<String>,
    /// After the situation clears, wait this long before the held break comes,
    /// so a prompt does not land in the first second after a call.
    #[serde(serialize_with = "friendly")]
    pub grace: SignedDuration,
}

impl Default for QuietSettings {
    fn default() -> QuietSettings {
        QuietSettings {
            fullscreen: true,
            camera: true,
            microphone: true,
            do_not_disturb: true,
            programs: ["libreoffice-impress", "vlc", "mpv", "totem", "obs", "zoom"]
                .map(String::from)
                .to_vec(),
            grace: SignedDuration::from_mins(1),
        }
    }
}

impl QuietSettings {
    /// The reasons the person allows: a source turned off never holds a prompt.
    pub fn allowed(&self) -> Reasons {
        let mut set = Reasons::NONE.with(Reason::Quiet);
        for (on, reason) in [
            (self.fullscreen, Reason::Fullscreen),
            (self.camera, Reason::Camera),
            (self.microphone, Reason::Microphone),
            (self.do_not_disturb, Reason::DoNotDisturb),
            (!self.programs.is_empty(), Reason::Program),
        ] {
            if on {
                set = set.with(reason);
            }
        }
        set
    }

    /// Whether `name` (a process name or a window class) is on the list.
    pub fn lists(&self, name: &str) -> bool {
        let name = name.trim();
        !name.is_empty()
            && self
                .programs
                .iter()
                .any(|p| p.trim().eq_ignore_ascii_case(name))
    }

    pub(super) fn validate(&self) -> Result<(), (&'static str, SettingsProblem)> {
        let max = SignedDuration::from_mins(30);
        if self.grace < SignedDuration::ZERO {
            return Err(("quiet.grace", SettingsProblem::NotPositive(self.grace)));
        }
        if self.grace > max {
            let value = self.grace;
            return Err(("quiet.grace", SettingsProblem::LongerThan { value, max }));
        }
        if self.programs.iter().any(|p| p.trim().is_empty()) {
            return Err(("quiet.programs", SettingsProblem::EmptyName));
        }
        Ok(())
    }
}

fn friendly<S: serde::Serializer>(d: &SignedDuration, se: S) -> Result<S::Ok, S::Error> {
    jiff::fmt::serde::duration::friendly::compact::required(d, se)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_turned_off_never_holds_a_prompt() {
        let all = QuietSettings::default().allowed();
        assert!(Reason::ALL.iter().all(|r| all.contains(*r)));
        let some = QuietSettings {
            camera: false,
            programs: Vec::new(),
            ..QuietSettings::default()
        }
        .allowed();
        assert!(!some.contains(Reason::Camera) && !some.contains(Reason::Program));
        assert!(some.contains(Reason::Quiet) && some.contains(Reason::Microphone));
    }

    #[test]
    fn programs_match_by_name_in_any_case() {
        let q = QuietSettings::default();
        assert!(q.lists("VLC") && q.lists(" mpv "));
        assert!(!q.lists("vlc-helper") && !q.lists(""));
    }
}
