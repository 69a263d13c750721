//! `iyashi watch --install`: a systemd user unit, so the daemon starts with
//! the graphical session and stops with it.

use std::path::PathBuf;

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::{Message, Problem};

use crate::context::Context;
use crate::failure::Failure;
use crate::home::write_atomically;
use crate::output::print;

pub fn write_unit(ctx: &Context) -> Result<(), Failure> {
    let exe = std::env::current_exe().map_err(|e| {
        Failure::failed(Problem::CannotRead {
            path: "iyashi".to_string(),
            reason: SystemReason::of_io(&e),
        })
    })?;
    let path = unit_path()?;
    let unit = unit_text(
        &exe.display().to_string(),
        std::env::var_os("IYASHI_HOME")
            .is_some()
            .then_some(&ctx.home.dir),
    );
    write_atomically(&path, unit.as_bytes()).map_err(|e| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    })?;
    let said = WatchSays::Installed {
        path: path.display().to_string(),
    };
    print(&format!("{}\n", said.render(ctx.lang)))
}

fn unit_path() -> Result<PathBuf, Failure> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|b| b.config_dir().to_path_buf()))
        .ok_or_else(|| Failure::failed(Problem::NoHome))?;
    Ok(config.join("systemd/user/iyashi-watch.service"))
}

/// The unit: restarted if it fails, tied to the graphical session so
/// notifications and the X display are there.
fn unit_text(exe: &str, home: Option<&PathBuf>) -> String {
    let env = home
        .map(|h| format!("Environment=IYASHI_HOME={}\n", h.display()))
        .unwrap_or_default();
    format!(
        "[Unit]\n\
         Description=iyashi: the rhythm of work and rest\n\
         PartOf=graphical-session.target\n\
         After=graphical-session.target\n\
         \n\
         [Service]\n\
         ExecStart={exe} watch\n\
         {env}Restart=on-failure\n\
         RestartSec=10\n\
         \n\
         [Install]\n\
         WantedBy=graphical-session.target\n"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_unit_runs_watch_with_the_chosen_home() {
        let unit = super::unit_text("/usr/bin/iyashi", Some(&"/data/iyashi".into()));
        assert!(unit
            .contains("ExecStart=/usr/bin/iyashi watch\nEnvironment=IYASHI_HOME=/data/iyashi\n"));
        assert!(unit.contains("WantedBy=graphical-session.target"));
        assert!(!super::unit_text("/x", None).contains("Environment="));
    }
}
