//! An X server with two monitors side by side, without hardware: Xorg with
//! the dummy video driver. Xvfb (and Xephyr) show one RandR CRTC however
//! wide the screen, and winit counts monitors by CRTC; the dummy driver has
//! sixteen CRTCs and outputs, of which only the first is connected at start,
//! so `xrandr` turns the second on to the right of the first, as a person
//! plugging in a second monitor does.
//!
//! Needs Debian's xserver-xorg-core and xserver-xorg-video-dummy (and no
//! xserver-xorg-legacy wrapper refusing a user away from the console); it
//! runs as any user, with the configuration and log in the test's folder.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use super::x_server;

/// Each monitor's place and size on the screen: a smaller one on the left,
/// a wider one on its right, so a window that copied another's size shows.
pub const MONITORS: [((i32, i32), (i32, i32)); 2] = [((0, 0), (800, 600)), ((800, 0), (960, 540))];

/// Xorg on the dummy driver with `MONITORS`, and its display.
pub fn two_monitors(dir: &Path) -> (Child, String) {
    let [(_, (w0, h0)), ((x1, _), (w1, h1))] = MONITORS;
    let config = dir.join("xorg.conf");
    // The modes both monitors may take (VESA timings), listed in the
    // monitor section so the server knows them; the first starts in the
    // first one named.
    fs::write(
        &config,
        format!(
            "Section \"Device\"\n  Identifier \"dummy\"\n  Driver \"dummy\"\n  VideoRam 32768\nEndSection\n\
             Section \"Monitor\"\n  Identifier \"monitor\"\n  HorizSync 5.0-1000.0\n  VertRefresh 5.0-200.0\n\
             \x20 Modeline \"{w0}x{h0}\" 40.00 800 840 968 1056 600 601 605 628 +hsync +vsync\n\
             \x20 Modeline \"{w1}x{h1}\" 40.75 960 992 1088 1216 540 541 544 559 -hsync +vsync\n\
             EndSection\n\
             Section \"Screen\"\n  Identifier \"screen\"\n  Device \"dummy\"\n  Monitor \"monitor\"\n\
             \x20 DefaultDepth 24\n  SubSection \"Display\"\n    Depth 24\n    Modes \"{w0}x{h0}\"\n\
             \x20   Virtual {} {h0}\n  EndSubSection\nEndSection\n",
            x1 + w1
        ),
    )
    .unwrap();
    let mut xorg = Command::new("Xorg");
    xorg.arg("-config")
        .arg(&config)
        .arg("-logfile")
        .arg(dir.join("xorg.log"))
        .args(["-noreset", "-nolisten", "tcp"])
        // Run as root on a machine with a console, Xorg would take a virtual
        // terminal and switch to it: share the current one, untouched.
        .args(["-novtswitch", "-sharevts"])
        .stderr(Stdio::null());
    let (server, display) = x_server(xorg);
    let xrandr = |args: &[&str]| {
        let ok = Command::new("xrandr")
            .env("DISPLAY", &display)
            .args(args)
            .status()
            .expect("xrandr (apt-get install x11-xserver-utils)");
        assert!(ok.success(), "xrandr {args:?}");
    };
    let second = format!("{w1}x{h1}");
    xrandr(&["--addmode", "DUMMY1", &second]);
    xrandr(&[
        "--output",
        "DUMMY1",
        "--mode",
        &second,
        "--right-of",
        "DUMMY0",
    ]);
    (server, display)
}
