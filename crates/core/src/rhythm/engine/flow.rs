//! The timed side of the engine: pauses turning into natural breaks or an
//! absence, breaks coming due, reminders getting gentler, the day's notices,
//! and when the caller next needs to wake it.

use jiff::{SignedDuration, Timestamp};

use super::{Due, Engine, Mode, Phase};
use crate::catalogue::rhythm::Piyo;
use crate::rhythm::activity::Activity;
use crate::rhythm::event::{Action, BreakKind};
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
            self.end_hold(at, out);
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
            due, postponed: p, ..
        } = self.phase
        {
            if kind >= due.kind {
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
                    activity: None,
                },
            };
            self.natural = Some(record);
        }
        self.ledger.rested(kind);
        if kind == BreakKind::Rest {
            self.fixed_rested(from, from + len);
        }
    }

    /// The pause is over at `end`: keep the break it stood in for, if any.
    pub(super) fn flush_natural(&mut self, end: Timestamp, out: &mut Vec<Action>) {
        if let Some(mut record) = self.natural.take() {
            record.length = end.duration_since(record.at);
            if record.kind == BreakKind::Rest {
                self.fixed_rested(record.at, end);
            }
            out.push(Action::Record(Record::Break(record)));
        }
    }

    /// The daily limit, the evening wind-down and "time to stop", each said
    /// once a day, and none of them into a call or a film: they wait too.
    pub(super) fn notices(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        let day = self.calendar.day_of(now);
        if self.ledger.today.day != day || !self.holding(now).is_empty() {
            return;
        }
        let worked = self.ledger.today.worked + self.tail(now);
        let limit = self.settings.daily_limit;
        let working = self.settings.schedule.is_working(&self.calendar, now);
        if !self.ledger.today.limit_noticed && worked >= limit && working {
            self.ledger.today.limit_noticed = true;
            out.push(Action::Notify(Piyo::DailyLimit { limit }));
        }
        // Winding down and stopping are about work: on a day with none
        // counted (someone opening the room at 22:30 to keep a joy) there
        // is nothing to wrap up, and saying so would not be true.
        if worked < super::super::COUNTED_FROM {
            return;
        }
        let Some(end) = self.settings.day_end(&self.calendar, day) else {
            return;
        };
        let scheduled = self.settings.schedule.is_set();
        let wind_down = end - self.settings.schedule.wind_down;
        let today = &mut self.ledger.today;
        if now >= end && !today.stop_noticed {
            // Coming back after the end: "time to stop" alone, not both.
            today.stop_noticed = true;
            today.wind_down_noticed = true;
            let at = self.calendar.time_zone().to_datetime(end).time();
            out.push(Action::Notify(if scheduled {
                Piyo::TimeToStop { at }
            } else {
                Piyo::EveningStop { at }
            }));
        } else if scheduled && now >= wind_down && now < end && !today.wind_down_noticed {
            today.wind_down_noticed = true;
            let at = self.calendar.time_zone().to_datetime(end).time();
            out.push(Action::Notify(Piyo::WindDown {
                end: at,
                left: now.duration_until(end),
            }));
        }
    }

    /// Outside working hours: no reminders at all. A prompt still on screen
    /// from the last minutes of the day is taken down, a held one let be.
    pub(super) fn off_hours(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        if let Phase::Asking { .. } = self.phase {
            self.phase = Phase::Working;
            out.push(Action::DismissBreak);
        }
        self.end_hold(now, out);
    }

    pub(super) fn start_break(
        &mut self,
        now: Timestamp,
        due: Due,
        asked: bool,
        postponed: u8,
        activity: Activity,
        out: &mut Vec<Action>,
    ) {
        self.commit_tail(now, out);
        self.flush_natural(now, out);
        let until = now + self.length_of(due);
        let kind = due.kind;
        self.phase = Phase::OnBreak {
            kind,
            due,
            started: now,
            until,
            postponed,
            asked,
            activity,
        };
        out.push(Action::StartBreak {
            kind,
            until,
            activity,
            asked,
        });
    }

    pub(super) fn end_break(&mut self, at: Timestamp, out: &mut Vec<Action>) {
        let Phase::OnBreak {
            kind,
            started,
            postponed,
            asked,
            activity,
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
            activity: Some(activity),
        })));
        self.ledger.rested(kind);
        if kind == BreakKind::Rest {
            self.fixed_rested(started, at);
        }
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

    /// "Later": the break is asked for again after the postpone time, one
    /// postpone more; never in strict mode or after the last postpone.
    pub(super) fn put_off(
        &mut self,
        now: Timestamp,
        due: Due,
        postponed: u8,
        activity: Activity,
        out: &mut Vec<Action>,
    ) {
        if self.settings.strict || postponed >= self.settings.max_postpones {
            return;
        }
        self.phase = Phase::Asking {
            due,
            postponed: postponed + 1,
            remind_at: now + self.settings.postpone,
            awaiting: false,
            activity,
        };
        out.push(Action::DismissBreak);
    }

    pub(super) fn let_go(
        &mut self,
        now: Timestamp,
        due: Due,
        postponed: u8,
        activity: Activity,
        out: &mut Vec<Action>,
    ) {
        out.push(Action::Record(Record::Break(BreakRecord {
            day: self.calendar.day_of(now),
            kind: due.kind,
            outcome: BreakOutcome::Skipped,
            at: now,
            length: SignedDuration::ZERO,
            postponed,
            asked: true,
            activity: Some(activity),
        })));
        // Start the timer again, or the same break would be asked for at once.
        self.ledger.rested(due.kind);
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
}
