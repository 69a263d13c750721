//! `config path` and `config show`.

use super::print;
use crate::context::Context;
use crate::failure::Failure;
use crate::home::Home;

/// Works even when config.toml is broken: it is how a person finds the file.
pub fn path(home: &Home) -> Result<(), Failure> {
    print(&format!("{}\n", home.config_file().display()))
}

/// The settings in effect, with what was worked out from the environment.
pub fn show(ctx: &Context) -> Result<(), Failure> {
    let mut effective = ctx.config.clone();
    effective.language = Some(ctx.lang);
    let mut text = format!(
        "# {}\n# time zone in effect: {}\n# database: {}\n",
        ctx.home.config_file().display(),
        ctx.tz_name,
        ctx.home.database().display()
    );
    text.push_str(&effective.to_toml());
    print(&text)
}
