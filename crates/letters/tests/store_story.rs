//! One story, told to each backend's store: the same calls, at the same
//! (simulated) times, must give the same answers on SQLite and on
//! PostgreSQL. Every rule of the service is in it: who gets a letter and
//! how many do, new keys and settled ones, one answer per reader,
//! idempotency, thanks, reports and hiding, the moderator, blocking, and
//! the resting count. The hand-out is raced from two stores on one
//! database, as two processes would.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::sync::Arc;

use common::Backend;
use iyashi_letters::protocol::{ReportKind, READERS_PER_LETTER};
use iyashi_letters::store::{Decision, KeyHash, Policy, Resting, Store, StoreError};

#[test]
fn the_story_on_sqlite() {
    story(common::sqlite());
}

#[test]
#[ignore = "needs postgres"]
fn the_story_on_postgres() {
    story(common::postgres());
}

const DAY: i64 = 24 * 3600;
/// The story's "now"; the stores take every time as an argument.
const T0: i64 = 1_900_000_000;

fn policy(now: i64) -> Policy {
    Policy {
        hide_after: 2,
        settled_before: now - DAY,
        first_dibs_before: now - 600,
    }
}

fn key(n: u8) -> KeyHash {
    [n; 32]
}

/// Settled readers 10..=17, new readers 30..=32, the writer 1.
const WRITER: u8 = 1;
const SETTLED: std::ops::RangeInclusive<u8> = 10..=17;
const NEW: std::ops::RangeInclusive<u8> = 30..=32;

fn story(backend: Backend) {
    let rt = common::runtime();
    rt.block_on(async {
        let one = Arc::new(Store::open(&backend.url).await.unwrap());
        let two = Arc::new(Store::open(&backend.url).await.unwrap());
        for n in std::iter::once(WRITER).chain(SETTLED) {
            one.register_key(key(n), T0 - 10 * DAY).await.unwrap();
        }
        for n in NEW {
            one.register_key(key(n), T0).await.unwrap();
        }
        let status = one.key_status(key(30)).await.unwrap();
        assert_eq!(status.first_seen, Some(T0));
        assert!(!status.blocked);
        assert_eq!(one.key_status(key(99)).await.unwrap().first_seen, None);
        // Registering again never makes a key younger.
        one.register_key(key(WRITER), T0).await.unwrap();
        assert_eq!(
            one.key_status(key(WRITER)).await.unwrap().first_seen,
            Some(T0 - 10 * DAY)
        );

        // A letter written twice under one idempotency key is one letter.
        let wish = |store: Arc<Store>| async move {
            store
                .write_letter(
                    key(WRITER),
                    "A quiet wish".into(),
                    Some("wish-0001".into()),
                    T0,
                )
                .await
                .unwrap()
        };
        let letter = wish(one.clone()).await;
        let again = wish(two.clone()).await;
        assert_eq!(letter, again);

        // New readers wait while settled readers have it first.
        let early = one.inbox(key(30), policy(T0 + 60), T0 + 60).await.unwrap();
        assert!(
            early.letters.is_empty(),
            "first dibs are the settled readers'"
        );

        // Later, one new reader may have it, but only one.
        let later = T0 + 3600;
        let news: Vec<usize> = {
            let mut got = Vec::new();
            for n in NEW {
                let inbox = one.inbox(key(n), policy(later), later).await.unwrap();
                got.push(inbox.letters.len());
            }
            got
        };
        assert_eq!(news.iter().sum::<usize>(), 1, "{news:?}");

        // Eight settled readers race from two stores: the letter reaches
        // exactly its remaining readers, never more.
        let mut racers = Vec::new();
        for (i, n) in SETTLED.enumerate() {
            let store = if i % 2 == 0 { one.clone() } else { two.clone() };
            racers.push(tokio::spawn(async move {
                store.inbox(key(n), policy(later), later).await
            }));
        }
        let mut reached = 0;
        for racer in racers {
            let inbox = racer
                .await
                .unwrap()
                .expect("no reader is refused in a race");
            reached += inbox.letters.iter().filter(|l| l.id == letter).count();
        }
        assert_eq!(reached as i64, READERS_PER_LETTER - 1);
        let settled_readers: Vec<KeyHash> = {
            let mut them = Vec::new();
            for n in SETTLED {
                let inbox = one.inbox(key(n), policy(later), later).await.unwrap();
                if !inbox.letters.is_empty() {
                    them.push(key(n));
                }
            }
            them
        };
        assert_eq!(settled_readers.len(), 2);
        let mut new_reader = None;
        for n in NEW {
            let inbox = one.inbox(key(n), policy(later), later).await.unwrap();
            if inbox.letters.iter().any(|l| l.id == letter) {
                new_reader = Some(key(n));
            }
        }
        let new_reader = new_reader.expect("one new reader has it");
        // The writer never receives their own letter.
        let own = one.inbox(key(WRITER), policy(later), later).await.unwrap();
        assert!(own.letters.is_empty());

        // One answer per reader; the same answer sent twice is one answer.
        let reply = answer(
            &one,
            settled_readers[0],
            &letter,
            "Tea helps.",
            Some("tea-00001"),
        )
        .await
        .unwrap();
        let resent = answer(
            &two,
            settled_readers[0],
            &letter,
            "Tea helps.",
            Some("tea-00001"),
        )
        .await
        .unwrap();
        assert_eq!(reply, resent);
        assert!(matches!(
            answer(
                &one,
                settled_readers[0],
                &letter,
                "Again",
                Some("tea-00002")
            )
            .await,
            Err(StoreError::Conflict)
        ));
        assert!(matches!(
            answer(&one, key(99), &letter, "Hi", None).await,
            Err(StoreError::NotFound)
        ));
        let writer_inbox = one.inbox(key(WRITER), policy(later), later).await.unwrap();
        assert_eq!(writer_inbox.replies.len(), 1);
        assert!(!writer_inbox.replies[0].thanked);
        let nothing_yet = one.thanks(settled_readers[0], 0).await.unwrap();
        assert_eq!((nothing_yet.total, nothing_yet.answers.len()), (0, 0));
        one.thank(key(WRITER), reply.clone(), later).await.unwrap();
        assert!(matches!(
            one.thank(settled_readers[0], reply.clone(), later).await,
            Err(StoreError::NotFound)
        ));
        let writer_inbox = two.inbox(key(WRITER), policy(later), later).await.unwrap();
        assert!(writer_inbox.replies[0].thanked);
        // The answer's writer hears of the thanks, from any process; since
        // a time after it, there is none; thanking again keeps its time.
        let thanked = two.thanks(settled_readers[0], 0).await.unwrap();
        assert_eq!(thanked.total, 1);
        assert_eq!(thanked.answers[0].letter_id, letter);
        assert_eq!(thanked.answers[0].reply_id, reply);
        one.thank(key(WRITER), reply.clone(), later + 50)
            .await
            .unwrap();
        assert_eq!(
            one.thanks(settled_readers[0], later).await.unwrap().total,
            1
        );
        assert_eq!(
            one.thanks(settled_readers[0], later + 1).await.unwrap(),
            Default::default()
        );
        // The thanker and the letter's other readers have none of it.
        assert_eq!(one.thanks(key(WRITER), 0).await.unwrap().total, 0);
        assert_eq!(one.thanks(settled_readers[1], 0).await.unwrap().total, 0);

        // A new key's report is kept but does not count; two settled
        // reports hide the letter; one person reports once.
        report(&one, new_reader, &letter).await.unwrap();
        report(&one, settled_readers[0], &letter).await.unwrap();
        assert!(matches!(
            report(&one, settled_readers[0], &letter).await,
            Err(StoreError::Conflict)
        ));
        let still = one
            .inbox(settled_readers[1], policy(later), later)
            .await
            .unwrap();
        assert_eq!(
            still.letters.len(),
            1,
            "a new key and one settled key do not hide it"
        );
        report(&two, settled_readers[1], &letter).await.unwrap();
        let hidden = one
            .inbox(settled_readers[1], policy(later), later)
            .await
            .unwrap();
        assert!(hidden.letters.is_empty(), "two settled reports hide it");
        let pending = one.pending().await.unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].id, letter);
        assert_eq!(pending[0].reports, 2, "only counted reports are counted");

        // The moderator keeps it: back, and not hidden again.
        one.decide(ReportKind::Letter, letter.clone(), Decision::Keep)
            .await
            .unwrap();
        let back = one
            .inbox(settled_readers[1], policy(later), later)
            .await
            .unwrap();
        assert_eq!(back.letters.len(), 1);

        // A key whose writing was removed has no weight, however old.
        let unkind = one
            .write_letter(key(17), "Something unkind".into(), None, later)
            .await
            .unwrap();
        let reader = key(16);
        let got = one.inbox(reader, policy(later), later).await.unwrap();
        assert!(got.letters.iter().any(|l| l.id == unkind));
        report(&one, reader, &unkind).await.unwrap();
        one.decide(ReportKind::Letter, unkind.clone(), Decision::Remove)
            .await
            .unwrap();
        let fresh = one
            .write_letter(key(WRITER), "Fresh this minute".into(), None, later)
            .await
            .unwrap();
        let soon = later + 60;
        let shunned = one.inbox(key(17), policy(soon), soon).await.unwrap();
        assert!(
            !shunned.letters.iter().any(|l| l.id == fresh),
            "a key with removed writing waits like a new one"
        );
        let trusted = one.inbox(key(14), policy(soon), soon).await.unwrap();
        assert!(trusted.letters.iter().any(|l| l.id == fresh));
        assert!(matches!(
            one.decide(ReportKind::Letter, "no-such-letter".into(), Decision::Keep)
                .await,
            Err(StoreError::NotFound)
        ));

        // A blocked author's letters stop travelling.
        let blocked_letter = one
            .write_letter(key(WRITER), "Before the block".into(), None, later)
            .await
            .unwrap();
        one.set_blocked(key(WRITER), true, later).await.unwrap();
        assert!(one.key_status(key(WRITER)).await.unwrap().blocked);
        let fresh_reader = key(15);
        let inbox = one.inbox(fresh_reader, policy(later), later).await.unwrap();
        assert!(!inbox.letters.iter().any(|l| l.id == blocked_letter));
        one.set_blocked(key(WRITER), false, later).await.unwrap();
        assert!(!one.key_status(key(WRITER)).await.unwrap().blocked);

        // Resting: counted by age, in one flush.
        one.flush_presence(vec![
            (key(10), later),
            (key(11), later),
            (key(30), later),
            (key(31), later),
            (key(32), later),
        ])
        .await
        .unwrap();
        two.flush_presence(vec![(key(10), later - 100)])
            .await
            .unwrap();
        assert_eq!(
            one.count_resting(later - 90, later - DAY).await.unwrap(),
            Resting { settled: 2, new: 3 }
        );
        one.prune(later, later + 1).await.unwrap();
        assert_eq!(
            two.count_resting(later - 90, later - DAY).await.unwrap(),
            Resting::default()
        );

        // The same nonce twice is a replay; on the other store too.
        assert!(one
            .remember_nonce(key(10), "n1".into(), later)
            .await
            .unwrap());
        assert!(!two
            .remember_nonce(key(10), "n1".into(), later)
            .await
            .unwrap());
        assert!(one
            .remember_nonce(key(11), "n1".into(), later)
            .await
            .unwrap());
    });
}

async fn answer(
    store: &Store,
    reader: KeyHash,
    letter: &str,
    words: &str,
    idempotency_key: Option<&str>,
) -> Result<String, StoreError> {
    let later = T0 + 3600;
    store
        .reply(
            reader,
            letter.into(),
            words.into(),
            idempotency_key.map(str::to_string),
            later,
        )
        .await
}

async fn report(store: &Store, reporter: KeyHash, letter: &str) -> Result<(), StoreError> {
    let later = T0 + 3600;
    store
        .report(
            reporter,
            ReportKind::Letter,
            letter.into(),
            policy(later),
            later,
        )
        .await
}
