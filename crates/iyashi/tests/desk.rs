//! Goro on a real (virtual) desktop: `iyashi desk` under Xvfb with
//! openbox; xdotool finds and drags him, xprop reads what the window asks
//! of the window manager, ImageMagick's `import` is the camera, and a real
//! `iyashi watch` (manual source) asks for a break.
//!
//! Needs Debian's xvfb, openbox, dbus, dunst, xdotool, x11-utils and
//! imagemagick (`.ci/run` installs them).

// Built without windows there is no desk window to look at.
#![cfg(all(target_os = "linux", feature = "screen"))]
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod desktop;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::Home;
use desktop::shot::Shot;
use desktop::{wait_for, Desktop, SURELY_COMING};

/// The window on a screen at scale 1 (crates/iyashi/src/desk/draw.rs).
const SIZE: (i32, i32) = (168, 140);
/// The virtual screen (tests/desktop/mod.rs).
const SCREEN: (i32, i32) = (800, 600);
/// Goro's fur and the room's wall behind him (crates/art/src/palette.rs).
const FUR: (u8, u8, u8) = (146, 102, 68);
const WALL: (u8, u8, u8) = (240, 229, 210);
/// Beside and above his head as he sits, where raised arms go
/// (crates/iyashi/src/desk/tests.rs, BESIDE_HIS_HEAD, at scale 0.7).
const BESIDE_HIS_HEAD: ((i32, i32), (i32, i32)) = ((14, 21), (140, 42));

/// An eye rest after 4 s of work; in UTC, with no working hours set (so
/// never "outside working hours"); no break screen, only the prompt.
const CONFIG: &str = "timezone = \"UTC\"\n[rhythm]\nmicro_break_every = \"4s\"\n\
    micro_break_length = \"2s\"\nrest_break_every = \"10m\"\nrest_break_length = \"3s\"\n\
    postpone = \"1m\"\nlong_absence = \"5m\"\nworkdays = []\n";

fn iyashi(desktop: &Desktop, home: &Home) -> Command {
    let mut cmd = desktop.command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap());
    cmd.env("IYASHI_HOME", home.path())
        .env("LANG", "C.UTF-8")
        .env("IYASHI_NOW", "2026-11-25T05:00:00Z")
        .env("PULSE_SERVER", "unix:/nonexistent/pulse");
    cmd
}

fn shot_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// The window whose title is `name`, as window lists read it
/// (`_NET_WM_NAME`, UTF-8: xdotool's own search reads the older WM_NAME,
/// where winit leaves a Japanese title unreadable).
fn window_titled(desktop: &Desktop, name: &str) -> Option<String> {
    windows_titled(desktop, name).into_iter().next()
}

/// Every window whose title is `name` (as `window_titled`).
fn windows_titled(desktop: &Desktop, name: &str) -> Vec<String> {
    let all = desktop
        .command("xdotool")
        .args(["search", "--onlyvisible", "--name", ""])
        .output()
        .expect("xdotool (apt-get install xdotool)");
    let wanted = format!("_NET_WM_NAME(UTF8_STRING) = \"{name}\"");
    String::from_utf8_lossy(&all.stdout)
        .lines()
        .filter(|id| {
            desktop
                .command("xprop")
                .args(["-id", id, "_NET_WM_NAME"])
                // A C locale would print the title's bytes in octal.
                .env("LANG", "C.UTF-8")
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == wanted)
        })
        .map(str::to_string)
        .collect()
}

/// Starts `iyashi desk` in `lang` and waits until Goro is drawn.
fn open(desktop: &Desktop, home: &Home, lang: &str, name: &str) -> (Child, String) {
    let child = iyashi(desktop, home)
        .args(["--lang", lang, "desk"])
        .spawn()
        .unwrap();
    let asked = Instant::now();
    let window = loop {
        if let Some(window) = window_titled(desktop, name) {
            break window;
        }
        let windows = desktop
            .command("xdotool")
            .args(["search", "--name", ""])
            .output()
            .unwrap();
        assert!(
            asked.elapsed() < Duration::from_secs(20),
            "no window titled {name}; windows: {}",
            String::from_utf8_lossy(&windows.stdout)
                .lines()
                .map(|id| {
                    let props = desktop
                        .command("xprop")
                        .args(["-id", id, "_NET_WM_NAME", "WM_STATE"])
                        .env("LANG", "C.UTF-8")
                        .output()
                        .unwrap();
                    format!("{id}: {}", String::from_utf8_lossy(&props.stdout))
                })
                .collect::<String>()
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    // Each opening has a screenshot file of its own: tests run side by
    // side, and one reading a file another is writing finds it cut short.
    static OPENED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let nth = OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    wait_for(SURELY_COMING, || {
        fur(desktop, &window, &format!("desk_opening_{lang}_{nth}.png")) > 2_000
    });
    (child, window)
}

/// Goro's fur on screen inside the window.
fn fur(desktop: &Desktop, window: &str, name: &str) -> usize {
    let at = desktop.corner(window);
    Shot::take(desktop, &shot_path(name)).count(at, SIZE, FUR)
}

/// The wall seen beside his head: less of it while his arms are raised.
fn wall_beside_his_head(desktop: &Desktop, window: &str) -> usize {
    let (x, y) = desktop.corner(window);
    let ((bx, by), size) = BESIDE_HIS_HEAD;
    Shot::take(desktop, &shot_path("desk_looking.png")).count((x + bx, y + by), size, WALL)
}

fn xdotool(desktop: &Desktop, args: &[&str]) {
    desktop.xdotool(args);
}

fn closed(desktop: &Desktop, mut child: Child, name: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(window_titled(desktop, name).is_none(), "the window is gone");
            return status;
        }
        assert!(start.elapsed() < SURELY_COMING, "the window stayed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Closes Goro with Esc, as a person does once the window has the focus.
fn close_with_esc(desktop: &Desktop, child: Child, window: &str, name: &str) {
    desktop.focus(window);
    xdotool(desktop, &["key", "Escape"]);
    assert!(closed(desktop, child, name).success());
}

#[test]
#[ignore = "needs Xvfb, openbox, dbus-daemon, dunst, xdotool, xprop and ImageMagick"]
fn goro_sits_above_the_others_at_the_bottom_right_and_stays_where_he_is_dragged() {
    let home = Home::new();
    let desktop = Desktop::start(home.path()).with_window_manager();
    let (child, window) = open(&desktop, &home, "en", "Goro");

    let (x, y) = desktop.corner(&window);
    assert!(
        x + SIZE.0 <= SCREEN.0 && y + SIZE.1 <= SCREEN.1,
        "on screen: {x},{y}"
    );
    assert!(x >= SCREEN.0 / 2, "on the right: {x}");
    assert!(y >= SCREEN.1 - SIZE.1 - 100, "at the bottom edge: {y}");
    let state = desktop
        .command("xprop")
        .args(["-id", &window, "_NET_WM_STATE"])
        .output()
        .expect("xprop (apt-get install x11-utils)");
    let state = String::from_utf8_lossy(&state.stdout);
    assert!(state.contains("_NET_WM_STATE_ABOVE"), "{state}");
    assert!(fur(&desktop, &window, "desk.png") > 2_000, "Goro on screen");

    // A second desk opens no second window.
    let again = iyashi(&desktop, &home)
        .args(["--lang", "en", "desk"])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("already"));
    assert_eq!(windows_titled(&desktop, "Goro").len(), 1);

    // Dragged to the left, by the mouse.
    let (cx, cy) = (x + SIZE.0 / 2, y + SIZE.1 / 2);
    xdotool(&desktop, &["mousemove", &cx.to_string(), &cy.to_string()]);
    xdotool(&desktop, &["mousedown", "1"]);
    for step in 1..=10 {
        let to = (cx - step * 40, cy - step * 20);
        xdotool(
            &desktop,
            &["mousemove", &to.0.to_string(), &to.1.to_string()],
        );
        std::thread::sleep(Duration::from_millis(30));
    }
    xdotool(&desktop, &["mouseup", "1"]);
    let place = home.path().join("desk-place.txt");
    // The window manager follows the pointer a moment behind under load,
    // and the place is written once the window has stopped moving.
    let mut moved = desktop.corner(&window);
    wait_for(SURELY_COMING, || {
        let now = desktop.corner(&window);
        let kept = fs::read_to_string(&place).unwrap_or_default();
        let settled = now == moved && kept.trim() == format!("{} {}", now.0, now.1);
        moved = now;
        settled
    });
    assert!(
        moved.0 < x - 200 && moved.1 < y - 100,
        "{moved:?} from {x},{y}"
    );
    close_with_esc(&desktop, child, &window, "Goro");

    // He comes back where he was put.
    let (child, window) = open(&desktop, &home, "en", "Goro");
    assert_eq!(desktop.corner(&window), moved);
    desktop.focus(&window);
    xdotool(&desktop, &["key", "q"]);
    assert!(closed(&desktop, child, "Goro").success());
}

#[test]
#[ignore = "needs Xvfb, openbox, dbus-daemon, dunst, xdotool, xprop and ImageMagick"]
fn a_due_break_makes_goro_look_up_and_a_right_click_closes_him() {
    let mut home = Home::new();
    home.now = "2026-11-25T05:00:00Z".to_string();
    fs::write(home.config(), CONFIG).unwrap();
    let desktop = Desktop::start(home.path()).with_window_manager();
    let (child, window) = open(&desktop, &home, "ja", "ゴロ");
    // No daemon: he lounges, his arms down.
    let sitting = wall_beside_his_head(&desktop, &window);

    let work = iyashi(&desktop, &home)
        .args(["work", "start"])
        .output()
        .unwrap();
    assert!(work.status.success());
    let mut watch = iyashi(&desktop, &home)
        .args(["--lang", "ja", "watch", "--source", "manual", "--no-tray"])
        .stdout(Stdio::null())
        .stderr(fs::File::create(home.path().join("watch.err")).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut least = sitting;
    while least + 400 > sitting {
        assert!(
            start.elapsed() < Duration::from_secs(45),
            "Goro never looked up: {sitting} → {least} pixels of wall beside his head\n{}",
            fs::read_to_string(home.path().join("watch.err")).unwrap_or_default()
        );
        least = least.min(wall_beside_his_head(&desktop, &window));
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = watch.kill();
    let _ = watch.wait();

    let (x, y) = desktop.corner(&window);
    let (cx, cy) = (x + SIZE.0 / 2, y + SIZE.1 / 2);
    xdotool(&desktop, &["mousemove", &cx.to_string(), &cy.to_string()]);
    xdotool(&desktop, &["click", "3"]);
    assert!(closed(&desktop, child, "ゴロ").success());
    assert!(
        !home.path().join("desk-place.txt").exists(),
        "no drag, no place"
    );
}

/// What the window manager holds of `window`: its `WM_STATE` ("Normal",
/// "Iconic") and whether it is the active window.
fn shown(desktop: &Desktop, window: &str) -> (String, bool) {
    let prop = |args: &[&str]| {
        let out = desktop
            .command("xprop")
            .args(args)
            .output()
            .expect("xprop (apt-get install x11-utils)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let state = prop(&["-id", window, "WM_STATE"]);
    let state = state
        .lines()
        .find_map(|l| l.trim().strip_prefix("window state: "))
        .unwrap_or_default()
        .to_string();
    // "_NET_ACTIVE_WINDOW(WINDOW): window id # 0x400003"
    let active = prop(&["-root", "_NET_ACTIVE_WINDOW"]);
    let active = active
        .rsplit("0x")
        .next()
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok());
    (state, active == window.parse().ok())
}

#[test]
#[ignore = "needs Xvfb, openbox, dbus-daemon, dunst, xdotool, xprop and ImageMagick"]
fn a_second_desk_brings_the_first_to_the_front_in_both_languages_and_each_has_a_whole_x11_name() {
    let home = Home::new();
    let desktop = Desktop::start(home.path()).with_window_manager();
    for (lang, name, said) in [
        ("ja", "ゴロ", "いちばん前に出てきました"),
        ("en", "Goro", "here he is, in front"),
    ] {
        let (child, window) = open(&desktop, &home, lang, name);
        // The old name whole, in ASCII, not a Japanese title's bytes as
        // Latin-1; the title itself in the new one.
        assert_eq!(
            desktop.names(&window),
            ("\"Goro\"".into(), format!("\"{name}\""))
        );
        xdotool(&desktop, &["windowminimize", "--sync", &window]);
        wait_for(SURELY_COMING, || shown(&desktop, &window).0 == "Iconic");

        let again = iyashi(&desktop, &home)
            .args(["--lang", lang, "desk"])
            .output()
            .unwrap();
        assert!(again.status.success());
        let again = String::from_utf8_lossy(&again.stdout);
        assert!(again.contains(said), "{again}");
        assert_eq!(again.lines().count(), 1, "{again}");

        // Shown again, with the focus, so Esc reaches him.
        wait_for(SURELY_COMING, || {
            shown(&desktop, &window) == ("Normal".into(), true)
        });
        assert_eq!(windows_titled(&desktop, name).len(), 1, "no second window");
        xdotool(&desktop, &["key", "Escape"]);
        assert!(closed(&desktop, child, name).success());
    }
}

#[test]
fn without_a_desktop_it_says_so_in_one_line() {
    let home = Home::new();
    let mut cmd = home.std_cmd();
    cmd.args(["--lang", "en", "desk"]);
    let err = desktop::said_without_a_desktop(cmd);
    assert!(err.contains("Cannot put Goro on the desktop"), "{err}");
    assert!(err.contains("terminal"), "says what to do: {err}");

    let mut cmd = home.std_cmd();
    cmd.args(["--lang", "ja", "desk"]);
    let err = desktop::said_without_a_desktop(cmd);
    assert!(
        err.contains("DISPLAY も WAYLAND_DISPLAY も設定されていません"),
        "{err}"
    );
}
