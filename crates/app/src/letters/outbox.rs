//! Letters written while the service could not take them, kept to be sent
//! later: `letters-outbox.jsonl`, one letter (or answer to a stranger's
//! letter, thank-you for an answer, or report) a line.
//!
//! Several `iyashi` processes may keep or send at once, so every change is
//! made under an exclusive lock on `letters-outbox.lock` (read, change,
//! write the whole file atomically, unlock): no letter is lost between one
//! process's read and another's write, and a crash leaves the old file or
//! the new one, never half of one. Each kept letter carries the
//! idempotency key it was first sent with, so a letter that did reach the
//! service (its answer came too late) is not stored twice when it is sent
//! again.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use iyashi_core::catalogue::letters::Outgoing;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::whole_file::write_atomically;

/// What a person did that has no words of their own: it names the letter
/// or answer it is for (`to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deed {
    /// Thanks for an answer to one of the person's letters.
    Thank,
    /// A report of a letter or an answer that should not be there.
    Report,
}

/// A letter, an answer, a thank-you or a report, waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// The words; none for a thank-you or a report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// Kept since the first attempt, so every attempt is the same letter.
    #[serde(default)]
    pub key: String,
    /// The id of the stranger's letter this answers; none for a letter of
    /// the person's own (and for every line kept before answers were).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A thank-you or a report of `to`; none for a letter or an answer
    /// (and for every line kept before thanks and reports were).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deed: Option<Deed>,
}

impl Kept {
    /// A letter from an outbox line; one kept before keys existed gets a
    /// key made from its words, the same every time it is read. A line
    /// that could never be sent (no words, or a deed for nothing) is
    /// skipped.
    fn from_line(line: &str) -> Option<Kept> {
        let mut kept: Kept = serde_json::from_str(line).ok()?;
        let sendable = match kept.deed {
            Some(_) => kept.to.is_some(),
            None => !kept.body.is_empty(),
        };
        if !sendable {
            return None;
        }
        if kept.key.is_empty() {
            kept.key = hex::encode(&Sha256::digest(kept.body.as_bytes())[..16]);
        }
        Some(kept)
    }
}

/// The outbox in a home folder.
pub struct Outbox {
    path: PathBuf,
    lock: PathBuf,
}

impl Outbox {
    pub fn in_dir(dir: &Path) -> Outbox {
        Outbox {
            path: dir.join("letters-outbox.jsonl"),
            lock: dir.join("letters-outbox.lock"),
        }
    }

    /// Adds a letter. A thank-you or report of something one already
    /// waits for is not kept twice: it would only be the same deed again.
    pub fn keep(&self, letter: Kept) -> std::io::Result<()> {
        self.change(|letters| {
            let again = letter.deed.is_some()
                && letters
                    .iter()
                    .any(|l| l.deed == letter.deed && l.to == letter.to);
            if !again {
                letters.push(letter);
            }
        })
    }

    /// How many of each kind wait.
    pub fn counted(&self) -> std::io::Result<Outgoing> {
        Ok(count(&self.letters()?))
    }

    /// Every letter waiting, oldest first.
    pub fn letters(&self) -> std::io::Result<Vec<Kept>> {
        let _lock = self.locked()?;
        Ok(self.read())
    }

    /// Takes out the letters with these keys (sent, or refused for good).
    pub fn forget(&self, keys: &[String]) -> std::io::Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        self.change(|letters| letters.retain(|l| !keys.contains(&l.key)))
    }

    fn change(&self, edit: impl FnOnce(&mut Vec<Kept>)) -> std::io::Result<()> {
        let _lock = self.locked()?;
        let mut letters = self.read();
        edit(&mut letters);
        if letters.is_empty() {
            match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        } else {
            let mut text = String::new();
            for letter in &letters {
                text.push_str(&serde_json::to_string(letter).expect("strings serialise"));
                text.push('\n');
            }
            write_atomically(&self.path, text.as_bytes())
        }
    }

    fn read(&self) -> Vec<Kept> {
        std::fs::read_to_string(&self.path)
            .unwrap_or_default()
            .lines()
            .filter_map(Kept::from_line)
            .collect()
    }

    /// The exclusive lock, held until the file is dropped.
    fn locked(&self) -> std::io::Result<File> {
        if let Some(dir) = self.lock.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&self.lock)?;
        file.lock()?;
        Ok(file)
    }
}

/// How many of each kind are among `kept`.
pub fn count<'a>(kept: impl IntoIterator<Item = &'a Kept>) -> Outgoing {
    let mut counted = Outgoing::default();
    for kept in kept {
        let n = match (kept.deed, &kept.to) {
            (Some(Deed::Thank), _) => &mut counted.thanks,
            (Some(Deed::Report), _) => &mut counted.reports,
            (None, Some(_)) => &mut counted.answers,
            (None, None) => &mut counted.letters,
        };
        *n += 1;
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(n: usize) -> Kept {
        Kept {
            body: format!("letter {n}"),
            key: format!("key-{n:04}"),
            to: None,
            deed: None,
        }
    }

    fn deed(deed: Deed, to: &str, key: &str) -> Kept {
        Kept {
            body: String::new(),
            key: key.into(),
            to: Some(to.into()),
            deed: Some(deed),
        }
    }

    #[test]
    fn many_writers_at_once_lose_no_letter() {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|s| {
            for n in 0..20 {
                let dir = dir.path();
                s.spawn(move || Outbox::in_dir(dir).keep(letter(n)).unwrap());
            }
        });
        let mut kept = Outbox::in_dir(dir.path()).letters().unwrap();
        kept.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(kept, (0..20).map(letter).collect::<Vec<_>>());
    }

    #[test]
    fn forgetting_the_last_letter_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::in_dir(dir.path());
        outbox.keep(letter(1)).unwrap();
        outbox.keep(letter(2)).unwrap();
        outbox.forget(&["key-0001".into()]).unwrap();
        assert_eq!(outbox.letters().unwrap(), vec![letter(2)]);
        outbox.forget(&["key-0002".into()]).unwrap();
        assert!(!dir.path().join("letters-outbox.jsonl").exists());
    }

    #[test]
    fn a_letter_kept_before_keys_gets_the_same_key_each_time() {
        let a = Kept::from_line(r#"{"body":"tea"}"#).unwrap();
        let b = Kept::from_line(r#"{"body":"tea"}"#).unwrap();
        assert_eq!(a.key, b.key);
        assert_eq!(a.key.len(), 32);
    }

    #[test]
    fn a_line_kept_before_answers_were_reads_as_a_letter() {
        let kept = Kept::from_line(r#"{"body":"tea","key":"k1"}"#).unwrap();
        assert_eq!(kept.to, None);
        assert_eq!(kept.key, "k1");
    }

    #[test]
    fn an_answer_comes_back_with_the_letter_it_answers() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::in_dir(dir.path());
        let answer = Kept {
            body: "good tea is a lot".into(),
            key: "key-answer".into(),
            to: Some("abc123".into()),
            deed: None,
        };
        outbox.keep(letter(1)).unwrap();
        outbox.keep(answer.clone()).unwrap();
        assert_eq!(outbox.letters().unwrap(), vec![letter(1), answer]);
        // A letter's line stays as it was before answers were kept.
        let text = std::fs::read_to_string(dir.path().join("letters-outbox.jsonl")).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(r#"{"body":"letter 1","key":"key-0001"}"#)
        );
    }

    #[test]
    fn thanks_and_reports_wait_beside_letters_and_are_counted_as_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::in_dir(dir.path());
        outbox.keep(letter(1)).unwrap();
        outbox.keep(deed(Deed::Thank, "reply1", "k-thank")).unwrap();
        outbox
            .keep(deed(Deed::Report, "letter9", "k-report"))
            .unwrap();
        let text = std::fs::read_to_string(dir.path().join("letters-outbox.jsonl")).unwrap();
        assert_eq!(
            text.lines().nth(1),
            Some(r#"{"key":"k-thank","to":"reply1","deed":"thank"}"#)
        );
        assert_eq!(
            outbox.counted().unwrap(),
            Outgoing {
                letters: 1,
                answers: 0,
                thanks: 1,
                reports: 1,
            }
        );
        assert_eq!(
            outbox.letters().unwrap()[2],
            deed(Deed::Report, "letter9", "k-report")
        );
    }

    #[test]
    fn the_same_thanks_or_report_twice_waits_once() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::in_dir(dir.path());
        outbox.keep(deed(Deed::Thank, "reply1", "a")).unwrap();
        outbox.keep(deed(Deed::Thank, "reply1", "b")).unwrap();
        outbox.keep(deed(Deed::Report, "reply1", "c")).unwrap();
        outbox.keep(deed(Deed::Report, "reply1", "d")).unwrap();
        outbox.keep(deed(Deed::Thank, "reply2", "e")).unwrap();
        let keys: Vec<String> = outbox
            .letters()
            .unwrap()
            .into_iter()
            .map(|k| k.key)
            .collect();
        assert_eq!(keys, ["a", "c", "e"]);
    }

    #[test]
    fn an_old_outbox_still_reads_and_a_line_that_could_never_go_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("letters-outbox.jsonl"),
            concat!(
                "{\"body\":\"from before keys\"}\n",
                "{\"body\":\"an answer\",\"key\":\"k2\",\"to\":\"abc\"}\n",
                "{\"key\":\"k3\",\"deed\":\"thank\"}\n",
                "{\"key\":\"k4\"}\n",
                "not json\n",
            ),
        )
        .unwrap();
        let kept = Outbox::in_dir(dir.path()).letters().unwrap();
        assert_eq!(
            count(&kept),
            Outgoing {
                letters: 1,
                answers: 1,
                ..Outgoing::default()
            }
        );
        assert_eq!(kept[0].body, "from before keys");
        assert_eq!(kept[1].to.as_deref(), Some("abc"));
    }
}
