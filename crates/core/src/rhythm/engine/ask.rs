//! Asking for a break: which one is due (a fixed-time break, a rest, a
//! micro-break), holding it while the situation says so, the small first
//! ask, and the break that begins at the next natural pause.

use jiff::{SignedDuration, Timestamp};

use super::{Due, Engine, Phase};
use crate::catalogue::rhythm::Piyo;
use crate::rhythm::activity::Activity;
use crate::rhythm::event::{Action, BreakKind, BreakPrompt, Gentleness};

impl Engine {
    /// The break that is due at `now`, if any: a fixed-time break first,
    /// then a rest break, then a micro-break.
    pub(super) fn due(&self, now: Timestamp) -> Option<Due> {
        if let Some(i) = self.fixed_break_at(now) {
            return Some(Due {
                kind: BreakKind::Rest,
                fixed: Some(i),
            });
        }
        let tail = self.tail(now);
        [BreakKind::Rest, BreakKind::Micro]
            .into_iter()
            .find(|kind| self.ledger.towards(*kind) + tail >= self.settings.interval_of(*kind))
            .map(Due::of)
    }

    /// The fixed-time break whose time has come at `now` and that has not
    /// been asked for (or rested through) today.
    fn fixed_break_at(&self, now: Timestamp) -> Option<u8> {
        let day = self.calendar.day_of(now);
        if !self.settings.is_workday(day) || self.ledger.today.day != day {
            return None;
        }
        let done = self.ledger.today.fixed_done;
        self.settings
            .schedule
            .breaks
            .iter()
            .enumerate()
            .take(32)
            .find(|(i, b)| {
                let (start, end) = b.span.on(&self.calendar, day);
                done & (1 << i) == 0 && start <= now && now < end
            })
            .map(|(i, _)| i as u8)
    }

    /// Whether a fixed-time break's start falls in `(now, by]`.
    pub(super) fn fixed_break_between(&self, now: Timestamp, by: Timestamp) -> bool {
        let day = self.calendar.day_of(now);
        self.settings.is_workday(day)
            && self.settings.schedule.breaks.iter().any(|b| {
                let start = self.calendar.at(day, b.span.start);
                now < start && start <= by
            })
    }

    /// Marks the fixed-time breaks whose window meets a rest from `from` to
    /// `to` as done, so a lunch rested through is not asked for afterwards.
    pub(super) fn fixed_rested(&mut self, from: Timestamp, to: Timestamp) {
        let day = self.calendar.day_of(from);
        if self.ledger.today.day != day {
            return;
        }
        for (i, b) in self.settings.schedule.breaks.iter().enumerate().take(32) {
            let (start, end) = b.span.on(&self.calendar, day);
            if from < end && start <= to {
                self.ledger.today.fixed_done |= 1 << i;
            }
        }
        // A lunch held back by a long meeting is owed no more once rested.
        if let Some(i) = self.hold.as_ref().and_then(|h| h.due.fixed) {
            self.ledger.today.fixed_done |= 1 << i;
        }
    }

    /// Asks for a break that has come due, holds it back while the situation
    /// says so, or asks again after a postpone.
    pub(super) fn breaks(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        let holding = self.holding(now);
        let due = self.due(now).max(self.still_held(now));
        match self.phase {
            Phase::Working => match due {
                None => self.end_hold(now, out),
                Some(due) if !holding.is_empty() => self.hold(now, due, 0, holding, out),
                Some(due) => {
                    if let Some(postponed) = self.release(now, out) {
                        self.ask(now, due, postponed, out);
                    }
                }
            },
            Phase::Asking {
                due: asked,
                postponed,
                ..
            } if !holding.is_empty() => {
                // The prompt waits rather than sit on top of a call.
                self.phase = Phase::Working;
                out.push(Action::DismissBreak);
                self.hold(
                    now,
                    due.unwrap_or(asked).max(asked),
                    postponed,
                    holding,
                    out,
                );
            }
            // A rest break rests the eyes too, so it takes a micro-break's place.
            Phase::Asking { due: asked, .. } if due.is_some_and(|d| d > asked) => {
                self.ask(now, due.unwrap_or(asked), 0, out);
            }
            Phase::Asking {
                due,
                postponed,
                remind_at,
                awaiting: false,
                activity,
            } if now >= remind_at => self.prompt(now, due, postponed, activity, out),
            _ => {}
        }
    }

    /// An unanswered prompt: the break begins at the next natural pause of
    /// a few seconds, not in the middle of a sentence.
    pub(super) fn begin_at_pause(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        let Phase::Asking {
            due,
            postponed,
            remind_at,
            awaiting: true,
            activity,
        } = self.phase
        else {
            return;
        };
        let Some(last) = self.last_input else {
            return;
        };
        let pause = last.duration_until(now);
        let working = self.settings.schedule.is_working(&self.calendar, now);
        if now >= remind_at
            && pause >= self.settings.natural_pause()
            && pause < self.settings.long_absence
            && working
            && self.holding(now).is_empty()
        {
            // The pause was the break's beginning: it is not work, and the
            // break is counted from it.
            self.start_break(last, due, true, postponed, activity, out);
        }
    }

    pub(super) fn ask(&mut self, now: Timestamp, due: Due, postponed: u8, out: &mut Vec<Action>) {
        if let Some(i) = due.fixed {
            self.ledger.today.fixed_done |= 1 << i;
        }
        let activity = self.offer(now, due.kind);
        if self.settings.strict {
            let prompt = self.prompt_for(due, 0, activity);
            out.push(Action::ShowBreak(BreakPrompt {
                can_postpone: false,
                can_skip: false,
                ..prompt
            }));
            self.start_break(now, due, true, 0, activity, out);
        } else {
            self.prompt(now, due, postponed, activity, out);
        }
    }

    fn prompt_for(&self, due: Due, postponed: u8, activity: Activity) -> BreakPrompt {
        let length = self.length_of(due);
        let gentleness = Gentleness::after_postpones(postponed);
        let text = match due
            .fixed
            .and_then(|i| self.settings.schedule.breaks.get(usize::from(i)))
        {
            Some(fixed) => Piyo::FixedBreak {
                label: fixed.label.clone(),
                length,
                gentleness,
            },
            None => Piyo::for_break(due.kind, length, gentleness),
        };
        BreakPrompt {
            kind: due.kind,
            length,
            gentleness,
            can_postpone: postponed < self.settings.max_postpones,
            can_skip: true,
            text,
            activity,
        }
    }

    fn prompt(
        &mut self,
        now: Timestamp,
        due: Due,
        postponed: u8,
        activity: Activity,
        out: &mut Vec<Action>,
    ) {
        out.push(Action::ShowBreak(self.prompt_for(due, postponed, activity)));
        self.phase = Phase::Asking {
            due,
            postponed,
            remind_at: now + self.settings.answer_within,
            awaiting: true,
            activity,
        };
    }

    /// How long a break for `due` lasts: a fixed break as long as its span.
    pub(super) fn length_of(&self, due: Due) -> SignedDuration {
        due.fixed
            .and_then(|i| self.settings.schedule.breaks.get(usize::from(i)))
            .map_or(self.settings.length_of(due.kind), |b| b.span.length())
    }
}
