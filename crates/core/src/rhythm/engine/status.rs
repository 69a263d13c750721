//! Where things stand, for `iyashi break`, `iyashi why` and the rooms, and
//! whether the caller needs to look at the situation at all.

use jiff::{SignedDuration, Timestamp};

use super::{Engine, Mode, Phase};
use crate::rhythm::event::BreakKind;
use crate::rhythm::situation::{Reason, Reasons};

/// A summary of where things stand, for `iyashi break` and the room.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Status {
    /// The open session's start, if one is open.
    pub session_start: Option<Timestamp>,
    /// Input recently enough to count as working right now.
    pub active: bool,
    /// The break in progress and when it ends.
    pub on_break: Option<(BreakKind, Timestamp)>,
    /// The break being asked for, if any.
    pub asking: Option<BreakKind>,
    /// How many times the break asked for (or on now) was put off.
    #[serde(default)]
    pub postponed: u8,
    /// Work left before the next micro-break is due.
    pub until_micro: SignedDuration,
    /// Work left before the next rest break is due.
    pub until_rest: SignedDuration,
    /// Work so far on the day of `now`.
    pub worked_today: SignedDuration,
    /// Work since the last micro-break (or rest break).
    pub since_micro: SignedDuration,
    /// Work since the last rest break.
    pub since_rest: SignedDuration,
    /// A due break waiting for the situation to clear, if one is.
    pub held: Option<HeldNow>,
    /// What would hold a prompt back right now.
    pub holding: Reasons,
    /// `iyashi quiet` is on until then.
    pub quiet_until: Option<Timestamp>,
    /// Outside the schedule's working hours: no reminders now.
    pub off_hours: bool,
    /// When working hours start again, if they are over for now.
    pub next_start: Option<Timestamp>,
}

/// The break being held back, for `iyashi why`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HeldNow {
    /// The break that is due.
    pub kind: BreakKind,
    /// When it was first held back.
    pub since: Timestamp,
    /// What holds it now.
    pub reasons: Reasons,
}

impl Engine {
    /// Where things stand at `now` (no later than the next event).
    pub fn status(&self, now: Timestamp) -> Status {
        let tail = self.tail(now);
        let left = |kind| self.settings.interval_of(kind) - self.ledger.towards(kind) - tail;
        let today = self.calendar.day_of(now);
        let off_hours = !self.settings.schedule.is_working(&self.calendar, now);
        Status {
            session_start: self.ledger.session.as_ref().map(|s| s.start),
            active: self.active(now),
            on_break: match self.phase {
                Phase::OnBreak { kind, until, .. } => Some((kind, until)),
                _ => None,
            },
            asking: match self.phase {
                Phase::Asking { due, .. } => Some(due.kind),
                _ => None,
            },
            postponed: match self.phase {
                Phase::Asking { postponed, .. } | Phase::OnBreak { postponed, .. } => postponed,
                Phase::Working => 0,
            },
            until_micro: left(BreakKind::Micro).max(SignedDuration::ZERO),
            until_rest: left(BreakKind::Rest).max(SignedDuration::ZERO),
            worked_today: if self.ledger.today.day == today {
                self.ledger.today.worked + tail
            } else {
                tail
            },
            since_micro: self.ledger.micro + tail,
            since_rest: self.ledger.rest + tail,
            held: self.hold.as_ref().map(|h| HeldNow {
                kind: h.record.kind,
                since: h.record.at,
                reasons: h.record.reasons,
            }),
            holding: self.holding(now),
            quiet_until: self.quiet_until.filter(|t| *t > now),
            off_hours,
            next_start: off_hours
                .then(|| self.settings.schedule.next_start(&self.calendar, now))
                .flatten(),
        }
    }

    /// What holds a prompt back at `now`: the situation the sources last
    /// reported, and the person's own quiet.
    pub fn holding(&self, now: Timestamp) -> Reasons {
        match self.quiet_until {
            Some(until) if now < until => self.situation.with(Reason::Quiet),
            _ => self.situation,
        }
    }

    /// Whether the caller should look at the situation before the next step
    /// up to `by`: a break may come due or is waiting, or a pause may be a
    /// call without typing. Looking costs a little, so most of the day the
    /// daemon does not.
    pub fn situation_matters(&self, now: Timestamp, by: Timestamp) -> bool {
        if self.hold.is_some() || matches!(self.phase, Phase::Asking { .. }) {
            return true;
        }
        if self.situation.is_meeting() {
            return true;
        }
        if self.ledger.session.is_none() || self.mode != Mode::Auto {
            return false;
        }
        let ahead = now.duration_until(by).max(SignedDuration::ZERO);
        let idle = self
            .last_input
            .map_or(SignedDuration::ZERO, |last| last.duration_until(by));
        // A pause about to count as a break might be a call instead.
        if !self.marks.rest && idle + ahead >= self.threshold() {
            return true;
        }
        self.active(now)
            && [BreakKind::Micro, BreakKind::Rest].into_iter().any(|kind| {
                self.ledger.towards(kind) + self.tail(now) + ahead
                    >= self.settings.interval_of(kind)
            })
            || self.fixed_break_between(now, by)
    }
}
