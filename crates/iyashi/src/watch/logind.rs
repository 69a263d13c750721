//! systemd-logind's idle hint for this session, over the system bus. Desktops
//! (GNOME, KDE) set it after their own idle delay, so it is coarser than X11's
//! count, but it works under Wayland and on the console.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};
use zbus::Connection;

use super::activity::ActivitySource;

const LOGIND: &str = "org.freedesktop.login1";
const SESSION: &str = "org.freedesktop.login1.Session";
/// logind resolves "auto" to the caller's own session.
const MY_SESSION: &str = "/org/freedesktop/login1/session/auto";

pub struct LogindIdle {
    conn: Connection,
}

impl LogindIdle {
    pub fn connect() -> Result<LogindIdle, SourceTrouble> {
        let conn =
            zbus::block_on(Connection::system()).map_err(|_| SourceTrouble::CannotConnect)?;
        let source = LogindIdle { conn };
        // A first reading proves there is a session to ask about.
        source.read().map_err(|_| SourceTrouble::NoSession)?;
        Ok(source)
    }

    fn read(&self) -> Result<Duration, String> {
        let (idle, since_us) = zbus::block_on(async {
            let proxy = zbus::Proxy::new(&self.conn, LOGIND, MY_SESSION, SESSION).await?;
            let idle: bool = proxy.get_property("IdleHint").await?;
            let since_us: u64 = proxy.get_property("IdleSinceHint").await?;
            Ok::<_, zbus::Error>((idle, since_us))
        })
        .map_err(|e| e.to_string())?;
        Ok(idle_for(idle, since_us, SystemTime::now()))
    }
}

/// How long the session has been idle, from logind's two properties.
fn idle_for(idle: bool, since_us: u64, now: SystemTime) -> Duration {
    if !idle {
        return Duration::ZERO;
    }
    let since = UNIX_EPOCH + Duration::from_micros(since_us);
    now.duration_since(since).unwrap_or(Duration::ZERO)
}

impl ActivitySource for LogindIdle {
    fn name(&self) -> SourceName {
        SourceName::Logind
    }

    fn idle_for(&mut self) -> Result<Option<Duration>, String> {
        self.read().map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_idle_hint_becomes_a_duration() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        assert_eq!(idle_for(false, 900_000_000, now), Duration::ZERO);
        assert_eq!(idle_for(true, 900_000_000, now), Duration::from_secs(100));
        // A hint from the future (clock changes) is not negative idleness.
        assert_eq!(idle_for(true, 2_000_000_000, now), Duration::ZERO);
    }
}
