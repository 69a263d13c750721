//! `iyashi season`, as a person runs it.

mod common;

use common::{refused, Home};

#[test]
fn the_season_now_in_both_languages() {
    let home = Home::new(); // 25 Nov 2026, 21:30 in Tokyo
    insta::assert_snapshot!("season_now_en", home.ok(&["season"]));
    insta::assert_snapshot!(
        "season_june_ja",
        home.ok(&["--lang", "ja", "season", "2026-06-15"])
    );
    let now: serde_json::Value = serde_json::from_str(&home.ok(&["season", "--json"])).unwrap();
    assert_eq!(now["term"]["season"]["kanji"], "小雪");
}

#[test]
fn a_whole_year_lists_every_transition() {
    let home = Home::new();
    let table = home.ok(&["season", "--year", "2026"]);
    assert!(table.lines().count() > 96, "{table}");
    assert!(
        table.contains("春分") && table.contains("20 Mar"),
        "{table}"
    );
    let year: serde_json::Value =
        serde_json::from_str(&home.ok(&["season", "--year", "2026", "--json"])).unwrap();
    assert_eq!(year["terms"].as_array().unwrap().len(), 24);
    assert_eq!(year["micro_seasons"].as_array().unwrap().len(), 72);
}

#[test]
fn dates_outside_the_computed_years_are_refused() {
    let home = Home::new();
    for args in [&["season", "2300-01-01"][..], &["season", "--year", "1700"]] {
        assert!(refused(&home.run(args)).contains("1800 to 2200"));
    }
    assert!(refused(&home.run(&["season", "2026-02-30"])).contains("not a day on the calendar"));
}

#[test]
fn every_day_a_refusal_offers_is_taken_by_every_command_that_takes_a_day() {
    let home = Home::new();
    for lang in ["en", "ja"] {
        for command in [&["season"][..], &["log", "--day"]] {
            let ask = |day: &'static str| [&["--lang", lang][..], command, &[day]].concat();
            let refusal = refused(&home.run(&ask("someday")));
            for offered in ["today", "yesterday"] {
                assert!(refusal.contains(offered), "{refusal}");
                home.ok(&ask(offered));
            }
            home.ok(&ask("2026-11-01"));
        }
    }
    // `season today` is today's season.
    let term = |args: &[&str]| {
        let json: serde_json::Value = serde_json::from_str(&home.ok(args)).unwrap();
        json["micro_season"]["season"]["kanji"].clone()
    };
    assert_eq!(
        term(&["season", "today", "--json"]),
        term(&["season", "--json"])
    );
}
