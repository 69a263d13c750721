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
//!
//! # Actions ([`Action`])
//!
//! | action | meaning |
//! |---|---|
//! | `ShowBreak(prompt)` | ask for a break: kind, length, how gently (0–3), which choices to offer, Piyo's words |
//! | `StartBreak { kind, until }` / `EndBreak { kind, text }` | a break begins / is over |
//! | `DismissBreak` | take down the prompt: answered, or the person rested anyway |
//! | `Notify(text)` | daily limit reached, evening stop, welcome back |
//! | `Record(record)` | keep a session, break or overtime [`Record`] |
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
//! - A break is asked for only while the person is active. "Later" asks again
//!   after `postpone`, at most `max_postpones` times, each time more gently;
//!   an unanswered prompt counts as "later", and silence after the last one
//!   lets the break go. In strict mode a due break simply starts and lasts
//!   its full length.
//! - A manual session (`work start`) counts all its time as work, apart from
//!   breaks, whatever the activity sources say, until `work stop`. After
//!   `work stop`, activity is not work again until `work start` or the next day.
//! - Days roll over at the [`Calendar`]'s hour; a session running past it is
//!   cut in two, so each day's work is the sum of its sessions.

mod calendar;
mod engine;
mod event;
mod ledger;
mod record;
mod settings;
mod week;

pub use calendar::Calendar;
pub use engine::{Engine, Status};
pub use event::{Action, BreakKind, BreakPrompt, Event, Gentleness};
pub use record::{BreakOutcome, BreakRecord, OvertimeRecord, Record, SessionRecord};
pub use settings::{RhythmSettings, SettingsError, SettingsProblem, MAX_POSTPONES_CAP};
pub use week::{BreakCounts, DaySummary, WeekSummary};
