//! Quiet for a while, the same from every face (`iyashi quiet`, the room's
//! quiet key): kept in the journal so it outlasts any one program, and told
//! to the daemon when one runs. Quiet always ends by itself.

use iyashi_core::catalogue::quiet::QuietSays;
use iyashi_core::catalogue::Problem;
use iyashi_core::rhythm::Calendar;
use iyashi_store::Store;
use jiff::{SignedDuration, Timestamp};

use crate::context::Context;
use crate::daemon::Request;
use crate::failure::Failure;
use crate::work::{ask_daemon, local_time};

/// How long the person asked for quiet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuietSpan {
    /// Quiet ends now.
    Off,
    /// Until the day rolls over: "until tomorrow".
    Today,
    /// For this long, up to a day.
    For(SignedDuration),
}

impl QuietSpan {
    /// Reads `30m`, `1h`, `1h 30m`, `today` or `off`.
    pub fn read(text: &str) -> Result<QuietSpan, Failure> {
        let bad = || Failure::bad_input(Problem::BadQuietSpan(text.to_string()));
        match text.trim().to_ascii_lowercase().as_str() {
            "off" => Ok(QuietSpan::Off),
            "today" => Ok(QuietSpan::Today),
            other => {
                let length: SignedDuration = other.parse().map_err(|_| bad())?;
                if length <= SignedDuration::ZERO || length > SignedDuration::from_hours(24) {
                    return Err(bad());
                }
                Ok(QuietSpan::For(length))
            }
        }
    }
}

impl QuietSpan {
    /// When quiet asked for at `now` ends (`None`: it is off). "Today" ends
    /// at the day's rollover hour, so it is quiet until tomorrow.
    pub fn until(self, calendar: &Calendar, now: Timestamp) -> Option<Timestamp> {
        match self {
            QuietSpan::Off => None,
            QuietSpan::Today => Some(calendar.end_of(calendar.day_of(now))),
            QuietSpan::For(length) => Some(now + length),
        }
    }
}

/// Quiet from now for `span` (or no longer): kept in `store`, told to the
/// daemon when one runs. Returns when it ends, for a face that keeps its own
/// engine, and what to say about it.
pub fn set_quiet(
    ctx: &Context,
    store: &mut Store,
    span: QuietSpan,
) -> Result<(Option<Timestamp>, QuietSays), Failure> {
    let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
    let until = span.until(&calendar, ctx.now);
    let was_on = store.quiet_until()?.is_some_and(|t| t > ctx.now);
    store.set_quiet_until(until)?;
    // The daemon, when it runs, holds prompts from now; it reads the store
    // when it starts otherwise.
    ask_daemon(ctx, Request::Quiet { until })?;
    let said = match (span, until) {
        (QuietSpan::Today, Some(until)) => QuietSays::Today {
            until: local_time(ctx, until),
        },
        (QuietSpan::For(length), Some(until)) => QuietSays::Until {
            until: local_time(ctx, until),
            length,
        },
        _ if was_on => QuietSays::Off,
        _ => QuietSays::WasOff,
    };
    Ok((until, said))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_lengths_up_to_a_day_today_or_off() {
        let read = QuietSpan::read;
        assert!(matches!(read("30m"), Ok(QuietSpan::For(d)) if d == SignedDuration::from_mins(30)));
        assert!(matches!(read("1h"), Ok(QuietSpan::For(d)) if d == SignedDuration::from_hours(1)));
        assert!(
            matches!(read("1h 30m"), Ok(QuietSpan::For(d)) if d == SignedDuration::from_mins(90))
        );
        assert!(matches!(read("Today"), Ok(QuietSpan::Today)));
        assert!(matches!(read("off"), Ok(QuietSpan::Off)));
        for bad in ["", "forever", "-1h", "0m", "25h", "1w"] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
