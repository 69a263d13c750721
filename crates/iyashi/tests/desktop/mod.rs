//! A virtual desktop for the `watch` tests: Xvfb for the X server and its
//! idle time, a D-Bus session bus, dunst as the notification server,
//! optionally openbox (EWMH, so windows can go fullscreen), xdotool as the
//! person at the mouse, and dbus-monitor as the witness.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect
#![allow(dead_code)] // each test file uses its own part of this

pub mod monitors;
pub mod shot;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Kills its processes however the test ends.
pub struct Desktop {
    pub children: Vec<Child>,
    pub display: String,
    pub bus: String,
    pub dir: PathBuf,
}

impl Drop for Desktop {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Desktop {
    pub fn start(dir: &Path) -> Desktop {
        let mut xvfb = Command::new("Xvfb");
        xvfb.args(["-screen", "0", "800x600x24", "-nolisten", "tcp"])
            .stderr(Stdio::null());
        Desktop::around(x_server(xvfb), dir)
    }

    /// A desktop on `server` (an X server and its display), with the rest
    /// of `start`'s parts.
    pub fn around((server, display): (Child, String), dir: &Path) -> Desktop {
        let mut children = vec![server];
        let bus_log = dir.join("bus-address");
        children.push(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(fs::File::create(&bus_log).unwrap())
                .spawn()
                .expect("dbus-daemon (apt-get install dbus)"),
        );
        wait_for(SURELY_COMING, || {
            fs::read_to_string(&bus_log).is_ok_and(|s| s.ends_with('\n'))
        });
        let bus = fs::read_to_string(&bus_log).unwrap().trim().to_string();

        // dunst's context menu runs "dmenu": ours picks the button named in
        // the file `pick`, as a person would.
        let pick = dir.join("pick.sh");
        fs::write(
            &pick,
            format!(
                "#!/bin/sh\ngrep -m1 \"$(cat {})\"\n",
                dir.join("pick").display()
            ),
        )
        .unwrap();
        Command::new("chmod").arg("+x").arg(&pick).status().unwrap();
        let rc = dir.join("dunstrc");
        fs::write(
            &rc,
            format!(
                "[global]\n    dmenu = {}\n[urgency_normal]\n    timeout = 0\n",
                pick.display()
            ),
        )
        .unwrap();
        let mut desktop = Desktop {
            children,
            display,
            bus,
            dir: dir.to_path_buf(),
        };
        let dunst = desktop
            .command("dunst")
            .arg("-config")
            .arg(&rc)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst (apt-get install dunst)");
        desktop.children.push(dunst);
        let monitor = desktop
            .command("dbus-monitor")
            .args(["--session", "interface='org.freedesktop.Notifications'"])
            .stdout(fs::File::create(dir.join("monitor.log")).unwrap())
            .spawn()
            .expect("dbus-monitor");
        desktop.children.push(monitor);
        // Asking the bus (not dunstctl) whether dunst owns the name, so the
        // bus does not try to start a second dunst on its own.
        wait_for(SURELY_COMING, || {
            desktop
                .command("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.Notifications",
                ])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
        });
        desktop
    }

    /// Starts openbox, a window manager that follows EWMH, so a window can
    /// be made fullscreen the way a video player or a slide show does.
    pub fn with_window_manager(mut self) -> Desktop {
        let openbox = self
            .command("openbox")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox (apt-get install openbox)");
        self.children.push(openbox);
        // openbox announces itself on the root window when it is ready.
        wait_for(SURELY_COMING, || {
            self.command("xprop")
                .args(["-root", "_NET_SUPPORTING_WM_CHECK"])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("window id"))
        });
        self
    }

    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus);
        cmd
    }

    /// Everything said on the notifications interface so far.
    pub fn monitor(&self) -> String {
        String::from_utf8_lossy(&fs::read(self.dir.join("monitor.log")).unwrap_or_default())
            .into_owned()
    }

    /// The bodies of the break prompts sent so far (notifications with a "take" button).
    pub fn prompts(&self) -> Vec<String> {
        self.monitor()
            .split("member=Notify")
            .skip(1)
            .filter(|call| call.contains("string \"take\""))
            .map(|call| {
                call.lines()
                    .filter_map(|l| l.trim().strip_prefix("string \""))
                    .nth(3)
                    .unwrap_or_default()
                    .trim_end_matches('"')
                    .to_string()
            })
            .collect()
    }

    /// Moves the pointer a little, as a person working does.
    pub fn nudge(&self, step: u32) {
        self.command("xdotool")
            .args(["mousemove", &(100 + step % 300).to_string(), "200"])
            .status()
            .expect("xdotool (apt-get install xdotool)");
    }

    /// Chooses a button on the notification on screen, through dunst's menu.
    pub fn press(&self, button: &str) {
        fs::write(self.dir.join("pick"), button).unwrap();
        let ok = self.command("dunstctl").arg("context").status().unwrap();
        assert!(ok.success());
    }

    /// Keeps working until `done` holds.
    pub fn work_until(&self, what: &str, mut done: impl FnMut(&Desktop) -> bool) {
        let start = Instant::now();
        let mut step = 0;
        while !done(self) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "never saw: {what}\n{}",
                self.monitor()
            );
            self.nudge(step);
            step += 7;
            sleep(Duration::from_millis(300));
        }
    }
}

/// Starts `server` (Xvfb or Xorg, its own arguments given) with
/// `-displayfd`: it picks a free display itself and writes the number on its
/// standard output once it takes clients. A test never meets a display
/// another run holds, nor a socket a killed run left behind in
/// /tmp/.X11-unix (which a wait for the socket file took for the server).
pub fn x_server(mut server: Command) -> (Child, String) {
    use std::io::BufRead;
    let name = server.get_program().to_string_lossy().into_owned();
    let mut child = server
        .args(["-displayfd", "1"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{name} (apt-get install xvfb, or xserver-xorg-core): {e}"));
    let mut number = String::new();
    // The pipe stays open in `child`: the server may write to it again.
    std::io::BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut number)
        .unwrap();
    let number = number.trim();
    assert!(
        !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
        "{name} gave no display number: {:?}",
        child.try_wait()
    );
    (child, format!(":{number}"))
}

/// Runs `cmd` (a window's command) with no desktop at all: it must fail
/// with exit code 1 and one line on standard error, which is returned.
pub fn said_without_a_desktop(mut cmd: Command) -> String {
    let out = cmd
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    // In the catalogue's words, not winit's English (also in Japanese).
    assert!(!err.contains("WAYLAND_SOCKET"), "{err}");
    assert!(err.contains("DISPLAY"), "{err}");
    err
}

/// How long a test waits for what is surely coming (a server, a window, a
/// name on the bus): a limit, not a target. Under a parallel build a debug
/// window once took more than 10 s to show.
pub const SURELY_COMING: Duration = Duration::from_secs(30);

pub fn wait_for(limit: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "gave up waiting");
        sleep(Duration::from_millis(50));
    }
}

impl Desktop {
    /// xdotool, as the person at the mouse and the keyboard.
    pub fn xdotool(&self, args: &[&str]) {
        let ok = self
            .command("xdotool")
            .args(args)
            .status()
            .expect("xdotool (apt-get install xdotool)");
        assert!(ok.success(), "xdotool {args:?}");
    }

    /// The first window on screen whose name holds `name`, if one is.
    pub fn window_named(&self, name: &str) -> Option<String> {
        self.windows_named(name).into_iter().next()
    }

    /// Every window on screen whose name holds `name`.
    pub fn windows_named(&self, name: &str) -> Vec<String> {
        let out = self
            .command("xdotool")
            .args(["search", "--onlyvisible", "--name", name])
            .output()
            .expect("xdotool (apt-get install xdotool)");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The window's two names as xprop reads them: X11's old `WM_NAME`
    /// (Latin-1, what xdotool's name search and older window managers
    /// read) and `_NET_WM_NAME` (UTF-8, what desktops show).
    pub fn names(&self, window: &str) -> (String, String) {
        let out = self
            .command("xprop")
            .args(["-id", window, "WM_NAME", "_NET_WM_NAME"])
            // A C locale would print a UTF-8 title's bytes in octal.
            .env("LANG", "C.UTF-8")
            .output()
            .expect("xprop (apt-get install x11-utils)");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let value = |prefix: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(prefix))
                .unwrap_or_else(|| panic!("{prefix} in {text}"))
                .to_string()
        };
        (
            value("WM_NAME(STRING) = "),
            value("_NET_WM_NAME(UTF8_STRING) = "),
        )
    }

    /// The names (as `names`) of the window `program` opens, found by its
    /// old name `plain`; the program is ended after.
    pub fn names_of(&self, mut program: Command, plain: &str) -> (String, String) {
        let mut child = program.spawn().expect("the program starts");
        wait_for(SURELY_COMING, || self.window_named(plain).is_some());
        let names = self.window_named(plain).map(|window| self.names(&window));
        let _ = child.kill();
        let _ = child.wait();
        names.expect("the window is still there")
    }

    /// Gives `window` the keyboard, as a person clicking on it does, and
    /// waits until it has it: under load openbox may hand the focus over a
    /// moment after `windowactivate --sync` returns, and keys typed while it
    /// moves land around a focus change.
    pub fn focus(&self, window: &str) {
        let ok = self
            .command("xdotool")
            .args(["windowactivate", "--sync", window])
            .status()
            .expect("xdotool (apt-get install xdotool)");
        assert!(ok.success());
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(5) && self.focused() != window {
            sleep(Duration::from_millis(50));
        }
        sleep(Duration::from_millis(200));
    }

    /// The window that has the keyboard.
    pub fn focused(&self) -> String {
        let out = self
            .command("xdotool")
            .arg("getwindowfocus")
            .output()
            .expect("xdotool (apt-get install xdotool)");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The window's top-left corner on the screen: where its pixels
    /// begin, inside the window manager's frame (xwininfo's absolute
    /// corner; xdotool's geometry can count the title bar in).
    pub fn corner(&self, window: &str) -> (i32, i32) {
        self.geometry(window).0
    }

    /// The window's corner (as `corner`) and its size, in pixels.
    pub fn geometry(&self, window: &str) -> ((i32, i32), (i32, i32)) {
        let out = self
            .command("xwininfo")
            .args(["-id", window])
            .output()
            .expect("xwininfo (apt-get install x11-utils)");
        let text = String::from_utf8_lossy(&out.stdout);
        let value = |key: &str| {
            text.lines()
                .find_map(|l| l.trim().strip_prefix(key))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or_else(|| panic!("{key} in {text}"))
        };
        (
            (
                value("Absolute upper-left X:"),
                value("Absolute upper-left Y:"),
            ),
            (value("Width:"), value("Height:")),
        )
    }
}
