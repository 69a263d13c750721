//! The person's situation, as the daemon sees it: each source that this
//! desktop offers and `[rhythm.quiet]` allows, looked at only when it matters.

use iyashi_app::watch::SituationSource;
use iyashi_core::catalogue::quiet::Sense;
use iyashi_core::rhythm::{QuietSettings, Reason, Reasons};

use super::dnd::{self, DoNotDisturb};
use super::microphone::Pactl;
use super::window::FocusedWindow;

pub struct Situation {
    window: Option<FocusedWindow>,
    camera: bool,
    microphone: Option<Pactl>,
    dnd: Option<DoNotDisturb>,
    programs: Vec<String>,
    quiet: QuietSettings,
    /// What could not be seen, for the start message.
    missing: Vec<Sense>,
    said: Vec<Sense>,
}

impl Situation {
    /// Opens every source the settings allow and this desktop has.
    pub fn open(quiet: &QuietSettings) -> Situation {
        let mut missing = Vec::new();
        let mut seen = Vec::new();
        let wants_window = quiet.fullscreen || !quiet.programs.is_empty();
        let window = if wants_window {
            FocusedWindow::connect().ok()
        } else {
            None
        };
        for (on, sense) in [
            (quiet.fullscreen, Sense::Fullscreen),
            (!quiet.programs.is_empty(), Sense::Programs),
        ] {
            if on {
                if window.is_some() {
                    seen.push(sense);
                } else {
                    missing.push(sense);
                }
            }
        }
        let camera = quiet.camera && super::camera::can_see();
        if quiet.camera {
            if camera {
                seen.push(Sense::Camera);
            } else {
                missing.push(Sense::Camera);
            }
        }
        let microphone = quiet.microphone.then(|| Pactl::connect().ok()).flatten();
        if quiet.microphone {
            if microphone.is_some() {
                seen.push(Sense::Microphone);
            } else {
                missing.push(Sense::Microphone);
            }
        }
        let dnd = quiet
            .do_not_disturb
            .then(|| DoNotDisturb::connect().ok())
            .flatten();
        match &dnd {
            Some(d) => seen.push(match d.kind() {
                dnd::Kind::Dunst => Sense::DunstPaused,
                dnd::Kind::Inhibited => Sense::Inhibited,
                dnd::Kind::Gnome => Sense::GnomeBanners,
            }),
            None if quiet.do_not_disturb => missing.push(Sense::DoNotDisturb),
            None => {}
        }
        Situation {
            window,
            camera,
            microphone,
            dnd,
            programs: quiet.programs.clone(),
            quiet: quiet.clone(),
            missing,
            said: seen,
        }
    }

    /// The sources seen, and those wanted but not seen on this desktop.
    pub fn sources(&self) -> (&[Sense], &[Sense]) {
        (&self.said, &self.missing)
    }

    /// What holds a prompt back right now. A source that fails this time
    /// says nothing; it does not hold prompts forever.
    pub fn look(&mut self) -> Reasons {
        let mut now = Reasons::NONE;
        if let Some(window) = &self.window {
            if let Ok(focus) = window.look() {
                if self.quiet.fullscreen && focus.fullscreen {
                    now = now.with(Reason::Fullscreen);
                }
                if focus.names.iter().any(|n| self.quiet.lists(n)) && !self.programs.is_empty() {
                    now = now.with(Reason::Program);
                }
            }
        }
        if self.camera
            && super::camera::in_use(std::path::Path::new("/proc"), std::process::id())
                .unwrap_or(false)
        {
            now = now.with(Reason::Camera);
        }
        if self
            .microphone
            .as_ref()
            .is_some_and(|m| m.recording().unwrap_or(false))
        {
            now = now.with(Reason::Microphone);
        }
        if self.dnd.as_ref().is_some_and(|d| d.on().unwrap_or(false)) {
            now = now.with(Reason::DoNotDisturb);
        }
        now
    }
}

impl SituationSource for Situation {
    fn look(&mut self) -> Reasons {
        Situation::look(self)
    }
}
