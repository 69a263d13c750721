//! `com.canonical.dbusmenu`: the tray's menu as panels read it (a root and
//! one level of entries; the words never change while the daemon runs, so
//! there is one layout revision) and the clicks they send back.

use std::collections::HashMap;

use iyashi_core::catalogue::Message;
use serde::Serialize;
use zbus::zvariant::{as_value, OwnedValue, Type, Value};

use super::call::{Call, PROPERTIES};
use super::item::{Choice, Goro};

pub const PATH: &str = "/MenuBar";
pub const INTERFACE: &str = "com.canonical.dbusmenu";

pub const INTROSPECTION: &str = r#"<node>
 <interface name="com.canonical.dbusmenu">
  <method name="GetLayout"><arg name="parentId" type="i" direction="in"/><arg name="recursionDepth" type="i" direction="in"/><arg name="propertyNames" type="as" direction="in"/><arg name="revision" type="u" direction="out"/><arg name="layout" type="(ia{sv}av)" direction="out"/></method>
  <method name="GetGroupProperties"><arg name="ids" type="ai" direction="in"/><arg name="propertyNames" type="as" direction="in"/><arg name="properties" type="a(ia{sv})" direction="out"/></method>
  <method name="GetProperty"><arg name="id" type="i" direction="in"/><arg name="name" type="s" direction="in"/><arg name="value" type="v" direction="out"/></method>
  <method name="Event"><arg name="id" type="i" direction="in"/><arg name="eventId" type="s" direction="in"/><arg name="data" type="v" direction="in"/><arg name="timestamp" type="u" direction="in"/></method>
  <method name="EventGroup"><arg name="events" type="a(isvu)" direction="in"/><arg name="idErrors" type="ai" direction="out"/></method>
  <method name="AboutToShow"><arg name="id" type="i" direction="in"/><arg name="needUpdate" type="b" direction="out"/></method>
  <method name="AboutToShowGroup"><arg name="ids" type="ai" direction="in"/><arg name="updatesNeeded" type="ai" direction="out"/><arg name="idErrors" type="ai" direction="out"/></method>
  <signal name="ItemsPropertiesUpdated"><arg name="updatedProps" type="a(ia{sv})"/><arg name="removedProps" type="a(ias)"/></signal>
  <signal name="LayoutUpdated"><arg name="revision" type="u"/><arg name="parent" type="i"/></signal>
  <signal name="ItemActivationRequested"><arg name="id" type="i"/><arg name="timestamp" type="u"/></signal>
  <property name="Version" type="u" access="read"/>
  <property name="TextDirection" type="s" access="read"/>
  <property name="Status" type="s" access="read"/>
  <property name="IconThemePath" type="as" access="read"/>
 </interface>
</node>"#;

/// The menu's one layout: its entries are fixed when the daemon starts.
const REVISION: u32 = 1;

/// A menu entry's properties by name (the root's, a label's, a separator's).
type Properties = HashMap<&'static str, Value<'static>>;

/// One node of the layout, `(ia{sv}av)`: its children go as variants.
#[derive(Serialize, Type)]
struct Node<'a> {
    id: i32,
    properties: Properties,
    children: Vec<as_value::Serialize<'a, Node<'a>>>,
}

/// The menu's own properties, for `GetAll`.
#[derive(Serialize, Type)]
#[zvariant(signature = "a{sv}")]
#[serde(rename_all = "PascalCase")]
struct All<'a> {
    #[serde(with = "as_value")]
    version: u32,
    #[serde(with = "as_value")]
    text_direction: &'a str,
    #[serde(with = "as_value")]
    status: &'a str,
    #[serde(with = "as_value")]
    icon_theme_path: &'a [&'a str],
}

/// The version of the dbusmenu protocol spoken.
const VERSION: u32 = 3;

/// The menu's words read left to right in both languages it speaks.
const TEXT_DIRECTION: &str = "ltr";

/// What the daemon is to do after the answer has left: a choice made.
pub type Chosen = Option<Choice>;

pub async fn answer(call: &Call<'_>, goro: &Goro) -> zbus::Result<Chosen> {
    match (call.interface(), call.member()) {
        (INTERFACE, "GetLayout") => get_layout(call, goro).await?,
        (INTERFACE, "GetGroupProperties") => {
            let Some((ids, names)) = call.args::<(Vec<i32>, Vec<String>)>() else {
                return invalid(call).await;
            };
            let all: Vec<i32> = (1..=goro.entries.len() as i32).collect();
            let ids = if ids.is_empty() { all } else { ids };
            let found: Vec<(i32, Properties)> = ids
                .into_iter()
                .filter_map(|id| Some((id, asked(properties(goro, id)?, &names))))
                .collect();
            call.reply(&(found,)).await?
        }
        (INTERFACE, "GetProperty") => {
            let Some((id, name)) = call.args::<(i32, String)>() else {
                return invalid(call).await;
            };
            match properties(goro, id).and_then(|mut all| all.remove(name.as_str())) {
                Some(value) => call.reply(&value).await?,
                None => call.unknown_property(&name).await?,
            }
        }
        (INTERFACE, "Event") => {
            let Some((id, event, _, _)) = call.args::<(i32, String, OwnedValue, u32)>() else {
                return invalid(call).await;
            };
            if goro.entry(id).is_none() && id != 0 {
                return no_entry(call, id).await;
            }
            call.reply(&()).await?;
            return Ok(clicked(goro, id, &event));
        }
        (INTERFACE, "EventGroup") => {
            let Some((events,)) = call.args::<(Vec<(i32, String, OwnedValue, u32)>,)>() else {
                return invalid(call).await;
            };
            let unknown: Vec<i32> = events
                .iter()
                .map(|(id, ..)| *id)
                .filter(|&id| id != 0 && goro.entry(id).is_none())
                .collect();
            call.reply(&(unknown,)).await?;
            // One click at a time is all a person makes; a group of them
            // is a panel passing on what it saw, the last choice counting.
            let last = events
                .iter()
                .rev()
                .find_map(|(id, event, ..)| clicked(goro, *id, event));
            return Ok(last);
        }
        (INTERFACE, "AboutToShow") => call.reply(&(false,)).await?,
        (INTERFACE, "AboutToShowGroup") => {
            let Some((ids,)) = call.args::<(Vec<i32>,)>() else {
                return invalid(call).await;
            };
            let unknown: Vec<i32> = ids
                .into_iter()
                .filter(|&id| id != 0 && goro.entry(id).is_none())
                .collect();
            call.reply(&(Vec::<i32>::new(), unknown)).await?
        }
        (PROPERTIES, "Get") => {
            if let Some(name) = call.property_of(INTERFACE).await? {
                match name.as_str() {
                    "Version" => call.reply_value(&VERSION).await?,
                    "TextDirection" => call.reply_value(&TEXT_DIRECTION).await?,
                    "Status" => call.reply_value(&"normal").await?,
                    "IconThemePath" => call.reply_value(&(&[] as &[&str])).await?,
                    _ => call.unknown_property(&name).await?,
                }
            }
        }
        (PROPERTIES, "GetAll") => {
            call.reply(&All {
                version: VERSION,
                text_direction: TEXT_DIRECTION,
                status: "normal",
                icon_theme_path: &[],
            })
            .await?
        }
        (PROPERTIES, "Set") => call.read_only().await?,
        _ => call.unknown_method().await?,
    }
    Ok(None)
}

async fn get_layout(call: &Call<'_>, goro: &Goro) -> zbus::Result<()> {
    let Some((parent, depth, names)) = call.args::<(i32, i32, Vec<String>)>() else {
        return invalid(call).await.map(|_| ());
    };
    let Some(own) = properties(goro, parent) else {
        return no_entry(call, parent).await.map(|_| ());
    };
    // Only the root has children; a depth of 0 asks for the node alone.
    let leaves: Vec<Node> = match (parent, depth) {
        (0, depth) if depth != 0 => (1..=goro.entries.len() as i32)
            .filter_map(|id| {
                let properties = asked(properties(goro, id)?, &names);
                Some(Node {
                    id,
                    properties,
                    children: Vec::new(),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let node = Node {
        id: parent,
        properties: asked(own, &names),
        children: leaves.iter().map(as_value::Serialize).collect(),
    };
    call.reply(&(REVISION, node)).await
}

/// The properties of the node with `id` (0 is the root), `None` for no
/// such node.
fn properties(goro: &Goro, id: i32) -> Option<Properties> {
    if id == 0 {
        return Some(Properties::from([(
            "children-display",
            Value::from("submenu"),
        )]));
    }
    Some(match goro.entry(id)? {
        Some(choice) => Properties::from([("label", Value::from(choice.render(goro.lang)))]),
        None => Properties::from([("type", Value::from("separator"))]),
    })
}

/// Only the properties asked for (all of them when none are named).
fn asked(mut all: Properties, names: &[String]) -> Properties {
    if !names.is_empty() {
        all.retain(|name, _| names.iter().any(|asked| asked == name));
    }
    all
}

fn clicked(goro: &Goro, id: i32, event: &str) -> Chosen {
    match event {
        "clicked" => goro.entry(id).flatten(),
        _ => None,
    }
}

async fn invalid(call: &Call<'_>) -> zbus::Result<Chosen> {
    let why = format!("unexpected arguments to {}", call.member());
    call.fail("org.freedesktop.DBus.Error.InvalidArgs", &why)
        .await?;
    Ok(None)
}

async fn no_entry(call: &Call<'_>, id: i32) -> zbus::Result<Chosen> {
    let why = format!("no menu entry {id}");
    call.fail("org.freedesktop.DBus.Error.InvalidArgs", &why)
        .await?;
    Ok(None)
}
