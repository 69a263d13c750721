//! The tray's tests share this: a private D-Bus session bus, a
//! StatusNotifierWatcher of the test's own on it (what KDE, the GNOME
//! AppIndicator extension or waybar would be), the tray item read and
//! clicked as a panel does, and `iyashi watch` on that bus.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect
#![allow(dead_code)] // each test file uses its own part of this

use std::collections::HashMap;
use std::fs;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use iyashi_art::icon::Face;
use iyashi_core::catalogue::tray::TrayWord;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};
use zbus::{Connection, Proxy};

use crate::common::Home;
/// An eye rest after 4 s of work, a rest break of 3 s; in UTC, on a day
/// with no working hours set (so never "outside working hours").
pub const CONFIG: &str = "timezone = \"UTC\"\n[rhythm]\nmicro_break_every = \"4s\"\n\
    micro_break_length = \"2s\"\nrest_break_every = \"10m\"\nrest_break_length = \"3s\"\n\
    postpone = \"1m\"\nlong_absence = \"5m\"\nworkdays = []\n";

pub const NOW: &str = "2026-11-25T05:00:00Z";

/// A session bus of the test's own. Its configuration names no service
/// directories, so nothing (dunst, a real tray) is started on demand.
pub struct Bus {
    pub daemon: Child,
    pub address: String,
    _dir: tempfile::TempDir,
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

impl Bus {
    pub fn start() -> Bus {
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

    /// Someone on the bus holds `name`.
    pub fn has_owner(&self, name: &str) -> bool {
        let conn = self.connect();
        let reply = zbus::block_on(conn.call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus"),
            "NameHasOwner",
            &(name,),
        ))
        .unwrap();
        reply.body().deserialize::<bool>().unwrap()
    }

    pub fn connect(&self) -> Connection {
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
pub struct Watcher {
    pub items: Arc<Mutex<Vec<String>>>,
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
    pub fn serve(bus: &Bus) -> (Watcher, Connection) {
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

    /// The item that registered, read on `bus` as a panel reads it.
    pub fn item_on(&self, bus: &Bus) -> Item {
        Item {
            conn: bus.connect(),
            name: self.item(),
        }
    }

    /// The item that registered (waiting for one).
    pub fn item(&self) -> String {
        wait_for("the tray item to register", || {
            !self.items.lock().unwrap().is_empty()
        });
        self.items.lock().unwrap()[0].clone()
    }
}

/// One of the item's pictures: width, height, ARGB32 bytes.
pub type Picture = (i32, i32, Vec<u8>);

/// The tray item, read and clicked as a panel does.
pub struct Item {
    pub conn: Connection,
    pub name: String,
}

impl Item {
    pub fn property(&self, name: &str) -> OwnedValue {
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
    pub fn icon(&self, size: i32) -> Vec<u8> {
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

    pub fn tooltip(&self) -> String {
        let (_, _, title, text): (String, Vec<Picture>, String, String) =
            self.property("ToolTip").try_into().unwrap();
        format!("{title}\n{text}")
    }

    pub fn menu_proxy(&self) -> Proxy<'static> {
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
    pub fn menu(&self) -> Vec<(i32, Option<String>)> {
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
    pub fn click(&self, label: &str) {
        self.event(label).unwrap();
    }

    /// Counts the item's `signal` from now on, as a panel listening for it.
    pub fn heard(&self, signal: &str) -> Arc<AtomicUsize> {
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .sender(self.name.as_str())
            .unwrap()
            .interface("org.kde.StatusNotifierItem")
            .unwrap()
            .member(signal)
            .unwrap()
            .build();
        // Listening before this returns: nothing said after is missed.
        let listening = zbus::MessageStream::for_match_rule(rule, &self.conn, None);
        let mut signals = zbus::block_on(listening).unwrap();
        let count = Arc::new(AtomicUsize::new(0));
        let counting = count.clone();
        std::thread::spawn(move || {
            zbus::block_on(async move {
                while signals.next().await.is_some() {
                    counting.fetch_add(1, Ordering::SeqCst);
                }
            })
        });
        count
    }

    /// Clicks Quit in `lang`: the click is answered before the daemon
    /// ends (a panel's menu may wait for that answer), which is why this
    /// insists on it; that the daemon then ends well is what `exits` checks.
    pub fn quit(&self, lang: Lang) {
        self.click(&TrayWord::Quit.render(lang));
    }

    pub fn event(&self, label: &str) -> zbus::Result<()> {
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

pub fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never saw {what}"
        );
        sleep(Duration::from_millis(50));
    }
}

pub fn home() -> Home {
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
pub fn iyashi(home: &Home, bus: &Bus, args: &[&str]) -> Command {
    let mut cmd = home.std_cmd();
    cmd.args(args)
        .env("TERMINAL", home.path().join("terminal"))
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("PULSE_SERVER", "unix:/nonexistent/pulse");
    cmd
}

/// `iyashi why --json`: what the daemon says of breaks and quiet.
pub fn why(home: &Home, bus: &Bus) -> serde_json::Value {
    serde_json::from_str(&said(home, bus, &["why", "--json"])).unwrap()
}

/// An instant `why` names, as a time of day.
pub fn hh_mm(at: &serde_json::Value) -> String {
    let at: jiff::Timestamp = at.as_str().expect("an instant").parse().unwrap();
    at.strftime("%H:%M").to_string()
}

pub fn said(home: &Home, bus: &Bus, args: &[&str]) -> String {
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
pub fn watch(home: &Home, bus: &Bus, lang: &str, more: &[&str]) -> Watching {
    watch_on(home, bus, lang, more, |_| {})
}

/// As `watch`, with `desktop` adding what a desktop gives its programs.
pub fn watch_on(
    home: &Home,
    bus: &Bus,
    lang: &str,
    more: &[&str],
    desktop: impl FnOnce(&mut Command),
) -> Watching {
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
    let watching = Watching(child);
    wait_for("the daemon", || why(home, bus)["watching"] == true);
    watching
}

/// A panel on `bus`, and `iyashi watch` in `lang` with Goro in it; the
/// panel stays while its connection is kept.
pub fn in_the_tray(home: &Home, bus: &Bus, lang: &str) -> (Watching, Item, Connection) {
    let (watcher, panel) = Watcher::serve(bus);
    let watch = watch(home, bus, lang, &[]);
    (watch, watcher.item_on(bus), panel)
}

/// `iyashi watch` while a test runs: stopped with the test, even one that
/// fails half way, so no daemon is left behind.
pub struct Watching(pub Child);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl std::ops::Deref for Watching {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Watching {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

pub fn exits(mut watch: Watching) -> std::process::ExitStatus {
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
pub fn face(face: Face, size: u32) -> Vec<u8> {
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

pub fn menu_words(lang: Lang) -> Vec<Option<String>> {
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
