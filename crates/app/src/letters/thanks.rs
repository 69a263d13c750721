//! The thanks a person's kind answers received, as every face shows them.
//!
//! The service is asked at most once every [`THANKS_FRESH`]: the figure is
//! kept in `letters-thanks.json` in the home folder, so a page that is
//! opened again and again makes no new call for it, and when the service
//! cannot be reached the last figure is still shown, with when it is from.

use std::path::{Path, PathBuf};

use iyashi_core::catalogue::letters::LettersSays;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::Letters;
use crate::whole_file::write_atomically;

/// How long a figure from the service is shown without asking again.
pub const THANKS_FRESH: SignedDuration = SignedDuration::from_mins(10);

/// The last figure the service gave, as kept in the home folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Known {
    times: u64,
    letters: Vec<String>,
    /// Seconds since the epoch.
    asked_at: i64,
}

/// What a face shows of the thanks the person's answers received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThanksReceived {
    /// How many of the person's answers were thanked.
    pub times: u64,
    /// The strangers' letters whose answer from this person was thanked.
    pub letters: Vec<String>,
    /// When the figure is from, if the service could not be asked now.
    pub as_of: Option<Timestamp>,
}

impl ThanksReceived {
    /// The warm line to show, or `None` when nothing was thanked yet (no
    /// sad "0 thanks": nothing is said then).
    pub fn said(&self, tz: &TimeZone) -> Option<LettersSays> {
        (self.times > 0).then(|| LettersSays::AnswersThanked {
            times: self.times,
            as_of: self.as_of.map(|at| tz.to_datetime(at)),
        })
    }

    /// Whether the person's answer to this letter was thanked.
    pub fn thanked(&self, letter_id: &str) -> bool {
        self.letters.iter().any(|id| id == letter_id)
    }
}

fn known_path(dir: &Path) -> PathBuf {
    dir.join("letters-thanks.json")
}

fn read_known(dir: &Path) -> Option<Known> {
    let text = std::fs::read_to_string(known_path(dir)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The last figure kept, without asking the service: for a face that just
/// found the service away. `None` when it was never asked.
pub fn last_known_thanks(dir: &Path) -> Option<ThanksReceived> {
    read_known(dir).map(|known| ThanksReceived {
        times: known.times,
        letters: known.letters,
        as_of: Timestamp::from_second(known.asked_at).ok(),
    })
}

impl Letters {
    /// The thanks the person's answers received: the kept figure while it
    /// is fresh, else the service's (then kept); when the service cannot
    /// be asked, the last figure with when it is from.
    pub fn thanks(&self, now: Timestamp) -> ThanksReceived {
        let known = read_known(&self.dir);
        if let Some(known) = &known {
            let age = now.duration_since(Timestamp::from_second(known.asked_at).unwrap_or(now));
            if !age.is_negative() && age < THANKS_FRESH {
                return ThanksReceived {
                    times: known.times,
                    letters: known.letters.clone(),
                    as_of: None,
                };
            }
        }
        match self.client.thanks(None) {
            Ok(thanks) => {
                let fresh = Known {
                    times: thanks.total,
                    letters: thanks.answers.into_iter().map(|a| a.letter_id).collect(),
                    asked_at: now.as_second(),
                };
                // Not kept (a full disk): shown all the same, asked again next time.
                let _ = serde_json::to_vec(&fresh)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| write_atomically(&known_path(&self.dir), &bytes));
                ThanksReceived {
                    times: fresh.times,
                    letters: fresh.letters,
                    as_of: None,
                }
            }
            Err(_) => last_known_thanks(&self.dir).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::config::LettersSettings;

    /// Letters on, at a port nothing listens on: any call to the service
    /// fails at once, so a figure shown without `as_of` was not asked for.
    fn away(dir: &Path) -> Letters {
        let settings = LettersSettings {
            enabled: true,
            server: "http://127.0.0.1:9".into(),
        };
        Letters::open(dir, &settings).unwrap()
    }

    fn keep(dir: &Path, times: u64, asked_at: Timestamp) {
        let known = Known {
            times,
            letters: vec!["l1".into()],
            asked_at: asked_at.as_second(),
        };
        std::fs::write(known_path(dir), serde_json::to_vec(&known).unwrap()).unwrap();
    }

    #[test]
    fn never_asked_and_away_says_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let now: Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        let thanks = away(dir.path()).thanks(now);
        assert_eq!(thanks, ThanksReceived::default());
        assert_eq!(thanks.said(&TimeZone::UTC), None);
        assert_eq!(last_known_thanks(dir.path()), None);
    }

    #[test]
    fn a_fresh_figure_is_shown_without_asking_again() {
        let dir = tempfile::tempdir().unwrap();
        let now: Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        keep(dir.path(), 3, now - SignedDuration::from_mins(9));
        let thanks = away(dir.path()).thanks(now);
        assert_eq!((thanks.times, thanks.as_of), (3, None));
        assert!(thanks.thanked("l1") && !thanks.thanked("l2"));
    }

    #[test]
    fn an_older_figure_the_service_cannot_renew_says_when_it_is_from() {
        let dir = tempfile::tempdir().unwrap();
        let now: Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        let then = now - SignedDuration::from_mins(45);
        keep(dir.path(), 2, then);
        let thanks = away(dir.path()).thanks(now);
        assert_eq!((thanks.times, thanks.as_of), (2, Some(then)));
        let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
        assert_eq!(
            thanks.said(&tokyo),
            Some(LettersSays::AnswersThanked {
                times: 2,
                as_of: Some(jiff::civil::date(2026, 12, 1).at(20, 15, 0, 0)),
            })
        );
    }
}
