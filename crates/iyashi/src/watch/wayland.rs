//! Wayland's `ext-idle-notify-v1`: the compositor tells us when the seat has
//! had no input for a threshold, and when input resumes. Under Wayland this
//! is the only honest source: X11's idle count under XWayland sees only X
//! clients' input.

use std::time::{Duration, Instant};

use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};
use wayland_client::globals::{registry_queue_init, GlobalListContents};
use wayland_client::protocol::{wl_registry, wl_seat};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle};
use wayland_protocols::ext::idle_notify::v1::client::{
    ext_idle_notification_v1::{self, ExtIdleNotificationV1},
    ext_idle_notifier_v1::ExtIdleNotifierV1,
};

use super::activity::ActivitySource;

/// The smallest pause the compositor reports. Shorter pauses are work anyway
/// (the engine treats anything under a micro-break as work).
const THRESHOLD: Duration = Duration::from_secs(1);

/// Idle time from the compositor's two events.
#[derive(Debug, Default)]
struct IdleClock {
    /// When input stopped: the "idled" event arrives `THRESHOLD` after it.
    idle_since: Option<Instant>,
}

impl IdleClock {
    fn idled(&mut self, now: Instant) {
        self.idle_since = Some(now.checked_sub(THRESHOLD).unwrap_or(now));
    }

    fn resumed(&mut self) {
        self.idle_since = None;
    }

    fn idle_for(&self, now: Instant) -> Duration {
        self.idle_since
            .map(|since| now.saturating_duration_since(since))
            .unwrap_or(Duration::ZERO)
    }
}

pub struct WaylandIdle {
    queue: EventQueue<IdleClock>,
    clock: IdleClock,
    // Kept alive: dropping it would stop the compositor's events.
    _notification: ExtIdleNotificationV1,
}

impl WaylandIdle {
    pub fn connect() -> Result<WaylandIdle, SourceTrouble> {
        if std::env::var_os("WAYLAND_DISPLAY").is_none_or(|d| d.is_empty()) {
            return Err(SourceTrouble::NotSet("WAYLAND_DISPLAY"));
        }
        let cannot = |_| SourceTrouble::CannotConnect;
        let conn = Connection::connect_to_env().map_err(cannot)?;
        let (globals, mut queue) =
            registry_queue_init::<IdleClock>(&conn).map_err(|_| SourceTrouble::CannotConnect)?;
        let qh = queue.handle();
        let seat: wl_seat::WlSeat = globals
            .bind(&qh, 1..=1, ())
            .map_err(|_| SourceTrouble::NoSeat)?;
        let notifier: ExtIdleNotifierV1 = globals
            .bind(&qh, 1..=1, ())
            .map_err(|_| SourceTrouble::Missing("ext-idle-notify-v1"))?;
        let threshold_ms = u32::try_from(THRESHOLD.as_millis()).unwrap_or(u32::MAX);
        let notification = notifier.get_idle_notification(threshold_ms, &seat, &qh, ());
        let mut clock = IdleClock::default();
        queue
            .roundtrip(&mut clock)
            .map_err(|_| SourceTrouble::CannotConnect)?;
        Ok(WaylandIdle {
            queue,
            clock,
            _notification: notification,
        })
    }
}

impl ActivitySource for WaylandIdle {
    fn name(&self) -> SourceName {
        SourceName::Wayland
    }

    fn idle_for(&mut self) -> Result<Option<Duration>, String> {
        // A roundtrip reads whatever the compositor said since the last one.
        self.queue
            .roundtrip(&mut self.clock)
            .map_err(|e| e.to_string())?;
        Ok(Some(self.clock.idle_for(Instant::now())))
    }
}

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for IdleClock {
    fn event(
        _: &mut Self,
        _: &wl_registry::WlRegistry,
        _: wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<wl_seat::WlSeat, ()> for IdleClock {
    fn event(
        _: &mut Self,
        _: &wl_seat::WlSeat,
        _: wl_seat::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<ExtIdleNotifierV1, ()> for IdleClock {
    fn event(
        _: &mut Self,
        _: &ExtIdleNotifierV1,
        _: <ExtIdleNotifierV1 as wayland_client::Proxy>::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for IdleClock {
    fn event(
        clock: &mut Self,
        _: &ExtIdleNotificationV1,
        event: ext_idle_notification_v1::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        match event {
            ext_idle_notification_v1::Event::Idled => clock.idled(Instant::now()),
            ext_idle_notification_v1::Event::Resumed => clock.resumed(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idleness_starts_a_threshold_before_the_event_and_ends_on_resume() {
        let mut clock = IdleClock::default();
        let t0 = Instant::now();
        assert_eq!(clock.idle_for(t0), Duration::ZERO);
        clock.idled(t0);
        assert_eq!(
            clock.idle_for(t0 + Duration::from_secs(9)),
            Duration::from_secs(10)
        );
        clock.resumed();
        assert_eq!(clock.idle_for(t0 + Duration::from_secs(12)), Duration::ZERO);
    }
}
