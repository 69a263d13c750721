//! Shared loneliness for iyashi: *resting together* (how many people are on
//! a break right now) and *kind letters* between strangers.
//!
//! The crate has two halves. [`protocol`] and [`client`] are always built:
//! they are what the `iyashi` binary needs to talk to a letters service, and
//! they pull in no server machinery. With the default `server` feature the
//! crate also holds the service itself ([`server`], [`store`]) behind the
//! `iyashi-letters` binary.
//!
//! Identity is anonymous: a person is an ed25519 key pair made on first use.
//! The service keeps only a hash of the public key and never an IP address.

pub mod client;
pub mod protocol;
pub mod text;
pub mod work;

#[cfg(feature = "server")]
pub mod admin;
#[cfg(feature = "server")]
pub mod filter;
#[cfg(feature = "server")]
pub mod limits;
#[cfg(feature = "server")]
pub mod openapi;
#[cfg(feature = "server")]
pub mod presence;
#[cfg(feature = "server")]
pub mod server;
#[cfg(feature = "server")]
pub mod store;
