//! A simulated working week in Tokyo, from Monday to Sunday, played through
//! the rhythm engine sample by sample; the records it keeps and the week
//! summary built from them are snapshot-tested.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use iyashi_core::catalogue::Message;
use iyashi_core::day::{DayRange, RolloverHour};
use iyashi_core::rhythm::{
    Action, BreakKind, BreakOutcome, Calendar, Engine, Event, Reason, Reasons, Record,
    RhythmSettings, Schedule, WeekSummary,
};
use iyashi_core::Lang;
use jiff::civil::{date, Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

const STEP: SignedDuration = SignedDuration::from_secs(5);

/// How the person answers a break prompt.
#[derive(Clone, Copy)]
enum Answer {
    Take,
    /// "Later" to the first ask, then take it.
    LaterThenTake,
    Skip,
    /// Carry on as if nothing was asked.
    Ignore,
}

struct Desk {
    engine: Engine,
    tz: TimeZone,
    now: Timestamp,
    last_input: Timestamp,
    on_break_until: Option<Timestamp>,
    micro: Answer,
    rest: Answer,
    records: Vec<Record>,
    said: Vec<String>,
}

impl Desk {
    fn new() -> Desk {
        Desk::starting(date(2025, 3, 3), RhythmSettings::default())
    }

    fn starting(day: Date, settings: RhythmSettings) -> Desk {
        let tz = TimeZone::get("Asia/Tokyo").unwrap();
        let calendar = Calendar::new(tz.clone(), RolloverHour::DEFAULT);
        let start = at(&tz, day, "08:00");
        Desk {
            engine: Engine::new(settings, calendar),
            tz,
            now: start,
            last_input: start - SignedDuration::from_hours(10),
            on_break_until: None,
            micro: Answer::Take,
            rest: Answer::Take,
            records: Vec::new(),
            said: Vec::new(),
        }
    }

    fn send(&mut self, event: Event) {
        let actions = self.engine.step(self.now, event);
        for action in actions {
            match action {
                Action::Record(r) => self.records.push(r),
                Action::Notify(p) => {
                    self.said
                        .push(format!("{}  {}", self.clock(), p.render(Lang::En)))
                }
                Action::StartBreak { until, .. } => self.on_break_until = Some(until),
                Action::EndBreak { .. } => self.on_break_until = None,
                Action::ShowBreak(p) => {
                    let answer = match p.kind {
                        BreakKind::Micro => self.micro,
                        BreakKind::Rest => self.rest,
                    };
                    let reply = match answer {
                        Answer::Take => Some(Event::TakeBreak),
                        Answer::LaterThenTake if p.gentleness.level() == 0 => Some(Event::Later),
                        Answer::LaterThenTake => Some(Event::TakeBreak),
                        Answer::Skip => Some(Event::Skip),
                        Answer::Ignore => None,
                    };
                    if let Some(reply) = reply {
                        self.send(reply);
                    }
                }
                _ => {}
            }
        }
    }

    /// What the situation sources see from now on.
    fn situation(&mut self, reasons: &[Reason]) {
        self.send(Event::Situation(Reasons::of(reasons)));
    }

    fn clock(&self) -> String {
        self.tz
            .to_datetime(self.now)
            .strftime("%a %H:%M")
            .to_string()
    }

    fn sample(&mut self, input: bool) {
        self.now += STEP;
        // During a break the person is away from the keyboard.
        if input && self.on_break_until.is_none() {
            self.last_input = self.now;
        }
        let idle_for = self.now.duration_since(self.last_input);
        self.send(Event::Activity { idle_for });
    }

    /// Works (with any breaks Piyo asks for) until `hh:mm` on `day`.
    fn work_until(&mut self, day: Date, hhmm: &str) {
        let end = at(&self.tz, day, hhmm);
        while self.now < end {
            self.sample(true);
        }
    }

    /// Away from the keyboard for `mins` minutes.
    fn pause(&mut self, mins: i64) {
        let end = self.now + SignedDuration::from_mins(mins);
        while self.now < end {
            self.sample(false);
        }
    }

    /// Asleep, or simply elsewhere, until `hh:mm` on `day`: the machine
    /// sleeps too, so the next reading comes only then.
    fn away_until(&mut self, day: Date, hhmm: &str) {
        self.now = at(&self.tz, day, hhmm);
        let idle_for = self.now.duration_since(self.last_input);
        self.send(Event::Activity { idle_for });
    }
}

fn at(tz: &TimeZone, day: Date, hhmm: &str) -> Timestamp {
    let time: Time = hhmm.parse().unwrap();
    tz.to_ambiguous_timestamp(day.to_datetime(time))
        .compatible()
        .unwrap()
}

fn play_week() -> Desk {
    let d = |day| date(2025, 3, day);
    let mut desk = Desk::new();

    // Monday: a steady day; every break taken; lunch away.
    desk.away_until(d(3), "09:00");
    desk.work_until(d(3), "12:10");
    desk.pause(50);
    desk.work_until(d(3), "17:45");
    desk.away_until(d(4), "09:15");

    // Tuesday: busy. Rests are put off once, eye breaks skipped; past 19:00.
    desk.micro = Answer::Skip;
    desk.rest = Answer::LaterThenTake;
    desk.work_until(d(4), "12:30");
    desk.pause(40);
    desk.work_until(d(4), "19:40");
    desk.away_until(d(5), "09:30");

    // Wednesday: reminders let be, but pauses taken of their own accord
    // (tea, the window) before a rest is due.
    desk.micro = Answer::Ignore;
    desk.rest = Answer::Take;
    for _ in 0..8 {
        let end = desk.now + SignedDuration::from_mins(40);
        while desk.now < end {
            desk.sample(true);
        }
        desk.pause(6);
    }
    desk.work_until(d(5), "17:30");
    desk.away_until(d(6), "10:00");

    // Thursday: a late one, into the small hours (still Thursday's).
    desk.micro = Answer::Take;
    desk.rest = Answer::Ignore;
    desk.work_until(d(6), "13:00");
    desk.pause(60);
    desk.work_until(d(6), "18:00");
    desk.pause(90);
    desk.work_until(d(7), "00:40");
    desk.away_until(d(7), "10:30");

    // Friday: a short day, ended with `iyashi work stop`.
    desk.micro = Answer::Take;
    desk.rest = Answer::Take;
    desk.work_until(d(7), "15:00");
    desk.send(Event::WorkStop);
    desk.pause(30);

    // Saturday: an hour of something that could not wait.
    desk.away_until(d(8), "14:00");
    desk.work_until(d(8), "15:00");
    desk.away_until(d(9), "12:00");
    // Sunday: nothing at all.
    desk.away_until(d(10), "09:00");
    desk
}

fn log_line(tz: &TimeZone, record: &Record) -> String {
    let t = |ts: Timestamp| tz.to_datetime(ts).strftime("%a %H:%M:%S").to_string();
    match record {
        Record::Session(s) => format!(
            "session   {} {} to {}  worked {:#}{}",
            s.day,
            t(s.start),
            t(s.end),
            s.worked.round(jiff::Unit::Second).unwrap(),
            if s.manual { " (manual)" } else { "" }
        ),
        Record::Break(b) => format!(
            "break     {} {}  {:?} {:?} {:#} postponed {}{}",
            b.day,
            t(b.at),
            b.kind,
            b.outcome,
            b.length,
            b.postponed,
            if b.asked { "" } else { " (unasked)" }
        ),
        Record::Overtime(o) => format!(
            "overtime  {}  worked {:#} beyond limit {:#} after stop {:#}{}",
            o.day,
            o.worked,
            o.beyond_limit,
            o.after_evening_stop,
            if o.late_night { " late night" } else { "" }
        ),
        Record::Held(h) => format!(
            "held      {} {}  {:?} for {} until {}",
            h.day,
            t(h.at),
            h.kind,
            h.reasons.words(),
            h.until.map_or("-".to_string(), t)
        ),
    }
}

#[test]
fn a_simulated_week_keeps_an_honest_record() {
    let desk = play_week();

    // The day-by-day breaks, as counted directly from the records.
    let count = |day: Date, outcome: BreakOutcome| {
        desk.records
            .iter()
            .filter(|r| matches!(r, Record::Break(b) if b.day == day && b.outcome == outcome))
            .count()
    };
    assert!(count(date(2025, 3, 3), BreakOutcome::Taken) >= 8);
    assert!(count(date(2025, 3, 4), BreakOutcome::Skipped) >= 5);
    assert!(count(date(2025, 3, 5), BreakOutcome::Natural) >= 6);

    // Sessions never overlap and each sits within its day.
    let mut sessions: Vec<_> = desk
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Session(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    sessions.sort_by_key(|s| s.start);
    for pair in sessions.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }

    let log: Vec<String> = desk.records.iter().map(|r| log_line(&desk.tz, r)).collect();
    insta::assert_snapshot!("week_records", log.join("\n"));
    insta::assert_snapshot!("week_piyo", desk.said.join("\n"));
}

#[test]
fn the_week_summary_reads_gently_in_both_languages() {
    let desk = play_week();
    let week = DayRange::week_of(date(2025, 3, 5));
    let summary = WeekSummary::from_records(week, &desk.records, &RhythmSettings::default());

    assert_eq!(summary.days_worked, 6);
    assert_eq!(summary.days_off_worked, 1);
    assert_eq!(summary.late_nights, 1);
    let thursday = &summary.days[3];
    assert!(thursday.late_night && thursday.overtime > SignedDuration::ZERO);
    assert!(summary.days[6].worked.is_zero());

    insta::assert_snapshot!("week_summary_en", summary.render(Lang::En));
    insta::assert_snapshot!("week_summary_ja", summary.render(Lang::Ja));
}

#[test]
fn a_week_without_work_is_simply_quiet() {
    let week = DayRange::week_of(date(2025, 3, 5));
    let summary = WeekSummary::from_records(week, &[], &RhythmSettings::default());
    let text = summary.render(Lang::En);
    assert!(
        text.ends_with("No work recorded this week. Rest well.\n"),
        "{text}"
    );
    assert_eq!(summary.days.len(), 7);
}

/// Two meetings on Monday, and on Tuesday an hour of quiet asked for, a talk
/// on full screen after lunch and an evening past the working hours.
fn play_week_of_meetings() -> Desk {
    let d = |day| date(2025, 3, day);
    let hours = "09:00-12:00, 13:00-18:00";
    let schedule = format!(
        "mon = \"{hours}\"\ntue = \"{hours}\"\nwed = \"{hours}\"\n\
         thu = \"{hours}\"\nfri = \"{hours}\"\nsat = \"off\"\nsun = \"off\"\n"
    );
    let settings = RhythmSettings {
        schedule: toml::from_str::<Schedule>(&schedule).unwrap(),
        ..RhythmSettings::default()
    };
    let mut desk = Desk::starting(d(10), settings);
    desk.away_until(d(10), "09:00");
    desk.work_until(d(10), "10:05");
    desk.situation(&[Reason::Microphone]);
    desk.work_until(d(10), "11:00");
    desk.situation(&[]);
    desk.work_until(d(10), "12:00");
    desk.away_until(d(10), "13:00");
    desk.work_until(d(10), "14:10");
    desk.situation(&[Reason::Microphone, Reason::Camera]);
    desk.work_until(d(10), "15:00");
    desk.situation(&[]);
    desk.work_until(d(10), "17:30");

    desk.away_until(d(11), "09:00");
    let quiet_until = at(&desk.tz, d(11), "10:30");
    desk.send(Event::QuietUntil(Some(quiet_until)));
    desk.work_until(d(11), "12:00");
    desk.away_until(d(11), "13:00");
    desk.work_until(d(11), "13:05");
    desk.situation(&[Reason::Fullscreen]);
    desk.work_until(d(11), "13:45");
    desk.situation(&[]);
    desk.work_until(d(11), "19:30");
    desk.away_until(d(12), "09:00");
    desk
}

#[test]
fn the_week_tells_what_piyo_waited_through_and_the_hours_outside_gently() {
    let desk = play_week_of_meetings();
    let week = DayRange::week_of(date(2025, 3, 12));
    let records: Vec<Record> = desk
        .records
        .iter()
        .cloned()
        .chain(desk.engine.checkpoint())
        .collect();
    let summary = WeekSummary::from_records(week, &records, desk.engine.settings());

    let (monday, tuesday) = (&summary.days[0], &summary.days[1]);
    assert_eq!(monday.held.meetings, 2, "{:?}", monday.held);
    assert!(tuesday.held.reasons.contains(Reason::Quiet));
    assert!(tuesday.held.reasons.contains(Reason::Fullscreen));
    assert_eq!(tuesday.held.meetings, 0);
    assert!(tuesday.outside_hours >= SignedDuration::from_mins(80));
    assert_eq!(summary.held.meetings, 2);

    let (en, ja) = (summary.render(Lang::En), summary.render(Lang::Ja));
    // Told as what Piyo waited through, never as something missed.
    for text in [&en, &ja] {
        assert!(!text.contains("held") && !text.contains("miss"), "{text}");
    }
    insta::assert_snapshot!("week_of_meetings_en", en);
    insta::assert_snapshot!("week_of_meetings_ja", ja);
}
