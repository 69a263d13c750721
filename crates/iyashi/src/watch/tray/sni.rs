//! `org.kde.StatusNotifierItem`: what a panel reads of Goro (his face, the
//! tooltip, where the menu is) and the few calls it makes.

use serde::Serialize;
use zbus::zvariant::{as_value, ObjectPath, Type};

use super::call::{Call, PROPERTIES};
use super::dbusmenu;
use super::icons::Picture;
use super::item::Goro;

pub const PATH: &str = "/StatusNotifierItem";
pub const INTERFACE: &str = "org.kde.StatusNotifierItem";

pub const INTROSPECTION: &str = r#"<node>
 <interface name="org.kde.StatusNotifierItem">
  <method name="ContextMenu"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
  <method name="Activate"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
  <method name="SecondaryActivate"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
  <method name="Scroll"><arg name="delta" type="i" direction="in"/><arg name="orientation" type="s" direction="in"/></method>
  <method name="ProvideXdgActivationToken"><arg name="token" type="s" direction="in"/></method>
  <signal name="NewTitle"/>
  <signal name="NewIcon"/>
  <signal name="NewAttentionIcon"/>
  <signal name="NewOverlayIcon"/>
  <signal name="NewToolTip"/>
  <signal name="NewStatus"><arg name="status" type="s"/></signal>
  <property name="Category" type="s" access="read"/>
  <property name="Id" type="s" access="read"/>
  <property name="Title" type="s" access="read"/>
  <property name="Status" type="s" access="read"/>
  <property name="WindowId" type="i" access="read"/>
  <property name="IconThemePath" type="s" access="read"/>
  <property name="Menu" type="o" access="read"/>
  <property name="ItemIsMenu" type="b" access="read"/>
  <property name="IconName" type="s" access="read"/>
  <property name="IconPixmap" type="a(iiay)" access="read"/>
  <property name="OverlayIconName" type="s" access="read"/>
  <property name="OverlayIconPixmap" type="a(iiay)" access="read"/>
  <property name="AttentionIconName" type="s" access="read"/>
  <property name="AttentionIconPixmap" type="a(iiay)" access="read"/>
  <property name="AttentionMovieName" type="s" access="read"/>
  <property name="ToolTip" type="(sa(iiay)ss)" access="read"/>
 </interface>
</node>"#;

/// The tooltip: an icon name and pictures (none: the item's own show),
/// a title and the day's line.
///
/// Pictures go as slices: zvariant writes a Rust array as a struct.
type ToolTip<'a> = (&'a str, &'a [Picture], &'a str, &'a str);

/// Every property at once, for `GetAll` (the way most panels first look).
#[derive(Serialize, Type)]
#[zvariant(signature = "a{sv}")]
#[serde(rename_all = "PascalCase")]
struct All<'a> {
    #[serde(with = "as_value")]
    category: &'a str,
    #[serde(with = "as_value")]
    id: &'a str,
    #[serde(with = "as_value")]
    title: &'a str,
    #[serde(with = "as_value")]
    status: &'a str,
    #[serde(with = "as_value")]
    window_id: i32,
    #[serde(with = "as_value")]
    icon_theme_path: &'a str,
    #[serde(with = "as_value")]
    menu: ObjectPath<'a>,
    #[serde(with = "as_value")]
    item_is_menu: bool,
    #[serde(with = "as_value")]
    icon_name: &'a str,
    #[serde(with = "as_value")]
    icon_pixmap: &'a [Picture],
    #[serde(with = "as_value")]
    overlay_icon_name: &'a str,
    #[serde(with = "as_value")]
    overlay_icon_pixmap: &'a [Picture],
    #[serde(with = "as_value")]
    attention_icon_name: &'a str,
    #[serde(with = "as_value")]
    attention_icon_pixmap: &'a [Picture],
    #[serde(with = "as_value")]
    attention_movie_name: &'a str,
    #[serde(with = "as_value")]
    tool_tip: ToolTip<'a>,
}

const ID: &str = "iyashi";
/// The tray's kind of item: a program's state, not a device or a window.
const CATEGORY: &str = "ApplicationStatus";
/// Always shown: a panel may hide a "Passive" item.
const STATUS: &str = "Active";

pub async fn answer(call: &Call<'_>, goro: &Goro) -> zbus::Result<()> {
    match (call.interface(), call.member()) {
        (PROPERTIES, "Get") => match call.property_of(INTERFACE).await? {
            Some(name) => property(call, goro, &name).await,
            None => Ok(()),
        },
        (PROPERTIES, "GetAll") => {
            let title = goro.title();
            let pictures = goro.pictures();
            call.reply(&All {
                category: CATEGORY,
                id: ID,
                title: &title,
                status: STATUS,
                window_id: 0,
                icon_theme_path: "",
                menu: menu_path(),
                item_is_menu: true,
                icon_name: "",
                icon_pixmap: &pictures,
                overlay_icon_name: "",
                overlay_icon_pixmap: &[],
                attention_icon_name: "",
                attention_icon_pixmap: &[],
                attention_movie_name: "",
                tool_tip: ("", &[], &title, &goro.view.tooltip),
            })
            .await
        }
        (PROPERTIES, "Set") => call.read_only().await,
        // A click shows the menu, there is nothing else to open with one.
        // The GNOME AppIndicator extension (and Plasma before 6.4) show it
        // only when Activate answers "unknown method"; ItemIsMenu says the
        // same to the panels that read it.
        (INTERFACE, "Activate" | "ContextMenu") => call.unknown_method().await,
        (INTERFACE, "SecondaryActivate" | "Scroll" | "ProvideXdgActivationToken") => {
            call.reply(&()).await
        }
        _ => call.unknown_method().await,
    }
}

async fn property(call: &Call<'_>, goro: &Goro, name: &str) -> zbus::Result<()> {
    match name {
        "Category" => call.reply_value(&CATEGORY).await,
        "Id" => call.reply_value(&ID).await,
        "Title" => call.reply_value(&goro.title()).await,
        "Status" => call.reply_value(&STATUS).await,
        "WindowId" => call.reply_value(&0i32).await,
        "Menu" => call.reply_value(&menu_path()).await,
        "ItemIsMenu" => call.reply_value(&true).await,
        "IconPixmap" => call.reply_value(&&goro.pictures()[..]).await,
        "OverlayIconPixmap" | "AttentionIconPixmap" => call.reply_value(&(&[] as &[Picture])).await,
        "IconThemePath" | "IconName" | "OverlayIconName" | "AttentionIconName"
        | "AttentionMovieName" => call.reply_value(&"").await,
        "ToolTip" => {
            let title = goro.title();
            let tooltip: ToolTip = ("", &[], &title, &goro.view.tooltip);
            call.reply_value(&tooltip).await
        }
        _ => call.unknown_property(name).await,
    }
}

fn menu_path() -> ObjectPath<'static> {
    ObjectPath::from_static_str_unchecked(dbusmenu::PATH)
}
