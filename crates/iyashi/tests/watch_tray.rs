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
mod tray_common;

use std::fs;
use std::sync::atomic::Ordering;
use std::thread::sleep;
use std::time::Duration;

use common::Home;
use iyashi_art::icon::Face;
use iyashi_core::catalogue::tray::{TraySays, TrayWord};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use letters_common::{letters_on, LettersService};
use tray_common::*;

#[test]
#[ignore = "needs dbus-daemon"]
fn the_item_shows_the_day_and_its_menu_takes_a_break_and_keeps_quiet() {
    let home = home();
    let bus = Bus::start();
    let (watch, item, _panel) = in_the_tray(&home, &bus, "en");

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

    // Four seconds of work: an eye rest is due, and Goro looks up; the
    // panel is told (it asks again only when told).
    let new_icon = item.heard("NewIcon");
    let new_tooltip = item.heard("NewToolTip");
    wait_for("Goro looking up", || {
        item.icon(32) == face(Face::LookingUp, 32)
    });
    wait_for("the panel told of the new face", || {
        new_icon.load(Ordering::SeqCst) > 0
    });
    wait_for("the panel told of the new tooltip", || {
        new_tooltip.load(Ordering::SeqCst) > 0
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
    let (watch, item, _panel) = in_the_tray(&home, &bus, "ja");
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
    let watch = watch(&home, &bus, "en", &[]);
    // Still watching: asked, it answers, and the break can be taken.
    said(&home, &bus, &["break", "now"]);
    assert!(!why(&home, &bus)["on_break_until"].is_null());
    let err = fs::read_to_string(home.path().join("watch.err")).unwrap();
    let not_yet = TraySays::NoTrayHostYet.render(Lang::En);
    assert_eq!(err.matches(&not_yet).count(), 1, "{err}");
    assert!(
        !err.contains(&TraySays::NoTrayHost.render(Lang::En)),
        "{err}"
    );

    // The panel starts after the daemon (as at a login): Goro comes to it,
    // asleep on his break.
    let (watcher, serving) = Watcher::serve(&bus);
    let item = watcher.item_on(&bus);
    assert_eq!(item.icon(32), face(Face::Asleep, 32));
    // The panel restarts: he comes to the new one too.
    drop(serving);
    wait_for("the old panel gone", || {
        !bus.has_owner("org.kde.StatusNotifierWatcher")
    });
    let (watcher, _serving) = Watcher::serve(&bus);
    assert_eq!(watcher.item(), item.name);
    item.quit(Lang::En);
    assert!(exits(watch).success());
    let err = fs::read_to_string(home.path().join("watch.err")).unwrap();
    assert_eq!(err.matches(&not_yet).count(), 1, "said once: {err}");
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
    let (watch, item, _panel) = in_the_tray(&home, &bus, lang.code());
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
    _serving: zbus::Connection,
    desktop: desktop::Desktop,
    watch: Watching,
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
        let item = watcher.item_on(&bus);
        OnADesktop {
            bus,
            _serving: serving,
            desktop,
            watch,
            item,
        }
    }

    /// The windows on screen whose name matches `title`.
    fn shown(&self, title: &str) -> Vec<String> {
        self.desktop.windows_named(title)
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
    // Kept whole: the panel's connection lives as long as the test.
    let on = OnADesktop::start(&home);
    let title = JoyWindowSays::Title.render(Lang::En);
    let write_joy = TrayWord::WriteJoy.render(Lang::En);
    let shown = || on.shown(&title);

    on.item.click(&write_joy);
    wait_for("the joy window", || shown().len() == 1);
    let window = shown().remove(0);

    // Chosen again while it shows (here, minimised out of sight): the same
    // window comes back to the front with the keyboard, and no second one.
    let ok = on
        .desktop
        .command("xdotool")
        .args(["windowminimize", "--sync", &window])
        .status()
        .unwrap();
    assert!(ok.success());
    wait_for("the window minimised", || shown().is_empty());
    on.item.click(&write_joy);
    wait_for("the same window back", || shown() == [window.clone()]);
    wait_for("the focus on it", || on.desktop.focused() == window);
    sleep(Duration::from_millis(500));
    assert_eq!(shown(), std::slice::from_ref(&window), "one joy window");

    // A joy typed and kept with Enter: in the journal, and the window gone.
    on.desktop.focus(&window);
    let typed = on
        .desktop
        .command("xdotool")
        .args(["type", "--delay", "40", "a warm bath"])
        .status()
        .unwrap();
    assert!(typed.success());
    let enter = on
        .desktop
        .command("xdotool")
        .args(["key", "Return"])
        .status();
    assert!(enter.unwrap().success());
    wait_for("the window gone", || shown().is_empty());
    let log = said(&home, &on.bus, &["--lang", "en", "log"]);
    assert!(log.contains("a warm bath"), "{log}");

    // Gone, it opens anew the next time (the daemon saw it end); Esc
    // closes it with nothing written.
    on.item.click(&write_joy);
    wait_for("a new joy window", || shown().len() == 1);
    on.desktop.focus(&shown()[0]);
    let esc = on
        .desktop
        .command("xdotool")
        .args(["key", "Escape"])
        .status();
    assert!(esc.unwrap().success());
    wait_for("the new window gone", || shown().is_empty());

    on.item.quit(Lang::En);
    assert!(exits(on.watch).success());
}

/// "Goro on the desktop" on a desktop: chosen, Goro's window opens; chosen
/// again, it goes; one put there by hand (`iyashi desk`) goes too.
#[cfg(feature = "screen")]
#[test]
#[ignore = "needs dbus-daemon, Xvfb, openbox, dunst and xdotool"]
fn goro_on_the_desktop_comes_and_goes_from_the_tray() {
    use iyashi_core::catalogue::desk::DeskSays;

    let home = home();
    // Kept whole: the panel's connection lives as long as the test.
    let on = OnADesktop::start(&home);
    let title = format!("^{}$", DeskSays::Title.render(Lang::En));
    let toggle = TrayWord::DeskGoro.render(Lang::En);
    let shown = || on.shown(&title);

    on.item.click(&toggle);
    wait_for("Goro on the desktop", || shown().len() == 1);
    on.item.click(&toggle);
    wait_for("Goro off the desktop", || shown().is_empty());

    // Put there by hand, the tray takes him off all the same.
    let mut by_hand = iyashi(&home, &on.bus, &["--lang", "en", "desk"])
        .env("DISPLAY", &on.desktop.display)
        .spawn()
        .unwrap();
    wait_for("Goro put there by hand", || shown().len() == 1);
    on.item.click(&toggle);
    wait_for("that Goro gone", || shown().is_empty());
    let _ = by_hand.wait();

    on.item.quit(Lang::En);
    assert!(exits(on.watch).success());
}
