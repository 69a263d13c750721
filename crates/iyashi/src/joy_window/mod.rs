//! `iyashi joy-window`: a small window for writing one small joy, opened
//! from the tray's "Write a small joy" (or by hand). Like the break screen
//! it is its own short-lived process, so the daemon carries none of the
//! windowing. The joy goes into the journal through the same use-case as
//! `iyashi joy`; words left unkept wait as a draft for the next opening.

#[cfg(all(target_os = "linux", feature = "screen"))]
mod draft;
pub mod draw;
pub mod field;
pub mod form;
#[cfg(all(target_os = "linux", feature = "screen"))]
mod window;

#[cfg(all(target_os = "linux", feature = "screen"))]
pub use run::run;

#[cfg(all(target_os = "linux", feature = "screen"))]
mod run {
    use std::time::Instant;

    use iyashi_app::journal::keep;
    use iyashi_core::catalogue::journal::Say;
    use iyashi_core::catalogue::{Message, Problem};
    use iyashi_core::entry::EntryKind;
    use jiff::SignedDuration;

    use super::draft;
    use super::form::Form;
    use super::window::{self, Closed};
    use crate::canvas::raise;
    use crate::context::Context;
    use crate::failure::Failure;

    /// Opens the window; returns once the joy is kept or the window closed.
    pub fn run(ctx: &Context, report_first_frame: bool) -> Result<(), Failure> {
        let began = Instant::now();
        // First of all: a RAISE from now on must not end the process.
        let raise =
            raise::listen().map_err(|e| Failure::failed(Problem::NoJoyWindow(e.to_string())))?;
        let form = Form::new(ctx.lang, draft::read(&ctx.home).as_deref());
        let mut said = None;
        let mut keep_joy = |text: &str| {
            // The moment Keep was pressed, on the command's own clock.
            let waited = SignedDuration::try_from(began.elapsed()).unwrap_or_default();
            let now = ctx.now.checked_add(waited).unwrap_or(ctx.now);
            let (_, count_today) = keep(ctx, EntryKind::Joy, None, text, now)
                .map_err(|f| f.problem.render(ctx.lang))?;
            said = Some(
                Say::Kept {
                    kind: EntryKind::Joy,
                    mood: None,
                    count_today,
                }
                .render(ctx.lang),
            );
            Ok(())
        };
        let closed = window::run(
            form,
            report_first_frame.then_some(began),
            raise,
            &mut keep_joy,
        )
        .map_err(|why| Failure::failed(Problem::NoJoyWindow(why)))?;
        match closed {
            Closed::Kept => {
                draft::leave(&ctx.home, "")?;
                if let Some(said) = said {
                    println!("{said}");
                }
                Ok(())
            }
            Closed::Left(words) => draft::leave(&ctx.home, &words),
        }
    }
}

#[cfg(test)]
mod tests;
