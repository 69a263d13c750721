//! The desk window's frames, drawn without a window: what people see, as
//! PNG snapshots, and the pixels that must be there.

use std::time::Duration;

use iyashi_art::palette;
use tiny_skia::Pixmap;

use super::draw::{frame, CARD, GORO, MAT};
use super::mood::Mood;
use super::play::Play;
use crate::canvas::fit::Area;
use crate::canvas::paint::{count, Pictures};

/// The frame `secs` seconds after Goro took on `mood`.
fn drawn(mood: Mood, secs: u64, size: (u32, u32)) -> Pixmap {
    let mut play = Play::new(7, true);
    play.set_mood(mood);
    play.at(Duration::from_secs(secs));
    let mut pixmap = Pixmap::new(size.0, size.1).unwrap();
    frame(&mut pixmap, play.goro, &mut Pictures::default());
    pixmap
}

fn card() -> (u32, u32) {
    (CARD.0 as u32, CARD.1 as u32)
}

/// Beside and above his head as he sits, where raised arms go; on the
/// 168 × 140 window (scale 0.7) the desktop test (tests/desk.rs) looks at
/// the same box: (14, 21), 140 × 42 pixels.
const BESIDE_HIS_HEAD: Area = Area::new(20.0, 30.0, 200.0, 60.0);

#[test]
fn lounging_goro_sits_on_his_cushion_on_the_mat() {
    let p = drawn(Mood::Lounging, 0, card());
    assert!(count(&p, GORO, palette::FUR) > 2_000, "Goro's fur");
    assert!(count(&p, GORO, palette::CUSHION) > 300, "his cushion");
    assert!(count(&p, MAT, palette::TATAMI) > 1_500, "the mat");
    insta::assert_binary_snapshot!("desk_lounging.png", p.encode_png().unwrap());
}

#[test]
fn a_due_break_raises_his_arms_above_his_head() {
    let sitting = drawn(Mood::Working, 0, card());
    let looking_up = drawn(Mood::Due, 1, card());
    let (before, after) = (
        count(&sitting, BESIDE_HIS_HEAD, palette::WALL),
        count(&looking_up, BESIDE_HIS_HEAD, palette::WALL),
    );
    assert!(
        before > after + 1_500,
        "the wall hidden by his arms: {before} → {after}"
    );
    insta::assert_binary_snapshot!("desk_due.png", looking_up.encode_png().unwrap());
}

#[test]
fn resting_he_naps_with_his_eyes_shut() {
    let p = drawn(Mood::Resting, 2, card());
    assert!(count(&p, GORO, palette::FUR) > 2_000, "Goro's fur");
    insta::assert_binary_snapshot!("desk_resting.png", p.encode_png().unwrap());
}

#[test]
fn at_twice_the_scale_the_wall_and_mat_fill_a_window_of_another_shape() {
    let p = drawn(Mood::Lounging, 0, (480, 300));
    // The mat runs to both edges, beyond the card's own width (the card
    // is 360 pixels wide here, centred).
    for edge in [
        Area::new(0.0, 280.0, 60.0, 20.0),
        Area::new(420.0, 280.0, 60.0, 20.0),
    ] {
        assert!(
            count(&p, edge, palette::TATAMI) > 60 * 18,
            "the mat at {edge:?}"
        );
    }
    assert!(count(&p, Area::new(0.0, 0.0, 480.0, 300.0), palette::FUR) > 6_000);
}
