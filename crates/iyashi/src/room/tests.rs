//! Snapshots of the room's main scenes, in each season, in English and
//! Japanese, at 80×24 and 60×20, with a fixed instant and seed.

use iyashi_core::day::RolloverHour;
use iyashi_core::Lang;
use jiff::civil::time;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::app::{App, Setup};
use super::look::Look;
use super::render::render;

pub fn app_at(now: &str, lang: Lang, joys: &[&str]) -> App {
    App::new(Setup {
        lang,
        look: Look {
            color: true,
            high_contrast: false,
            large_text: false,
            motion: true,
        },
        tz: TimeZone::get("Asia/Tokyo").unwrap(),
        rollover: RolloverHour::DEFAULT,
        late_night: time(22, 0, 0, 0),
        now: now.parse::<Timestamp>().unwrap(),
        seed: 1,
        joys: joys.iter().map(|s| s.to_string()).collect(),
        low_mood: false,
    })
}

pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn preview() {
    let app = app_at(
        "2026-11-25T03:30:00Z",
        Lang::En,
        &[
            "warm tea by the window",
            "a quiet walk home",
            "the cat next door",
        ],
    );
    println!("{}", screen(&app, 80, 24));
}
