//! Piyo's voice on the desktop: notifications over D-Bus, with "Take the
//! break" / "Later" / "Not this time" buttons whose answers come back to the
//! daemon's loop as inputs.

use std::sync::mpsc::Sender;

use iyashi_core::catalogue::activities::BreakGuide;
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::{Activity, BreakKind, BreakPrompt};
use iyashi_core::Lang;
use jiff::SignedDuration;
use notify_rust::{Notification, Timeout, Urgency};

use iyashi_app::watch::Answer;

use super::Input;

pub struct Notifier {
    lang: Lang,
    inputs: Sender<Input>,
    /// The break prompt on screen, to take down when it is answered elsewhere.
    prompt_id: Option<u32>,
    /// False after the first failure, so a missing server is reported once.
    working: bool,
}

impl Notifier {
    pub fn new(lang: Lang, inputs: Sender<Input>) -> Notifier {
        Notifier {
            lang,
            inputs,
            prompt_id: None,
            working: true,
        }
    }

    /// The language it speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Asks for a break, naming its activity. The answer arrives later as
    /// [`Input::Answer`].
    pub fn ask(&mut self, prompt: &BreakPrompt) {
        let mut note = self.base(&prompt.text);
        note.body(
            &BreakGuide::Prompt {
                text: prompt.text.clone(),
                activity: prompt.activity,
            }
            .render(self.lang),
        );
        note.action("take", &WatchSays::TakeBreak.render(self.lang));
        if prompt.can_postpone {
            note.action("later", &WatchSays::Later.render(self.lang));
        }
        if prompt.can_skip {
            note.action("skip", &WatchSays::Skip.render(self.lang));
        }
        // Replace the previous prompt rather than stacking a second one.
        if let Some(id) = self.prompt_id {
            note.id(id);
        }
        let Some(handle) = self.show(&note) else {
            return;
        };
        self.prompt_id = Some(handle.id());
        let inputs = self.inputs.clone();
        std::thread::spawn(move || {
            handle.wait_for_action(|action| {
                let answer = match action {
                    "take" | "default" => Some(Answer::TakeBreak),
                    "later" => Some(Answer::Later),
                    "skip" => Some(Answer::Skip),
                    // Closed unanswered: the engine counts silence itself.
                    _ => None,
                };
                if let Some(answer) = answer {
                    let _ = inputs.send(Input::Answer(answer));
                }
            });
        });
    }

    /// A break has begun: what to do with it, and for how long.
    pub fn resting(&mut self, kind: BreakKind, left: SignedDuration, activity: Activity) {
        let mut note = self.base(&Piyo::Name);
        note.body(
            &BreakGuide::Begins {
                kind,
                left,
                activity,
            }
            .render(self.lang),
        );
        self.show(&note);
    }

    /// Something Piyo says that needs no answer.
    pub fn tell(&mut self, text: &Piyo) {
        let note = self.base(text);
        self.show(&note);
    }

    /// Something asked for from the tray (the week, a trouble), with its
    /// own heading.
    pub fn say(&mut self, summary: &str, body: &str) {
        let mut note = self.base(&Piyo::Name);
        note.summary(summary).body(body);
        self.show(&note);
    }

    /// Takes down the break prompt, if one is showing.
    pub fn dismiss(&mut self) {
        if let Some(id) = self.prompt_id.take() {
            let _ = zbus::block_on(close_notification(id));
        }
    }

    fn base(&self, text: &Piyo) -> Notification {
        let mut note = Notification::new();
        note.appname("iyashi")
            .summary(&Piyo::Name.render(self.lang))
            .body(&text.render(self.lang))
            .icon("face-smile")
            // Piyo nags gently: never critical, never a red alarm.
            .urgency(Urgency::Normal)
            .timeout(Timeout::Default);
        note
    }

    fn show(&mut self, note: &Notification) -> Option<notify_rust::NotificationHandle> {
        match note.show() {
            Ok(handle) => Some(handle),
            Err(_) => {
                if std::mem::replace(&mut self.working, false) {
                    crate::output::tell("iyashi", &WatchSays::NoNotifications.render(self.lang));
                }
                // Still say it, where the person (or the journal) can see it.
                let _ = crate::output::print(&format!("{}\n", note.body));
                None
            }
        }
    }
}

async fn close_notification(id: u32) -> zbus::Result<()> {
    let conn = zbus::Connection::session().await?;
    conn.call_method(
        Some("org.freedesktop.Notifications"),
        "/org/freedesktop/Notifications",
        Some("org.freedesktop.Notifications"),
        "CloseNotification",
        &(id,),
    )
    .await?;
    Ok(())
}
