//! What each of the tray menu's choices does, carried out in the daemon's
//! loop like any other input: breaks and quiet go to the engine exactly as
//! `iyashi break now` and `iyashi quiet` do through the socket.
//

use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::tray::TraySays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::{BreakKind, Calendar, Event};
use jiff::{SignedDuration, Timestamp};

use iyashi_app::quiet::QuietSpan;

use super::{desk, joy, terminal, Choice, Then, WebRoom};
use crate::context::Context;
use crate::failure::Failure;
use crate::watch::{program, Daemon};

/// Carries out `choice`, made at `now`.
pub fn choose(
    daemon: &mut Daemon,
    ctx: &Context,
    choice: Choice,
    now: Timestamp,
    web: &mut WebRoom,
) -> Result<Then, Failure> {
    let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
    match choice {
        Choice::TakeBreakNow => daemon.step(now, Event::BreakNow(BreakKind::Rest))?,
        Choice::QuietForAnHour | Choice::QuietUntilTomorrow => {
            // As `iyashi quiet 1h` and `iyashi quiet today` do; the
            // daemon is not asked through its own socket, it is here.
            let span = match choice {
                Choice::QuietForAnHour => QuietSpan::For(SignedDuration::from_hours(1)),
                _ => QuietSpan::Today,
            };
            let until = span.until(&calendar, now);
            daemon.store.set_quiet_until(until)?;
            daemon.step(now, Event::QuietUntil(until))?;
        }
        Choice::ThisWeek => {
            let week = iyashi_app::week::week_of(ctx, &daemon.store, calendar.day_of(now))?;
            let text = week.render(ctx.lang);
            let (heading, days) = text.split_once('\n').unwrap_or((&text, ""));
            daemon.voice.say(heading, days.trim());
        }
        Choice::OpenRoom => {
            let opened = program::iyashi().is_some_and(|me| {
                terminal::in_terminal(
                    &me,
                    &["--lang", ctx.lang.code()],
                    std::env::var_os("TERMINAL"),
                )
            });
            if !opened {
                say_trouble(daemon, ctx, TraySays::NoTerminal);
            }
        }
        Choice::OpenWebRoom | Choice::WriteLetter => {
            let at_letters = choice == Choice::WriteLetter;
            let opened = program::iyashi().is_some_and(|me| web.open(&me, ctx.lang, at_letters));
            if !opened {
                say_trouble(daemon, ctx, TraySays::WebRoomFailed);
            }
        }
        Choice::WriteJoy => {
            let opened =
                joy::desktop_here() && program::iyashi().is_some_and(|me| joy::open(&me, ctx.lang));
            if !opened {
                say_trouble(daemon, ctx, TraySays::NoJoyWindow);
            }
        }
        Choice::DeskGoro => {
            let done = joy::desktop_here()
                && program::iyashi().is_some_and(|me| desk::toggle(&me, &ctx.home, ctx.lang));
            if !done {
                say_trouble(daemon, ctx, TraySays::NoDesk);
            }
        }
        Choice::Quit => return Ok(Then::Quit),
    }
    Ok(Then::GoOn)
}

fn say_trouble(daemon: &mut Daemon, ctx: &Context, trouble: TraySays) {
    let piyo = Piyo::Name.render(ctx.lang);
    daemon.voice.say(&piyo, &trouble.render(ctx.lang));
}
