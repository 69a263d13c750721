//! Files a person asks for with `-o`: written where they said, and only
//! there. A folder that does not exist is a mistyped path to be told, not a
//! tree of folders to make quietly.

mod common;

use common::{refused, Home};

#[test]
fn a_file_into_a_folder_that_does_not_exist_is_refused_in_one_line() {
    let home = Home::new();
    home.ok(&["joy", "warm tea"]);
    let missing = home.path().join("no-such-folder/inside");
    for (args, file) in [
        (vec!["card"], "card.png"),
        (vec!["plot", "year"], "year.svg"),
        (vec!["export", "--format", "jsonl"], "journal.jsonl"),
    ] {
        let target = missing.join(file);
        let target = target.to_str().unwrap();
        let out = home.run(&[args.as_slice(), &["-o", target]].concat());
        let line = refused(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(line.contains("no-such-folder/inside"), "{line}");
        assert!(
            !home.path().join("no-such-folder").exists(),
            "{args:?} made folders"
        );

        let out = home.run(&[&["--lang", "ja"], args.as_slice(), &["-o", target]].concat());
        assert!(refused(&out).contains("フォルダ"));
    }
    // Into a folder that exists, the same command writes.
    home.ok(&["card", "-o", home.path().join("card.png").to_str().unwrap()]);
    assert!(home.path().join("card.png").is_file());
}
