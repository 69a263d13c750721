//! A made-up year of entries and rhythm records, the same every time: for
//! tests, snapshots, demos and benchmarks of episodes and plots.
//!
//! It has a shape worth telling: ordinary months, a hard March (long days,
//! late nights, low moods), a summer holiday in August with no work, and a
//! November that grows lighter. Joys are written in the language asked for.

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::day::DayRange;
use crate::entry::{Entry, EntryId, EntryKind, Mood};
use crate::rhythm::{
    BreakKind, BreakOutcome, BreakRecord, HoldRecord, OvertimeRecord, Reason, Reasons, Record,
    SessionRecord,
};
use crate::Lang;

const JOYS_EN: [&str; 16] = [
    "warm tea by the window #tea",
    "the cat slept on my feet",
    "a quiet walk home #walk",
    "fresh bread from the corner bakery",
    "someone said thank you",
    "the sky went pink at six",
    "a long bath",
    "soup that came out just right",
    "finished a chapter of my book",
    "green tea after lunch #tea",
    "rain on the roof, and a blanket",
    "a walk by the river #walk",
    "a letter from an old friend",
    "the train was nearly empty",
    "the first persimmon of the year",
    "slept in on Saturday",
];

const JOYS_JA: [&str; 16] = [
    "窓辺であたたかいお茶 #お茶",
    "猫が足の上で寝ていた",
    "静かな帰り道 #散歩",
    "角のパン屋の焼きたてパン",
    "ありがとうと言われた",
    "六時の空がピンク色",
    "ゆっくりお風呂",
    "スープがうまくできた",
    "本を一章読み終えた",
    "お昼のあとの緑茶 #お茶",
    "屋根の雨音と毛布",
    "川沿いを散歩 #散歩",
    "旧友からの手紙",
    "電車がほとんど空いていた",
    "今年はじめての柿",
    "土曜日に朝寝坊",
];

/// A small deterministic generator (xorshift), so the year needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Entries and records of one year, every day from 1 January to `until`
/// (inclusive), in Tokyo with days rolling over at 04:00.
pub struct SampleYear {
    /// Joys, moods and a few notes.
    pub entries: Vec<Entry>,
    /// Sessions, breaks and overtime.
    pub records: Vec<Record>,
}

/// The made-up year `year` up to `until`, joys in `lang`.
pub fn year(year: i16, until: Date, lang: Lang) -> SampleYear {
    let tz = TimeZone::get("Asia/Tokyo").unwrap_or(TimeZone::fixed(jiff::tz::offset(9)));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ u64::from(year.unsigned_abs()));
    let mut entries = Vec::new();
    let mut records = Vec::new();
    let mut serial = 0u64;
    // Joys walk through the list in random steps, so no joy follows itself.
    let mut next_joy = 0u64;
    let first = Date::new(year, 1, 1).expect("1 January exists");
    let last = until.min(first.last_of_year());
    let at = |day: Date, h: i8, m: i8| -> Timestamp {
        tz.to_ambiguous_timestamp(day.at(h, m, 0, 0))
            .compatible()
            .unwrap_or(Timestamp::UNIX_EPOCH)
    };
    for day in (DayRange { first, last }).days() {
        let month = day.month();
        let hard = month == 3;
        let holiday = month == 8 && (10..=21).contains(&day.day());
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        let mut entry = |kind, mood: Option<u8>, text: &str, h: i8, m: i8| {
            serial += 1;
            let made = Entry::new(
                EntryId::parse(&format!("00000000-0000-4000-8000-{serial:012x}"))
                    .expect("a canonical id"),
                kind,
                mood.and_then(|v| Mood::new(v).ok()),
                text,
                at(day, h, m),
                "Asia/Tokyo".to_string(),
                day,
            );
            entries.extend(made.ok());
        };

        // Joys: fewer in a hard month, more on holiday.
        let joys = match (hard, holiday) {
            (true, _) => rng.below(2),
            (_, true) => 2 + rng.below(3),
            _ => rng.below(4),
        };
        for j in 0..joys {
            next_joy = (next_joy + 1 + rng.below(5)) % 16;
            let text = lang.pick(JOYS_EN, JOYS_JA)[next_joy as usize];
            entry(
                EntryKind::Joy,
                None,
                text,
                8 + 4 * j as i8,
                rng.below(60) as i8,
            );
        }
        // A mood most days: low in March, lighter through November.
        if rng.below(10) < 8 {
            let base = if hard {
                1 + rng.below(3)
            } else if month == 11 {
                2 + (u64::from(day.day().unsigned_abs()) * 3 / 30).min(3)
            } else {
                2 + rng.below(3)
            };
            entry(EntryKind::Mood, Some(base as u8), "", 21, 0);
        }
        if rng.below(12) == 0 {
            entry(
                EntryKind::Note,
                None,
                lang.pick("a plain note", "ただのメモ"),
                22,
                0,
            );
        }

        if weekend || holiday {
            continue;
        }
        // Work: two sessions; in March, long days and some late nights.
        let hours = if hard {
            9 * 60 + 30 + rng.below(90) as i64
        } else {
            6 * 60 + 30 + rng.below(120) as i64
        };
        let late = hard && rng.below(3) == 0;
        let morning = hours / 2;
        let start1 = at(day, 9, 0);
        let start2 = at(day, 13, 0);
        for (start, mins) in [(start1, morning), (start2, hours - morning)] {
            let worked = SignedDuration::from_mins(mins);
            records.push(Record::Session(SessionRecord {
                day,
                start,
                end: start + worked + SignedDuration::from_mins(30),
                worked,
                manual: false,
            }));
        }
        let breaks = if hard { 3 } else { 6 };
        for b in 0..breaks {
            let outcome = match rng.below(6) {
                0 => BreakOutcome::Skipped,
                1 | 2 => BreakOutcome::Natural,
                _ => BreakOutcome::Taken,
            };
            let kind = if b % 2 == 0 {
                BreakKind::Micro
            } else {
                BreakKind::Rest
            };
            let length = match (outcome, kind) {
                (BreakOutcome::Skipped, _) => SignedDuration::ZERO,
                (_, BreakKind::Micro) => SignedDuration::from_secs(20),
                (_, BreakKind::Rest) => SignedDuration::from_mins(5 + rng.below(6) as i64),
            };
            records.push(Record::Break(BreakRecord {
                day,
                kind,
                outcome,
                at: at(day, 10 + b as i8, 0),
                length,
                postponed: u8::from(outcome == BreakOutcome::Skipped),
                asked: outcome != BreakOutcome::Natural,
                activity: None,
            }));
        }
        // A weekly meeting on Wednesdays that an eye rest waited through.
        if day.weekday() == Weekday::Wednesday {
            let start = at(day, 11, 0);
            records.push(Record::Held(HoldRecord {
                day,
                kind: BreakKind::Micro,
                at: start,
                reasons: Reasons::of(&[Reason::Microphone, Reason::Camera]),
                until: Some(start + SignedDuration::from_mins(45)),
            }));
        }
        let limit = SignedDuration::from_hours(8);
        let worked = SignedDuration::from_mins(hours);
        if worked > limit || late {
            records.push(Record::Overtime(OvertimeRecord {
                day,
                worked,
                daily_limit: limit,
                beyond_limit: (worked - limit).max(SignedDuration::ZERO),
                after_evening_stop: (worked - limit).max(SignedDuration::ZERO),
                late_night: late,
                workday: true,
                outside_hours: SignedDuration::ZERO,
            }));
        }
    }
    SampleYear { entries, records }
}
