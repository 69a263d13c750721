//! `iyashi episode`, `plot` and `card` driven as a person would, over a
//! made-up year kept in a real journal.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::path::Path;

use common::{refused, Home};
use iyashi_core::episode::sample;
use iyashi_core::Lang;
use iyashi_store::Store;
use tiny_skia::Pixmap;

/// A home whose journal holds the made-up year up to today (25 Nov 2026).
fn a_year(lang: Lang) -> Home {
    let home = Home::new();
    let year = sample::year(2026, jiff::civil::date(2026, 11, 25), lang);
    let mut store = Store::open(&home.db()).unwrap();
    store.import(&year.entries).unwrap();
    store.record(&year.records).unwrap();
    home
}

#[test]
fn a_past_month_as_an_episode_in_both_languages() {
    let home = a_year(Lang::En);
    insta::assert_snapshot!("october_en", home.ok(&["episode", "2026-10"]));
    let home = a_year(Lang::Ja);
    insta::assert_snapshot!(
        "october_ja",
        home.ok(&["--lang", "ja", "episode", "2026-10"])
    );
}

#[test]
fn this_month_so_far_is_the_default() {
    let home = a_year(Lang::En);
    let text = home.ok(&["episode"]);
    assert!(text.starts_with("Episode 11 · Light snow"), "{text}");
    assert!(text.contains("November 2026"), "{text}");
    assert!(text.contains("(so far)"), "{text}");
}

#[test]
fn markdown_and_json_for_keeping_and_scripts() {
    let home = a_year(Lang::En);
    let md = home.ok(&["episode", "2026-03", "--md"]);
    assert!(md.starts_with("# Episode 3 · Spring equinox"), "{md}");
    assert!(
        md.contains("\n## Small joys\n") && md.contains("\n> Piyo: “"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["episode", "2026-03", "--json"])).unwrap();
    assert_eq!(json["month"], "2026-03");
    assert_eq!(json["days"].as_array().unwrap().len(), 31);
    assert_eq!(json["closing"]["line"], "full");
    assert!(json["work"]["late_nights"].as_u64().unwrap() > 0);
}

#[test]
fn an_empty_journal_is_a_quiet_episode() {
    let home = Home::new();
    insta::assert_snapshot!("empty_en", home.ok(&["episode"]));
    insta::assert_snapshot!("empty_ja", home.ok(&["--lang", "ja", "episode", "2026-01"]));
}

#[test]
fn a_month_that_is_not_one_is_refused_in_one_line() {
    let home = Home::new();
    for bad in ["2026-13", "november", "2026-1"] {
        let out = home.run(&["episode", bad]);
        assert_eq!(out.status.code(), Some(2));
        let line = refused(&out);
        assert!(line.contains(&format!("“{bad}” is not a month")), "{line}");
        // The help that explains it is the episode's, not the whole program's.
        assert!(line.ends_with("(see iyashi episode --help)"), "{line}");
    }
    let out = home.run(&["--lang", "ja", "card", "2026-00", "-o", "x.png"]);
    let line = refused(&out);
    assert!(line.contains("「2026-00」は月として読めません"), "{line}");
    assert!(line.ends_with("（使い方: iyashi card --help）"), "{line}");
    let out = home.run(&["plot", "week", "-o", "week.gif"]);
    assert!(refused(&out).ends_with("(see iyashi plot --help)"));
    assert!(!home.path().join("x.png").exists());
}

#[test]
fn a_week_plotted_in_the_terminal() {
    let home = a_year(Lang::En);
    insta::assert_snapshot!("plot_week_en", home.ok(&["plot", "week"]));
    let year = home.ok(&["--lang", "ja", "plot", "year"]);
    assert!(year.contains("ピクセルで見る2026年"), "{year}");
    assert!(!year.contains('\x1b'), "piped output has no colour");
}

fn png(path: &Path) -> Pixmap {
    Pixmap::decode_png(&std::fs::read(path).unwrap()).expect("a PNG")
}

/// Distinct colours in the picture: a blank one has one.
fn colours(p: &Pixmap) -> usize {
    let mut seen: Vec<u32> = p
        .pixels()
        .iter()
        .map(|c| u32::from_be_bytes([c.red(), c.green(), c.blue(), c.alpha()]))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// Dark pixels (text and lines) in rows `top..bottom`.
fn ink(p: &Pixmap, top: u32, bottom: u32) -> usize {
    (top..bottom.min(p.height()))
        .flat_map(|y| (0..p.width()).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let c = p.pixel(x, y).unwrap();
            u16::from(c.red()) + u16::from(c.green()) + u16::from(c.blue()) < 300
        })
        .count()
}

#[test]
fn plots_are_drawn_to_svg_and_png() {
    let home = a_year(Lang::En);
    let svg_path = home.path().join("month.svg");
    let said = home.ok(&["plot", "month", "-o", svg_path.to_str().unwrap()]);
    assert!(said.starts_with("Drawn: "), "{said}");
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    keep(&home, &["month.svg", "year.PNG", "week.png"]);
    assert!(svg.starts_with("<svg") && svg.contains(r#"width="1000" height="760""#));
    assert!(svg.contains(">\nHours worked\n</text>") && svg.contains(">\ndaily limit\n</text>"));
    // A bar for each of the 30 days, and more for the frame.
    assert!(
        svg.matches("<rect").count() > 30,
        "{}",
        svg.matches("<rect").count()
    );

    let png_path = home.path().join("year.PNG");
    home.ok(&[
        "--lang",
        "ja",
        "plot",
        "year",
        "-o",
        png_path.to_str().unwrap(),
    ]);
    let week_path = home.path().join("week.png");
    home.ok(&["plot", "week", "-o", week_path.to_str().unwrap()]);
    keep(&home, &["month.svg", "year.PNG", "week.png"]);
    let p = png(&png_path);
    assert_eq!((p.width(), p.height()), (1200, 1160));
    assert!(colours(&p) > 50, "blank? {} colours", colours(&p));
    // The heading is text, drawn in the embedded font.
    assert!(ink(&p, 0, 60) > 300, "no heading ink: {}", ink(&p, 0, 60));
}

#[test]
fn a_plot_to_an_unknown_kind_of_file_is_refused() {
    let home = a_year(Lang::En);
    let out = home.run(&["plot", "week", "-o", "week.gif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(refused(&out).contains("end its name in .svg or .png"));
    assert!(!home.path().join("week.gif").exists());
}

#[test]
fn a_card_in_both_languages_and_in_private() {
    let home = a_year(Lang::Ja);
    let dir = home.path();
    let card = |name: &str, extra: &[&str]| {
        let path = dir.join(name);
        let mut args = vec!["card", "2026-10", "-o", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        home.ok(&args);
        png(&path)
    };
    let en = card("card_en.png", &[]);
    let ja = card("card_ja.png", &["--lang", "ja"]);
    let private = card("card_private.png", &["--lang", "ja", "--private"]);
    for p in [&en, &ja, &private] {
        assert_eq!((p.width(), p.height()), (1080, 1350));
        assert!(colours(p) > 100, "blank?");
        assert!(ink(p, 160, 260) > 2000, "no title");
    }
    // The joys' rows: the words are there, unless private.
    let (open, hidden) = (ink(&ja, 860, 1160), ink(&private, 860, 1160));
    assert!(hidden * 2 < open, "private {hidden}, open {open}");
    assert_ne!(
        ink(&en, 160, 260),
        ink(&ja, 160, 260),
        "the title is in its language"
    );
    keep(&home, &["card_en.png", "card_ja.png", "card_private.png"]);
}

/// Copies pictures to `IYASHI_KEEP_PICTURES`, when set, to look at by eye.
fn keep(home: &Home, names: &[&str]) {
    if let Ok(dir) = std::env::var("IYASHI_KEEP_PICTURES") {
        for name in names {
            let from = home.path().join(name);
            if from.exists() {
                std::fs::copy(from, Path::new(&dir).join(name)).unwrap();
            }
        }
    }
}

#[test]
fn a_card_must_be_a_png_and_its_folder_writable() {
    let home = a_year(Lang::En);
    let out = home.run(&["card", "-o", "card.jpg"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(refused(&out).contains("end its name in .png"));

    let out = home.run(&["card"]);
    assert_eq!(out.status.code(), Some(2), "-o is required");

    // A folder that is a file cannot hold the card, even for root.
    let blocker = home.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let target = blocker.join("card.png");
    let out = home.run(&["card", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let line = refused(&out);
    assert!(line.contains("There is no folder"), "{line}");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn a_card_replaces_an_old_one_whole() {
    let home = a_year(Lang::En);
    let path = home.path().join("card.png");
    std::fs::write(&path, b"an old card").unwrap();
    home.ok(&["card", "2026-06", "-o", path.to_str().unwrap()]);
    assert_eq!(png(&path).width(), 1080);
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}
