//! The rhythm engine: micro-breaks, rest breaks, a daily limit and an evening
//! stop, as one pure state machine.
//!
//! [`Engine::step`] takes `(event, now)`, updates the engine's state and returns
//! the actions to carry out. It never reads a clock and never sleeps: the
//! caller says what time it is, and the engine says when it next needs to hear
//! from the caller ([`Action::WakeAt`]).
//!
//! # Events ([`Event`])
//!
//! | event | meaning |
//! |---|---|
//! | `Activity { idle_for }` | an activity source's reading: no input for `idle_for`, as of now |
//! | `Tick` | time passed; nothing new is known about activity |
//! | `WorkStart` / `WorkStop` | `iyashi work start` / `stop` |
//! | `TakeBreak` / `Later` / `Skip` | the answers to a break prompt |
//! | `BreakNow(kind)` | `iyashi break now`: always allowed, asked for or not |
//! | `BreakFinished` | the break screen was closed |
//! | `Situation(reasons)` | what the sources see: fullscreen, camera, microphone, do-not-disturb, a listed program |
//! | `QuietUntil(instant)` | `iyashi quiet`: hold reminders back until then (or no longer) |
//!
//! # Actions ([`Action`])
//!
//! | action | meaning |
//! |---|---|
//! | `ShowBreak(prompt)` | ask for a break: kind, length, how gently (0–3), which choices to offer, Piyo's words |
//! | `StartBreak { kind, until, activity, asked }` / `EndBreak { kind, text }` | a break begins / is over |
//! | `DismissBreak` | take down the prompt: answered, or the person rested anyway |
//! | `Notify(text)` | daily limit reached, evening stop, welcome back |
//! | `Record(record)` | keep a session, break, overtime or held break [`Record`] |
//! | `WakeAt(instant)` | nothing is due before this; sleep until then |
//!
//! # Rules
//!
//! - Work is time with input. A pause shorter than a micro-break is still
//!   work (reading, thinking); a longer one is idle and is not work.
//! - A pause at least as long as a break counts as that break and restarts its
//!   timer (a rest break restarts both). A pause of `long_absence` ends the
//!   session; the next activity starts a fresh one, with a "welcome back" if
//!   it is the same day.
//! - A break is asked for only while the person is active, and with a guided
//!   [`Activity`] that does not repeat within the day. The first ask is
//!   small; if it is not answered within `answer_within`, the break begins at
//!   the next natural pause of a few seconds, never mid-sentence. "Later"
//!   asks again after `postpone`, at most `max_postpones` times, each time
//!   more gently. In strict mode a due break simply starts and lasts its full
//!   length.
//! - Held back, never lost: while the situation (a call, a film, a fullscreen
//!   window, do-not-disturb, a listed program, the person's quiet) holds, a
//!   due break waits and the hold is recorded with its reasons. When it
//!   clears, the break comes once after `[rhythm.quiet] grace`; breaks that
//!   came due meanwhile join it rather than queue. A long enough pause on the
//!   way was the break itself. Time in a call is work even without typing.
//! - With a `[rhythm.schedule]`, reminders come only within working hours,
//!   fixed-time breaks (lunch, tea) come at their time, a gentle wind-down
//!   comes before the end of the day and one "time to stop" at it, then
//!   nothing more; work outside the hours is kept as overtime.
//! - A manual session (`work start`) counts all its time as work, apart from
//!   breaks, whatever the activity sources say, until `work stop`. After
//!   `work stop`, activity is not work again until `work start` or the next day.
//! - Days roll over at the [`Calendar`]'s hour; a session running past it is
//!   cut in two, so each day's work is the sum of its sessions.

mod activity;
/// Work shorter than this is not spoken of: every face shows "no work
/// counted" below it, shows no break countdown, and Piyo suggests no
/// wrapping up. A key press in the room is not a working day.
pub const COUNTED_FROM: jiff::SignedDuration = jiff::SignedDuration::from_mins(1);

mod calendar;
mod engine;
mod event;
mod ledger;
mod pacer;
mod quiet;
mod record;
mod schedule;
mod settings;
mod situation;
mod week;

pub use activity::{Activity, Breath};
pub use calendar::Calendar;
pub use engine::{Engine, HeldNow, Status};
pub use event::{Action, BreakKind, BreakPrompt, Event, Gentleness};
pub use pacer::{BreathPhase, Pacer, PACER_MAX};
pub use quiet::QuietSettings;
pub use record::{BreakOutcome, BreakRecord, HoldRecord, OvertimeRecord, Record, SessionRecord};
pub use schedule::{FixedBreak, Hours, Schedule, Span};
pub use settings::{RhythmSettings, SettingsError, SettingsProblem, MAX_POSTPONES_CAP};
pub use situation::{Reason, Reasons};
pub use week::{BreakCounts, DaySummary, Held, WeekSummary};
