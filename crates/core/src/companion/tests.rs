//! The stage as a whole: reactions, stillness, and replayable idle days.

use super::*;

fn stage(motion: bool) -> Stage {
    Stage::new(7, motion, false, Scenery::Snow)
}

/// Goro's drawings over `ticks`, one entry per change.
fn goro_poses(stage: &mut Stage, ticks: u32) -> Vec<GoroPose> {
    let mut seen = vec![stage.scene().goro.pose];
    for _ in 0..ticks {
        stage.advance(1);
        let pose = stage.scene().goro.pose;
        if seen.last() != Some(&pose) {
            seen.push(pose);
        }
    }
    seen
}

#[test]
fn everyone_is_home_when_the_room_opens() {
    let scene = stage(true).scene();
    assert_eq!(scene.goro.pose, GoroPose::Sit);
    assert_eq!((scene.goro.dx, scene.goro.dy), (0, 0));
    assert_eq!(scene.piyo.map(|p| p.pose), Some(PiyoPose::Perch));
    assert_eq!(scene.chibi.map(|c| c.pose), Some(ChibiPose::Sit));
}

#[test]
fn a_joy_makes_goro_turn_and_hug_a_pillow_then_settle() {
    let mut s = stage(true);
    s.cue(Cue::JoyAdded);
    let poses = goro_poses(&mut s, TICKS_PER_SECOND * 8);
    assert_eq!(
        &poses[..4],
        [
            GoroPose::Turn,
            GoroPose::Hug,
            GoroPose::Squeeze,
            GoroPose::Hug
        ]
    );
    assert!(poses[4..].contains(&GoroPose::Sit));
}

#[test]
fn a_low_mood_brings_goro_closer_and_he_stays() {
    let mut s = stage(true);
    s.cue(Cue::LowMood);
    assert_eq!(s.scene().goro.pose, GoroPose::Scoot);
    assert!(s.scene().goro.dx < CLOSER_DX);
    s.advance(TICKS_PER_SECOND * 60);
    assert_eq!(s.scene().goro.dx, CLOSER_DX);
    s.cue(Cue::LowMood);
    assert_ne!(s.scene().goro.pose, GoroPose::Scoot, "already close");
    assert_eq!(s.scene().goro.dx, CLOSER_DX);
}

#[test]
fn break_time_makes_goro_stretch_and_piyo_chirp() {
    let mut s = stage(true);
    s.cue(Cue::BreakTime);
    let scene = s.scene();
    assert_eq!(scene.goro.pose, GoroPose::StretchUp);
    assert_eq!(scene.piyo.map(|p| p.pose), Some(PiyoPose::Chirp));
}

#[test]
fn piyo_flies_back_to_chirp_when_he_was_away() {
    let mut s = stage(true);
    // Long enough for Piyo to have flown off at some point.
    let mut away_at = None;
    for t in 0..TICKS_PER_SECOND * 1200 {
        s.advance(1);
        if s.scene().piyo.is_none() {
            away_at = Some(t);
            break;
        }
    }
    assert!(away_at.is_some(), "Piyo never went anywhere");
    s.cue(Cue::PiyoSpeaks);
    assert_eq!(s.scene().piyo.map(|p| p.pose), Some(PiyoPose::FlyUp));
    let mut chirped = false;
    for _ in 0..TICKS_PER_SECOND * 3 {
        s.advance(1);
        chirped |= s.scene().piyo.map(|p| p.pose) == Some(PiyoPose::Chirp);
    }
    assert!(chirped);
}

#[test]
fn late_at_night_goro_yawns_then_points_to_bed() {
    let mut s = stage(true);
    s.cue(Cue::LateNight);
    let poses = goro_poses(&mut s, TICKS_PER_SECOND * 5);
    let yawn = poses.iter().position(|p| *p == GoroPose::YawnWide).unwrap();
    let point = poses.iter().position(|p| *p == GoroPose::Point).unwrap();
    assert!(yawn < point);
}

#[test]
fn without_motion_only_the_telling_drawing_shows() {
    let mut s = stage(false);
    s.cue(Cue::JoyAdded);
    let poses = goro_poses(&mut s, TICKS_PER_SECOND * 60);
    assert_eq!(poses[0], GoroPose::Squeeze);
    assert!(poses[1..].iter().all(|p| *p == GoroPose::Sit), "{poses:?}");
    assert_eq!(s.scene().window, 0, "the weather stands still too");
}

#[test]
fn chibi_comes_and_goes_and_sometimes_suggests_a_joy() {
    let mut s = stage(true);
    let (mut left, mut came_back, mut suggested) = (false, false, 0);
    for _ in 0..TICKS_PER_SECOND * 1800 {
        let beat = s.advance(1);
        suggested += u32::from(beat.chibi_suggests);
        match s.scene().chibi {
            None => left = true,
            Some(_) if left => came_back = true,
            Some(_) => {}
        }
    }
    assert!(left && came_back);
    assert!(suggested >= 1);
}

#[test]
fn the_same_seed_replays_the_same_day_and_sleeping_skips_nothing() {
    let (mut a, mut b) = (stage(true), stage(true));
    for _ in 0..TICKS_PER_SECOND * 120 {
        a.advance(1);
    }
    // The room sleeps until the next change; that must land in the same place.
    let mut elapsed = 0;
    while elapsed < TICKS_PER_SECOND * 120 {
        let step = b.next_change().min(TICKS_PER_SECOND * 120 - elapsed);
        let before = b.scene();
        if step > 1 {
            assert!(!b.advance(step - 1).changed, "changed before next_change");
            assert_eq!(b.scene(), before);
            b.advance(1);
        } else {
            b.advance(step);
        }
        elapsed += step;
    }
    assert_eq!(a.scene(), b.scene());
}

#[test]
fn an_exercise_repeats_until_it_is_ended() {
    for exercise in Exercise::ALL {
        let mut s = stage(true);
        s.exercise(Some(exercise));
        let poses = goro_poses(&mut s, exercise.round() * 3);
        let key = match exercise {
            Exercise::ArmsUp => GoroPose::StretchHigh,
            Exercise::Shoulders => GoroPose::ShouldersUp,
            Exercise::Breathing => GoroPose::BreatheIn,
        };
        // Three rounds: the telling drawing comes back each time.
        let rounds = poses.iter().filter(|&&p| p == key).count();
        assert!(rounds >= 3, "{exercise:?}: {poses:?}");
        assert!(!poses.contains(&GoroPose::Blink) || exercise == Exercise::ArmsUp);
        s.exercise(None);
        let after = goro_poses(&mut s, TICKS_PER_SECOND * 20);
        assert!(!after.contains(&key), "{exercise:?} went on: {after:?}");
    }
}

#[test]
fn a_slow_breath_is_in_for_four_seconds_and_out_for_six() {
    let mut s = stage(true);
    s.exercise(Some(Exercise::Breathing));
    let mut held = std::collections::HashMap::new();
    for _ in 0..Exercise::Breathing.round() {
        *held.entry(s.scene().goro.pose).or_insert(0u32) += 1;
        s.advance(1);
    }
    assert_eq!(held[&GoroPose::BreatheIn], 4 * TICKS_PER_SECOND - 3);
    assert_eq!(held[&GoroPose::BreatheOut], 6 * TICKS_PER_SECOND - 3);
}

#[test]
fn without_motion_an_exercise_shows_its_telling_drawing() {
    let mut s = stage(false);
    s.exercise(Some(Exercise::Shoulders));
    assert_eq!(s.scene().goro.pose, GoroPose::ShouldersUp);
    s.advance(Exercise::Shoulders.round() + 1);
    assert_eq!(s.scene().goro.pose, GoroPose::ShouldersUp);
}

#[test]
fn the_stage_only_ever_shows_what_its_reach_names() {
    let reach = Reach::of_stage();
    let cues = [
        Cue::JoyAdded,
        Cue::LowMood,
        Cue::BreakTime,
        Cue::PiyoSpeaks,
        Cue::LateNight,
    ];
    for (seed, motion) in [(1, true), (2, true), (3, false)] {
        let mut s = Stage::new(seed, motion, seed == 2, Scenery::Rain);
        for tick in 0..TICKS_PER_SECOND * 60 * 30 {
            if tick % (TICKS_PER_SECOND * 37) == 0 {
                let n = (tick / (TICKS_PER_SECOND * 37)) as usize;
                s.cue(cues[n % cues.len()]);
                // Now and then a break's exercise, for a while.
                s.exercise(Exercise::ALL.get(n % 5).copied());
            }
            s.advance(1);
            let scene = s.scene();
            assert!(reach.goro.contains(&scene.goro), "{:?}", scene.goro);
            if let Some(p) = scene.piyo {
                assert!(reach.piyo.contains(&p), "{p:?}");
            }
            if let Some(c) = scene.chibi {
                assert!(reach.chibi.contains(&c), "{c:?}");
            }
        }
    }
}
