//! The desktop's do-not-disturb: dunst paused (its `org.dunstproject.cmd0`
//! interface), the notification server's `Inhibited` property where it has
//! one (KDE Plasma and newer servers), or GNOME's `show-banners` turned off.

use std::process::{Command, Stdio};

use zbus::Connection;

const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// Which do-not-disturb this desktop has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Dunst,
    Inhibited,
    Gnome,
}

pub struct DoNotDisturb {
    conn: Option<Connection>,
    kind: Kind,
}

impl DoNotDisturb {
    /// The first kind this desktop answers for.
    pub fn connect() -> Result<DoNotDisturb, String> {
        // Only a server already running is asked: a question to a name no
        // one owns could make the bus start one.
        let conn = zbus::block_on(Connection::session())
            .ok()
            .filter(|conn| has_owner(conn).unwrap_or(false));
        if let Some(conn) = &conn {
            for (kind, interface, property) in [
                (Kind::Dunst, "org.dunstproject.cmd0", "paused"),
                (Kind::Inhibited, NOTIFICATIONS, "Inhibited"),
            ] {
                if property_of(conn, interface, property).is_ok() {
                    return Ok(DoNotDisturb {
                        conn: Some(conn.clone()),
                        kind,
                    });
                }
            }
        }
        let gnome = std::env::var("XDG_CURRENT_DESKTOP").is_ok_and(|d| d.contains("GNOME"));
        if gnome && gnome_banners_off().is_ok() {
            return Ok(DoNotDisturb {
                conn: None,
                kind: Kind::Gnome,
            });
        }
        Err("no notification server with a do-not-disturb state".to_string())
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn on(&self) -> Result<bool, String> {
        match (self.kind, &self.conn) {
            (Kind::Dunst, Some(conn)) => property_of(conn, "org.dunstproject.cmd0", "paused"),
            (Kind::Inhibited, Some(conn)) => property_of(conn, NOTIFICATIONS, "Inhibited"),
            _ => gnome_banners_off(),
        }
    }
}

fn has_owner(conn: &Connection) -> zbus::Result<bool> {
    zbus::block_on(async {
        let reply = conn
            .call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus"),
                "NameHasOwner",
                &(NOTIFICATIONS,),
            )
            .await?;
        reply.body().deserialize::<bool>()
    })
}

fn property_of(conn: &Connection, interface: &str, property: &str) -> Result<bool, String> {
    zbus::block_on(async {
        let reply = conn
            .call_method(
                Some(NOTIFICATIONS),
                PATH,
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &(interface, property),
            )
            .await?;
        let value: zbus::zvariant::OwnedValue = reply.body().deserialize()?;
        Ok::<_, zbus::Error>(value)
    })
    .map_err(|e| e.to_string())
    .and_then(|value| bool::try_from(value).map_err(|e| e.to_string()))
}

fn gnome_banners_off() -> Result<bool, String> {
    let out = Command::new("gsettings")
        .args(["get", "org.gnome.desktop.notifications", "show-banners"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("gsettings: {e}"))?;
    match String::from_utf8_lossy(&out.stdout).trim() {
        "true" => Ok(false),
        "false" => Ok(true),
        other => Err(format!("gsettings said {other:?}")),
    }
}
