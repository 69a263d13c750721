//! The room's state, and the only places it changes: a key, a paste, time
//! passing, and what the world outside reports back.
//!
//! Nothing here touches the store or the terminal. A key that needs the
//! outside world (keeping an entry, starting a break) returns a [`Request`];
//! the event loop carries it out and reports back through [`App::kept`],
//! [`App::piyo_says`] and friends.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use iyashi_core::catalogue::room::{QuietChoice, RoomAction, RoomText};
use iyashi_core::catalogue::Message;
use iyashi_core::companion::{is_late, suggestion, Cue, Light, Scenery, Stage};
use iyashi_core::day::{day_of, RolloverHour};
use iyashi_core::entry::{Entry, EntryKind, Mood};
use iyashi_core::printable::for_terminal;
use iyashi_core::season::{season_at, SeasonNow};
use iyashi_core::Lang;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use iyashi_app::quiet::QuietSpan;
use ratatui::layout::Rect;

use super::input::InputBox;
use super::keys::{self, Chord, Edit, Move};
use super::look::Look;
use super::pages;

/// What fills the room's area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The room itself.
    Room,
    Help,
    Seasons,
    /// This week's entries, oldest first.
    Log(Vec<Entry>),
    /// This month's episode so far, as text.
    Episode(String),
}

/// Who is speaking in a bubble. Goro never does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    Piyo,
    Chibi,
}

/// Words in a speech bubble, until a moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bubble {
    pub who: Speaker,
    pub text: String,
    pub until: Timestamp,
    /// Piyo is asking for a break: `b` takes it, Esc puts it off.
    pub asks_break: bool,
}

/// An entry being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typing {
    pub kind: EntryKind,
    pub input: InputBox,
    /// Why the last Enter did not keep it.
    pub problem: Option<String>,
}

/// When the next break comes, as the status line says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    In(SignedDuration),
    Due,
    Resting(SignedDuration),
    Unknown,
}

/// The day's rhythm, as shown: rounded to the minute, so it only changes
/// (and the room is only redrawn) when the words would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RhythmView {
    pub worked: SignedDuration,
    pub next: Next,
    /// A manual session (`w`) is open.
    pub manual: bool,
    /// `iyashi watch` keeps time, not the room.
    pub watched: bool,
}

impl Default for RhythmView {
    fn default() -> Self {
        RhythmView {
            worked: SignedDuration::ZERO,
            next: Next::Unknown,
            manual: false,
            watched: false,
        }
    }
}

/// What the room asks of the world outside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    Keep {
        kind: EntryKind,
        mood: Option<Mood>,
        text: String,
    },
    BreakNow,
    TakeBreak,
    Later,
    ToggleWork,
    ShowLog,
    ShowEpisode,
    /// Quiet for a while, or no longer, as `iyashi quiet` does.
    Quiet(QuietSpan),
}

/// Everything the room starts from.
pub struct Setup {
    pub lang: Lang,
    pub look: Look,
    pub tz: TimeZone,
    pub rollover: RolloverHour,
    pub late_night: Time,
    pub now: Timestamp,
    /// Makes the companions' idle choices repeatable.
    pub seed: u64,
    /// Today's joys, oldest first.
    pub joys: Vec<String>,
    /// Today's latest mood was low: Goro is already sitting close.
    pub low_mood: bool,
}

/// How long words stay up.
const PIYO_SECS: i64 = 20;
const CHIBI_SECS: i64 = 12;
const NOTICE_SECS: i64 = 6;
/// Goro yawns again after this long of a late night.
const YAWN_EVERY: SignedDuration = SignedDuration::from_mins(30);

/// The room.
pub struct App {
    pub lang: Lang,
    pub look: Look,
    pub tz: TimeZone,
    rollover: RolloverHour,
    late_night: Time,
    pub now: Timestamp,
    pub day: Date,
    pub season: Option<SeasonNow>,
    pub scenery: Scenery,
    pub light: Light,
    pub stage: Stage,
    pub joys: Vec<String>,
    pub page: Page,
    /// The first line of the open page that shows.
    pub scroll: usize,
    /// The terminal's size, for scrolling by a screen.
    pub size: (u16, u16),
    pub typing: Option<Typing>,
    /// The quiet key was pressed: the next key says for how long.
    pub choosing_quiet: bool,
    pub bubble: Option<Bubble>,
    /// A line that stands in for the key hints a moment ("Kept.").
    pub notice: Option<(String, Timestamp)>,
    pub rhythm: RhythmView,
    /// How many people the letters service says are resting now, this one
    /// included; only during a break and only with letters turned on.
    pub resting_together: Option<u64>,
    pub quit: bool,
    /// Something visible changed since the last drawing.
    pub dirty: bool,
    chibi_visits: u32,
    yawned: Option<Timestamp>,
}

impl App {
    pub fn new(setup: Setup) -> App {
        let season = season_at(setup.now).ok();
        let scenery = Scenery::at(setup.now);
        let local = setup.tz.to_datetime(setup.now).time();
        App {
            lang: setup.lang,
            look: setup.look,
            day: day_of(setup.now, &setup.tz, setup.rollover),
            light: Light::at(local),
            stage: Stage::new(setup.seed, setup.look.motion, setup.low_mood, scenery),
            tz: setup.tz,
            rollover: setup.rollover,
            late_night: setup.late_night,
            now: setup.now,
            season,
            scenery,
            joys: setup.joys,
            page: Page::Room,
            scroll: 0,
            size: (80, 24),
            typing: None,
            choosing_quiet: false,
            bubble: None,
            notice: None,
            rhythm: RhythmView::default(),
            resting_together: None,
            quit: false,
            dirty: true,
            chibi_visits: 0,
            yawned: None,
        }
    }

    /// Lets `ticks` of animation pass.
    pub fn advance(&mut self, ticks: u32) {
        let beat = self.stage.advance(ticks);
        self.dirty |= beat.changed;
        if beat.chibi_suggests && self.bubble.is_none() && self.page == Page::Room {
            let joy = suggestion(self.day, self.chibi_visits);
            self.chibi_visits += 1;
            self.say(
                Speaker::Chibi,
                RoomText::ChibiSuggests(joy).render(self.lang),
                CHIBI_SECS,
            );
        }
    }

    /// The clock moved on. Returns true when a new day began (the caller
    /// then brings the new day's shelf).
    pub fn set_now(&mut self, now: Timestamp) -> bool {
        self.now = now;
        let local = self.tz.to_datetime(now).time();
        let light = Light::at(local);
        if light != self.light {
            self.light = light;
            self.dirty = true;
        }
        if self.season.is_some_and(|s| now >= s.micro_season.end) {
            self.season = season_at(now).ok();
            self.scenery = self
                .season
                .map_or(self.scenery, |s| Scenery::of_term(s.term.season));
            self.dirty = true;
        }
        if self.bubble.as_ref().is_some_and(|b| now >= b.until) {
            self.bubble = None;
            self.dirty = true;
        }
        if self.notice.as_ref().is_some_and(|n| now >= n.1) {
            self.notice = None;
            self.dirty = true;
        }
        if is_late(local, self.late_night, self.rollover)
            && self
                .yawned
                .is_none_or(|at| now.duration_since(at) >= YAWN_EVERY)
        {
            self.yawned = Some(now);
            self.stage.cue(Cue::LateNight);
            self.dirty = true;
        }
        let day = day_of(now, &self.tz, self.rollover);
        if day != self.day {
            self.day = day;
            self.chibi_visits = 0;
            self.dirty = true;
            return true;
        }
        false
    }

    /// A key was pressed.
    pub fn on_key(&mut self, key: KeyEvent) -> Option<Request> {
        self.dirty = true;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            self.quit = true;
            return None;
        }
        // A quick Esc and the key after it can arrive as one Alt+key (over
        // SSH, or typed fast): take them as the two presses they were.
        if key.modifiers.contains(KeyModifiers::ALT) && matches!(key.code, KeyCode::Char(_)) {
            let esc = self.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            return self.on_key(plain).or(esc);
        }
        if self.typing.is_some() {
            return self.on_typing_key(key);
        }
        if self.page != Page::Room {
            self.on_page_key(key.code);
            return None;
        }
        if self.choosing_quiet {
            self.choosing_quiet = false;
            return match keys::action(keys::QUIET, key.code)? {
                QuietChoice::Hour => Some(Request::Quiet(QuietSpan::For(
                    SignedDuration::from_hours(1),
                ))),
                QuietChoice::UntilTomorrow => Some(Request::Quiet(QuietSpan::Today)),
                QuietChoice::Off => Some(Request::Quiet(QuietSpan::Off)),
                QuietChoice::NeverMind => None,
            };
        }
        let start = |kind| Typing {
            kind,
            input: InputBox::default(),
            problem: None,
        };
        // Esc is no action of its own: it answers whatever is asking.
        if key.code == KeyCode::Esc {
            let asked = self.asking_break();
            self.bubble = None;
            return asked.then_some(Request::Later);
        }
        let Some(action) = keys::action(keys::ROOM, key.code) else {
            self.dirty = false;
            return None;
        };
        match action {
            RoomAction::Quit => self.quit = true,
            RoomAction::Joy => self.typing = Some(start(EntryKind::Joy)),
            RoomAction::Mood => self.typing = Some(start(EntryKind::Mood)),
            RoomAction::Note => self.typing = Some(start(EntryKind::Note)),
            RoomAction::Break if self.asking_break() => {
                self.bubble = None;
                return Some(Request::TakeBreak);
            }
            RoomAction::Break => return Some(Request::BreakNow),
            RoomAction::Work => return Some(Request::ToggleWork),
            RoomAction::Seasons => self.open(Page::Seasons),
            RoomAction::Log => return Some(Request::ShowLog),
            RoomAction::Episode => return Some(Request::ShowEpisode),
            RoomAction::Quiet => self.choosing_quiet = true,
            RoomAction::Help => self.open(Page::Help),
        }
        None
    }

    /// A key on an open page: it scrolls, or closes the page.
    fn on_page_key(&mut self, code: KeyCode) {
        let (most, screen) = pages::extent(self, Rect::new(0, 0, self.size.0, self.size.1));
        let at = self.scroll.min(most);
        let step = screen.saturating_sub(1).max(1);
        let closing = keys::action(keys::ROOM, code).is_some_and(keys::closes_page);
        let step_to = match keys::action(keys::PAGE, code) {
            _ if closing => Move::Close,
            Some(step) => step,
            None => {
                self.dirty = false;
                return;
            }
        };
        self.scroll = match step_to {
            Move::Close => {
                self.page = Page::Room;
                0
            }
            Move::LineDown => at + 1,
            Move::LineUp => at.saturating_sub(1),
            Move::ScreenDown => at + step,
            Move::ScreenUp => at.saturating_sub(step),
            Move::Top => 0,
            Move::End => most,
        }
        .min(most);
    }

    fn open(&mut self, page: Page) {
        self.page = page;
        self.scroll = 0;
        self.dirty = true;
    }

    /// The terminal changed size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.dirty = true;
    }

    fn on_typing_key(&mut self, key: KeyEvent) -> Option<Request> {
        let typing = self.typing.as_mut()?;
        let input = &mut typing.input;
        let chord = Chord::of(key);
        let Some(edit) = keys::action(keys::TYPING, chord) else {
            if let (KeyCode::Char(c), false) = (chord.code, chord.ctrl) {
                input.insert(c.encode_utf8(&mut [0; 4]));
            }
            return None;
        };
        match edit {
            Edit::Keep => return self.submit(),
            Edit::LetGo => self.typing = None,
            Edit::Left => input.left(),
            Edit::Right => input.right(),
            Edit::Start => input.home(),
            Edit::End => input.end(),
            Edit::EraseBack => input.backspace(),
            Edit::EraseHere => input.delete(),
            Edit::EraseWord => input.delete_word(),
            Edit::EraseToStart => input.delete_to_start(),
        }
        None
    }

    /// Text pasted (or sent whole by an input method).
    pub fn on_paste(&mut self, text: &str) {
        if let Some(typing) = self.typing.as_mut() {
            typing.input.insert(text);
            self.dirty = true;
        }
    }

    fn submit(&mut self) -> Option<Request> {
        let typing = self.typing.as_mut()?;
        let text = typing.input.text().trim().to_string();
        let kind = typing.kind;
        if kind != EntryKind::Mood && text.is_empty() {
            self.typing = None;
            return None;
        }
        let mut mood = None;
        let mut words = text.as_str();
        if kind == EntryKind::Mood {
            let digit = text.chars().next().and_then(|c| c.to_digit(10));
            match digit.and_then(|d| Mood::new(d as u8).ok()) {
                Some(m) => {
                    mood = Some(m);
                    words = text[1..].trim();
                }
                None => {
                    typing.problem = Some(RoomText::MoodNeedsNumber.render(self.lang));
                    return None;
                }
            }
        }
        Some(Request::Keep {
            kind,
            mood,
            text: words.to_string(),
        })
    }

    /// An entry was kept: Goro reacts, the shelf fills, a word of thanks.
    pub fn kept(&mut self, entry: &Entry, said: String) {
        self.typing = None;
        self.dirty = true;
        match entry.kind {
            EntryKind::Joy => {
                self.joys.push(for_terminal(&entry.text).into_owned());
                self.stage.cue(Cue::JoyAdded);
            }
            EntryKind::Mood if entry.mood.is_some_and(|m| m.value() <= 2) => {
                self.stage.cue(Cue::LowMood);
            }
            _ => {}
        }
        self.notice(said);
    }

    /// An entry could not be kept; the box stays open with the words in it.
    pub fn not_kept(&mut self, reason: String) {
        if let Some(typing) = self.typing.as_mut() {
            typing.problem = Some(RoomText::NotKept(reason).render(self.lang));
        } else {
            self.notice(RoomText::NotKept(reason).render(self.lang));
        }
        self.dirty = true;
    }

    /// Piyo says something; `asks_break` when it is a break prompt.
    pub fn piyo_says(&mut self, text: String, asks_break: bool) {
        self.stage.cue(if asks_break {
            Cue::BreakTime
        } else {
            Cue::PiyoSpeaks
        });
        self.say(Speaker::Piyo, text, if asks_break { 60 } else { PIYO_SECS });
        if let Some(b) = self.bubble.as_mut() {
            b.asks_break = asks_break;
        }
    }

    /// A break began: Goro stretches along.
    pub fn break_begins(&mut self) {
        self.stage.cue(Cue::BreakTime);
        self.take_down_prompt();
    }

    /// The break prompt is no longer asking (answered, or rested anyway).
    pub fn take_down_prompt(&mut self) {
        if self.asking_break() {
            self.bubble = None;
            self.dirty = true;
        }
    }

    pub fn set_rhythm(&mut self, view: RhythmView) {
        if view != self.rhythm {
            self.rhythm = view;
            self.dirty = true;
        }
    }

    /// The log opens at its end, on today's entries.
    pub fn show_log(&mut self, entries: Vec<Entry>) {
        self.open(Page::Log(entries));
        let size = Rect::new(0, 0, self.size.0, self.size.1);
        self.scroll = pages::extent(self, size).0;
    }

    pub fn show_episode(&mut self, text: String) {
        self.open(Page::Episode(text));
    }

    /// A new day's shelf.
    pub fn set_joys(&mut self, joys: Vec<String>) {
        self.joys = joys;
        self.dirty = true;
    }

    pub fn notice(&mut self, text: String) {
        self.notice = Some((text, self.later(NOTICE_SECS)));
        self.dirty = true;
    }

    fn asking_break(&self) -> bool {
        self.bubble.as_ref().is_some_and(|b| b.asks_break)
    }

    fn say(&mut self, who: Speaker, text: String, secs: i64) {
        self.bubble = Some(Bubble {
            who,
            text,
            until: self.later(secs),
            asks_break: false,
        });
        self.dirty = true;
    }

    fn later(&self, secs: i64) -> Timestamp {
        self.now
            .checked_add(SignedDuration::from_secs(secs))
            .unwrap_or(self.now)
    }
}
