//! `iyashi break now` in a real terminal (tmux), without a daemon: the break
//! names its activity in the person's language, and a breathing activity's
//! countdown is the pacer, a shape that grows and shrinks with the count.

mod common;

use std::path::Path;

use common::tmux::{sh_quote, Tmux};
use common::Home;
use iyashi_core::catalogue::activities::Area;
use iyashi_core::rhythm::{Activity, BreakKind};
use iyashi_core::Lang;
use jiff::civil::{date, Date};

/// A day whose first rest break is a breathing one (the choice depends only
/// on the day and what came before, so it is the same in iyashi).
fn a_breathing_day() -> (Date, Activity) {
    let mut day = date(2026, 11, 2);
    loop {
        let first = Activity::pick(BreakKind::Rest, day, &[]);
        if first.guide().area == Area::Breathing {
            return (day, first);
        }
        day = day.tomorrow().expect("a day after");
    }
}

/// The number of rings in the pacer's shape on the line that has one.
fn pacer_size(screen: &str) -> Option<usize> {
    screen
        .lines()
        .find(|l| l.contains('(') && l.contains('○'))
        .map(|l| l.matches('○').count())
}

#[test]
#[ignore = "needs tmux"]
fn a_breathing_break_shows_its_activity_and_a_pacer_that_moves_with_the_count() {
    let home = Home::new();
    std::fs::write(
        home.config(),
        "language = \"ja\"\ntimezone = \"Asia/Tokyo\"\n[rhythm]\nmicro_break_length = \"2s\"\nrest_break_length = \"9s\"\n",
    )
    .unwrap();
    let (day, activity) = a_breathing_day();
    let bin = Path::new(env!("CARGO_BIN_EXE_iyashi"));
    let command = format!(
        "env IYASHI_HOME={} IYASHI_NOW={day}T01:00:00Z TERM=xterm-256color LANG=C.UTF-8 {} break now; \
         echo BREAK-DONE $?; sleep 60",
        sh_quote(home.path()),
        sh_quote(bin)
    );
    let tmux = Tmux::new("break");
    tmux.start(80, 12, &command);

    let title = activity.words(Lang::Ja).title;
    let screen = tmux.wait_for("the activity", |s| s.contains(title));
    assert!(
        screen.contains("休憩をはじめよう。9秒のあいだ。"),
        "{screen}"
    );
    let first = tmux.wait_for("the pacer", |s| s.contains("吸って"));
    let size = pacer_size(&first).unwrap_or_else(|| panic!("no pacer in\n{first}"));
    // A second later the shape has grown or shrunk with the breath.
    let moved = tmux.wait_for("the pacer to move", |s| {
        pacer_size(s).is_some_and(|now| now != size)
    });
    assert!(
        moved.contains(title),
        "the activity stays in view:\n{moved}"
    );

    let end = tmux.wait_for("the break to end", |s| s.contains("BREAK-DONE"));
    assert!(end.contains("BREAK-DONE 0"), "{end}");
    assert!(end.contains("9秒休みました。おかえりなさい。"), "{end}");
    assert!(
        pacer_size(&end).is_none(),
        "the pacer line is cleared:\n{end}"
    );
}
