//! The engine's bookkeeping of work: the open session, today's tally and the
//! work counted towards each kind of break.
//!
//! Work arrives as intervals already known to be work; the ledger cuts them at
//! the day's rollover and the evening stop so every minute lands on the right
//! day and the right side of "time to stop".

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::calendar::Calendar;
use super::event::BreakKind;
use super::record::{OvertimeRecord, Record, SessionRecord};
use super::settings::RhythmSettings;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Ledger {
    pub session: Option<SessionRecord>,
    pub today: Tally,
    /// Work since the last micro-break (or rest break, which covers it).
    pub micro: SignedDuration,
    /// Work since the last rest break.
    pub rest: SignedDuration,
}

/// One day's running totals and what Piyo has already said about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Tally {
    pub day: Date,
    pub worked: SignedDuration,
    pub after_stop: SignedDuration,
    /// Work outside the schedule's working hours.
    pub outside: SignedDuration,
    pub late_night: bool,
    pub limit_noticed: bool,
    pub stop_noticed: bool,
    pub wind_down_noticed: bool,
    /// The fixed-time breaks already asked for (or rested through), by index.
    pub fixed_done: u32,
}

impl Tally {
    pub fn new(day: Date) -> Tally {
        Tally {
            day,
            worked: SignedDuration::ZERO,
            after_stop: SignedDuration::ZERO,
            outside: SignedDuration::ZERO,
            late_night: false,
            limit_noticed: false,
            stop_noticed: false,
            wind_down_noticed: false,
            fixed_done: 0,
        }
    }

    /// The day's overtime record, if the day has anything to say.
    pub fn overtime(&self, settings: &RhythmSettings) -> Option<OvertimeRecord> {
        let beyond_limit = (self.worked - settings.daily_limit).max(SignedDuration::ZERO);
        let record = OvertimeRecord {
            day: self.day,
            worked: self.worked,
            daily_limit: settings.daily_limit,
            beyond_limit,
            after_evening_stop: self.after_stop,
            late_night: self.late_night,
            workday: settings.is_workday(self.day),
            outside_hours: self.outside,
        };
        let any = beyond_limit > SignedDuration::ZERO
            || self.after_stop > SignedDuration::ZERO
            || self.outside > SignedDuration::ZERO
            || self.late_night;
        any.then_some(record)
    }
}

impl Ledger {
    pub fn new(day: Date) -> Ledger {
        Ledger {
            session: None,
            today: Tally::new(day),
            micro: SignedDuration::ZERO,
            rest: SignedDuration::ZERO,
        }
    }

    /// Starts counting today afresh if `day` is a new one and nothing is open.
    pub fn roll_to(&mut self, day: Date) {
        if self.session.is_none() && self.today.day != day {
            self.today = Tally::new(day);
        }
    }

    /// Opens a session at `at` (no work in it yet).
    pub fn open(&mut self, at: Timestamp, manual: bool, cal: &Calendar) {
        let day = cal.day_of(at);
        self.roll_to(day);
        self.session = Some(SessionRecord {
            day,
            start: at,
            end: at,
            worked: SignedDuration::ZERO,
            manual,
        });
    }

    /// Closes the open session, returning what the store should keep. A
    /// session without any work in it is not worth a row.
    pub fn close(&mut self, settings: &RhythmSettings) -> Vec<Record> {
        let mut out = Vec::new();
        if let Some(session) = self.session.take() {
            if session.worked > SignedDuration::ZERO {
                out.push(Record::Session(session));
                out.extend(self.today.overtime(settings).map(Record::Overtime));
            }
        }
        out
    }

    /// Counts `[from, to)` as work, cutting it at day boundaries. Returns the
    /// records of any session that a rollover closed on the way.
    pub fn work(
        &mut self,
        from: Timestamp,
        to: Timestamp,
        cal: &Calendar,
        settings: &RhythmSettings,
    ) -> Vec<Record> {
        let mut out = Vec::new();
        let mut a = from;
        while a < to {
            let day = cal.day_of(a);
            let b = to.min(cal.end_of(day));
            let Some(session) = &self.session else {
                return out;
            };
            if session.day != day {
                // Same sitting, new day: the break timers carry on.
                let manual = session.manual;
                out.extend(self.close(settings));
                self.open(a, manual, cal);
            }
            self.add(a, b, day, cal, settings);
            a = b;
        }
        out
    }

    fn add(
        &mut self,
        a: Timestamp,
        b: Timestamp,
        day: Date,
        cal: &Calendar,
        settings: &RhythmSettings,
    ) {
        let len = b.duration_since(a);
        if let Some(session) = &mut self.session {
            session.worked += len;
            session.end = b;
        }
        self.today.worked += len;
        if let Some(stop) = settings.day_end(cal, day) {
            if b > stop {
                self.today.after_stop += b.duration_since(a.max(stop));
            }
        }
        self.today.outside += settings.schedule.outside(cal, day, a, b);
        if b > cal.at(day, settings.late_night) {
            self.today.late_night = true;
        }
        self.micro += len;
        self.rest += len;
    }

    /// A break of `kind` happened: its timers start again.
    pub fn rested(&mut self, kind: BreakKind) {
        self.micro = SignedDuration::ZERO;
        if kind == BreakKind::Rest {
            self.rest = SignedDuration::ZERO;
        }
    }

    /// Work counted towards a break of `kind`.
    pub fn towards(&self, kind: BreakKind) -> SignedDuration {
        match kind {
            BreakKind::Micro => self.micro,
            BreakKind::Rest => self.rest,
        }
    }
}
