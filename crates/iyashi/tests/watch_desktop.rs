//! `iyashi watch` on a real (virtual) desktop: Xvfb for the X server and its
//! idle time, a D-Bus session bus, dunst as the notification server, xdotool
//! as the person at the mouse, and dbus-monitor as the witness.
//!
//! Needs Debian's xvfb, dbus, dunst, xdotool (`.ci/run` installs them).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::Home;
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::BreakKind;
use iyashi_core::Lang;

/// Kills its processes however the test ends.
struct Desktop {
    children: Vec<Child>,
    display: String,
    bus: String,
    dir: PathBuf,
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
    fn start(dir: &Path) -> Desktop {
        let number = 60 + std::process::id() % 200;
        let display = format!(":{number}");
        let mut children = vec![Command::new("Xvfb")
            .args([&display, "-screen", "0", "800x600x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (apt-get install xvfb)")];
        wait_for(Duration::from_secs(10), || {
            Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
        });

        let bus_log = dir.join("bus-address");
        children.push(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(fs::File::create(&bus_log).unwrap())
                .spawn()
                .expect("dbus-daemon (apt-get install dbus)"),
        );
        wait_for(Duration::from_secs(10), || {
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
        wait_for(Duration::from_secs(10), || {
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

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus);
        cmd
    }

    /// Everything said on the notifications interface so far.
    fn monitor(&self) -> String {
        String::from_utf8_lossy(&fs::read(self.dir.join("monitor.log")).unwrap_or_default())
            .into_owned()
    }

    /// The bodies of the break prompts sent so far (notifications with a "take" button).
    fn prompts(&self) -> Vec<String> {
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
    fn nudge(&self, step: u32) {
        self.command("xdotool")
            .args(["mousemove", &(100 + step % 300).to_string(), "200"])
            .status()
            .expect("xdotool (apt-get install xdotool)");
    }

    /// Chooses a button on the notification on screen, through dunst's menu.
    fn press(&self, button: &str) {
        fs::write(self.dir.join("pick"), button).unwrap();
        let ok = self.command("dunstctl").arg("context").status().unwrap();
        assert!(ok.success());
    }

    /// Keeps working until `done` holds.
    fn work_until(&self, what: &str, mut done: impl FnMut(&Desktop) -> bool) {
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

fn wait_for(limit: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "gave up waiting");
        sleep(Duration::from_millis(50));
    }
}

#[test]
#[ignore = "needs Xvfb, dbus-daemon, dunst and xdotool"]
fn a_break_is_asked_for_postponed_taken_and_recorded() {
    let home = Home::new();
    fs::write(
        home.config(),
        "[rhythm]\nmicro_break_every = \"5s\"\nmicro_break_length = \"2s\"\n\
         rest_break_every = \"10m\"\nrest_break_length = \"1m\"\npostpone = \"3s\"\n\
         long_absence = \"5m\"\nworkdays = []\n",
    )
    .unwrap();
    let desktop = Desktop::start(home.path());
    let mut watch = desktop
        .command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap())
        .args(["watch"])
        .env("IYASHI_HOME", home.path())
        .env("LANG", "C.UTF-8")
        .env_remove("IYASHI_NOW")
        .stdout(fs::File::create(home.path().join("watch.log")).unwrap())
        .spawn()
        .unwrap();

    desktop.work_until("a break prompt", |d| !d.prompts().is_empty());
    let first = desktop.prompts()[0].clone();
    assert!(first.contains("2 seconds"), "{first}");

    desktop.press("Later");
    wait_for(Duration::from_secs(10), || {
        desktop.monitor().contains("string \"later\"")
            && desktop.monitor().contains("ActionInvoked")
    });
    // The reminder comes back after the postpone, more gently worded.
    desktop.work_until("a second, gentler prompt", |d| d.prompts().len() >= 2);
    let second = desktop.prompts()[1].clone();
    assert_ne!(
        first, second,
        "the second reminder should be worded more gently"
    );

    desktop.press("Take the break");
    wait_for(Duration::from_secs(10), || {
        desktop.monitor().matches("ActionInvoked").count() >= 2
    });
    // Rest without touching anything until Piyo says the break is over.
    let over = Piyo::BreakOver {
        kind: BreakKind::Micro,
    }
    .render(Lang::En);
    wait_for(Duration::from_secs(20), || {
        desktop.monitor().contains(&over)
    });

    let status = desktop
        .command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap())
        .args(["break"])
        .env("IYASHI_HOME", home.path())
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&status.stdout);
    assert!(said.contains("Next eye rest in"), "{said}");

    // SIGTERM: the open session is saved before the daemon leaves.
    Command::new("kill")
        .arg(watch.id().to_string())
        .status()
        .unwrap();
    assert!(watch.wait().unwrap().success());
    let log = fs::read_to_string(home.path().join("watch.log")).unwrap();
    assert!(log.contains("Stopped watching"), "{log}");

    let db = rusqlite::Connection::open(home.db()).unwrap();
    let worked: i64 = db
        .query_row(
            "SELECT coalesce(sum(worked_ms), 0) FROM work_sessions",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(worked >= 5_000, "worked {worked} ms");
    let (outcome, postponed, asked): (String, i64, i64) = db
        .query_row(
            "SELECT outcome, postponed, asked FROM breaks WHERE outcome = 'taken'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((outcome.as_str(), postponed, asked), ("taken", 1, 1));
}
