//! The break screen's frames, drawn without a window: what people see, as
//! PNG snapshots, and the pixels that must be there.

use iyashi_art::palette;
use iyashi_art::room::Shown;
use iyashi_core::catalogue::screen::ScreenSays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::{Activity, BreakKind, BreathPhase};
use iyashi_core::Lang;
use jiff::SignedDuration;
use tiny_skia::Pixmap;

use super::draw::{frame, Offer, Pictures, View};
use super::layout::{self, CARD};
use super::show::Show;
use crate::episode::font;

fn view(lang: Lang, activity: &str, offer: Offer) -> View {
    View {
        lang,
        kind: BreakKind::Rest,
        activity: Activity::by_id(activity).unwrap(),
        left: SignedDuration::ZERO,
        elapsed: 0,
        goro: Shown::at_home("goro.sit", 0),
        offer,
        hover: None,
    }
}

/// The frame `secs` seconds into a five-minute break.
fn drawn(view: View, secs: u64) -> Pixmap {
    let mut show = Show::new(view, SignedDuration::from_mins(5), true);
    show.at(std::time::Duration::from_secs(secs));
    let mut pixmap = Pixmap::new(CARD.0 as u32, CARD.1 as u32).unwrap();
    frame(&mut pixmap, &show.view, &mut Pictures::default());
    pixmap
}

fn five_more() -> Offer {
    Offer::Buttons {
        later: Some(SignedDuration::from_mins(5)),
    }
}

/// How many pixels of `area` are within a small distance of `colour`.
fn count(p: &Pixmap, area: layout::Area, colour: palette::Rgb) -> usize {
    let mut n = 0;
    for y in area.y as u32..(area.y + area.h) as u32 {
        for x in area.x as u32..(area.x + area.w) as u32 {
            let px = p.pixel(x, y).unwrap();
            let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs();
            if d(px.red(), colour.0) + d(px.green(), colour.1) + d(px.blue(), colour.2) < 24 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn a_rest_break_in_english() {
    let p = drawn(view(Lang::En, "back-reach-fold", five_more()), 3);
    assert!(count(&p, layout::GORO, palette::FUR) > 2_000, "Goro's fur");
    let words = layout::Area {
        x: layout::WORDS_X,
        y: 60.0,
        w: layout::WORDS_W,
        h: 60.0,
    };
    assert!(count(&p, words, palette::INK) > 200, "the title's ink");
    insta::assert_binary_snapshot!("break_en.png", p.encode_png().unwrap());
}

#[test]
fn a_rest_break_in_japanese() {
    let p = drawn(view(Lang::Ja, "walk-little", five_more()), 3);
    assert!(count(&p, layout::GORO, palette::FUR) > 2_000, "Goro's fur");
    insta::assert_binary_snapshot!("break_ja.png", p.encode_png().unwrap());
}

#[test]
fn a_breathing_break_shows_the_pacer_growing_with_the_breath() {
    let breath = |secs| drawn(view(Lang::En, "breath-box", five_more()), secs);
    let pacer = layout::Area {
        x: layout::PACER_AT.0 - layout::PACER_R,
        y: layout::PACER_AT.1 - layout::PACER_R,
        w: 2.0 * layout::PACER_R,
        h: 2.0 * layout::PACER_R,
    };
    let (first, fourth) = (breath(0), breath(3));
    let (small, large) = (
        count(&first, pacer, palette::PILLOW),
        count(&fourth, pacer, palette::PILLOW),
    );
    assert!(small > 0 && large > 2 * small, "{small} then {large}");
    insta::assert_binary_snapshot!("break_breath_en.png", fourth.encode_png().unwrap());
}

#[test]
fn strict_mode_has_no_buttons() {
    let strict = Offer::None {
        length: SignedDuration::from_mins(5),
    };
    let p = drawn(view(Lang::En, "walk-little", strict), 3);
    assert_eq!(count(&p, layout::DONE, palette::WASH_SUMMER), 0);
    assert_eq!(count(&p, layout::LATER, palette::PILL), 0);
    let with = drawn(view(Lang::En, "walk-little", five_more()), 3);
    assert!(count(&with, layout::DONE, palette::WASH_SUMMER) > 1_000);
}

#[test]
fn the_embedded_font_draws_every_activity_and_every_word_of_the_screen() {
    let mut text = String::new();
    for kind in [BreakKind::Micro, BreakKind::Rest] {
        for activity in Activity::all_for(kind) {
            for lang in [Lang::En, Lang::Ja] {
                let w = activity.words(lang);
                text += w.title;
                text += w.steps;
            }
        }
    }
    for lang in [Lang::En, Lang::Ja] {
        let postpone = SignedDuration::from_mins(5);
        let left = SignedDuration::from_secs(1234);
        let phases = [BreathPhase::In, BreathPhase::HoldIn, BreathPhase::Out];
        let says = [
            ScreenSays::Title(BreakKind::Micro),
            ScreenSays::Title(BreakKind::Rest),
            ScreenSays::Done,
            ScreenSays::MoreMinutes { postpone },
            ScreenSays::Left { left },
            ScreenSays::EndsByItself { length: left },
        ]
        .into_iter()
        .chain(phases.map(|phase| ScreenSays::Breath { phase, count: 4 }));
        for said in says {
            text += &said.render(lang);
        }
    }
    let missing: String = text.chars().filter(|c| !font::covers(*c)).collect();
    assert_eq!(missing, "", "characters the break screen could not draw");
}
