//! The break screen, as the daemon sees it: a child process of this same
//! program (`iyashi break-screen`) started when a break begins and ended
//! when the break ends or is put off elsewhere. Its windowing and drawing
//! live in that process only, so watch's own footprint does not change
//! while no break shows. Its answer comes back through the socket.

use std::process::{Child, Command, Stdio};

use iyashi_core::config::{BreakScreenSettings, ScreenMode};
use iyashi_core::rhythm::{Activity, BreakKind};
use iyashi_core::Lang;
use jiff::SignedDuration;

/// The break screen showing now, if one is.
pub struct BreakScreen {
    settings: BreakScreenSettings,
    lang: Lang,
    child: Option<Child>,
}

impl BreakScreen {
    pub fn new(settings: BreakScreenSettings, lang: Lang) -> BreakScreen {
        BreakScreen {
            settings,
            lang,
            child: None,
        }
    }

    /// Whether a break of `kind` gets a screen: rest breaks, and micro-breaks
    /// when chosen; never with `screen = "off"`, nor in a build without one.
    fn wanted(&self, kind: BreakKind) -> bool {
        cfg!(all(target_os = "linux", feature = "screen"))
            && self.settings.screen != ScreenMode::Off
            && (kind == BreakKind::Rest || self.settings.micro)
    }

    /// A break has begun: shows it for `left`, with `activity`, already put
    /// off `postponed` times.
    pub fn open(
        &mut self,
        kind: BreakKind,
        left: SignedDuration,
        activity: Activity,
        postponed: u8,
    ) {
        self.close();
        if !self.wanted(kind) {
            return;
        }
        // `iyashi break-screen`: the daemon may be the small iyashi-watch.
        let Some(program) = super::program::iyashi() else {
            return;
        };
        let kind = match kind {
            BreakKind::Micro => "micro",
            BreakKind::Rest => "rest",
        };
        let seconds = left.as_secs().max(1).to_string();
        let postponed = postponed.to_string();
        let started = Command::new(program)
            .args(["--lang", self.lang.code(), "break-screen", "--kind", kind])
            .args(["--activity", activity.id(), "--seconds", &seconds])
            .args(["--postponed", &postponed])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            // A screen that cannot open says why, in watch's own log.
            .stderr(Stdio::inherit())
            .spawn();
        if let Ok(child) = started {
            self.child = Some(child);
        }
    }

    /// The break ended or was put off: takes the screen down if it is still
    /// up (after an answer from the screen itself, it has already gone).
    pub fn close(&mut self) {
        if let Some(mut child) = self.child.take() {
            if matches!(child.try_wait(), Ok(None)) {
                let _ = child.kill();
            }
            let _ = child.wait();
        }
    }
}
