//! Quiet when it matters, on a real (virtual) desktop: a fullscreen window
//! (openbox, EWMH), dunst paused and `iyashi quiet 1h` each hold a due break
//! back and the hold is recorded with its reason; leaving fullscreen brings
//! the break once; `iyashi why` says until when quiet lasts. And with a
//! PulseAudio server of the test's own, a recording stream holds it for the
//! microphone.
//!
//! Needs Debian's xvfb, dbus, dunst, xdotool, openbox, x11-utils and
//! pulseaudio(-utils) (`.ci/run` installs them).
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod desktop;

use std::fs;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Home;
use desktop::{wait_for, Desktop, SURELY_COMING};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt as _, CreateWindowAux, EventMask, WindowClass,
};
use x11rb::rust_connection::RustConnection;

/// Every 6 s of work a 2 s eye rest; once the moment has passed, the held
/// break comes after 2 s. In UTC, on a day without a schedule.
const CONFIG: &str = "timezone = \"UTC\"\n[rhythm]\nmicro_break_every = \"6s\"\n\
    micro_break_length = \"2s\"\nrest_break_every = \"10m\"\nrest_break_length = \"1m\"\n\
    postpone = \"3s\"\nlong_absence = \"5m\"\nworkdays = []\n\
    [rhythm.quiet]\ngrace = \"2s\"\n";

const NOW: &str = "2026-11-25T05:00:00Z";

/// A window of the test's own, which it can make fullscreen as a video
/// player would: by asking the window manager through `_NET_WM_STATE`.
struct Window {
    conn: RustConnection,
    id: u32,
    root: u32,
}

impl Window {
    fn open(display: &str) -> Window {
        let (conn, screen) = x11rb::connect(Some(display)).expect("X display");
        let root = conn.setup().roots[screen].root;
        let id = conn.generate_id().unwrap();
        conn.create_window(
            0,
            id,
            root,
            10,
            10,
            300,
            200,
            0,
            WindowClass::INPUT_OUTPUT,
            0,
            &CreateWindowAux::new().event_mask(EventMask::STRUCTURE_NOTIFY),
        )
        .unwrap();
        conn.map_window(id).unwrap();
        conn.flush().unwrap();
        let window = Window { conn, id, root };
        // Ask for focus as a pager would, until the window manager gives it.
        wait_for(Duration::from_secs(20), || {
            window.activate();
            std::thread::sleep(Duration::from_millis(100));
            window.active() == Some(id)
        });
        window
    }

    fn activate(&self) {
        let event = ClientMessageEvent::new(
            32,
            self.id,
            self.atom("_NET_ACTIVE_WINDOW"),
            [2, 0, 0, 0, 0],
        );
        self.send_to_root(event);
    }

    fn send_to_root(&self, event: ClientMessageEvent) {
        self.conn
            .send_event(
                false,
                self.root,
                EventMask::SUBSTRUCTURE_REDIRECT | EventMask::SUBSTRUCTURE_NOTIFY,
                event,
            )
            .unwrap();
        self.conn.flush().unwrap();
    }

    fn atom(&self, name: &str) -> u32 {
        self.conn
            .intern_atom(false, name.as_bytes())
            .unwrap()
            .reply()
            .unwrap()
            .atom
    }

    fn active(&self) -> Option<u32> {
        let reply = self
            .conn
            .get_property(
                false,
                self.root,
                self.atom("_NET_ACTIVE_WINDOW"),
                AtomEnum::WINDOW,
                0,
                1,
            )
            .ok()?
            .reply()
            .ok()?;
        let active = reply.value32()?.next();
        active
    }

    fn is_fullscreen(&self) -> bool {
        let fullscreen = self.atom("_NET_WM_STATE_FULLSCREEN");
        let reply = self
            .conn
            .get_property(
                false,
                self.id,
                self.atom("_NET_WM_STATE"),
                AtomEnum::ATOM,
                0,
                16,
            )
            .unwrap()
            .reply()
            .unwrap();
        reply
            .value32()
            .is_some_and(|mut v| v.any(|a| a == fullscreen))
    }

    /// EWMH: 1 adds the state, 0 removes it.
    fn fullscreen(&self, on: bool) {
        let event = ClientMessageEvent::new(
            32,
            self.id,
            self.atom("_NET_WM_STATE"),
            [
                u32::from(on),
                self.atom("_NET_WM_STATE_FULLSCREEN"),
                0,
                1,
                0,
            ],
        );
        self.send_to_root(event);
        wait_for(SURELY_COMING, || self.is_fullscreen() == on);
    }
}

fn held(home: &Home) -> Vec<(String, Option<i64>)> {
    let db = rusqlite::Connection::open(home.db()).unwrap();
    let mut stmt = db
        .prepare("SELECT reasons, until_ns FROM held_breaks ORDER BY at_ns")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Starts `iyashi watch`; `pulse` is the sound server it should ask (none:
/// a server that is not there, so the microphone cannot be seen).
fn start_watch(desktop: &Desktop, home: &Home, pulse: Option<&Pulse>) -> Child {
    let server = pulse.map_or("unix:/nonexistent/pulse".to_string(), Pulse::server);
    let watch = desktop
        .command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap())
        .args(["watch"])
        .env("PULSE_SERVER", server)
        .env("IYASHI_HOME", home.path())
        .env("IYASHI_NOW", NOW)
        .env("LANG", "C.UTF-8")
        .stdout(fs::File::create(home.path().join("watch.log")).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(SURELY_COMING, || {
        fs::read_to_string(home.path().join("watch.log")).is_ok_and(|l| l.contains("Reminders"))
    });
    watch
}

fn iyashi(desktop: &Desktop, home: &Home, args: &[&str]) -> String {
    let out = desktop
        .command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap())
        .args(args)
        .env("IYASHI_HOME", home.path())
        .env("IYASHI_NOW", NOW)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Works (moves the pointer) for `for_` and returns how many prompts came.
fn work_for(desktop: &Desktop, for_: Duration) -> usize {
    let before = desktop.prompts().len();
    let start = Instant::now();
    let mut step = 0;
    while start.elapsed() < for_ {
        desktop.nudge(step);
        step += 7;
        std::thread::sleep(Duration::from_millis(300));
    }
    desktop.prompts().len() - before
}

#[test]
#[ignore = "needs Xvfb, dbus-daemon, dunst, openbox, x11-utils and xdotool"]
fn fullscreen_dunst_paused_and_quiet_each_hold_the_break_and_it_comes_once_after() {
    let home = Home::new();
    fs::write(home.config(), CONFIG).unwrap();
    let desktop = Desktop::start(home.path()).with_window_manager();
    let window = Window::open(&desktop.display);
    window.fullscreen(true);
    let mut watch = start_watch(&desktop, &home, None);
    let log = fs::read_to_string(home.path().join("watch.log")).unwrap();
    assert!(log.contains("a fullscreen window"), "{log}");
    assert!(log.contains("do-not-disturb (dunst)"), "{log}");

    // Fullscreen: well past the 6 s, and nothing is asked.
    assert_eq!(
        work_for(&desktop, Duration::from_secs(12)),
        0,
        "{}",
        desktop.monitor()
    );
    let holds = held(&home);
    assert_eq!(holds.len(), 1, "{holds:?}");
    assert_eq!(holds[0], ("fullscreen".to_string(), None));

    // Leaving fullscreen: after the grace, the held break comes, once.
    window.fullscreen(false);
    desktop.work_until("the held break", |d| !d.prompts().is_empty());
    assert_eq!(
        work_for(&desktop, Duration::from_secs(2)),
        0,
        "once, not a queue"
    );
    assert!(held(&home)[0].1.is_some(), "the hold has ended");
    desktop.press("Not this time");

    // dunst paused: held again, for do-not-disturb.
    assert!(desktop
        .command("dunstctl")
        .args(["set-paused", "true"])
        .status()
        .unwrap()
        .success());
    let asked = desktop.prompts().len();
    work_for(&desktop, Duration::from_secs(12));
    assert_eq!(
        desktop.prompts().len(),
        asked,
        "nothing asked while dunst is paused"
    );
    assert_eq!(held(&home).last().unwrap().0, "do_not_disturb");

    // `iyashi quiet 1h`, then dunst back: still held, now for quiet.
    let said = iyashi(&desktop, &home, &["quiet", "1h"]);
    assert!(said.contains("Quiet until 06:00"), "{said}");
    assert!(desktop
        .command("dunstctl")
        .args(["set-paused", "false"])
        .status()
        .unwrap()
        .success());
    work_for(&desktop, Duration::from_secs(8));
    assert_eq!(desktop.prompts().len(), asked, "nothing asked during quiet");
    assert!(
        held(&home).last().unwrap().0.contains("quiet"),
        "{:?}",
        held(&home)
    );
    let why = iyashi(&desktop, &home, &["why"]);
    assert!(
        why.contains("Quiet until 06:00; it ends by itself."),
        "{why}"
    );
    assert!(why.contains("waiting for"), "{why}");

    Command::new("kill")
        .arg(watch.id().to_string())
        .status()
        .unwrap();
    assert!(watch.wait().unwrap().success());
}

/// A PulseAudio server of the test's own, with a null sink whose monitor is
/// not a microphone and a null source that is.
struct Pulse {
    server: Child,
    dir: tempfile::TempDir,
}

impl Drop for Pulse {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

impl Pulse {
    fn start() -> Pulse {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("native");
        let server = Command::new("pulseaudio")
            .args([
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--system=false",
                "-n",
                "--load=module-null-sink sink_name=speakers",
                "--load=module-null-source source_name=mic",
            ])
            .arg(format!(
                "--load=module-native-protocol-unix auth-anonymous=1 socket={}",
                socket.display()
            ))
            .env("HOME", dir.path())
            .env("XDG_RUNTIME_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(fs::File::create(dir.path().join("pulse.log")).unwrap())
            .spawn()
            .expect("pulseaudio (apt-get install pulseaudio)");
        let pulse = Pulse { server, dir };
        wait_for(Duration::from_secs(15), || {
            pulse
                .command("pactl")
                .arg("info")
                .output()
                .is_ok_and(|o| o.status.success())
        });
        pulse
    }

    fn server(&self) -> String {
        format!("unix:{}", self.dir.path().join("native").display())
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PULSE_SERVER", self.server());
        cmd
    }
}

#[test]
#[ignore = "needs Xvfb, dbus-daemon, dunst, xdotool and pulseaudio"]
fn a_recording_stream_holds_the_break_for_the_microphone() {
    let home = Home::new();
    fs::write(home.config(), CONFIG).unwrap();
    let pulse = Pulse::start();
    let desktop = Desktop::start(home.path());
    let mut recorder = pulse
        .command("parecord")
        .args(["--device=mic", "--raw", "/dev/null"])
        .spawn()
        .expect("parecord (apt-get install pulseaudio-utils)");
    wait_for(SURELY_COMING, || {
        pulse
            .command("pactl")
            .args(["list", "short", "source-outputs"])
            .output()
            .is_ok_and(|o| !o.stdout.is_empty())
    });
    let mut watch = start_watch(&desktop, &home, Some(&pulse));
    let log = fs::read_to_string(home.path().join("watch.log")).unwrap();
    assert!(log.contains("the microphone"), "{log}");

    assert_eq!(
        work_for(&desktop, Duration::from_secs(12)),
        0,
        "{}",
        desktop.monitor()
    );
    let holds = held(&home);
    assert_eq!(
        holds.first().map(|h| h.0.as_str()),
        Some("microphone"),
        "{holds:?}"
    );

    let _ = recorder.kill();
    let _ = recorder.wait();
    desktop.work_until("the held break after the call", |d| !d.prompts().is_empty());
    // The week tells the call as one Piyo waited through, never as a break missed.
    let week = iyashi(&desktop, &home, &["week"]);
    assert!(week.contains("Piyo waited through a meeting."), "{week}");

    Command::new("kill")
        .arg(watch.id().to_string())
        .status()
        .unwrap();
    assert!(watch.wait().unwrap().success());
}
