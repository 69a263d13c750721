//! What each of the tray menu's choices does, carried out in the daemon's
//! loop like any other input: breaks and quiet go to the engine exactly as
//! `iyashi break now` and `iyashi quiet` do through the socket.
//
// Seam for the application layer (issue 12): take a break, quiet and the
// week are use-cases there once `crates/app` has them; until then these call
// the daemon's own engine and store, as the socket's requests do.

use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::tray::TraySays;
use iyashi_core::catalogue::Message;
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{BreakKind, Calendar, Event, WeekSummary};
use jiff::{SignedDuration, Timestamp};

use super::{terminal, Choice, Then, WebRoom};
use crate::context::Context;
use crate::failure::Failure;
use crate::watch::Daemon;

impl Daemon<'_> {
    /// Carries out `choice`, made at `now`.
    pub(in crate::watch) fn choose(
        &mut self,
        ctx: &Context,
        choice: Choice,
        now: Timestamp,
        web: &mut WebRoom,
    ) -> Result<Then, Failure> {
        let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
        match choice {
            Choice::TakeBreakNow => self.step(now, Event::BreakNow(BreakKind::Rest))?,
            Choice::QuietForAnHour | Choice::QuietUntilTomorrow => {
                // As `iyashi quiet 1h` and `iyashi quiet today` do: today
                // ends at the rollover hour, so it is quiet until tomorrow.
                let until = match choice {
                    Choice::QuietForAnHour => now + SignedDuration::from_hours(1),
                    _ => calendar.end_of(calendar.day_of(now)),
                };
                let until = Some(until);
                self.store.set_quiet_until(until)?;
                self.step(now, Event::QuietUntil(until))?;
            }
            Choice::ThisWeek => {
                let range = DayRange::week_of(calendar.day_of(now));
                let records = self.store.records_in(range)?;
                let week = WeekSummary::from_records(range, &records, &ctx.config.rhythm);
                let text = week.render(ctx.lang);
                let (heading, days) = text.split_once('\n').unwrap_or((&text, ""));
                self.notifier.say(heading, days.trim());
            }
            Choice::OpenRoom => {
                let opened = std::env::current_exe().is_ok_and(|me| {
                    terminal::in_terminal(
                        &me,
                        &["--lang", ctx.lang.code()],
                        std::env::var_os("TERMINAL"),
                    )
                });
                if !opened {
                    self.say_trouble(ctx, TraySays::NoTerminal);
                }
            }
            Choice::OpenWebRoom => {
                let opened = std::env::current_exe().is_ok_and(|me| web.open(&me, ctx.lang));
                if !opened {
                    self.say_trouble(ctx, TraySays::WebRoomFailed);
                }
            }
            Choice::Quit => return Ok(Then::Quit),
        }
        Ok(Then::GoOn)
    }

    fn say_trouble(&mut self, ctx: &Context, trouble: TraySays) {
        let piyo = Piyo::Name.render(ctx.lang);
        self.notifier.say(&piyo, &trouble.render(ctx.lang));
    }
}
