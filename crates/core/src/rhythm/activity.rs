//! Choosing what a break is for: one guided activity, fitted to the kind of
//! break and not repeated within a day.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::event::BreakKind;
use crate::catalogue::activities::{self, Guide, Words};
use crate::Lang;

/// The rhythm of a breathing exercise, in seconds per phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Breath {
    /// Seconds breathing in.
    pub inhale: u8,
    /// Seconds holding, full.
    pub hold_in: u8,
    /// Seconds breathing out.
    pub exhale: u8,
    /// Seconds holding, empty.
    pub hold_out: u8,
}

impl Breath {
    /// The calm rhythm the pacer keeps for an activity without its own:
    /// in for 4, out for 6.
    pub const CALM: Breath = Breath {
        inhale: 4,
        hold_in: 0,
        exhale: 6,
        hold_out: 0,
    };
}

/// One guided activity from the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activity(&'static Guide);

impl Activity {
    /// The activity with this id, if there is one.
    pub fn by_id(id: &str) -> Option<Activity> {
        activities::all().find(|g| g.id == id).map(Activity)
    }

    /// Every activity that fits a break of `kind`.
    pub fn all_for(kind: BreakKind) -> impl Iterator<Item = Activity> {
        activities::all()
            .filter(move |g| g.fits == kind)
            .map(Activity)
    }

    /// Its stable id, kept with the break it was offered for.
    pub fn id(self) -> &'static str {
        self.0.id
    }

    /// Its entry in the catalogue.
    pub fn guide(self) -> &'static Guide {
        self.0
    }

    /// Its words in `lang`.
    pub fn words(self, lang: Lang) -> Words {
        self.0.words(lang)
    }

    /// The breathing pacer's rhythm: the activity's own, or a calm one.
    pub fn breath(self) -> Breath {
        self.0.breath.unwrap_or(Breath::CALM)
    }

    /// The activity for the next break of `kind` on `day`, given those
    /// already offered that day (oldest first).
    ///
    /// None repeats within a day while there are others of its kind left;
    /// after that, the one offered longest ago comes back first. The choice
    /// among the rest depends only on the day and how many came before, so
    /// it is the same on every face and in every test.
    ///
    /// ```
    /// use iyashi_core::rhythm::{Activity, BreakKind};
    /// use jiff::civil::date;
    ///
    /// let day = date(2025, 3, 3);
    /// let first = Activity::pick(BreakKind::Micro, day, &[]);
    /// let second = Activity::pick(BreakKind::Micro, day, &[first]);
    /// assert_ne!(first, second);
    /// ```
    pub fn pick(kind: BreakKind, day: Date, used: &[Activity]) -> Activity {
        let fits: Vec<Activity> = Activity::all_for(kind).collect();
        let fresh: Vec<Activity> = fits.iter().copied().filter(|a| !used.contains(a)).collect();
        if fresh.is_empty() {
            // Every one has come today: the one offered longest ago is next.
            let last_use = |a: &Activity| used.iter().rposition(|u| u == a);
            return fits
                .into_iter()
                .min_by_key(last_use)
                .expect("every kind of break has activities");
        }
        let seed = mix(day_number(day), used.len() as u64);
        fresh[(seed % fresh.len() as u64) as usize]
    }
}

impl Serialize for Activity {
    fn serialize<S: serde::Serializer>(&self, se: S) -> Result<S::Ok, S::Error> {
        se.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Activity {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Activity, D::Error> {
        let id = String::deserialize(de)?;
        Activity::by_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown activity {id:?}")))
    }
}

fn day_number(day: Date) -> u64 {
    let (y, m, d) = (day.year(), day.month(), day.day());
    (y as u64) * 400 + (m as u64) * 32 + d as u64
}

/// A small, well-spread hash (SplitMix64's finaliser), so neighbouring days
/// do not start their day the same way.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_add(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_day_goes_through_every_activity_before_any_comes_again() {
        for kind in [BreakKind::Micro, BreakKind::Rest] {
            let pool = Activity::all_for(kind).count();
            let mut used = Vec::new();
            for _ in 0..pool {
                let next = Activity::pick(kind, date(2025, 3, 3), &used);
                assert!(!used.contains(&next), "{} came twice", next.id());
                assert_eq!(next.guide().fits, kind);
                used.push(next);
            }
            // Then the one offered longest ago.
            assert_eq!(Activity::pick(kind, date(2025, 3, 3), &used), used[0]);
        }
    }

    #[test]
    fn different_days_start_differently() {
        let firsts: std::collections::HashSet<&str> = (1..=10)
            .map(|d| Activity::pick(BreakKind::Rest, date(2025, 3, d), &[]).id())
            .collect();
        assert!(firsts.len() > 3, "{firsts:?}");
    }

    #[test]
    fn an_activity_is_kept_by_its_id() {
        let a = Activity::by_id("breath-4-7-8").unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"breath-4-7-8\"");
        assert_eq!(
            serde_json::from_str::<Activity>("\"breath-4-7-8\"").unwrap(),
            a
        );
        assert!(serde_json::from_str::<Activity>("\"juggling\"").is_err());
        assert_eq!(a.breath().hold_in, 7);
        assert_eq!(
            Activity::by_id("eyes-20-20-20").unwrap().breath(),
            Breath::CALM
        );
    }
}
