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

use super::draw::{frame, label_size, Offer, Pictures, View};
use super::layout::{self, CARD};
use super::show::Show;
use crate::canvas::paint::count;
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
        focus: None,
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
fn the_focused_button_wears_a_soft_ring_and_the_other_none() {
    let ring_of = |button: layout::Button| {
        let a = button.area();
        let gap = layout::FOCUS_GAP;
        // The band between the button's edge and just past the ring.
        let band = |x, y, w, h| layout::Area { x, y, w, h };
        [
            band(a.x, a.y - gap - 3.0, a.w, gap),
            band(a.x, a.y + a.h + 1.0, a.w, gap + 2.0),
        ]
    };
    let wood = |p: &Pixmap, button| {
        ring_of(button)
            .into_iter()
            .map(|band| count(p, band, palette::WOOD_DARK))
            .sum::<usize>()
    };
    let mut focused = view(Lang::En, "walk-little", five_more());
    focused.focus = Some(layout::Button::Done);
    let p = drawn(focused, 3);
    assert!(wood(&p, layout::Button::Done) > 400, "the ring round Done");
    assert_eq!(wood(&p, layout::Button::Later), 0, "no ring round Later");
    let plain = drawn(view(Lang::En, "walk-little", five_more()), 3);
    assert_eq!(wood(&plain, layout::Button::Done), 0, "no ring before Tab");
    insta::assert_binary_snapshot!("break_focus_en.png", p.encode_png().unwrap());
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
    // Where the buttons would be, words say there are none and why.
    let said = layout::Area {
        x: layout::WORDS_X,
        y: layout::LATER.y,
        w: layout::WORDS_W,
        h: CARD.1 - layout::LATER.y,
    };
    assert!(count(&p, said, palette::SOFT) > 150, "the strict words");
    let ja = drawn(view(Lang::Ja, "walk-little", strict), 3);
    assert!(
        count(&ja, said, palette::SOFT) > 150,
        "the strict words (ja)"
    );
    insta::assert_binary_snapshot!("break_strict_ja.png", ja.encode_png().unwrap());
}

#[test]
fn every_activity_s_words_fit_the_card_uncut_in_both_languages() {
    let uncut = |text: &str, size, lines| {
        let all = font::wrap(text, size, layout::WORDS_W, usize::MAX);
        assert!(all.len() <= lines, "{} lines of {size}: {all:?}", all.len());
    };
    for kind in [BreakKind::Micro, BreakKind::Rest] {
        for activity in Activity::all_for(kind) {
            for lang in [Lang::En, Lang::Ja] {
                let w = activity.words(lang);
                uncut(w.title, layout::TITLE_SIZE, layout::TITLE_LINES);
                uncut(w.steps, layout::STEPS_SIZE, layout::STEPS_LINES);
            }
        }
    }
    for lang in [Lang::En, Lang::Ja] {
        let length = SignedDuration::from_mins(20);
        uncut(&ScreenSays::EndsByItself { length }.render(lang), 16.0, 2);
        let buttons = [5, 15, 45, 90]
            .map(|mins| {
                let postpone = SignedDuration::from_mins(mins);
                (ScreenSays::MoreMinutes { postpone }, layout::LATER)
            })
            .into_iter()
            .chain([(ScreenSays::Done, layout::DONE)]);
        for (said, button) in buttons {
            let label = said.render(lang);
            let size = label_size(&label, button.w);
            let w = font::width(&label, size);
            assert!(size >= 15.0, "{label}: still readable at {size}");
            assert!(w + 16.0 <= button.w, "{label}: {w} of {}", button.w);
        }
    }
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
