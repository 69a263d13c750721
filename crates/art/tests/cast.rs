//! The drawn cast as a whole: every file reads, every pose and season has
//! its drawings, the colours are the palette's, and the pictures come out.

use iyashi_art::cast::{self, FILES};
use iyashi_art::icon::Face;
use iyashi_art::palette::{self, Rgb};
use iyashi_art::picture::{self, WOBBLES};
use iyashi_art::render::{parse, render};
use iyashi_art::room::{self, Moment, Shown};
use iyashi_art::sequence::{self, Player, Sequence};
use iyashi_art::tiny_skia::Pixmap;
use iyashi_core::companion::{ChibiPose, Cue, GoroPose, Light, PiyoPose, Scenery, Stage};

const LIGHTS: [Light; 3] = [Light::Day, Light::Dusk, Light::Night];

fn every_sequence() -> Vec<(&'static str, Sequence)> {
    let mut all: Vec<(&str, Sequence)> = GoroPose::ALL
        .iter()
        .map(|&p| (p.name(), sequence::goro(p)))
        .collect();
    all.extend(
        ChibiPose::ALL
            .iter()
            .map(|&p| (p.name(), sequence::chibi(p))),
    );
    all.extend(PiyoPose::ALL.iter().map(|&p| (p.name(), sequence::piyo(p))));
    all
}

/// Pixels that are not transparent.
fn ink(p: &Pixmap) -> usize {
    p.pixels().iter().filter(|px| px.alpha() > 0).count()
}

#[test]
fn every_file_of_the_cast_is_svg_that_usvg_reads() {
    for file in FILES {
        let tree = parse(file.svg).unwrap_or_else(|e| panic!("{}: {e}", file.name));
        assert!(tree.size().width() > 0.0, "{}", file.name);
        assert!(
            !cast::defs_of(file.svg).is_empty(),
            "{}: no defs",
            file.name
        );
    }
}

#[test]
fn every_pose_of_every_companion_is_drawn() {
    for (pose, seq) in every_sequence() {
        assert!(!seq.takes.is_empty(), "{pose}: no takes");
        // Like the terminal room's frames: a trembling hold is 2 or 3 ticks.
        assert!(matches!(seq.hold, 0 | 2 | 3), "{pose}: hold {}", seq.hold);
        for take in seq.takes {
            assert!(
                cast::defines(take.drawing),
                "{pose}: no drawing {}",
                take.drawing
            );
            assert!(take.wobble < WOBBLES);
        }
        // Each take is seen through its own wobble: no two alike.
        let mut wobbles: Vec<u8> = seq.takes.iter().map(|t| t.wobble).collect();
        wobbles.dedup();
        assert_eq!(wobbles.len(), seq.takes.len(), "{pose}");
    }
    for w in 0..WOBBLES {
        assert!(cast::defines(&format!("wobble-{w}")));
    }
}

#[test]
fn every_season_has_its_window_by_day_dusk_and_night() {
    for scenery in Scenery::ALL {
        for light in LIGHTS {
            assert!(cast::defines(room::sky(scenery, light)));
            if let Some(body) = room::luminary(scenery, light) {
                assert!(cast::defines(body), "{body}");
            }
        }
        let frames = room::weather_frames(scenery);
        assert!(frames >= 2, "{scenery:?}: weather does not move");
        for counter in 0..frames * 2 {
            let id = room::weather(scenery, counter);
            assert!(cast::defines(&id), "no drawing {id}");
        }
    }
    // The night's moon and the day's sun are different skies' things.
    assert_eq!(
        room::luminary(Scenery::Summer, Light::Day),
        Some("window.sun")
    );
    assert_ne!(
        room::luminary(Scenery::Summer, Light::Night),
        Some("window.sun")
    );
}

#[test]
fn the_drawings_use_only_the_palette() {
    let known: Vec<String> = palette::ALL.iter().map(|(_, c)| c.hex()).collect();
    for file in FILES {
        let svg = file.svg;
        let mut rest = svg;
        let mut seen = 0;
        while let Some(at) = rest.find('#') {
            let hex: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            if hex.len() == 6 {
                seen += 1;
                let colour = format!("#{}", hex.to_ascii_lowercase());
                assert!(
                    known.contains(&colour),
                    "{}: {colour} is not in the palette",
                    file.name
                );
            }
            rest = &rest[at + 1..];
        }
        if file.name != "common.svg" {
            assert!(seen > 5, "{}: no colours found", file.name);
        }
    }
}

#[test]
fn every_drawing_comes_out_with_ink_on_it() {
    let ids = cast::drawings();
    assert!(ids.len() > 60, "{} drawings", ids.len());
    for id in ids {
        let pixmap = render(&picture::single(id, 48, Some(0)), 48, 48)
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        // Something visible: the smallest things (the sun, the floor) are
        // a few percent of their box; the companions fill much more.
        let companion = ["goro.", "chibi.", "piyo.", "moon."]
            .iter()
            .any(|c| id.starts_with(c));
        let least = if companion {
            48 * 48 / 8
        } else {
            48 * 48 / 100
        };
        assert!(ink(&pixmap) > least, "{id}: {} pixels", ink(&pixmap));
    }
}

/// The colour most of a picture's opaque pixels are nearest to, among
/// `choices`.
fn mostly(p: &Pixmap, choices: &[Rgb]) -> Rgb {
    let mut counts = vec![0usize; choices.len()];
    for px in p.pixels().iter().filter(|px| px.alpha() == 255) {
        let c = Rgb(px.red(), px.green(), px.blue());
        let nearest = (0..choices.len())
            .min_by_key(|&i| {
                let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
                d(c.0, choices[i].0) + d(c.1, choices[i].1) + d(c.2, choices[i].2)
            })
            .unwrap_or(0);
        counts[nearest] += 1;
    }
    let best = (0..choices.len()).max_by_key(|&i| counts[i]).unwrap_or(0);
    choices[best]
}

#[test]
fn goro_is_a_brown_bear_chibi_honey_and_piyo_yellow() {
    let all = [
        palette::FUR,
        palette::MUZZLE,
        palette::CHIBI,
        palette::CHIBI_LIGHT,
        palette::PIYO,
        palette::FUR_LINE,
    ];
    for (id, colour) in [
        ("goro.sit", palette::FUR),
        ("chibi.sit", palette::CHIBI),
        ("piyo.perch", palette::PIYO),
    ] {
        let p = render(&picture::single(id, 96, Some(0)), 96, 96).expect("renders");
        assert_eq!(mostly(&p, &all), colour, "{id}");
    }
    // Goro is round: his sitting drawing is about as wide as it is tall.
    let p = render(&picture::single("goro.sit", 200, None), 200, 200).expect("renders");
    let (mut left, mut right, mut top, mut bottom) = (200, 0, 200, 0);
    for y in 0..200 {
        for x in 0..200 {
            if p.pixel(x, y).is_some_and(|px| px.alpha() > 0) {
                (left, right) = (left.min(x), right.max(x));
                (top, bottom) = (top.min(y), bottom.max(y));
            }
        }
    }
    let ratio = f64::from(right - left) / f64::from(bottom - top);
    assert!((0.8..1.2).contains(&ratio), "width / height {ratio}");
}

#[test]
fn faces_for_the_tray_at_16_32_and_64_pixels() {
    for face in Face::ALL {
        for size in [16, 32, 64] {
            let icon = face.render(size).expect("renders");
            assert_eq!((icon.width(), icon.height()), (size, size));
            // Filled, but with room round the edges.
            let filled = ink(&icon) as f64 / f64::from(size * size);
            assert!((0.3..0.95).contains(&filled), "{face:?} {size}: {filled}");
            let name = format!("{}_{size}.png", face.drawing().replace('.', "_"));
            insta::assert_binary_snapshot!(&name, icon.encode_png().expect("encodes"));
        }
    }
}

#[test]
fn the_faces_differ_from_one_another() {
    let pngs: Vec<Vec<u8>> = Face::ALL
        .iter()
        .map(|f| f.render(32).expect("renders").data().to_vec())
        .collect();
    for i in 0..pngs.len() {
        for j in i + 1..pngs.len() {
            assert_ne!(pngs[i], pngs[j], "{:?} = {:?}", Face::ALL[i], Face::ALL[j]);
        }
    }
}

#[test]
fn the_stage_moves_the_drawn_cast_take_by_take() {
    let mut stage = Stage::new(11, true, false, Scenery::Snow);
    let mut player = Player::new(true);
    let mut seen = std::collections::HashSet::new();
    let mut wobbles = std::collections::HashSet::new();
    let mut before: Option<Moment> = None;
    for second in 0..240u32 {
        match second {
            20 => stage.cue(Cue::JoyAdded),
            60 => stage.cue(Cue::BreakTime),
            100 => stage.cue(Cue::LateNight),
            140 => stage.cue(Cue::LowMood),
            _ => {}
        }
        for _ in 0..24 {
            let moment = player.moment(&stage.scene(), 1, Scenery::Snow, Light::Night);
            for shown in [Some(moment.goro), moment.chibi, moment.piyo]
                .into_iter()
                .flatten()
            {
                assert!(cast::defines(shown.drawing), "{}", shown.drawing);
                seen.insert(shown.drawing);
                wobbles.insert((shown.drawing, shown.wobble));
            }
            // A drawing that changes shows through a new wobble.
            if let Some(b) = before {
                if b.goro.drawing != moment.goro.drawing {
                    assert_ne!(b.goro.wobble, moment.goro.wobble);
                }
            }
            before = Some(moment);
            stage.advance(1);
        }
    }
    for reaction in [
        "goro.squeeze",
        "goro.stretch-high",
        "goro.yawn-wide",
        "goro.scoot",
    ] {
        assert!(seen.contains(reaction), "{reaction} never played");
    }
    assert!(
        wobbles.len() > seen.len(),
        "no drawing was ever shown twice differently"
    );
    let svg = room::svg(&before.expect("a moment"), 300, 180);
    let pixmap = render(&svg, 300, 180).expect("the room renders");
    assert_eq!(ink(&pixmap), 300 * 180, "the room fills its picture");
}

#[test]
fn a_held_effort_trembles_and_a_rest_stays_still() {
    let mut stage = Stage::new(3, true, false, Scenery::Petals);
    stage.cue(Cue::BreakTime);
    let mut player = Player::new(true);
    let mut high = Vec::new();
    for _ in 0..24 * 3 {
        let m = player.moment(&stage.scene(), 1, Scenery::Petals, Light::Day);
        if m.goro.drawing == "goro.stretch-high" {
            high.push(m.goro.wobble);
        }
        stage.advance(1);
    }
    // Held for 30 ticks and more, a new take every 3 of them.
    assert!(high.len() >= 30, "{high:?}");
    let changes = high.windows(2).filter(|w| w[0] != w[1]).count();
    assert!((8..=12).contains(&changes), "{changes} changes in {high:?}");
    assert!(high.windows(3).all(|w| w[0] == w[1] || w[1] == w[2]));

    // Sitting is still: one take for as long as he sits.
    let mut calm = Player::new(true);
    let still = Stage::new(5, true, false, Scenery::Petals);
    let first = calm.moment(&still.scene(), 0, Scenery::Petals, Light::Day);
    assert_eq!(first.goro.drawing, "goro.sit");
    for _ in 0..10 {
        let again = calm.moment(&still.scene(), 1, Scenery::Petals, Light::Day);
        assert_eq!(again.goro, first.goro);
    }
    assert_eq!(calm.next_change(), None);
}

#[test]
fn without_motion_every_pose_shows_its_first_take() {
    let mut stage = Stage::new(9, false, false, Scenery::Rain);
    let mut player = Player::new(false);
    stage.cue(Cue::BreakTime);
    for _ in 0..24 * 60 {
        let m = player.moment(&stage.scene(), 1, Scenery::Rain, Light::Dusk);
        for shown in [Some(m.goro), m.chibi, m.piyo].into_iter().flatten() {
            assert_eq!(shown.wobble, 0, "{}", shown.drawing);
        }
        assert_eq!(player.next_change(), None);
        stage.advance(1);
    }
}

#[test]
fn a_room_at_night_is_darker_than_by_day_and_the_lamp_is_lit() {
    let shown = |drawing| Shown::at_home(drawing, 0);
    let at = |light| {
        let moment = Moment {
            scenery: Scenery::Leaves,
            light,
            weather: 0,
            goro: shown("goro.sit"),
            chibi: None,
            piyo: None,
        };
        render(&room::svg(&moment, 120, 72), 120, 72).expect("renders")
    };
    let brightness = |p: &Pixmap| -> u64 {
        p.pixels()
            .iter()
            .map(|px| u64::from(px.red()) + u64::from(px.green()) + u64::from(px.blue()))
            .sum()
    };
    let (day, night) = (at(Light::Day), at(Light::Night));
    assert!(brightness(&night) < brightness(&day) * 9 / 10);
    assert!(svg_contains(Light::Night, "room.lamp-lit"));
    assert!(!svg_contains(Light::Day, "room.lamp-lit"));
}

fn svg_contains(light: Light, id: &str) -> bool {
    let moment = Moment {
        scenery: Scenery::Snow,
        light,
        weather: 0,
        goro: Shown::at_home("goro.sit", 0),
        chibi: None,
        piyo: None,
    };
    room::layers(&moment).contains(&format!("#{id}\""))
}

#[test]
fn the_library_is_small_enough_for_a_first_view() {
    // The web room's first view has 200 KB in all; the whole cast must
    // leave most of it to the page.
    let size = cast::library().len();
    assert!(size < 48_000, "{size} bytes");
}

/// FNV-1a over the pixels: a rendering that changes by one pixel changes it.
fn pixel_hash(p: &Pixmap) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in p.data() {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[test]
fn rendered_rooms_at_a_few_sizes() {
    let shown = Shown::at_home;
    let mut lines = Vec::new();
    for (scenery, light, goro, chibi) in [
        (Scenery::Petals, Light::Day, "goro.hug", Some("chibi.wave")),
        (Scenery::Rain, Light::Dusk, "goro.breathe-in", None),
        (
            Scenery::Snow,
            Light::Night,
            "goro.yawn-wide",
            Some("chibi.sit"),
        ),
    ] {
        let moment = Moment {
            scenery,
            light,
            weather: 1,
            goro: shown(goro, 1),
            chibi: chibi.map(|c| shown(c, 2)),
            piyo: Some(shown("piyo.chirp", 0)),
        };
        for width in [150, 300, 600] {
            let height = width * 3 / 5;
            let p = render(&room::svg(&moment, width, height), width, height).expect("renders");
            lines.push(format!(
                "{scenery:?} {light:?} {goro} {width}x{height}: {}",
                pixel_hash(&p)
            ));
        }
    }
    insta::assert_snapshot!(lines.join("\n"));
}
