//! A whole working day of the `watch` daemon, simulated: the real loop
//! (`iyashi_app::watch::Daemon::run`), the real engine and a real SQLite
//! journal, with a fake clock, a scripted person at the keyboard, a scripted
//! call on camera and a voice that records what Piyo would have said. The
//! day runs in milliseconds.
//!
//! Tuesday 1 December 2026 (UTC), working hours 09:00-18:00, lunch at
//! 12:30. The person arrives at 09:00; takes every micro-break; puts the
//! first rest break off once, then takes it; is on a call from 10:50 to
//! 11:40, which holds back what comes due meanwhile; takes lunch; hears the
//! wind-down at 17:30 and the time to stop at 18:00, and leaves at 18:05.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use iyashi_app::clock::RunningClock;
use iyashi_app::context::Context;
use iyashi_app::daemon::{Reply, Request};
use iyashi_app::home::Home;
use iyashi_app::watch::{
    ActivitySource, Answer, Daemon, Input, Inputs, NoFace, Senses, SituationSource, Voice,
};
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::watch::SourceName;
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{
    Activity, BreakKind, BreakOutcome, BreakPrompt, Reason, Reasons, Record,
};
use iyashi_core::{Clock, Config, Lang};
use jiff::civil::date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

const CONFIG: &str = r#"
[rhythm]
micro_break_every = "20m"
micro_break_length = "20s"
rest_break_every = "50m"
rest_break_length = "5m"
postpone = "5m"

[rhythm.schedule]
tue = "09:00-18:00"
breaks = ["12:30-13:15 lunch"]
wind_down = "30m"
"#;

fn at(hh_mm: &str) -> Timestamp {
    format!("2026-12-01T{hh_mm}:00Z").parse().expect("a time")
}

/// The simulated world: the one "now", and the person in it.
#[derive(Default)]
struct World {
    now: Cell<Timestamp>,
    person: RefCell<Person>,
}

#[derive(Default)]
struct Person {
    /// Away from the keyboard from then until then.
    away: Vec<(Timestamp, Timestamp)>,
    /// How the next rest break's asks are answered, in order (then: take).
    rest_answers: VecDeque<Answer>,
    /// Answers on their way back to the daemon, with when they arrive.
    answering: VecDeque<(Timestamp, Answer)>,
    /// Everything Piyo asked, with when.
    asked: Vec<(Timestamp, BreakPrompt)>,
    /// Breaks begun, with when.
    rested: Vec<(Timestamp, BreakKind, SignedDuration)>,
    /// Everything Piyo said that needed no answer.
    told: Vec<(Timestamp, Piyo)>,
}

struct SimClock(Rc<World>);

impl Clock for SimClock {
    fn now(&self) -> Timestamp {
        self.0.now.get()
    }
}

/// The keyboard: no input while the person is away (since they left).
struct Keyboard(Rc<World>);

impl ActivitySource for Keyboard {
    fn name(&self) -> SourceName {
        SourceName::X11
    }

    fn idle_for(&mut self) -> Result<Option<Duration>, String> {
        let now = self.0.now.get();
        let person = self.0.person.borrow();
        let left = person
            .away
            .iter()
            .find(|(from, until)| *from <= now && now < *until)
            .map(|(from, _)| *from);
        Ok(Some(left.map_or(Duration::ZERO, |from| {
            from.duration_until(now).unsigned_abs()
        })))
    }
}

/// The camera is on during the call.
struct Call(Rc<World>, Timestamp, Timestamp);

impl SituationSource for Call {
    fn look(&mut self) -> Reasons {
        let now = self.0.now.get();
        match self.1 <= now && now < self.2 {
            true => Reasons::NONE.with(Reason::Camera),
            false => Reasons::NONE,
        }
    }
}

/// Piyo's notifications, heard by the scripted person, who answers each ask
/// a few seconds later and steps away for every break begun.
struct Heard(Rc<World>);

const ANSWERS_AFTER: SignedDuration = SignedDuration::from_secs(8);

impl Voice for Heard {
    fn ask(&mut self, prompt: &BreakPrompt) {
        let now = self.0.now.get();
        let mut person = self.0.person.borrow_mut();
        let answer = match prompt.kind {
            BreakKind::Rest => person.rest_answers.pop_front().unwrap_or(Answer::TakeBreak),
            BreakKind::Micro => Answer::TakeBreak,
        };
        person.asked.push((now, prompt.clone()));
        person.answering.push_back((now + ANSWERS_AFTER, answer));
    }

    fn resting(&mut self, kind: BreakKind, left: SignedDuration, _: Activity) {
        let now = self.0.now.get();
        let mut person = self.0.person.borrow_mut();
        person.rested.push((now, kind, left));
        person
            .away
            .push((now, now + left + SignedDuration::from_secs(2)));
    }

    fn tell(&mut self, text: &Piyo) {
        let now = self.0.now.get();
        self.0.person.borrow_mut().told.push((now, text.clone()));
    }

    fn dismiss(&mut self) {}

    fn source_lost(&mut self, source: SourceName) {
        panic!("the scripted keyboard never fails, yet {source:?} was lost");
    }
}

/// The day's inputs: the person's answers, requests from other faces at
/// their times, and the end of the day; the clock jumps from one to the next.
struct Day {
    world: Rc<World>,
    requests: VecDeque<(Timestamp, Request)>,
    replies: Vec<(Timestamp, Receiver<Reply>)>,
    ends: Timestamp,
}

impl Inputs<std::convert::Infallible> for Day {
    fn wait(
        &mut self,
        now: Timestamp,
        deadline: Timestamp,
    ) -> Option<Input<std::convert::Infallible>> {
        let answer = self.world.person.borrow().answering.front().map(|a| a.0);
        let request = self.requests.front().map(|r| r.0);
        let next = [answer, request, Some(self.ends)]
            .into_iter()
            .flatten()
            .min()
            .expect("the day ends");
        if next > deadline {
            self.world.now.set(deadline.max(now));
            return None;
        }
        self.world.now.set(next.max(now));
        if answer == Some(next) {
            let (_, answer) = self
                .world
                .person
                .borrow_mut()
                .answering
                .pop_front()
                .expect("an answer");
            return Some(Input::Answer(answer));
        }
        if request == Some(next) {
            let (when, request) = self.requests.pop_front().expect("a request");
            let (reply_to, reply) = mpsc::channel();
            self.replies.push((when, reply));
            return Some(Input::Request(request, reply_to));
        }
        Some(Input::Stop)
    }
}

fn context(home: &tempfile::TempDir) -> Context {
    let config = Config::from_toml(CONFIG).expect("the config is valid");
    Context {
        lang: Lang::En,
        home: Home {
            dir: home.path().to_path_buf(),
        },
        rollover: config.day_starts_at,
        config,
        tz: TimeZone::UTC,
        tz_name: "UTC".into(),
        now: at("08:30"),
        color: false,
        clock: RunningClock::System,
    }
}

#[test]
fn a_whole_working_day_of_the_daemon() {
    let home = tempfile::tempdir().expect("a home");
    let ctx = context(&home);
    let world = Rc::new(World::default());
    world.now.set(at("08:30"));
    {
        let mut person = world.person.borrow_mut();
        // Asleep until nine; lunch; home at five past six.
        let night_before = "2026-11-30T19:00:00Z".parse().expect("a time");
        person.away.push((night_before, at("09:00")));
        person.away.push((at("18:05"), at("23:59")));
        person.rest_answers.push_back(Answer::Later);
    }
    let mut day = Day {
        world: world.clone(),
        requests: VecDeque::from([(at("15:00"), Request::Status)]),
        replies: Vec::new(),
        ends: at("18:30"),
    };
    let mut keyboard = Keyboard(world.clone());
    let mut call = Call(world.clone(), at("10:50"), at("11:40"));
    let store = ctx.open_store().expect("the journal opens");
    let mut daemon =
        Daemon::start(&ctx, store, Heard(world.clone()), at("08:30")).expect("the daemon starts");
    let senses = Senses {
        activity: &mut keyboard,
        situation: &mut call,
    };
    daemon
        .run(&SimClock(world.clone()), senses, &mut day, &mut NoFace)
        .expect("the day runs");

    let person = world.person.borrow();
    let in_call = |t: Timestamp| at("10:50") <= t && t < at("11:40");

    // Nothing is asked before work begins, during the call, or after the
    // working day has ended.
    assert!(!person.asked.is_empty());
    for (when, prompt) in &person.asked {
        assert!(*when >= at("09:00"), "asked at {when} before work");
        assert!(!in_call(*when), "asked at {when}, in the call: {prompt:?}");
        assert!(*when < at("18:00"), "asked at {when}, after hours");
    }

    // The first micro-break is asked for after twenty minutes of work.
    let (first_at, first) = &person.asked[0];
    assert_eq!(first.kind, BreakKind::Micro);
    assert!(
        (at("09:20")..at("09:21")).contains(first_at),
        "first ask at {first_at}"
    );

    // The first rest break is put off once and asked again, more gently,
    // after the postpone time.
    let rests: Vec<_> = person
        .asked
        .iter()
        .filter(|(_, p)| p.kind == BreakKind::Rest && p.length == SignedDuration::from_mins(5))
        .collect();
    assert!(rests.len() >= 2, "{rests:?}");
    let (asked, again) = (rests[0], rests[1]);
    assert_eq!(asked.1.gentleness.level(), 0);
    assert_eq!(again.1.gentleness.level(), 1);
    let snoozed = asked.0.duration_until(again.0);
    assert!(
        snoozed >= SignedDuration::from_mins(5) && snoozed < SignedDuration::from_mins(6),
        "asked again after {snoozed}"
    );

    // What came due in the call is asked for as soon as it ends.
    let after_call = person
        .asked
        .iter()
        .find(|(t, _)| *t >= at("11:40"))
        .expect("an ask after the call");
    assert!(after_call.0 < at("11:42"), "{after_call:?}");

    // Lunch is asked for at its time, with its own length, and taken.
    let lunch = person
        .asked
        .iter()
        .find(|(_, p)| matches!(&p.text, Piyo::FixedBreak { label, .. } if label == "lunch"))
        .expect("lunch is asked for");
    assert!((at("12:30")..at("12:31")).contains(&lunch.0), "{lunch:?}");
    assert_eq!(lunch.1.length, SignedDuration::from_mins(45));
    assert!(person
        .rested
        .iter()
        .any(|(t, _, left)| *t >= lunch.0 && *left == SignedDuration::from_mins(45)));

    // The evening: the wind-down half an hour before the end, then the time
    // to stop, each once.
    let said = |wanted: fn(&Piyo) -> bool| -> Vec<Timestamp> {
        person
            .told
            .iter()
            .filter(|(_, p)| wanted(p))
            .map(|(t, _)| *t)
            .collect()
    };
    let wind_down = said(|p| matches!(p, Piyo::WindDown { .. }));
    let stop = said(|p| matches!(p, Piyo::TimeToStop { .. }));
    assert_eq!(wind_down.len(), 1, "{:?}", person.told);
    assert!((at("17:30")..at("17:31")).contains(&wind_down[0]));
    assert_eq!(stop.len(), 1, "{:?}", person.told);
    assert!((at("18:00")..at("18:01")).contains(&stop[0]));

    // Another face asked how things stand in the afternoon, and heard.
    let (_, reply) = &day.replies[0];
    let reply = reply.try_recv().expect("the request was answered");
    assert!(reply.active);
    assert!(reply.worked_today_secs > SignedDuration::from_hours(4).as_secs());

    // The journal holds the day as it went.
    let store = ctx.open_store().expect("the journal opens again");
    let records = store
        .records_in(DayRange::single(date(2026, 12, 1)))
        .expect("the day's records");
    let breaks: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            Record::Break(b) => Some(b),
            _ => None,
        })
        .collect();
    let taken = |kind| {
        breaks
            .iter()
            .filter(|b| b.kind == kind && b.outcome == BreakOutcome::Taken)
            .count()
    };
    assert!(taken(BreakKind::Micro) >= 8, "{breaks:#?}");
    assert!(taken(BreakKind::Rest) >= 4, "{breaks:#?}");
    assert!(
        breaks.iter().all(|b| b.outcome != BreakOutcome::Skipped),
        "nothing was let go: {breaks:#?}"
    );
    let put_off = breaks
        .iter()
        .find(|b| b.kind == BreakKind::Rest && b.postponed == 1)
        .expect("the rest break put off once");
    assert!(
        put_off.at >= again.0 && put_off.at < again.0 + SignedDuration::from_mins(1),
        "{put_off:?}"
    );

    // The call held a due break back, and the hold ended with the call.
    let held: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            Record::Held(h) => Some(h),
            _ => None,
        })
        .collect();
    assert_eq!(held.len(), 1, "{held:#?}");
    assert!(held[0].reasons.contains(Reason::Camera));
    assert!(in_call(held[0].at));
    let until = held[0].until.expect("the hold ended");
    assert!((at("11:40")..at("11:42")).contains(&until), "{until}");

    // The work is kept as sessions: the working day less breaks and lunch.
    let worked: SignedDuration = records
        .iter()
        .filter_map(|r| match r {
            Record::Session(s) => Some(s.worked),
            _ => None,
        })
        .fold(SignedDuration::ZERO, |all, one| all + one);
    assert!(
        worked > SignedDuration::from_hours(7) && worked < SignedDuration::from_hours(9),
        "worked {worked}"
    );
    for record in &records {
        if let Record::Session(s) = record {
            assert!(s.start >= at("09:00") && s.end <= at("18:06"), "{s:?}");
        }
    }
}
