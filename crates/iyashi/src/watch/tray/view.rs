//! What the tray shows for where the day stands: Goro's face and the
//! tooltip's one line. Pure: a status in, a view out.

use iyashi_art::icon::Face;
use iyashi_core::catalogue::tray::{NextBreak, TraySays};
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::Status;
use iyashi_core::Lang;
use jiff::{SignedDuration, Timestamp};

/// The tray's whole look; the item is told again only when this changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub face: Face,
    pub tooltip: String,
    /// A kind letter waits to be read: a quiet mark on the icon.
    pub letter_waiting: bool,
}

/// Goro's face for `status`: asleep while resting, a small moon while
/// quiet or outside working hours, looking up when a break is due (asked
/// for, or waiting for a moment to pass), content otherwise.
pub fn face(status: &Status, now: Timestamp) -> Face {
    if status.on_break.is_some() {
        Face::Asleep
    } else if quiet(status, now) || status.off_hours {
        Face::Moon
    } else if status.asking.is_some() || status.held.is_some() {
        Face::LookingUp
    } else {
        Face::Content
    }
}

fn quiet(status: &Status, now: Timestamp) -> bool {
    status.quiet_until.is_some_and(|until| until > now)
}

/// The tooltip's middle part. Times are whole minutes, rounded up, so the
/// line (and with it the item on the bus) changes once a minute at most.
pub fn next_break(
    status: &Status,
    now: Timestamp,
    clock: impl Fn(Timestamp) -> String,
) -> NextBreak {
    let up_to_minute = |d: SignedDuration| {
        let mins = (d.as_secs().max(0) + 59) / 60;
        SignedDuration::from_mins(mins.max(1))
    };
    if let Some((_, until)) = status.on_break {
        return NextBreak::Resting(up_to_minute(now.duration_until(until)));
    }
    if let Some(until) = status.quiet_until.filter(|&until| until > now) {
        return NextBreak::QuietUntil(clock(until));
    }
    if status.off_hours {
        return NextBreak::OffHours;
    }
    if status.asking.is_some() || status.held.is_some() {
        return NextBreak::Due;
    }
    if status.session_start.is_none() {
        return NextBreak::NotWorking;
    }
    NextBreak::In(up_to_minute(status.until_micro.min(status.until_rest)))
}

/// The view for `status` in `lang`, with the micro-season already named.
pub fn view(
    status: &Status,
    now: Timestamp,
    lang: Lang,
    season: &str,
    letter_waiting: bool,
    clock: impl Fn(Timestamp) -> String,
) -> View {
    let worked = SignedDuration::from_mins(status.worked_today.as_secs().max(0) / 60);
    let mut tooltip = TraySays::Day {
        worked,
        next: next_break(status, now, clock),
        season: season.to_string(),
    }
    .render(lang);
    if letter_waiting {
        tooltip = format!("{tooltip}\n{}", TraySays::LetterWaiting.render(lang));
    }
    View {
        face: face(status, now),
        tooltip,
        letter_waiting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::rhythm::{BreakKind, HeldNow, Reasons};

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn working() -> Status {
        Status {
            session_start: Some(at("2026-11-25T00:00:00Z")),
            active: true,
            on_break: None,
            asking: None,
            postponed: 0,
            until_micro: SignedDuration::from_secs(12 * 60 + 5),
            until_rest: SignedDuration::from_mins(40),
            worked_today: SignedDuration::from_secs(190 * 60 + 59),
            since_micro: SignedDuration::ZERO,
            since_rest: SignedDuration::ZERO,
            held: None,
            holding: Reasons::NONE,
            quiet_until: None,
            off_hours: false,
            next_start: None,
        }
    }

    const NOW: &str = "2026-11-25T05:00:00Z";
    fn hhmm(t: Timestamp) -> String {
        t.strftime("%H:%M").to_string()
    }

    #[test]
    fn each_state_of_the_day_has_its_face() {
        let now = at(NOW);
        let mut s = working();
        assert_eq!(face(&s, now), Face::Content);
        s.asking = Some(BreakKind::Micro);
        assert_eq!(face(&s, now), Face::LookingUp);
        s.asking = None;
        s.held = Some(HeldNow {
            kind: BreakKind::Rest,
            since: now,
            reasons: Reasons::NONE,
        });
        assert_eq!(face(&s, now), Face::LookingUp, "due, waiting for a moment");
        s.quiet_until = Some(now + SignedDuration::from_hours(1));
        assert_eq!(face(&s, now), Face::Moon, "quiet wins over a held break");
        s.quiet_until = Some(now - SignedDuration::from_secs(1));
        assert_eq!(face(&s, now), Face::LookingUp, "quiet that has ended");
        s.held = None;
        s.off_hours = true;
        assert_eq!(face(&s, now), Face::Moon);
        s.on_break = Some((BreakKind::Rest, now + SignedDuration::from_mins(5)));
        assert_eq!(face(&s, now), Face::Asleep);
    }

    #[test]
    fn the_tooltip_moves_by_whole_minutes() {
        let now = at(NOW);
        let v = view(&working(), now, Lang::En, "霜始降", false, hhmm);
        assert_eq!(
            v.tooltip,
            "3h 10m of work today · next break in 13m · 霜始降"
        );
        let mut s = working();
        s.until_micro = SignedDuration::from_secs(20);
        let v = view(&s, now, Lang::Ja, "霜始降", true, hhmm);
        assert_eq!(
            v.tooltip,
            "今日の作業 3時間10分 · 次の休憩まで1分 · 霜始降\nやさしい手紙が届いています。"
        );
        s.quiet_until = Some(at("2026-11-25T06:00:00Z"));
        assert_eq!(
            next_break(&s, now, hhmm),
            NextBreak::QuietUntil("06:00".into())
        );
        s.session_start = None;
        s.quiet_until = None;
        assert_eq!(next_break(&s, now, hhmm), NextBreak::NotWorking);
    }
}
