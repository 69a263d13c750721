//! The break screen on Wayland: a real compositor (weston), two outputs, and
//! `iyashi break-screen` with no X display at all, so winit and softbuffer
//! must speak Wayland. With `[breaks] screen = "fullscreen"` it covers both
//! outputs, and when its countdown ends the rest is kept as taken.
//!
//! weston runs on its X11 backend inside Xvfb only so the test can see its
//! outputs' pixels (`import` on each output's window): its headless backend
//! opens the window all the same, but its screenshooter returned the
//! window's pixels empty (see the screen2 report), and its X11 backend is the
//! one with more than one output (`--output-count`).
//!
//! Needs Debian's weston, xvfb, xdotool and imagemagick (`.ci/run`).

// Built without the break screen there is no window to look at.
#![cfg(all(target_os = "linux", feature = "screen"))]
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod desktop;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::Home;
use desktop::shot::Shot;
use desktop::{wait_for, x_server, SURELY_COMING};

/// Goro's fur (palette FUR) and the words' ink (INK).
const FUR: (u8, u8, u8) = (146, 102, 68);
const INK: (u8, u8, u8) = (59, 42, 32);
/// Each output's size: the card (720 × 480) fits with a margin.
const OUTPUT: (i32, i32) = (760, 520);

/// Xvfb, weston on it with two outputs, killed however the test ends.
struct Compositor {
    children: Vec<Child>,
    display: String,
    runtime: tempfile::TempDir,
    socket: String,
}

impl Drop for Compositor {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Compositor {
    fn start(log: &Path) -> Compositor {
        let width = 2 * OUTPUT.0 + 40;
        let mut xvfb = Command::new("Xvfb");
        xvfb.args([
            "-screen",
            "0",
            &format!("{width}x600x24"),
            "-nolisten",
            "tcp",
        ])
        .stderr(Stdio::null());
        let (xvfb, display) = x_server(xvfb);
        let mut compositor = Compositor {
            children: vec![xvfb],
            display,
            runtime: tempfile::tempdir().unwrap(),
            socket: format!("iyashi-test-{}", std::process::id()),
        };
        let weston = Command::new("weston")
            .env("DISPLAY", &compositor.display)
            .env("XDG_RUNTIME_DIR", compositor.runtime.path())
            .args([
                "--backend=x11-backend.so",
                "--use-pixman",
                "--output-count=2",
            ])
            .arg(format!("--width={}", OUTPUT.0))
            .arg(format!("--height={}", OUTPUT.1))
            .arg(format!("--socket={}", compositor.socket))
            .args(["--idle-time=0", "--no-config"])
            .stdout(Stdio::null())
            .stderr(fs::File::create(log).unwrap())
            .spawn()
            .expect("weston (apt-get install weston)");
        compositor.children.push(weston);
        let outputs = || compositor.outputs().len() == 2;
        wait_for(Duration::from_secs(20), outputs);
        // weston opens both outputs' windows at the same place: side by
        // side, each can be seen whole.
        let second = compositor.outputs()[1].clone();
        let ok = compositor
            .x11("xdotool")
            .args(["windowmove", "--sync", &second])
            .args([&(OUTPUT.0 + 20).to_string(), "0"])
            .status()
            .expect("xdotool (apt-get install xdotool)");
        assert!(ok.success());
        wait_for(SURELY_COMING, || {
            Path::new(compositor.runtime.path())
                .join(&compositor.socket)
                .exists()
        });
        compositor
    }

    /// A program on the X server that shows weston's outputs.
    fn x11(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display);
        cmd
    }

    /// The X windows that show weston's outputs.
    fn outputs(&self) -> Vec<String> {
        let out = self
            .x11("xdotool")
            .args(["search", "--class", "Weston Compositor"])
            .output()
            .expect("xdotool (apt-get install xdotool)");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// `iyashi` as a Wayland client of this compositor, with no X display.
    fn iyashi(&self, home: &Home) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("iyashi"));
        cmd.env_remove("DISPLAY")
            .env_remove("IYASHI_NOW")
            .env("WAYLAND_DISPLAY", &self.socket)
            .env("XDG_RUNTIME_DIR", self.runtime.path())
            .env("IYASHI_HOME", home.path())
            .env("LANG", "C.UTF-8");
        cmd
    }
}

fn artefact(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
#[ignore = "needs weston, Xvfb, xdotool and ImageMagick"]
fn on_wayland_the_break_screen_covers_every_output_and_its_end_is_kept() {
    let home = Home::new();
    fs::write(home.config(), "[breaks]\nscreen = \"fullscreen\"\n").unwrap();
    let compositor = Compositor::start(&home.path().join("weston.log"));
    let mut screen = compositor
        .iyashi(&home)
        .args(["break-screen", "--seconds", "8"])
        .stderr(fs::File::create(home.path().join("screen.log")).unwrap())
        .spawn()
        .unwrap();

    // Each output shows the break whole: Goro and the activity's words.
    let outputs = compositor.outputs();
    for (nth, output) in outputs.iter().enumerate() {
        let path = artefact(&format!("break_screen_wayland_{nth}.png"));
        let seen = |shot: &Shot| {
            let (fur, ink) = (
                shot.count((0, 0), OUTPUT, FUR),
                shot.count((0, 0), OUTPUT, INK),
            );
            (fur > 2_000 && ink > 300).then_some(()).ok_or((fur, ink))
        };
        let mut last = Err((0, 0));
        for _ in 0..30 {
            last = seen(&Shot::import(compositor.x11("import"), output, &path));
            if last.is_ok() || screen.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let log = fs::read_to_string(home.path().join("screen.log")).unwrap_or_default();
        assert!(
            last.is_ok(),
            "output {nth}: Goro's fur and ink {last:?} ({}); {log}",
            path.display()
        );
    }

    // Nobody answers: the countdown ends, the window closes by itself and,
    // with no daemon to tell, the rest is kept all the same.
    wait_for(Duration::from_secs(30), || {
        screen.try_wait().unwrap().is_some()
    });
    assert!(screen.wait().unwrap().success());
    let db = rusqlite::Connection::open(home.db()).unwrap();
    let (kind, outcome, length): (String, String, i64) = db
        .query_row("SELECT kind, outcome, length_ms FROM breaks", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((kind.as_str(), outcome.as_str()), ("rest", "taken"));
    assert!(length >= 7_000, "rested {length} ms");
}
