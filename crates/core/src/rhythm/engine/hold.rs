//! Held back, never lost: a due break waits while the situation says so
//! (a call, a film, do-not-disturb, the person's quiet), and comes once,
//! after a short grace, when it clears.

use jiff::Timestamp;

use super::{Due, Engine};
use crate::rhythm::event::Action;
use crate::rhythm::record::{HoldRecord, Record};
use crate::rhythm::situation::Reasons;

/// The break being held and how the wait is going.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Hold {
    pub record: HoldRecord,
    pub due: Due,
    /// Postpones said before it was held, so the prompt that comes after is
    /// as gentle as the last one was.
    pub postponed: u8,
    /// Since when nothing has held it; it comes after the grace period.
    pub clear_since: Option<Timestamp>,
}

impl Engine {
    /// Holds `due` back for `reasons`, or goes on holding it. One hold at a
    /// time: a break that comes due meanwhile joins it instead of queueing.
    pub(super) fn hold(
        &mut self,
        now: Timestamp,
        due: Due,
        postponed: u8,
        reasons: Reasons,
        out: &mut Vec<Action>,
    ) {
        match &mut self.hold {
            None => {
                let record = HoldRecord {
                    day: self.calendar.day_of(now),
                    kind: due.kind,
                    at: now,
                    reasons,
                    until: None,
                };
                out.push(Action::Record(Record::Held(record.clone())));
                self.hold = Some(Hold {
                    record,
                    due,
                    postponed,
                    clear_since: None,
                });
            }
            Some(hold) => {
                hold.clear_since = None;
                hold.due = hold.due.max(due);
                hold.postponed = hold.postponed.max(postponed);
                let kind = hold.record.kind.max(due.kind);
                let reasons = hold.record.reasons.union(reasons);
                if (kind, reasons) != (hold.record.kind, hold.record.reasons) {
                    hold.record.kind = kind;
                    hold.record.reasons = reasons;
                    out.push(Action::Record(Record::Held(hold.record.clone())));
                }
            }
        }
    }

    /// The held break, while it is still owed: a pause long enough on the
    /// way (a film watched without touching anything) was the break itself.
    pub(super) fn still_held(&self, now: Timestamp) -> Option<Due> {
        let hold = self.hold.as_ref()?;
        let owed = match hold.due.fixed {
            Some(i) => self.ledger.today.fixed_done & (1 << i) == 0,
            None => {
                self.ledger.towards(hold.due.kind) + self.tail(now)
                    >= self.settings.interval_of(hold.due.kind)
            }
        };
        owed.then_some(hold.due)
    }

    /// Nothing holds the break any more: after the grace period it may come.
    /// Returns the postpones to ask with, or `None` while still waiting.
    pub(super) fn release(&mut self, now: Timestamp, out: &mut Vec<Action>) -> Option<u8> {
        let Some(hold) = &mut self.hold else {
            return Some(0);
        };
        let since = *hold.clear_since.get_or_insert(now);
        if now < since + self.settings.quiet.grace {
            return None;
        }
        let postponed = hold.postponed;
        self.end_hold(now, out);
        Some(postponed)
    }

    /// The wait is over at `now`, whatever ended it.
    pub(super) fn end_hold(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        if let Some(mut hold) = self.hold.take() {
            hold.record.until = Some(now.max(hold.record.at));
            out.push(Action::Record(Record::Held(hold.record)));
        }
    }

    /// When the grace period after a clear situation ends, if it is running.
    pub(super) fn grace_ends(&self) -> Option<Timestamp> {
        let hold = self.hold.as_ref()?;
        hold.clear_since.map(|t| t + self.settings.quiet.grace)
    }
}
