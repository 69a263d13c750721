//! Goro in the tray, as a desktop's panel sees him: a private D-Bus session
//! bus, a StatusNotifierWatcher of the test's own on it (what KDE, the GNOME
//! AppIndicator extension or waybar would be), and `iyashi watch` with its
//! tray item. The test reads the item's icon and tooltip, its dbusmenu
//! menu in both languages, clicks menu entries as a panel does, and asks
//! `iyashi break` and `iyashi why` what came of it.
//!
//! Needs Debian's dbus (`.ci/run` installs it).

// Built without the tray there is no item to look at (and no zbus to look with).
#![cfg(all(target_os = "linux", feature = "tray"))]
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
#[cfg(feature = "screen")]
mod desktop;
mod letters_common;

use std::collections::HashMap;
use std::fs;
use std::process::{Child, Command};
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::Home;
use iyashi_art::icon::Face;
use iyashi_core::catalogue::tray::{TraySays, TrayWord};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use letters_common::{letters_on, LettersService};
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};
use zbus::{Connection, Proxy};

/// An eye rest after 4 s of work, a rest break of 3 s; in UTC, on a day
/// with no working hours set (so never "outside working hours").
const CONFIG: &str = "timezone = \"UTC\"\n[rhythm]\nmicro_break_every = \"4s\"\n\
    micro_break_length = \"2s\"\nrest_break_every = \"10m\"\nrest_break_length = \"3s\"\n\
    postpone = \"1m\"\nlong_absence = \"5m\"\nworkdays = []\n";

const NOW: &str = "2026-11-25T05:00:00Z";

/// A session bus of the test's own. Its configuration names no service
/// directories, so nothing (dunst, a real tray) is started on demand.
struct Bus {
    daemon: Child,
    address: String,
    _dir: tempfile::TempDir,
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

impl Bus {
    fn start() -> Bus {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let config = dir.join("bus.conf");
        fs::write(
            &config,
            format!(
                "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n \
                 \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n\
                 <busconfig><type>session</type><listen>unix:dir={}</listen>\
                 <auth>EXTERNAL</auth><policy context=\"default\">\
                 <allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>\
                 <allow own=\"*\"/></policy></busconfig>\n",
                dir.display()
            ),
        )
        .unwrap();
        let printed = dir.join("bus-address");
        let daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(fs::File::create(&printed).unwrap())
            .spawn()
            .expect("dbus-daemon (apt-get install dbus)");
        wait_for("the bus", || {
            fs::read_to_string(&printed).is_ok_and(|s| s.ends_with('\n'))
        });
        let address = fs::read_to_string(&printed).unwrap().trim().to_string();
        Bus {
            daemon,
            address,
            _dir: tmp,
        }
    }

    fn connect(&self) -> Connection {
        zbus::block_on(async {
            zbus::connection::Builder::address(self.address.as_str())?
                .build()
                .await
        })
        .expect("a connection to the test's bus")
    }
}

/// The panel's side: the items that registered, by bus name.
#[derive(Clone, Default)]
struct Watcher {
    items: Arc<Mutex<Vec<String>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(
        &self,
        service: &str,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        // An item may name its bus name or only its object path.
        let name = match service.starts_with('/') {
            true => header.sender().map(|s| s.to_string()).unwrap_or_default(),
            false => service.to_string(),
        };
        self.items.lock().unwrap().push(name);
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().unwrap().clone()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

impl Watcher {
    /// Puts the watcher on `bus`, as a panel does when it starts.
    fn serve(bus: &Bus) -> (Watcher, Connection) {
        let watcher = Watcher::default();
        let conn = zbus::block_on(async {
            zbus::connection::Builder::address(bus.address.as_str())?
                .name("org.kde.StatusNotifierWatcher")?
                .serve_at("/StatusNotifierWatcher", watcher.clone())?
                .build()
                .await
        })
        .expect("the watcher on the bus");
        (watcher, conn)
    }

    /// The item that registered (waiting for one).
    fn item(&self) -> String {
        wait_for("the tray item to register", || {
            !self.items.lock().unwrap().is_empty()
        });
        self.items.lock().unwrap()[0].clone()
    }
}

/// One of the item's pictures: width, height, ARGB32 bytes.
type Picture = (i32, i32, Vec<u8>);

/// The tray item, read and clicked as a panel does.
struct Item {
    conn: Connection,
    name: String,
}

impl Item {
    fn property(&self, name: &str) -> OwnedValue {
        zbus::block_on(async {
            let props = Proxy::new(
                &self.conn,
                self.name.as_str(),
                "/StatusNotifierItem",
                "org.freedesktop.DBus.Properties",
            )
            .await?;
            props
                .call::<_, _, OwnedValue>("Get", &("org.kde.StatusNotifierItem", name))
                .await
        })
        .unwrap_or_else(|e| panic!("the item's {name}: {e}"))
    }

    /// The picture offered at `size` pixels, as straight ARGB32 bytes.
    fn icon(&self, size: i32) -> Vec<u8> {
        let pictures: Vec<Picture> = self.property("IconPixmap").try_into().unwrap();
        let sizes: Vec<i32> = pictures.iter().map(|p| p.0).collect();
        for want in [16, 32, 64] {
            assert!(sizes.contains(&want), "no {want} px picture in {sizes:?}");
        }
        pictures
            .into_iter()
            .find(|(w, h, _)| (*w, *h) == (size, size))
            .unwrap()
            .2
    }

    fn tooltip(&self) -> String {
        let (_, _, title, text): (String, Vec<Picture>, String, String) =
            self.property("ToolTip").try_into().unwrap();
        format!("{title}\n{text}")
    }

    fn menu_proxy(&self) -> Proxy<'static> {
        let path: OwnedObjectPath = self.property("Menu").try_into().unwrap();
        zbus::block_on(Proxy::new_owned(
            self.conn.clone(),
            self.name.clone(),
            path,
            "com.canonical.dbusmenu",
        ))
        .unwrap()
    }

    /// The menu's entries in order, `None` for a separator, with their ids.
    fn menu(&self) -> Vec<(i32, Option<String>)> {
        type Node = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);
        let menu = self.menu_proxy();
        let (_, (_, _, children)): (u32, Node) =
            zbus::block_on(menu.call("GetLayout", &(0i32, -1i32, Vec::<String>::new()))).unwrap();
        children
            .into_iter()
            .map(|child| {
                let (id, mut props, _): Node = child.try_into().unwrap();
                let separator = props
                    .remove("type")
                    .is_some_and(|t| String::try_from(t).unwrap() == "separator");
                let label = props.remove("label").map(|l| String::try_from(l).unwrap());
                (id, if separator { None } else { label })
            })
            .collect()
    }

    /// Clicks the entry labelled `label`, as a panel does.
    fn click(&self, label: &str) {
        self.event(label).unwrap();
    }

    /// Clicks Quit in `lang`. The daemon may be gone before its reply to
    /// the click leaves (the reply is sent after the click is handled, and
    /// quitting closes the connection): a panel does not wait for that
    /// reply (libdbusmenu only logs an error), so neither does this; that
    /// the daemon then ends well is what `exits` checks.
    fn quit(&self, lang: Lang) {
        match self.event(&TrayWord::Quit.render(lang)) {
            Ok(()) => {}
            Err(zbus::Error::MethodError(name, _, _))
                if name.as_str() == "org.freedesktop.DBus.Error.NoReply" => {}
            Err(e) => panic!("clicking Quit: {e}"),
        }
    }

    fn event(&self, label: &str) -> zbus::Result<()> {
        let id = self
            .menu()
            .into_iter()
            .find(|(_, l)| l.as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no menu entry {label:?}"))
            .0;
        let data = Value::from(0i32);
        zbus::block_on(
            self.menu_proxy()
                .call::<_, _, ()>("Event", &(id, "clicked", data, 0u32)),
        )
    }
}

fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never saw {what}"
        );
        sleep(Duration::from_millis(50));
    }
}

fn home() -> Home {
    let mut home = Home::new();
    home.now = NOW.to_string();
    fs::write(home.config(), CONFIG).unwrap();
    // The person's terminal program: it writes down what it was asked to run.
    let terminal = home.path().join("terminal");
    fs::write(
        &terminal,
        format!(
            "#!/bin/sh\necho \"$@\" > {}\n",
            home.path().join("terminal-ran").display()
        ),
    )
    .unwrap();
    fs::set_permissions(
        &terminal,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    home
}

/// `iyashi ARGS…` on the test's bus.
fn iyashi(home: &Home, bus: &Bus, args: &[&str]) -> Command {
    let mut cmd = home.std_cmd();
    cmd.args(args)
        .env("TERMINAL", home.path().join("terminal"))
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("PULSE_SERVER", "unix:/nonexistent/pulse");
    cmd
}

/// `iyashi why --json`: what the daemon says of breaks and quiet.
fn why(home: &Home, bus: &Bus) -> serde_json::Value {
    serde_json::from_str(&said(home, bus, &["why", "--json"])).unwrap()
}

/// An instant `why` names, as a time of day.
fn hh_mm(at: &serde_json::Value) -> String {
    let at: jiff::Timestamp = at.as_str().expect("an instant").parse().unwrap();
    at.strftime("%H:%M").to_string()
}

fn said(home: &Home, bus: &Bus, args: &[&str]) -> String {
    let out = iyashi(home, bus, args).output().unwrap();
    assert!(
        out.status.success(),
        "iyashi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `iyashi [--lang L] watch --source manual` in a manual work session, its
/// standard error kept in `watch.err`.
fn watch(home: &Home, bus: &Bus, lang: &str, more: &[&str]) -> Child {
    watch_on(home, bus, lang, more, |_| {})
}

/// As `watch`, with `desktop` adding what a desktop gives its programs.
fn watch_on(
    home: &Home,
    bus: &Bus,
    lang: &str,
    more: &[&str],
    desktop: impl FnOnce(&mut Command),
) -> Child {
    said(home, bus, &["work", "start"]);
    let mut args = vec!["--lang", lang, "watch", "--source", "manual"];
    args.extend(more);
    let mut cmd = iyashi(home, bus, &args);
    desktop(&mut cmd);
    let child = cmd
        .stdout(fs::File::create(home.path().join("watch.out")).unwrap())
        .stderr(fs::File::create(home.path().join("watch.err")).unwrap())
        .spawn()
        .unwrap();
    // The daemon answers on its socket once it is past starting its tray.
    wait_for("the daemon", || why(home, bus)["watching"] == true);
    child
}

fn exits(mut watch: Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = watch.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = watch.kill();
            panic!("watch did not stop");
        }
        sleep(Duration::from_millis(50));
    }
}

/// Goro's face at `size`, drawn as the tray should offer it: straight
/// (not premultiplied) ARGB, big-endian.
fn face(face: Face, size: u32) -> Vec<u8> {
    let pixmap = face.render(size).unwrap();
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.alpha(), c.red(), c.green(), c.blue()]
        })
        .collect()
}

fn menu_words(lang: Lang) -> Vec<Option<String>> {
    use TrayWord::*;
    let word = |w: TrayWord| Some(w.render(lang));
    vec![
        word(TakeBreakNow),
        word(QuietForAnHour),
        word(QuietUntilTomorrow),
        None,
        word(OpenRoom),
        word(OpenWebRoom),
        word(ThisWeek),
        word(WriteJoy),
        word(DeskGoro),
        None,
        word(Quit),
    ]
}

#[test]
#[ignore = "needs dbus-daemon"]
fn the_item_shows_the_day_and_its_menu_takes_a_break_and_keeps_quiet() {
    let home = home();
    let bus = Bus::start();
    let (watcher, _serving) = Watcher::serve(&bus);
    let watch = watch(&home, &bus, "en", &[]);
    let item = Item {
        conn: bus.connect(),
        name: watcher.item(),
    };

    // At work, content; the tooltip names the day.
    assert_eq!(item.icon(32), face(Face::Content, 32));
    let tooltip = item.tooltip();
    assert!(
        tooltip.starts_with(&TraySays::Title.render(Lang::En)),
        "{tooltip}"
    );
    assert!(
        tooltip.contains("of work today · next break in "),
        "{tooltip}"
    );
    let labels: Vec<_> = item.menu().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, menu_words(Lang::En));

    // Four seconds of work: an eye rest is due, and Goro looks up.
    wait_for("Goro looking up", || {
        item.icon(32) == face(Face::LookingUp, 32)
    });
    assert_eq!(item.icon(16), face(Face::LookingUp, 16));
    assert!(
        item.tooltip().contains("time for a break"),
        "{}",
        item.tooltip()
    );

    let before = said(&home, &bus, &["break"]);
    assert!(why(&home, &bus)["on_break_until"].is_null());
    item.click(&TrayWord::TakeBreakNow.render(Lang::En));
    wait_for("Goro asleep", || item.icon(32) == face(Face::Asleep, 32));
    assert!(!why(&home, &bus)["on_break_until"].is_null());
    assert_ne!(said(&home, &bus, &["break"]), before, "break says it is on");

    // The rest ends after 3 s; quiet for an hour then shows the moon.
    wait_for("the rest's end", || item.icon(32) != face(Face::Asleep, 32));
    assert!(why(&home, &bus)["quiet_until"].is_null());
    item.click(&TrayWord::QuietForAnHour.render(Lang::En));
    wait_for("the moon", || item.icon(32) == face(Face::Moon, 32));
    let until = hh_mm(&why(&home, &bus)["quiet_until"]);
    assert_eq!(until, "06:00", "quiet until an hour after 05:00");
    let tooltip = item.tooltip();
    assert!(tooltip.contains("quiet until 06:00"), "{tooltip}");

    // Until tomorrow: until the day's rollover, the next morning.
    item.click(&TrayWord::QuietUntilTomorrow.render(Lang::En));
    wait_for("quiet until tomorrow", || {
        hh_mm(&why(&home, &bus)["quiet_until"]) != "06:00"
    });
    let until: jiff::Timestamp = why(&home, &bus)["quiet_until"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let hours = NOW
        .parse::<jiff::Timestamp>()
        .unwrap()
        .duration_until(until)
        .as_hours();
    assert!((12..=24).contains(&hours), "quiet until {until}");

    // This week: Piyo says it (here, with no notification server on the
    // bus, on watch's own output, as every notification falls back to).
    let week = said(&home, &bus, &["week"]);
    let first_day = week
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty())
        .unwrap()
        .trim()
        .to_string();
    assert!(first_day.starts_with("Mon 23 Nov"), "{week}");
    item.click(&TrayWord::ThisWeek.render(Lang::En));
    let out = home.path().join("watch.out");
    wait_for("the week", || {
        fs::read_to_string(&out).is_ok_and(|o| o.contains(&first_day))
    });

    // Open the room: iyashi, in the terminal $TERMINAL names.
    item.click(&TrayWord::OpenRoom.render(Lang::En));
    let ran = home.path().join("terminal-ran");
    wait_for("the terminal", || {
        fs::read_to_string(&ran).is_ok_and(|s| s.ends_with('\n'))
    });
    let ran = fs::read_to_string(&ran).unwrap();
    assert!(
        ran.starts_with("-e /") && ran.ends_with("iyashi --lang en\n"),
        "{ran}"
    );

    // Write a small joy: with no desktop here (no DISPLAY), Piyo says so
    // once, and watching goes on. The window itself is tested on a desktop
    // (tests/joy_window.rs).
    item.click(&TrayWord::WriteJoy.render(Lang::En));
    let no_window = TraySays::NoJoyWindow.render(Lang::En);
    let no_window = &no_window[..no_window.find(';').unwrap()];
    wait_for("no desktop for the joy window", || {
        fs::read_to_string(&out).is_ok_and(|o| o.contains(no_window))
    });
    // Goro on the desktop, likewise (tests/desk.rs has him on one).
    item.click(&TrayWord::DeskGoro.render(Lang::En));
    let no_desk = TraySays::NoDesk.render(Lang::En);
    let no_desk = &no_desk[..no_desk.find(';').unwrap()];
    wait_for("no desktop for Goro", || {
        fs::read_to_string(&out).is_ok_and(|o| o.contains(no_desk))
    });

    item.quit(Lang::En);
    assert!(exits(watch).success());
    let err = fs::read_to_string(home.path().join("watch.err")).unwrap();
    assert!(
        !err.contains(&TraySays::NoTrayHost.render(Lang::En)),
        "{err}"
    );
}

#[test]
#[ignore = "needs dbus-daemon"]
fn in_japanese_the_menu_and_the_tooltip_are_japanese() {
    let home = home();
    let bus = Bus::start();
    let (watcher, _serving) = Watcher::serve(&bus);
    let watch = watch(&home, &bus, "ja", &[]);
    let item = Item {
        conn: bus.connect(),
        name: watcher.item(),
    };
    let labels: Vec<_> = item.menu().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, menu_words(Lang::Ja));
    let tooltip = item.tooltip();
    assert!(
        tooltip.starts_with(&TraySays::Title.render(Lang::Ja)),
        "{tooltip}"
    );
    assert!(tooltip.contains("今日の作業"), "{tooltip}");
    item.quit(Lang::Ja);
    assert!(exits(watch).success());
}

#[test]
#[ignore = "needs dbus-daemon"]
fn with_no_tray_host_watch_says_so_once_and_goes_on() {
    let home = home();
    let bus = Bus::start();
    let mut watch = watch(&home, &bus, "en", &[]);
    // Still watching: asked, it answers, and the break can be taken.
    said(&home, &bus, &["break", "now"]);
    assert!(!why(&home, &bus)["on_break_until"].is_null());
    watch.kill().unwrap();
    watch.wait().unwrap();
    let err = fs::read_to_string(home.path().join("watch.err")).unwrap();
    let no_host = TraySays::NoTrayHost.render(Lang::En);
    assert_eq!(err.matches(&no_host).count(), 1, "{err}");
}

#[test]
#[ignore = "needs dbus-daemon"]
fn no_tray_for_one_run_or_in_the_config_shows_none() {
    let home = home();
    let bus = Bus::start();
    let (watcher, _serving) = Watcher::serve(&bus);
    for (config, flag) in [("", &["--no-tray"][..]), ("[tray]\nenabled = false\n", &[])] {
        fs::write(home.config(), format!("{CONFIG}{config}")).unwrap();
        let mut watch = watch(&home, &bus, "en", flag);
        // Past starting (it answered), and no item came.
        said(&home, &bus, &["break"]);
        assert!(watcher.items.lock().unwrap().is_empty());
        watch.kill().unwrap();
        watch.wait().unwrap();
        let err = fs::read_to_string(home.path().join("watch.err")).unwrap();
        let no_host = TraySays::NoTrayHost.render(Lang::En);
        assert!(!err.contains(&no_host), "not asked for, not missed: {err}");
    }
}

/// With letters on, the menu offers to write one (between the web room and
/// the week), and a letter waiting for this person, from a stranger through
/// a real letters service, puts a quiet mark on Goro and a line in the
/// tooltip; "Write a kind letter" is a choice like any other.
fn letters_in_the_tray(lang: Lang) {
    let service = LettersService::start();
    let stranger = Home::new();
    letters_on(&stranger.config(), &service.url);
    stranger.ok(&["letters", "write", "A long week; the tea helped."]);

    let home = home();
    letters_on(&home.config(), &service.url);
    let bus = Bus::start();
    let (watcher, _serving) = Watcher::serve(&bus);
    let watch = watch(&home, &bus, lang.code(), &[]);
    let item = Item {
        conn: bus.connect(),
        name: watcher.item(),
    };
    let labels: Vec<_> = item.menu().into_iter().map(|(_, l)| l).collect();
    let mut expected = menu_words(lang);
    let web_room = expected
        .iter()
        .position(|l| l.as_deref() == Some(&*TrayWord::OpenWebRoom.render(lang)))
        .unwrap();
    expected.insert(web_room + 1, Some(TrayWord::WriteLetter.render(lang)));
    assert_eq!(labels, expected);

    let waiting = TraySays::LetterWaiting.render(lang);
    wait_for("the letter's line", || item.tooltip().contains(&waiting));
    assert_ne!(item.icon(32), face(Face::Content, 32), "a mark on Goro");
    item.quit(lang);
    assert!(exits(watch).success());
}

#[test]
#[ignore = "needs dbus-daemon and the iyashi-letters program (cargo build --workspace)"]
fn with_letters_on_the_menu_offers_a_kind_letter_and_marks_one_waiting() {
    letters_in_the_tray(Lang::En);
}

#[test]
#[ignore = "needs dbus-daemon and the iyashi-letters program (cargo build --workspace)"]
fn in_japanese_the_menu_offers_a_kind_letter_too() {
    letters_in_the_tray(Lang::Ja);
}

/// The tray item on the test's bus, and an X display with a window manager
/// where the windows it opens show; `iyashi watch` in English.
#[cfg(feature = "screen")]
struct OnADesktop {
    bus: Bus,
    _serving: Connection,
    desktop: desktop::Desktop,
    watch: Child,
    item: Item,
}

#[cfg(feature = "screen")]
impl OnADesktop {
    fn start(home: &Home) -> OnADesktop {
        let bus = Bus::start();
        let (watcher, serving) = Watcher::serve(&bus);
        let desktop = desktop::Desktop::start(home.path()).with_window_manager();
        let watch = watch_on(home, &bus, "en", &[], |cmd| {
            cmd.env("DISPLAY", &desktop.display);
        });
        let item = Item {
            conn: bus.connect(),
            name: watcher.item(),
        };
        OnADesktop {
            bus,
            _serving: serving,
            desktop,
            watch,
            item,
        }
    }
}

/// "Write a small joy" on a desktop: the tray item on the test's bus, and an
/// X display with a window manager where the joy window opens.
#[cfg(feature = "screen")]
#[test]
#[ignore = "needs dbus-daemon, Xvfb, openbox, dunst and xdotool"]
fn write_a_small_joy_opens_one_joy_window_and_the_joy_is_kept() {
    use iyashi_core::catalogue::joy_window::JoyWindowSays;

    let home = home();
    let OnADesktop {
        bus,
        desktop,
        watch,
        item,
        ..
    } = OnADesktop::start(&home);
    let title = JoyWindowSays::Title.render(Lang::En);
    let write_joy = TrayWord::WriteJoy.render(Lang::En);
    let shown = || desktop.windows_named(&title);

    item.click(&write_joy);
    wait_for("the joy window", || shown().len() == 1);
    let window = shown().remove(0);

    // Chosen again while it shows (here, minimised out of sight): the same
    // window comes back to the front with the keyboard, and no second one.
    let ok = desktop
        .command("xdotool")
        .args(["windowminimize", "--sync", &window])
        .status()
        .unwrap();
    assert!(ok.success());
    wait_for("the window minimised", || shown().is_empty());
    item.click(&write_joy);
    wait_for("the same window back", || shown() == [window.clone()]);
    wait_for("the focus on it", || desktop.focused() == window);
    sleep(Duration::from_millis(500));
    assert_eq!(shown(), std::slice::from_ref(&window), "one joy window");

    // A joy typed and kept with Enter: in the journal, and the window gone.
    desktop.focus(&window);
    let typed = desktop
        .command("xdotool")
        .args(["type", "--delay", "40", "a warm bath"])
        .status()
        .unwrap();
    assert!(typed.success());
    let enter = desktop.command("xdotool").args(["key", "Return"]).status();
    assert!(enter.unwrap().success());
    wait_for("the window gone", || shown().is_empty());
    let log = said(&home, &bus, &["--lang", "en", "log"]);
    assert!(log.contains("a warm bath"), "{log}");

    // Gone, it opens anew the next time (the daemon saw it end); Esc
    // closes it with nothing written.
    item.click(&write_joy);
    wait_for("a new joy window", || shown().len() == 1);
    desktop.focus(&shown()[0]);
    let esc = desktop.command("xdotool").args(["key", "Escape"]).status();
    assert!(esc.unwrap().success());
    wait_for("the new window gone", || shown().is_empty());

    item.quit(Lang::En);
    assert!(exits(watch).success());
}

/// "Goro on the desktop" on a desktop: chosen, Goro's window opens; chosen
/// again, it goes; one put there by hand (`iyashi desk`) goes too.
#[cfg(feature = "screen")]
#[test]
#[ignore = "needs dbus-daemon, Xvfb, openbox, dunst and xdotool"]
fn goro_on_the_desktop_comes_and_goes_from_the_tray() {
    use iyashi_core::catalogue::desk::DeskSays;

    let home = home();
    let OnADesktop {
        bus,
        desktop,
        watch,
        item,
        ..
    } = OnADesktop::start(&home);
    let title = format!("^{}$", DeskSays::Title.render(Lang::En));
    let toggle = TrayWord::DeskGoro.render(Lang::En);
    let shown = || desktop.windows_named(&title);

    item.click(&toggle);
    wait_for("Goro on the desktop", || shown().len() == 1);
    item.click(&toggle);
    wait_for("Goro off the desktop", || shown().is_empty());

    // Put there by hand, the tray takes him off all the same.
    let mut by_hand = iyashi(&home, &bus, &["--lang", "en", "desk"])
        .env("DISPLAY", &desktop.display)
        .spawn()
        .unwrap();
    wait_for("Goro put there by hand", || shown().len() == 1);
    item.click(&toggle);
    wait_for("that Goro gone", || shown().is_empty());
    let _ = by_hand.wait();

    item.quit(Lang::En);
    assert!(exits(watch).success());
}
