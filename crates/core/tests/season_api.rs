//! The seasons API as the CLI, the room and the episodes use it.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use iyashi_core::catalogue::season::SeasonText;
use iyashi_core::catalogue::Message;
use iyashi_core::season::{self, MicroSeason, SeasonError, SolarTerm};
use iyashi_core::Lang;
use jiff::{tz::TimeZone, Timestamp, ToSpan};

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn a_year_has_24_terms_and_72_micro_seasons_in_order() {
    for y in [season::FIRST_YEAR, 1900, 2026, 2100, season::LAST_YEAR] {
        let year = season::year(y.into()).unwrap();
        assert_eq!(year.terms.len(), 24);
        assert_eq!(year.micro_seasons.len(), 72);
        assert_eq!(year.terms[0].season, SolarTerm::SHOUKAN);
        assert!(year
            .terms
            .windows(2)
            .all(|w| w[0].at < w[1].at && w[0].season.next() == w[1].season));
        assert!(year.micro_seasons.windows(2).all(|w| w[0].at < w[1].at));
        // Every term starts with its first micro-season, at the same second.
        for (i, term) in year.terms.iter().enumerate() {
            assert_eq!(year.micro_seasons[3 * i].at, term.at);
            assert_eq!(
                year.micro_seasons[3 * i].season,
                term.season.micro_seasons()[0]
            );
        }
        // All 24 terms fall within the calendar year in Japan.
        assert!(year.terms.iter().all(|t| t.day_in_japan().year() == y));
        // The terms are 14.7 to 15.8 days apart; the micro-seasons about a third of that.
        for w in year.terms.windows(2) {
            let days = w[1].at.duration_since(w[0].at).as_secs_f64() / 86_400.0;
            assert!((14.7..15.8).contains(&days), "{days}");
        }
    }
}

#[test]
fn consecutive_years_join_up() {
    let (a, b) = (season::year(2025).unwrap(), season::year(2026).unwrap());
    let last = a.micro_seasons.last().unwrap();
    let first = b.micro_seasons.first().unwrap();
    assert_eq!(last.season.next(), first.season);
    let gap = first.at.duration_since(last.at).as_secs_f64() / 86_400.0;
    assert!((4.0..6.0).contains(&gap), "{gap} days");
}

#[test]
fn season_now_agrees_with_the_year_table() {
    let year = season::year(2026).unwrap();
    for pair in year.micro_seasons.windows(2) {
        let (this, next) = (pair[0], pair[1]);
        for probe in [this.at, this.at + 1.hour(), next.at - 1.second()] {
            let now = season::season_at(probe).unwrap();
            assert_eq!(now.micro_season.season, this.season, "at {probe}");
            assert_eq!(now.micro_season.start, this.at);
            assert_eq!(now.micro_season.end, next.at);
            assert_eq!(now.next(), next);
            assert_eq!(now.term.season, this.season.term());
            assert!((0.0..1.0).contains(&now.micro_season.fraction));
            assert!((0.0..1.0).contains(&now.term.fraction));
        }
    }
    // Exactly on a boundary, the new season has begun.
    let risshun = year
        .terms
        .iter()
        .find(|t| t.season == SolarTerm::RISSHUN)
        .unwrap();
    let now = season::season_at(risshun.at).unwrap();
    assert_eq!(now.term.season, SolarTerm::RISSHUN);
    assert_eq!(now.term.fraction, 0.0);
    assert_eq!(now.next_term().season.name().kanji, "雨水");
}

#[test]
fn halfway_through_a_term() {
    let start = season::term_in_year(2026, SolarTerm::SHUUBUN).unwrap().at;
    let end = season::term_in_year(2026, SolarTerm::SHUUBUN.next())
        .unwrap()
        .at;
    let middle = start + jiff::SignedDuration::from_secs(end.duration_since(start).as_secs() / 2);
    let now = season::season_at(middle).unwrap();
    assert_eq!(now.term.season, SolarTerm::SHUUBUN);
    assert!((now.term.fraction - 0.5).abs() < 1e-6);
    assert_eq!(now.micro_season.season.third(), 1);
    assert!((now.longitude - 187.5).abs() < 0.2, "{}", now.longitude);
}

#[test]
fn the_day_in_japan_is_the_jst_date() {
    // 2025's 冬至 is 00:03 JST on 22 December, still 21 December in UTC and in New York.
    let touji = season::term_in_year(2025, SolarTerm::TOUJI).unwrap();
    assert_eq!(touji.day_in_japan().to_string(), "2025-12-22");
    assert_eq!(
        touji.in_zone(&TimeZone::UTC).date().to_string(),
        "2025-12-21"
    );
    let ny = TimeZone::get("America/New_York");
    if let Ok(ny) = ny {
        assert_eq!(touji.in_zone(&ny).date().to_string(), "2025-12-21");
    }
}

#[test]
fn dates_outside_the_range_are_errors() {
    assert_eq!(
        season::year(1799),
        Err(SeasonError::OutOfRange { year: 1799 })
    );
    assert_eq!(
        season::year(2201),
        Err(SeasonError::OutOfRange { year: 2201 })
    );
    assert!(season::term_in_year(2201, SolarTerm::SHUNBUN).is_err());
    // The range is by the date in Japan: 31 December 2200 at 16:00 UTC is already 2201.
    assert!(season::season_at(at("2200-12-31T14:59:59Z")).is_ok());
    assert_eq!(
        season::season_at(at("2200-12-31T15:00:00Z")),
        Err(SeasonError::OutOfRange { year: 2201 })
    );
    assert!(season::season_at(at("1799-12-31T15:00:00Z")).is_ok());
    assert!(season::season_at(at("1799-12-31T14:59:59Z")).is_err());
    assert!(season::solar_longitude(at("1500-01-01T00:00:00Z")).is_err());
    assert!(season::year(2301)
        .unwrap_err()
        .to_string()
        .contains("1800 to 2200"));
}

#[test]
fn longitudes_name_the_seasons() {
    assert_eq!(
        SolarTerm::at_longitude(240).unwrap().name().romaji,
        "Shōsetsu"
    );
    assert_eq!(SolarTerm::at_longitude(241), None);
    assert_eq!(
        MicroSeason::at_longitude(285).unwrap().name().kanji,
        "芹乃栄"
    );
    assert_eq!(
        MicroSeason::at_longitude(285),
        MicroSeason::in_year_order().next()
    );
    assert_eq!(SolarTerm::in_year_order().count(), 24);
    let spring = season::solar_longitude(at("2026-03-20T14:46:00Z")).unwrap();
    // Within 0.01° of the equinox point, on either side of 0°/360°.
    let from_equinox = (spring + 180.0).rem_euclid(360.0) - 180.0;
    assert!(from_equinox.abs() < 0.01, "{spring}");
}

#[test]
fn json_carries_the_names() {
    let now = season::season_at(at("2026-11-25T01:00:00Z")).unwrap();
    let json = serde_json::to_string(&now).unwrap();
    assert!(json.contains("\"kanji\":\"小雪\""), "{json}");
    assert!(json.contains("\"romaji\":\"Shōsetsu\""), "{json}");
}

#[test]
fn year_table_2026() {
    let year = season::year(2026).unwrap();
    let table = |lang, micro_seasons| {
        SeasonText::YearTable {
            year: year.clone(),
            tz: season::japan(),
            micro_seasons,
        }
        .render(lang)
    };
    insta::with_settings!({ snapshot_path => "data/snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("season_year_2026_en", table(Lang::En, false));
        insta::assert_snapshot!("season_year_2026_ja", table(Lang::Ja, false));
        insta::assert_snapshot!("season_year_2026_micro_en", table(Lang::En, true));
    });
}
