//! The timed side of the engine: pauses turning into natural breaks or an
//! absence, breaks coming due, reminders getting gentler, the day's notices,
//! and when the caller next needs to wake it.

use jiff::{SignedDuration, Timestamp};

use super::{Engine, Mode, Phase};
use crate::catalogue::rhythm::Piyo;
use crate::rhythm::event::{Action, BreakKind, BreakPrompt, Gentleness};
use crate::rhythm::record::{BreakOutcome, BreakRecord, Record};

impl Engine {
    /// Lets the pause since the last input count for what it has become by `at`.
    pub(super) fn pause_until(&mut self, at: Timestamp, out: &mut Vec<Action>) {
        let Some(from) = self.last_input else {
            return;
        };
        if self.ledger.session.is_none()
            || self.mode != Mode::Auto
            || matches!(self.phase, Phase::OnBreak { .. })
        {
            return;
        }
        let len = at.duration_since(from);
        if len >= self.settings.micro_break_length && !self.marks.micro {
            self.marks.micro = true;
            self.natural(BreakKind::Micro, from, len, out);
        }
        if len >= self.settings.rest_break_length && !self.marks.rest {
            self.marks.rest = true;
            self.natural(BreakKind::Rest, from, len, out);
        }
        if len >= self.settings.long_absence && !self.marks.absent {
            self.marks.absent = true;
            // An absence is not a break within work; the session's end says it.
            self.natural = None;
            if let Phase::Asking { .. } = self.phase {
                out.push(Action::DismissBreak);
            }
            self.phase = Phase::Working;
            self.welcome_back = self.ledger.session.as_ref().map(|s| s.day);
            self.close_session(out);
        }
    }

    /// A pause as long as a break of `kind` stands in for that break.
    fn natural(
        &mut self,
        kind: BreakKind,
        from: Timestamp,
        len: SignedDuration,
        out: &mut Vec<Action>,
    ) {
        let mut asked = false;
        let mut postponed = 0;
        if let Phase::Asking {
            kind: k,
            postponed: p,
            ..
        } = self.phase
        {
            if kind >= k {
                asked = true;
                postponed = p;
                self.phase = Phase::Working;
                out.push(Action::DismissBreak);
            }
        }
        // Every short pause resets the timer, but only one that stood in for
        // a reminder (about half an interval of work before it) is a break
        // worth a row; otherwise a day of reading would log hundreds.
        let worth = asked || self.ledger.towards(kind) >= self.settings.interval_of(kind) / 2;
        if worth {
            let record = match self.natural.take() {
                // The same pause grew from an eye rest into a rest break.
                Some(earlier) => BreakRecord {
                    kind: kind.max(earlier.kind),
                    asked: asked || earlier.asked,
                    postponed: postponed.max(earlier.postponed),
                    ..earlier
                },
                None => BreakRecord {
                    day: self.calendar.day_of(from),
                    kind,
                    outcome: BreakOutcome::Natural,
                    at: from,
                    length: len,
                    postponed,
                    asked,
                },
            };
            self.natural = Some(record);
        }
        self.ledger.rested(kind);
    }

    /// The pause is over at `end`: keep the break it stood in for, if any.
    pub(super) fn flush_natural(&mut self, end: Timestamp, out: &mut Vec<Action>) {
        if let Some(mut record) = self.natural.take() {
            record.length = end.duration_since(record.at);
            out.push(Action::Record(Record::Break(record)));
        }
    }

    /// The daily limit and the evening stop, each said once a day.
    pub(super) fn notices(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        let day = self.calendar.day_of(now);
        if self.ledger.today.day != day {
            return;
        }
        let worked = self.ledger.today.worked + self.tail(now);
        let limit = self.settings.daily_limit;
        if !self.ledger.today.limit_noticed && worked >= limit {
            self.ledger.today.limit_noticed = true;
            out.push(Action::Notify(Piyo::DailyLimit { limit }));
        }
        let stop = self.settings.evening_stop;
        if !self.ledger.today.stop_noticed
            && self.settings.is_workday(day)
            && now >= self.calendar.at(day, stop)
        {
            self.ledger.today.stop_noticed = true;
            out.push(Action::Notify(Piyo::EveningStop { at: stop }));
        }
    }

    /// Asks for a break that has come due, or asks again after a postpone.
    pub(super) fn breaks(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        let tail = self.tail(now);
        let due = |kind| self.ledger.towards(kind) + tail >= self.settings.interval_of(kind);
        match self.phase {
            Phase::Working => {
                if due(BreakKind::Rest) {
                    self.ask(now, BreakKind::Rest, out);
                } else if due(BreakKind::Micro) {
                    self.ask(now, BreakKind::Micro, out);
                }
            }
            // A rest break rests the eyes too, so it takes the micro-break's place.
            Phase::Asking {
                kind: BreakKind::Micro,
                ..
            } if due(BreakKind::Rest) => self.ask(now, BreakKind::Rest, out),
            Phase::Asking {
                kind,
                postponed,
                remind_at,
                awaiting,
            } if now >= remind_at => {
                if !awaiting {
                    self.prompt(now, kind, postponed, out);
                } else if postponed >= self.settings.max_postpones {
                    // Silence after the last reminder is an answer too.
                    self.let_go(now, kind, postponed, out);
                } else {
                    self.prompt(now, kind, postponed + 1, out);
                }
            }
            _ => {}
        }
    }

    fn ask(&mut self, now: Timestamp, kind: BreakKind, out: &mut Vec<Action>) {
        if self.settings.strict {
            let length = self.settings.length_of(kind);
            out.push(Action::ShowBreak(BreakPrompt {
                kind,
                length,
                gentleness: Gentleness::FIRST,
                can_postpone: false,
                can_skip: false,
                text: Piyo::for_break(kind, length, Gentleness::FIRST),
            }));
            self.start_break(now, kind, true, 0, out);
        } else {
            self.prompt(now, kind, 0, out);
        }
    }

    fn prompt(&mut self, now: Timestamp, kind: BreakKind, postponed: u8, out: &mut Vec<Action>) {
        let length = self.settings.length_of(kind);
        let gentleness = Gentleness::after_postpones(postponed);
        out.push(Action::ShowBreak(BreakPrompt {
            kind,
            length,
            gentleness,
            can_postpone: postponed < self.settings.max_postpones,
            can_skip: true,
            text: Piyo::for_break(kind, length, gentleness),
        }));
        self.phase = Phase::Asking {
            kind,
            postponed,
            remind_at: now + self.settings.postpone,
            awaiting: true,
        };
    }

    pub(super) fn start_break(
        &mut self,
        now: Timestamp,
        kind: BreakKind,
        asked: bool,
        postponed: u8,
        out: &mut Vec<Action>,
    ) {
        self.commit_tail(now, out);
        self.flush_natural(now, out);
        let until = now + self.settings.length_of(kind);
        self.phase = Phase::OnBreak {
            kind,
            started: now,
            until,
            postponed,
            asked,
        };
        out.push(Action::StartBreak { kind, until });
    }

    pub(super) fn end_break(&mut self, at: Timestamp, out: &mut Vec<Action>) {
        let Phase::OnBreak {
            kind,
            started,
            postponed,
            asked,
            ..
        } = self.phase
        else {
            return;
        };
        out.push(Action::Record(Record::Break(BreakRecord {
            day: self.calendar.day_of(started),
            kind,
            outcome: BreakOutcome::Taken,
            at: started,
            length: at.duration_since(started),
            postponed,
            asked,
        })));
        self.ledger.rested(kind);
        // The pause after a break is measured from its end, not from the last
        // keystroke before it.
        self.last_input = Some(self.last_input.map_or(at, |last| last.max(at)));
        self.marks = Default::default();
        self.returning = true;
        self.phase = Phase::Working;
        out.push(Action::EndBreak {
            kind,
            text: Piyo::BreakOver { kind },
        });
    }

    pub(super) fn let_go(
        &mut self,
        now: Timestamp,
        kind: BreakKind,
        postponed: u8,
        out: &mut Vec<Action>,
    ) {
        out.push(Action::Record(Record::Break(BreakRecord {
            day: self.calendar.day_of(now),
            kind,
            outcome: BreakOutcome::Skipped,
            at: now,
            length: SignedDuration::ZERO,
            postponed,
            asked: true,
        })));
        // Start the timer again, or the same break would be asked for at once.
        self.ledger.rested(kind);
        self.phase = Phase::Working;
        out.push(Action::DismissBreak);
    }

    /// Ends the session; the next one starts with fresh break timers.
    pub(super) fn close_session(&mut self, out: &mut Vec<Action>) {
        let records = self.ledger.close(&self.settings);
        out.extend(records.into_iter().map(Action::Record));
        self.ledger.micro = SignedDuration::ZERO;
        self.ledger.rest = SignedDuration::ZERO;
    }

    /// The earliest instant after `now` at which something is scheduled,
    /// assuming activity goes on as it is.
    pub fn next_wake(&self, now: Timestamp) -> Option<Timestamp> {
        let mut at = Vec::new();
        if let Phase::OnBreak { until, .. } = self.phase {
            at.push(until);
        }
        if self.active(now) {
            let tail = self.tail(now);
            let due =
                |kind| now + (self.settings.interval_of(kind) - self.ledger.towards(kind) - tail);
            match self.phase {
                Phase::Working => at.extend([due(BreakKind::Micro), due(BreakKind::Rest)]),
                Phase::Asking {
                    kind, remind_at, ..
                } => {
                    at.push(remind_at);
                    if kind == BreakKind::Micro {
                        at.push(due(BreakKind::Rest));
                    }
                }
                Phase::OnBreak { .. } => {}
            }
            let today = &self.ledger.today;
            if today.day == self.calendar.day_of(now) {
                if !today.limit_noticed {
                    at.push(now + (self.settings.daily_limit - today.worked - tail));
                }
                if !today.stop_noticed && self.settings.is_workday(today.day) {
                    at.push(self.calendar.at(today.day, self.settings.evening_stop));
                }
            }
        } else if let (Some(from), Some(_), Mode::Auto) =
            (self.last_input, &self.ledger.session, self.mode)
        {
            // Idle: wake when the pause would count, so records are not held
            // back until the person returns.
            let marks = [
                (self.marks.micro, self.settings.micro_break_length),
                (self.marks.rest, self.settings.rest_break_length),
                (self.marks.absent, self.settings.long_absence),
            ];
            at.extend(
                marks
                    .iter()
                    .filter(|(done, _)| !done)
                    .map(|(_, len)| from + *len),
            );
        }
        at.into_iter().filter(|t| *t > now).min()
    }
}
