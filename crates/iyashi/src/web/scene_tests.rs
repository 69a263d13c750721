//! The scene and its film, made from the core's stage.

use super::*;

const GORO: usize = 1;

fn spec(motion: bool) -> FilmSpec {
    FilmSpec {
        seed: 7,
        motion,
        closer: false,
        scenery: Scenery::Snow,
    }
}

#[test]
fn a_spec_is_one_word_and_back() {
    for s in [spec(true), spec(false)] {
        assert_eq!(FilmSpec::parse(&s.word()), Some(s));
    }
    assert_eq!(spec(true).word(), "7.1.0.snow");
    for bad in [
        "",
        "7",
        "7.1.0",
        "7.2.0.snow",
        "x.1.0.snow",
        "7.1.0.mud",
        "7.1.0.snow.1",
    ] {
        assert_eq!(FilmSpec::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_scene_is_svg_of_the_casts_drawings_with_a_strip_per_companion() {
    let films = Films::record(spec(true));
    let svg = films.svg(Light::Night);
    let doc = iyashi_art::picture::document(
        room::ROOM_BOX,
        room::ROOM_PIXELS.0,
        room::ROOM_PIXELS.1,
        &svg,
    );
    iyashi_art::render::parse(&doc).expect("the scene parses with the library");
    for name in ["goro", "chibi", "piyo"] {
        assert!(svg.contains(&format!("class=\"{name}-take\"")), "{name}");
    }
    assert!(svg.contains("href=\"#goro.sit\""));
    assert!(svg.contains("href=\"#room.lamp-lit\""), "lit at night");
    assert!(
        svg.contains("href=\"#window.snow.4\""),
        "every weather drawing"
    );
    assert!(!films.svg(Light::Day).contains("lamp-lit"));
    // Each take once on its strip.
    let strip = films.strip(GORO);
    for (i, t) in strip.iter().enumerate() {
        assert!(!strip[i + 1..].contains(t), "{t:?} twice");
    }
}

#[test]
fn the_film_steps_through_drawings_rather_than_tweening_and_reacts_to_a_joy() {
    let films = Films::record(spec(true));
    let css = films.css();
    for part in Part::ALL {
        for name in ["goro", "chibi", "piyo"] {
            let frames = format!("@keyframes {}-{name}-take{{", part.name());
            assert!(css.contains(&frames), "{frames}");
        }
    }
    assert!(css.contains("steps(1,end)"));
    assert!(!css.contains("linear") && !css.contains("ease"));
    assert!(!css.contains("paused"));
    // The joy's hug has a slot of its own, shown by the joy's keyframes.
    let strip = films.strip(GORO);
    let hug = strip
        .iter()
        .position(|t| t.drawing == "goro.squeeze")
        .expect("the hug is on the strip");
    let width = iyashi_art::picture::GORO_BOX.w;
    let joy = &css[css.find("@keyframes joy-goro-take").unwrap()..];
    let joy = &joy[..joy.find('\n').unwrap()];
    assert!(
        joy.contains(&format!("translate({}px,0)", -(hug as f32) * width)),
        "{joy}"
    );
}

#[test]
fn without_motion_every_part_holds_a_still_drawing() {
    let films = Films::record(spec(false));
    let css = films.css();
    assert!(css.contains(".scene *{animation-play-state:paused!important}"));
    assert!(films.strip(GORO).iter().all(|t| t.wobble == 0));
    // A break shows the breath's telling drawing, not the stretch.
    assert!(css.contains(".scene.rest .goro-take{animation:breath-goro-take"));
}

#[test]
fn the_weather_turns_over_as_often_as_the_stage_turns_it() {
    let films = Films::record(spec(true));
    let (_, idle) = &films.parts[0];
    let changes: Vec<u32> = idle.weather.iter().map(|w| w.0).collect();
    let hold = u32::from(Scenery::Snow.hold());
    assert!(
        changes.windows(2).all(|w| w[1] - w[0] == hold),
        "{changes:?}"
    );
    let period = 4.0 * f64::from(hold) / 24.0;
    assert!(films.css().contains(&format!(
        ".weather{{animation:weather {period}s steps(4) infinite}}"
    )));
}

#[test]
fn goro_is_told_movement_by_movement_never_blink_by_blink() {
    let films = Films::record(spec(true));
    let doing = films.doing();
    let part = |name: &str| doing.iter().find(|d| d.part == name).unwrap();
    assert_eq!(part("idle").doing[0], (0.0, "lounging"));
    let joy: Vec<&str> = part("joy").doing.iter().map(|d| d.1).collect();
    assert_eq!(joy, ["hugging", "lounging"]);
    // The break's stretch runs straight into the slow breath.
    assert_eq!(part("rest").doing, [(0.0, "stretching")]);
    assert_eq!(part("breath").doing, [(0.0, "breathing-slowly")]);
    // However long the idle loop, a movement is told at most every
    // second, and never twice in a row.
    for d in &doing {
        for w in d.doing.windows(2) {
            assert!(w[1].0 - w[0].0 >= 1.0 && w[1].1 != w[0].1, "{d:?}");
        }
    }
}
