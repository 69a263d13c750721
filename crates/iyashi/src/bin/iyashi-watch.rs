//! `iyashi-watch`: the rhythm daemon alone, which `iyashi watch` becomes
//! (see `watch/program.rs` for why there are two programs).
//!
//! It is built from the same files as `iyashi`'s daemon, so the two cannot
//! drift apart; what only `iyashi` calls in the shared modules goes unused
//! here.

#[allow(dead_code)]
#[path = "../opener.rs"]
mod opener;
#[allow(dead_code)]
#[path = "../output.rs"]
mod output;
#[allow(dead_code)]
#[path = "../watch/mod.rs"]
mod watch;

use iyashi_app::{context, failure, home};

use std::process::ExitCode;

use iyashi_core::catalogue::Problem;
use iyashi_core::Lang;

use context::Context;
use failure::Failure;
use home::Home;
use watch::program::Asked;

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|arg| arg == watch::program::STAMP_FLAG)
    {
        println!("{}", watch::program::BUILD_STAMP);
        return ExitCode::SUCCESS;
    }
    let asked = Asked::from_args(std::env::args_os().skip(1));
    let early_lang = asked
        .and_then(|a| a.lang)
        .unwrap_or_else(context::locale_lang);
    output::ending(run(asked, early_lang))
}

fn run(asked: Option<Asked>, early_lang: Lang) -> Result<(), (Failure, Lang)> {
    let fail_early = |f: Failure| (f, early_lang);
    let asked = asked.ok_or_else(|| fail_early(Failure::bad_input(Problem::DaemonAlone)))?;
    let home = Home::locate().map_err(fail_early)?;
    home.ensure_config();
    let config = home.load_config().map_err(fail_early)?;
    let ctx = Context::new(home, config, asked.lang).map_err(fail_early)?;
    watch::run(&ctx, asked.source, false, asked.no_tray).map_err(|f| (f, ctx.lang))
}
