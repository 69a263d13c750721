//! When the caller next needs to wake the engine.

use jiff::{SignedDuration, Timestamp};

use super::{Engine, Mode, Phase};
use crate::rhythm::event::BreakKind;

impl Engine {
    /// The earliest instant after `now` at which something is scheduled,
    /// assuming activity goes on as it is.
    pub fn next_wake(&self, now: Timestamp) -> Option<Timestamp> {
        let mut at = Vec::new();
        if let Phase::OnBreak { until, .. } = self.phase {
            at.push(until);
        }
        at.extend(self.quiet_until);
        at.extend(self.grace_ends());
        if self.active(now) {
            let tail = self.tail(now);
            let due =
                |kind| now + (self.settings.interval_of(kind) - self.ledger.towards(kind) - tail);
            match self.phase {
                Phase::Working => at.extend([due(BreakKind::Micro), due(BreakKind::Rest)]),
                Phase::Asking {
                    due: asked,
                    remind_at,
                    awaiting,
                    ..
                } => {
                    if awaiting && now >= remind_at {
                        // Watching for the next natural pause.
                        let look =
                            (self.settings.natural_pause() / 2).max(SignedDuration::from_secs(1));
                        at.push(now + look);
                    } else {
                        at.push(remind_at);
                    }
                    if asked.kind == BreakKind::Micro {
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
                if !today.stop_noticed {
                    at.extend(self.settings.day_end(&self.calendar, today.day));
                }
                at.extend(self.settings.schedule.moments(&self.calendar, today.day));
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
