//! Episodes over a made-up year, in both languages, and the rules they follow.

use jiff::civil::date;

use super::sample;
use super::*;
use crate::entry::EntryId;
use crate::Lang;

fn built(month: &str, today: Date, lang: Lang) -> Episode {
    let year = sample::year(2026, today, lang);
    Episode::build(
        month.parse().unwrap(),
        today,
        &year.entries,
        &year.records,
        &RhythmSettings::default(),
    )
}

fn end_of_year() -> Date {
    date(2026, 12, 31)
}

#[test]
fn an_ordinary_month_in_both_languages() {
    insta::assert_snapshot!(
        "june_en",
        built("2026-06", end_of_year(), Lang::En).render_text(Lang::En)
    );
    insta::assert_snapshot!(
        "june_ja",
        built("2026-06", end_of_year(), Lang::Ja).render_text(Lang::Ja)
    );
}

#[test]
fn a_hard_month_is_told_kindly_and_piyo_closes_it() {
    let march = built("2026-03", end_of_year(), Lang::En);
    assert_eq!(march.closing.speaker(), Speaker::Piyo);
    assert!(march.work.beyond_limit >= FULL_MONTH_BEYOND_LIMIT);
    insta::assert_snapshot!("march_en", march.render_text(Lang::En));
    let march = built("2026-03", end_of_year(), Lang::Ja);
    insta::assert_snapshot!("march_ja", march.render_text(Lang::Ja));
}

#[test]
fn a_holiday_month_and_a_month_that_grows_lighter() {
    let november = built("2026-11", end_of_year(), Lang::En);
    assert_eq!(november.mood.trend, Some(Trend::Lighter));
    insta::assert_snapshot!("november_en", november.render_text(Lang::En));
    insta::assert_snapshot!(
        "august_ja",
        built("2026-08", end_of_year(), Lang::Ja).render_text(Lang::Ja)
    );
}

#[test]
fn a_month_under_way_is_told_so_far() {
    let today = date(2026, 11, 25);
    let episode = built("2026-11", today, Lang::En);
    assert!(episode.so_far);
    assert_eq!(episode.through, today);
    assert_eq!(episode.days.len(), 25);
    assert!(episode.render_text(Lang::En).contains("(so far)"));
}

#[test]
fn a_month_without_anything_says_so_warmly() {
    let empty = built("2025-11", end_of_year(), Lang::En);
    assert!(empty.empty);
    assert_eq!(empty.closing, Closing::Quiet);
    insta::assert_snapshot!("empty_en", empty.render_text(Lang::En));
    insta::assert_snapshot!("empty_ja", empty.render_text(Lang::Ja));
    // A month still to come is quiet too, whatever is passed in.
    let future = built("2027-01", end_of_year(), Lang::En);
    assert!(future.empty && future.days.is_empty());
}

#[test]
fn markdown_and_json_say_the_same_month() {
    let june = built("2026-06", end_of_year(), Lang::En);
    insta::assert_snapshot!("june_md", june.render_markdown(Lang::En));
    let json = serde_json::to_value(&june).unwrap();
    assert_eq!(json["month"], "2026-06");
    assert_eq!(json["number"], 6);
    assert_eq!(json["title"]["season"]["kanji"], "夏至");
    assert_eq!(json["joys"].as_array().unwrap().len(), 3);
    assert_eq!(json["days"].as_array().unwrap().len(), 30);
    assert_eq!(json["closing"]["line"], "onward");
}

fn joy(n: u64, day: Date, text: &str) -> Entry {
    let at = jiff::tz::TimeZone::UTC
        .to_ambiguous_timestamp(day.at(12, 0, 0, 0))
        .compatible()
        .unwrap()
        + SignedDuration::from_secs(n as i64);
    Entry::new(
        EntryId::parse(&format!("00000000-0000-4000-8000-{n:012x}")).unwrap(),
        EntryKind::Joy,
        None,
        text,
        at,
        "UTC".into(),
        day,
    )
    .unwrap()
}

#[test]
fn the_first_joy_of_each_third_is_chosen() {
    let joys = [
        joy(1, date(2026, 6, 2), "a"),
        joy(2, date(2026, 6, 3), "b"),
        joy(3, date(2026, 6, 15), "c"),
        joy(4, date(2026, 6, 25), "d"),
        joy(5, date(2026, 6, 30), "e"),
    ];
    let refs: Vec<&Entry> = joys.iter().rev().collect();
    let texts: Vec<String> = choose_joys(&refs).into_iter().map(|e| e.text).collect();
    assert_eq!(texts, ["a", "c", "d"]);
}

#[test]
fn an_empty_third_gives_its_place_to_the_earliest_other_joy() {
    let joys = [
        joy(1, date(2026, 6, 2), "a"),
        joy(2, date(2026, 6, 3), "b"),
        joy(3, date(2026, 6, 4), "c"),
        joy(4, date(2026, 6, 25), "d"),
    ];
    let refs: Vec<&Entry> = joys.iter().collect();
    let texts: Vec<String> = choose_joys(&refs).into_iter().map(|e| e.text).collect();
    assert_eq!(texts, ["a", "b", "d"]);
    assert_eq!(choose_joys(&refs[..1]).len(), 1);
}

#[test]
fn the_title_takes_the_commonest_tag_or_a_short_joy() {
    let tagged = [
        joy(1, date(2026, 11, 2), "tea #morning"),
        joy(2, date(2026, 11, 3), "a walk by the river #slow-walk"),
        joy(3, date(2026, 11, 4), "slow walk home #slow-walk"),
    ];
    let refs: Vec<&Entry> = tagged.iter().collect();
    // The tag chooses the joys; the title takes one's words, never the tag.
    assert_eq!(
        motif(&refs, &choose_joys(&refs)),
        Some("slow walk home".into())
    );
    let plain = [
        joy(
            1,
            date(2026, 11, 2),
            "a very long joy that goes on and on past any title",
        ),
        joy(2, date(2026, 11, 12), "warm tea #once"),
    ];
    let refs: Vec<&Entry> = plain.iter().collect();
    assert_eq!(motif(&refs, &choose_joys(&refs)), Some("warm tea".into()));
    let episode = Episode::build(
        "2026-11".parse().unwrap(),
        end_of_year(),
        &plain,
        &[],
        &RhythmSettings::default(),
    );
    assert_eq!(episode.title.season.unwrap().name().kanji, "小雪");
    let heading = EpisodeText::Heading {
        number: episode.number,
        title: episode.title.clone(),
        month: episode.month,
    };
    assert_eq!(
        heading.render(Lang::En),
        "Episode 11 · Light snow, and warm tea"
    );
    assert_eq!(heading.render(Lang::Ja), "第11話　小雪と、warm tea");
}

#[test]
fn every_month_names_its_own_two_solar_terms() {
    for m in 1..=12 {
        let month = Month {
            year: 2026,
            month: m,
        };
        let e = Episode::build(month, end_of_year(), &[], &[], &RhythmSettings::default());
        assert_eq!(e.seasons.len(), 2, "{month}");
        for s in &e.seasons {
            assert_eq!(
                Month::of(s.day),
                month,
                "{} in {month}",
                s.term.name().kanji
            );
        }
        assert_eq!(e.title.season, Some(e.seasons[1].term));
    }
}

#[test]
fn months_are_read_strictly() {
    assert_eq!(
        "2026-11".parse::<Month>(),
        Ok(Month {
            year: 2026,
            month: 11
        })
    );
    for bad in [
        "2026-13",
        "2026-1",
        "26-11",
        "2026/11",
        "",
        "2026-00",
        "1899-12",
        "２０２６-11",
    ] {
        assert_eq!(bad.parse::<Month>(), Err(BadMonth(bad.into())), "{bad:?}");
    }
    assert_eq!(
        Month {
            year: 2026,
            month: 2
        }
        .last_day(),
        date(2026, 2, 28)
    );
}

use crate::catalogue::episode::EpisodeText;
use crate::catalogue::Message;
