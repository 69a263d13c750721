//! What the day is like for Goro on the desktop, from what the running
//! `iyashi watch` says (the same status the web room asks for): a break
//! asked for, a break under way, quiet or outside working hours, work.

use iyashi_app::daemon::Reply;

/// How Goro is on the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    /// No daemon, or nothing going on: he just lounges.
    Lounging,
    /// A work session is open: he keeps company, content.
    Working,
    /// A break is due and asking: he looks up and stretches, as the room
    /// does for a break prompt.
    Due,
    /// A break is under way: he naps along.
    Resting,
    /// Quiet, or outside working hours: he sleeps.
    Asleep,
}

impl Mood {
    /// Goro's mood for the daemon's answer (`None`: no daemon running,
    /// or one that did not answer).
    pub fn of(reply: Option<&Reply>) -> Mood {
        let Some(reply) = reply else {
            return Mood::Lounging;
        };
        let status = reply.status.as_ref();
        if reply.on_break_until.is_some() {
            Mood::Resting
        } else if reply.asking {
            Mood::Due
        } else if status.is_some_and(|s| s.quiet_until.is_some() || s.off_hours) {
            Mood::Asleep
        } else if reply.session_start.is_some() {
            Mood::Working
        } else {
            Mood::Lounging
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::rhythm::{BreakKind, Status};
    use jiff::{SignedDuration, Timestamp};

    fn status() -> Status {
        Status {
            session_start: None,
            active: false,
            on_break: None,
            asking: None,
            postponed: 0,
            until_micro: SignedDuration::from_mins(20),
            until_rest: SignedDuration::from_mins(50),
            worked_today: SignedDuration::ZERO,
            since_micro: SignedDuration::ZERO,
            since_rest: SignedDuration::ZERO,
            held: None,
            holding: Default::default(),
            quiet_until: None,
            off_hours: false,
            next_start: None,
        }
    }

    fn mood(change: impl FnOnce(&mut Status)) -> Mood {
        let mut s = status();
        change(&mut s);
        Mood::of(Some(&Reply::of(&s)))
    }

    #[test]
    fn without_a_daemon_goro_lounges() {
        assert_eq!(Mood::of(None), Mood::Lounging);
        assert_eq!(mood(|_| {}), Mood::Lounging);
    }

    #[test]
    fn each_moment_of_the_day_has_its_mood() {
        let at = Timestamp::UNIX_EPOCH;
        assert_eq!(mood(|s| s.session_start = Some(at)), Mood::Working);
        assert_eq!(
            mood(|s| {
                s.session_start = Some(at);
                s.asking = Some(BreakKind::Micro);
            }),
            Mood::Due
        );
        assert_eq!(
            mood(|s| s.on_break = Some((BreakKind::Rest, at))),
            Mood::Resting
        );
        assert_eq!(mood(|s| s.quiet_until = Some(at)), Mood::Asleep);
        assert_eq!(
            mood(|s| {
                s.off_hours = true;
                s.session_start = Some(at);
            }),
            Mood::Asleep
        );
    }

    #[test]
    fn a_break_under_way_or_asked_for_outweighs_quiet() {
        let at = Timestamp::UNIX_EPOCH;
        let resting = mood(|s| {
            s.quiet_until = Some(at);
            s.on_break = Some((BreakKind::Rest, at));
        });
        assert_eq!(resting, Mood::Resting);
        let due = mood(|s| {
            s.off_hours = true;
            s.asking = Some(BreakKind::Rest);
        });
        assert_eq!(due, Mood::Due);
    }
}
