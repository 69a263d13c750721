//! One method call made to the tray item, and the ways to answer it.
//!
//! The item answers its calls itself rather than through zbus's object
//! server: the server turns every property into a `zvariant::Value` first,
//! and for the faces that is one 64-byte value per pixel byte (2 MB for a
//! moment at each panel's look, which the heap then keeps). Answered here,
//! a face goes onto the bus straight from the binary.

use serde::de::DeserializeOwned;
use serde::Serialize;
use zbus::message::Header;
use zbus::zvariant::{as_value, DynamicType, Type};
use zbus::{Connection, Message};

pub const PROPERTIES: &str = "org.freedesktop.DBus.Properties";
pub const INTROSPECTABLE: &str = "org.freedesktop.DBus.Introspectable";
pub const PEER: &str = "org.freedesktop.DBus.Peer";

pub struct Call<'a> {
    conn: &'a Connection,
    message: &'a Message,
    header: Header<'a>,
}

impl<'a> Call<'a> {
    pub fn new(conn: &'a Connection, message: &'a Message) -> Call<'a> {
        Call {
            conn,
            message,
            header: message.header(),
        }
    }

    pub fn path(&self) -> &str {
        self.header.path().map_or("", |p| p.as_str())
    }

    /// The interface named, or "" where the caller left it out (allowed
    /// for a method whose name is not ambiguous).
    pub fn interface(&self) -> &str {
        self.header.interface().map_or("", |i| i.as_str())
    }

    pub fn member(&self) -> &str {
        self.header.member().map_or("", |m| m.as_str())
    }

    /// The call's arguments, or `None` when they are not `T`.
    pub fn args<T: DeserializeOwned + Type>(&self) -> Option<T> {
        self.message.body().deserialize().ok()
    }

    /// Asks for a property of `interface`: its name, or `None` when it is
    /// another interface's (after saying so to the caller).
    pub async fn property_of(&self, interface: &str) -> zbus::Result<Option<String>> {
        match self.args::<(String, String)>() {
            Some((asked, name)) if asked == interface => Ok(Some(name)),
            Some((asked, _)) => {
                let why = format!("no interface {asked} here");
                self.fail("org.freedesktop.DBus.Error.UnknownInterface", &why)
                    .await?;
                Ok(None)
            }
            None => {
                self.fail("org.freedesktop.DBus.Error.InvalidArgs", "expected (ss)")
                    .await?;
                Ok(None)
            }
        }
    }

    pub async fn reply<B: Serialize + DynamicType>(&self, body: &B) -> zbus::Result<()> {
        self.conn.reply(&self.header, body).await
    }

    /// Answers with `value` as a variant (a property's value), serialized
    /// straight from it.
    pub async fn reply_value<T: Serialize + Type>(&self, value: &T) -> zbus::Result<()> {
        self.reply(&as_value::Serialize(value)).await
    }

    pub async fn fail(&self, error: &str, why: &str) -> zbus::Result<()> {
        self.conn.reply_error(&self.header, error, &why).await
    }

    pub async fn unknown_method(&self) -> zbus::Result<()> {
        let why = format!("no method {}.{} here", self.interface(), self.member());
        self.fail("org.freedesktop.DBus.Error.UnknownMethod", &why)
            .await
    }

    pub async fn unknown_property(&self, name: &str) -> zbus::Result<()> {
        let why = format!("no property {name}");
        self.fail("org.freedesktop.DBus.Error.UnknownProperty", &why)
            .await
    }

    pub async fn read_only(&self) -> zbus::Result<()> {
        self.fail(
            "org.freedesktop.DBus.Error.PropertyReadOnly",
            "the tray item's properties are read-only",
        )
        .await
    }
}
