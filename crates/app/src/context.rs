//! What every command needs to know: language, time zone, now, colour, and
//! where the files are. Built once, from the environment and config.toml.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use iyashi_core::catalogue::Problem;
use iyashi_core::day::{day_of, RolloverHour};
use iyashi_core::{Clock, Config, Lang};
use iyashi_store::{Access, Store};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::clock::RunningClock;
use crate::failure::Failure;
use crate::home::Home;
use crate::zone;

/// What every face needs to know before it does anything, read once from
/// the command line, the environment and config.toml.
#[derive(Clone)]
pub struct Context {
    /// The language everything is said in (`--lang`, else config, else locale).
    pub lang: Lang,
    /// Where the journal and the config live.
    pub home: Home,
    /// The config in effect.
    pub config: Config,
    /// The time zone days and times are counted in (config, else the system's).
    pub tz: TimeZone,
    /// The name of `tz` stored with each entry (see [`zone`]).
    pub tz_name: String,
    /// The instant the run began (`IYASHI_NOW` exactly, when set).
    pub now: Timestamp,
    /// When a day ends, for people who stay up past midnight.
    pub rollover: RolloverHour,
    /// Colour and marks on standard output.
    pub color: bool,
    /// The one source of "now" for faces that outlive a moment (the daemon,
    /// the rooms); `now` is its reading when the run began.
    pub clock: RunningClock,
}

impl Context {
    /// `lang_flag` is `--lang` from the command line, which wins over config
    /// and locale.
    pub fn new(home: Home, config: Config, lang_flag: Option<Lang>) -> Result<Context, Failure> {
        let lang = lang_flag.or(config.language).unwrap_or_else(locale_lang);
        let clock = RunningClock::from_env().map_err(Failure::bad_input)?;
        let now = clock.start();
        let (tz, tz_name) = match &config.timezone {
            Some(name) => {
                let name = name.get_ref().clone();
                let tz = zone::named(&name)
                    .ok_or_else(|| Failure::bad_input(Problem::UnknownTimezone(name.clone())))?;
                (tz, name)
            }
            // TZ (an IANA name, a file, or a POSIX string such as JST-9),
            // else /etc/localtime.
            None => zone::with_name(TimeZone::try_system().unwrap_or(TimeZone::UTC), now),
        };
        Ok(Context {
            lang,
            now,
            rollover: config.day_starts_at,
            color: wants_color(&config),
            clock,
            home,
            config,
            tz,
            tz_name,
        })
    }

    /// This context at the clock's present moment, in `lang`, without
    /// colour: what a long-running face hands to one request.
    pub fn moved_on(&self, lang: Lang) -> Context {
        Context {
            lang,
            now: self.clock.now(),
            color: false,
            ..self.clone()
        }
    }

    /// The day it is now, after the rollover hour.
    pub fn today(&self) -> Date {
        day_of(self.now, &self.tz, self.rollover)
    }

    /// The journal, for reading and writing, or for reading only when the
    /// disk cannot be written (then [`opened_read_only`] says so).
    pub fn open_store(&self) -> Result<Store, Failure> {
        let store = Store::open(&self.home.database())?;
        if store.access() == Access::ReadOnly {
            OPENED_READ_ONLY.store(true, Ordering::Relaxed);
        }
        Ok(store)
    }
}

/// Set once this process has had to open the journal read-only.
static OPENED_READ_ONLY: AtomicBool = AtomicBool::new(false);

/// Whether the journal had to be opened read-only in this run, so that a
/// command that went well can say why nothing was written.
pub fn opened_read_only() -> bool {
    OPENED_READ_ONLY.load(Ordering::Relaxed)
}

/// The language from the locale, for when neither `--lang` nor config says.
pub fn locale_lang() -> Lang {
    let var = |name: &str| std::env::var(name).ok();
    let (all, messages, lang) = (var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
    Lang::from_locale([all.as_deref(), messages.as_deref(), lang.as_deref()])
}

/// Colour only for a person at a terminal who has not asked for none.
fn wants_color(config: &Config) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    config.room.color && !no_color && !dumb && std::io::stdout().is_terminal()
}
