//! The joy window's frames, drawn without a window: what people see, as
//! PNG snapshots, and the pixels that must be there.

use iyashi_art::palette;
use iyashi_core::catalogue::joy_window::JoyWindowSays;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use tiny_skia::Pixmap;

use super::draw::{frame, CaretBox, CARD, FIELD, GORO, KEEP};
use super::form::{Focus, Form, JoyButton, Press};
use crate::canvas::fit::Area;
use crate::canvas::paint::{count, Pictures};
use crate::episode::font;

fn drawn(form: &Form) -> (Pixmap, CaretBox) {
    let mut pixmap = Pixmap::new(CARD.0 as u32, CARD.1 as u32).unwrap();
    let caret = frame(&mut pixmap, form, &mut Pictures::default());
    (pixmap, caret)
}

fn typed(lang: Lang, text: &str) -> Form {
    let mut form = Form::new(lang, None);
    form.key(Press::Text(text.into()));
    form
}

#[test]
fn a_joy_being_written_in_english() {
    let form = typed(
        Lang::En,
        "Warm tea with honey, and the cat asleep on my feet all afternoon.",
    );
    let (p, caret) = drawn(&form);
    assert!(count(&p, GORO, palette::FUR) > 100, "Goro in the corner");
    assert!(
        count(&p, FIELD, palette::INK) > 300,
        "the words in the field"
    );
    // Two lines: the caret is on the second, after the words.
    assert!(
        caret.y > FIELD.y + 20.0 && caret.x > FIELD.x + 20.0,
        "{caret:?}"
    );
    assert!(count(&p, KEEP, palette::WASH_SUMMER) > 1_000, "Keep");
    insta::assert_binary_snapshot!("joy_en.png", p.encode_png().unwrap());
}

#[test]
fn a_joy_being_written_in_japanese_with_the_focus_on_keep() {
    let mut form = typed(Lang::Ja, "温かいお茶");
    form.key(Press::Tab { back: true });
    assert_eq!(form.focus, Focus::Button(JoyButton::Keep));
    let (p, _) = drawn(&form);
    let ring = Area::new(KEEP.x - 5.0, KEEP.y - 5.0, KEEP.w + 10.0, 3.0);
    assert!(count(&p, ring, palette::WOOD_DARK) > 60, "the focus ring");
    insta::assert_binary_snapshot!("joy_ja.png", p.encode_png().unwrap());
}

#[test]
fn an_input_method_s_composition_is_underlined_at_the_caret() {
    let mut form = typed(Lang::Ja, "今日は");
    form.field.set_preedit("おちゃ");
    let (with, caret) = drawn(&form);
    let before = drawn(&typed(Lang::Ja, "今日は")).1;
    let composing = font::width("おちゃ", 16.0);
    assert!(
        (caret.x - before.x - composing).abs() < 0.5,
        "the caret after it"
    );
    // The underline under the composition, one row of ink below the words.
    let under = Area::new(
        before.x + 2.0,
        FIELD.y + 9.0 + 16.0 + 3.0,
        composing - 4.0,
        2.0,
    );
    let underline = count(&with, under, palette::INK) as f32;
    assert!(
        underline > composing / 2.0,
        "underlined: {underline} pixels"
    );
    insta::assert_binary_snapshot!("joy_preedit_ja.png", with.encode_png().unwrap());
}

#[test]
fn an_empty_keep_is_answered_under_the_field() {
    let mut form = Form::new(Lang::En, None);
    form.press(JoyButton::Keep);
    let (p, _) = drawn(&form);
    let line = Area::new(16.0, 168.0, 200.0, 40.0);
    let said = count(&p, line, palette::SOFT);
    assert!(said > 30, "the calm line: {said} pixels");
    insta::assert_binary_snapshot!("joy_empty_keep_en.png", p.encode_png().unwrap());
}

#[test]
fn the_embedded_font_draws_every_word_of_the_window() {
    let mut text = String::new();
    for lang in [Lang::En, Lang::Ja] {
        for says in [
            JoyWindowSays::Title,
            JoyWindowSays::Prompt,
            JoyWindowSays::Keep,
            JoyWindowSays::NotNow,
            JoyWindowSays::Empty,
            JoyWindowSays::TooLong { chars: 10_001 },
            JoyWindowSays::DraftBack,
            JoyWindowSays::NotKept(String::new()),
        ] {
            text += &says.render(lang);
        }
    }
    let missing: String = text.chars().filter(|c| !font::covers(*c)).collect();
    assert_eq!(missing, "", "characters the joy window could not draw");
}

#[test]
fn a_full_stop_at_the_edge_goes_to_the_next_line_with_its_word_and_the_caret_follows() {
    // As many あ as fill the first line, then 。: without the rule 。 would
    // begin the second line alone.
    let inner = FIELD.w - 2.0 * 9.0;
    let n = (1..100)
        .find(|n| font::width(&"あ".repeat(n + 1), 16.0) > inner)
        .unwrap();
    let form = typed(Lang::Ja, &format!("{}。い", "あ".repeat(n)));
    let (p, caret) = drawn(&form);
    assert!(
        caret.y > FIELD.y + 20.0 && caret.y < FIELD.y + 40.0,
        "the caret on the second line: {caret:?}"
    );
    let second = font::width("あ。い", 16.0);
    assert!(
        (caret.x - (FIELD.x + 9.0) - second).abs() < 0.5,
        "the second line is あ。い, the caret after it: {caret:?}"
    );
    insta::assert_binary_snapshot!("joy_kinsoku_ja.png", p.encode_png().unwrap());
}
