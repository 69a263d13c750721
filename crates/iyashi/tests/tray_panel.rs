//! The tray item answers every question a panel's library asks, not only
//! the ones `watch_tray` clicks through: libdbusmenu's partial layouts and
//! group reads, Plasma's and waybar's `GetAll`, GNOME's `Activate` (which
//! must be "unknown" for the menu to open), introspection, and mistakes
//! (a missing entry, a property that is not there) answered as errors,
//! never left waiting.
//!
//! Needs Debian's dbus (`.ci/run` installs it).

#![cfg(all(target_os = "linux", feature = "tray"))]
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
#[cfg(feature = "screen")]
mod desktop;
mod tray_common;

use std::collections::HashMap;

use iyashi_art::icon::Face;
use iyashi_core::catalogue::tray::{TraySays, TrayWord};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tray_common::*;
use zbus::zvariant::{DynamicType, OwnedObjectPath, OwnedValue, Type, Value};

const SNI: &str = "org.kde.StatusNotifierItem";
const MENU: &str = "com.canonical.dbusmenu";
const PROPERTIES: &str = "org.freedesktop.DBus.Properties";

type Properties = HashMap<String, OwnedValue>;
type Node = (i32, Properties, Vec<OwnedValue>);

/// Asks the item `method` on `path`; its answer as `T`, or the error's name.
fn ask<B, T>(item: &Item, path: &str, interface: &str, method: &str, body: &B) -> Result<T, String>
where
    B: Serialize + DynamicType,
    T: DeserializeOwned + Type,
{
    let reply = zbus::block_on(item.conn.call_method(
        Some(item.name.as_str()),
        path,
        Some(interface),
        method,
        body,
    ));
    match reply {
        Ok(message) => Ok(message.body().deserialize::<T>().unwrap()),
        Err(zbus::Error::MethodError(name, _, _)) => Err(name.to_string()),
        Err(e) => panic!("{interface}.{method}: {e}"),
    }
}

fn menu_path(item: &Item) -> String {
    let path: OwnedObjectPath = item.property("Menu").try_into().unwrap();
    path.to_string()
}

fn label(properties: &Properties) -> Option<String> {
    let label = properties.get("label")?;
    Some(String::try_from(label.try_clone().unwrap()).unwrap())
}

#[test]
#[ignore = "needs dbus-daemon"]
fn a_panel_reading_everything_at_once_sees_what_it_reads_one_by_one() {
    let home = home();
    let bus = Bus::start();
    let (watch, item, _panel) = in_the_tray(&home, &bus, "ja");

    let all: Properties = ask(&item, "/StatusNotifierItem", PROPERTIES, "GetAll", &(SNI,)).unwrap();
    let text = |name: &str| String::try_from(all[name].try_clone().unwrap()).unwrap();
    assert_eq!(text("Id"), "iyashi");
    assert_eq!(text("Status"), "Active", "a Passive item may be hidden");
    assert_eq!(text("Category"), "ApplicationStatus");
    assert_eq!(text("Title"), TraySays::Title.render(Lang::Ja));
    assert!(bool::try_from(&all["ItemIsMenu"]).unwrap());
    let menu: OwnedObjectPath = all["Menu"].try_clone().unwrap().try_into().unwrap();
    assert_eq!(menu.to_string(), menu_path(&item));
    let pictures: Vec<Picture> = all["IconPixmap"].try_clone().unwrap().try_into().unwrap();
    let one_by_one: Vec<Picture> = item.property("IconPixmap").try_into().unwrap();
    assert_eq!(pictures, one_by_one);
    let at_64 = pictures.iter().find(|p| p.0 == 64).unwrap();
    assert_eq!(at_64.2, face(Face::Content, 64));
    let (_, _, title, line): (String, Vec<Picture>, String, String) =
        all["ToolTip"].try_clone().unwrap().try_into().unwrap();
    assert_eq!(format!("{title}\n{line}"), item.tooltip());
    assert!(line.contains("今日の作業"), "{line}");

    let menu_all: Properties = ask(&item, &menu, PROPERTIES, "GetAll", &(MENU,)).unwrap();
    assert_eq!(u32::try_from(&menu_all["Version"]).unwrap(), 3);
    let version: OwnedValue = ask(&item, &menu, PROPERTIES, "Get", &(MENU, "Version")).unwrap();
    assert_eq!(u32::try_from(&version).unwrap(), 3);

    // Introspection names what is served (d-feet, busctl, some panels).
    for (path, names) in [
        ("/StatusNotifierItem", ["IconPixmap", "NewIcon"]),
        (menu.as_str(), ["GetLayout", "LayoutUpdated"]),
    ] {
        let xml: String = ask(
            &item,
            path,
            "org.freedesktop.DBus.Introspectable",
            "Introspect",
            &(),
        )
        .unwrap();
        for name in names {
            assert!(xml.contains(&format!("name=\"{name}\"")), "{path}: {xml}");
        }
    }
    let pong: Result<(), String> = ask(&item, &menu, "org.freedesktop.DBus.Peer", "Ping", &());
    assert_eq!(pong, Ok(()));
    item.quit(Lang::Ja);
    assert!(exits(watch).success());
}

#[test]
#[ignore = "needs dbus-daemon"]
fn the_menu_answers_what_libdbusmenu_asks_and_mistakes_are_errors() {
    let home = home();
    let bus = Bus::start();
    let (watch, item, _panel) = in_the_tray(&home, &bus, "en");
    let menu = menu_path(&item);
    let no_names: Vec<String> = Vec::new();
    let layout = |parent: i32, depth: i32, names: &[&str]| -> Result<(u32, Node), String> {
        ask(&item, &menu, MENU, "GetLayout", &(parent, depth, names))
    };

    // The whole menu, the root alone, one entry alone.
    let (revision, (root, properties, children)) = layout(0, -1, &[]).unwrap();
    assert_eq!((root, children.len()), (0, menu_words(Lang::En).len()));
    let shows = properties
        .get("children-display")
        .map(|v| v.try_clone().unwrap());
    assert_eq!(shows, Some(Value::from("submenu").try_into().unwrap()));
    let (_, (_, _, none)) = layout(0, 0, &[]).unwrap();
    assert!(none.is_empty(), "depth 0 is the node alone");
    let (again, (one, first, _)) = layout(1, -1, &[]).unwrap();
    assert_eq!((again, one), (revision, 1), "one layout while it runs");
    assert_eq!(label(&first), Some(TrayWord::TakeBreakNow.render(Lang::En)));
    // Only the properties asked for.
    let (_, (_, _, labelled)) = layout(0, -1, &["type"]).unwrap();
    let first: Node = labelled[0].try_clone().unwrap().try_into().unwrap();
    assert!(
        first.1.is_empty(),
        "a label entry has no type: {:?}",
        first.1
    );

    // A group read, as libdbusmenu makes after LayoutUpdated.
    let group: Vec<(i32, Properties)> = ask(
        &item,
        &menu,
        MENU,
        "GetGroupProperties",
        &(vec![1, 4], vec!["label"]),
    )
    .unwrap();
    assert_eq!(group.len(), 2);
    assert_eq!(
        label(&group[0].1),
        Some(TrayWord::TakeBreakNow.render(Lang::En))
    );
    assert!(group[1].1.is_empty(), "entry 4 is a separator: no label");
    let every: Vec<(i32, Properties)> = ask(
        &item,
        &menu,
        MENU,
        "GetGroupProperties",
        &(Vec::<i32>::new(), &no_names),
    )
    .unwrap();
    assert_eq!(every.len(), menu_words(Lang::En).len(), "none named: all");
    let separator: OwnedValue = ask(&item, &menu, MENU, "GetProperty", &(4, "type")).unwrap();
    assert_eq!(String::try_from(separator).unwrap(), "separator");

    let shown: bool = ask(&item, &menu, MENU, "AboutToShow", &(0,)).unwrap();
    assert!(!shown, "nothing to update before it shows");
    let (update, unknown): (Vec<i32>, Vec<i32>) =
        ask(&item, &menu, MENU, "AboutToShowGroup", &(vec![0, 1, 99],)).unwrap();
    assert_eq!((update, unknown), (vec![], vec![99]));
    let hovered = vec![(1, "hovered", Value::from(0i32), 0u32)];
    let errors: Vec<i32> = ask(&item, &menu, MENU, "EventGroup", &(hovered,)).unwrap();
    assert!(errors.is_empty());

    // Mistakes get an error at once, never a caller left waiting.
    let invalid = Err("org.freedesktop.DBus.Error.InvalidArgs".to_string());
    assert_eq!(layout(99, -1, &[]).map(|_| ()), invalid);
    let click = (99, "clicked", Value::from(0i32), 0u32);
    let missing: Result<(), String> = ask(&item, &menu, MENU, "Event", &click);
    assert_eq!(missing, invalid);
    let wrong: Result<(u32, Node), String> = ask(&item, &menu, MENU, "GetLayout", &("zero",));
    assert_eq!(wrong.map(|_| ()), invalid);
    let no_such: Result<OwnedValue, String> =
        ask(&item, &menu, MENU, "GetProperty", &(1, "colour"));
    assert_eq!(
        no_such.map(|_| ()),
        Err("org.freedesktop.DBus.Error.UnknownProperty".to_string())
    );
    let set: Result<(), String> = ask(
        &item,
        "/StatusNotifierItem",
        PROPERTIES,
        "Set",
        &(SNI, "Title", Value::from("x")),
    );
    assert_eq!(
        set,
        Err("org.freedesktop.DBus.Error.PropertyReadOnly".to_string())
    );
    let elsewhere: Result<(), String> = ask(&item, "/elsewhere", PROPERTIES, "GetAll", &(SNI,));
    assert_eq!(
        elsewhere,
        Err("org.freedesktop.DBus.Error.UnknownObject".to_string())
    );
    // GNOME's AppIndicator extension opens the menu on a click only when
    // Activate is unknown; the menu is the item's only way in.
    let activate: Result<(), String> = ask(&item, "/StatusNotifierItem", SNI, "Activate", &(0, 0));
    assert_eq!(
        activate,
        Err("org.freedesktop.DBus.Error.UnknownMethod".to_string())
    );
    let unknown_face: Result<(), String> = ask(&item, "/StatusNotifierItem", SNI, "Smile", &());
    assert_eq!(
        unknown_face,
        Err("org.freedesktop.DBus.Error.UnknownMethod".to_string())
    );

    // After all that, the daemon still takes a click.
    item.quit(Lang::En);
    assert!(exits(watch).success());
}

/// Goro's fur, from the palette (crates/art/src/palette.rs, FUR).
#[cfg(feature = "screen")]
const FUR: (u8, u8, u8) = (146, 102, 68);

/// A real panel: gtk-sni-tray-standalone (its own watcher, GTK, and
/// libdbusmenu for the menu, as XFCE's and many others' are) on a virtual
/// X display. It draws Goro at the top left; a click opens the menu in
/// Japanese, the keyboard takes a break from it, and Goro falls asleep.
/// The screenshots are kept in target/tmp as tray_panel*.png.
#[cfg(feature = "screen")]
#[test]
#[ignore = "needs dbus-daemon, Xvfb, gtk-sni-tray-standalone (haskell-gtk-sni-tray-utils), imagemagick and xdotool"]
fn a_real_panel_shows_goro_and_its_menu_takes_a_break() {
    use std::path::Path;
    use std::process::Stdio;

    use desktop::shot::Shot;

    let home = home();
    // The break screen would open over the panel: only the tray is looked at.
    let config = format!("{CONFIG}[breaks]\nscreen = \"off\"\n");
    std::fs::write(home.config(), config).unwrap();
    let bus = Bus::start();
    let mut desktop = desktop::Desktop::start(home.path());
    let panel = desktop
        .command("gtk-sni-tray-standalone")
        .args(["--watcher", "--top", "--size", "32"])
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(home.path().join("panel.err")).unwrap())
        .spawn()
        .expect("gtk-sni-tray-standalone (apt-get install haskell-gtk-sni-tray-utils)");
    desktop.children.push(panel);
    wait_for("the panel's watcher", || {
        bus.has_owner("org.kde.StatusNotifierWatcher")
    });
    let watch = watch_on(&home, &bus, "ja", &[], |cmd| {
        cmd.env("DISPLAY", &desktop.display);
    });
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let icon = |name: &str| Shot::take(&desktop, &tmp.join(name));
    // The item is the panel's first, 32 px at the top left.
    let fur = |shot: &Shot| shot.count((0, 0), (32, 32), FUR);
    wait_for("Goro in the panel", || fur(&icon("tray_panel.png")) > 40);
    // The icon's square, as the screen shows it.
    let square = |shot: &Shot| -> Vec<u8> {
        (0..32)
            .flat_map(|y| shot.rgb[y * shot.width * 3..(y * shot.width + 32) * 3].to_vec())
            .collect()
    };
    let content = square(&icon("tray_panel.png"));

    desktop.xdotool(&["mousemove", "16", "16", "click", "1"]);
    wait_for("the menu open below him", || {
        let menu = icon("tray_panel_menu.png");
        // The menu's light background fills the box under the icon.
        menu.count((8, 40), (120, 180), (255, 255, 255)) > 10_000
    });
    desktop.xdotool(&["key", "Down", "Return"]);
    wait_for("the break taken from the menu", || {
        !why(&home, &bus)["on_break_until"].is_null()
    });
    // He falls asleep: the panel was told, asked again and drew anew.
    wait_for("Goro asleep in the panel", || {
        square(&icon("tray_panel_asleep.png")) != content
    });
    drop(watch);
}
