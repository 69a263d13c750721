//! The tray item on the session bus: its own connection and name, its
//! registration with the panel's StatusNotifierWatcher (again whenever a
//! watcher comes, as a panel that starts after the daemon or restarts),
//! and the one task that answers the panels and hears from the daemon.

use std::sync::mpsc::Sender;

use futures_util::StreamExt;
use tokio::sync::mpsc::UnboundedReceiver;
use zbus::message::Type as MessageType;
use zbus::{Connection, MatchRule, Message, MessageStream};

use super::call::{Call, INTROSPECTABLE, PEER};
use super::item::Goro;
use super::view::View;
use super::{dbusmenu, sni};
use crate::watch::Input;

const WATCHER: &str = "org.kde.StatusNotifierWatcher";
const BUS: &str = "org.freedesktop.DBus";

/// What the daemon's loop tells the item.
pub enum Told {
    Show(View),
    Stop,
}

/// The item's connection, before it serves.
pub struct Connected {
    conn: Connection,
    name: String,
    /// Every message to the item (calls from panels).
    calls: MessageStream,
    /// A watcher coming or going.
    watchers: MessageStream,
    /// A watcher took the item in.
    pub registered: bool,
}

/// Connects to the session bus, takes the item's name and registers with
/// the watcher if one is there.
pub async fn connect() -> zbus::Result<Connected> {
    let conn = Connection::session().await?;
    // Before the name is known to anyone, so no call is missed.
    let calls = MessageStream::from(&conn);
    let rule = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .sender(BUS)?
        .interface(BUS)?
        .member("NameOwnerChanged")?
        .arg(0, WATCHER)?
        .build();
    let watchers = MessageStream::for_match_rule(rule, &conn, Some(4)).await?;
    // The name panels expect of an item; asked of the bus directly (zbus's
    // own request_name keeps watching the name for as long as it is held).
    let name = format!("org.kde.StatusNotifierItem-{}-1", std::process::id());
    const DO_NOT_QUEUE: u32 = 4;
    conn.call_method(
        Some(BUS),
        "/org/freedesktop/DBus",
        Some(BUS),
        "RequestName",
        &(name.as_str(), DO_NOT_QUEUE),
    )
    .await?;
    let registered = register(&conn, &name).await;
    Ok(Connected {
        conn,
        name,
        calls,
        watchers,
        registered,
    })
}

/// Hands the item to the watcher: false when no watcher answers.
async fn register(conn: &Connection, name: &str) -> bool {
    conn.call_method(
        Some(WATCHER),
        "/StatusNotifierWatcher",
        Some(WATCHER),
        "RegisterStatusNotifierItem",
        &(name,),
    )
    .await
    .is_ok()
}

/// Answers the panels and hears from the daemon until told to stop. A
/// choice from the menu goes to the daemon only after its click has been
/// answered, so a panel never waits on what the choice does (Quit ends
/// the daemon, and with it this connection).
pub async fn serve(
    connected: Connected,
    mut goro: Goro,
    mut told: UnboundedReceiver<Told>,
    inputs: Sender<Input>,
) {
    let Connected {
        conn,
        name,
        mut calls,
        mut watchers,
        ..
    } = connected;
    loop {
        tokio::select! {
            Some(Ok(message)) = calls.next() => {
                if message.message_type() == MessageType::MethodCall {
                    if let Ok(Some(choice)) = answer(&Call::new(&conn, &message), &goro).await {
                        let _ = inputs.send(Input::Choice(choice));
                    }
                }
            }
            Some(Ok(signal)) = watchers.next() => {
                if watcher_came(&signal) {
                    register(&conn, &name).await;
                }
            }
            word = told.recv() => match word {
                Some(Told::Show(view)) => {
                    let changed = goro.show(view);
                    if changed.icon {
                        let _ = signal(&conn, "NewIcon").await;
                    }
                    if changed.tooltip {
                        let _ = signal(&conn, "NewToolTip").await;
                    }
                }
                Some(Told::Stop) | None => break,
            },
        }
    }
    // The connection closes once nothing holds it, the streams included.
    drop((calls, watchers));
    conn.graceful_shutdown().await;
}

/// Answers one call; the choice it carried, if it was a click.
async fn answer(call: &Call<'_>, goro: &Goro) -> zbus::Result<dbusmenu::Chosen> {
    match (call.path(), call.interface(), call.member()) {
        (sni::PATH | dbusmenu::PATH, PEER, "Ping") => call.reply(&()).await?,
        (sni::PATH, INTROSPECTABLE, "Introspect") => call.reply(&sni::INTROSPECTION).await?,
        (dbusmenu::PATH, INTROSPECTABLE, "Introspect") => {
            call.reply(&dbusmenu::INTROSPECTION).await?
        }
        (sni::PATH, ..) => sni::answer(call, goro).await?,
        (dbusmenu::PATH, ..) => return dbusmenu::answer(call, goro).await,
        _ => {
            let why = format!("no object {}", call.path());
            call.fail("org.freedesktop.DBus.Error.UnknownObject", &why)
                .await?
        }
    }
    Ok(None)
}

/// A watcher has just taken the name (a panel started or restarted).
fn watcher_came(signal: &Message) -> bool {
    signal
        .body()
        .deserialize::<(&str, &str, &str)>()
        .is_ok_and(|(_, _, new_owner)| !new_owner.is_empty())
}

async fn signal(conn: &Connection, name: &str) -> zbus::Result<()> {
    conn.emit_signal(None::<&str>, sni::PATH, sni::INTERFACE, name, &())
        .await
}
