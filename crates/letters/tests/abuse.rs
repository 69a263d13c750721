//! The service against people who would spend it for others: a neighbour
//! flooding reads, throwaway keys by the hundred, keys made to hide a
//! letter or to take all of its deliveries, a burst of keys "resting".
//! Real service, real database (both backends), loopback; 127.0.0.2 plays
//! a neighbour in 127.0.0.1's /24.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use common::{on_both_backends, signed_headers, Backend, Service};
use iyashi_letters::client::Client;
use iyashi_letters::limits::Limits;
use iyashi_letters::protocol::{ErrorBody, ErrorCode, Identity, ReportKind};
use iyashi_letters::server::Config;
use iyashi_letters::store::Store;
use iyashi_letters::work::{Proof, WorkAsked, HEADER};

on_both_backends!(
    one_address_cannot_lock_its_neighbours_out,
    a_new_key_pays_its_proof_of_work_once,
    new_keys_can_neither_hide_a_letter_nor_take_its_deliveries,
    a_burst_of_new_keys_does_not_make_a_crowd,
);

/// The shipped limits and the shipped settling time, with a proof of work
/// a debug build solves quickly.
fn as_shipped() -> Config {
    Config {
        limits: Limits::default(),
        settle_secs: Config::default().settle_secs,
        first_dibs_secs: 0,
        ..common::test_config()
    }
}

/// Makes `identity` a settled key: first seen two days ago.
fn settle(backend: &Backend, identity: &Identity) {
    let rt = common::runtime();
    rt.block_on(async {
        let store = Store::open(&backend.url).await.unwrap();
        store
            .register_key(identity.key_hash(), common::now() - 2 * 24 * 3600)
            .await
            .unwrap();
    });
}

fn settled_client(service: &Service, backend: &Backend) -> Client {
    let identity = Identity::generate();
    settle(backend, &identity);
    Client::new(&service.url(), identity).unwrap()
}

fn one_address_cannot_lock_its_neighbours_out(backend: Backend) {
    let service = Service::with(&backend.url, as_shipped());
    let shipped = Limits::default();
    // 127.0.0.1 reads the resting count 600 times in a burst (the attack
    // that used to lock its whole /24 out for a minute).
    let statuses: Vec<u16> = (0..600)
        .map(|_| service.raw("GET", "/v1/presence", &[], b"").status)
        .collect();
    let served = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(served, shipped.reads_per_address as usize);
    assert!(statuses[served..].iter().all(|s| *s == 429));
    // Its neighbour reads, and writes, as if nothing happened.
    let neighbour = "127.0.0.2";
    assert_eq!(
        service
            .raw_from(neighbour, "GET", "/v1/presence", &[], b"")
            .status,
        200
    );
    let me = Identity::generate();
    let body = br#"{"body":"A calm evening, for once."}"#;
    let headers = signed_headers(&me, "POST", "/v1/letters", body);
    assert_eq!(
        service
            .raw_from(neighbour, "POST", "/v1/letters", &headers, body)
            .status,
        201
    );
    // Fresh keys from one address are limited too, and that budget is the
    // address's own as well.
    let fresh: Vec<u16> = (0..shipped.new_keys_per_address + 2)
        .map(|_| {
            let key = Identity::generate();
            let headers = signed_headers(&key, "GET", "/v1/inbox", b"");
            service.raw("GET", "/v1/inbox", &headers, b"").status
        })
        .collect();
    assert_eq!(
        fresh.iter().filter(|s| **s == 200).count(),
        shipped.new_keys_per_address as usize,
        "{fresh:?}"
    );
    let late = Identity::generate();
    let headers = signed_headers(&late, "GET", "/v1/inbox", b"");
    assert_eq!(
        service
            .raw_from(neighbour, "GET", "/v1/inbox", &headers, b"")
            .status,
        200
    );
}

fn a_new_key_pays_its_proof_of_work_once(backend: Backend) {
    let asked = WorkAsked { bits: 8, parts: 4 };
    let service = Service::with(
        &backend.url,
        Config {
            work: asked,
            ..common::test_config()
        },
    );
    let me = Identity::generate();
    let path = "/v1/inbox";
    // No proof: refused, and told what to pay.
    let bare = me.sign("GET", path, common::now(), b"");
    let answer = service.raw("GET", path, &bare, b"");
    assert_eq!(answer.status, 401);
    let body: ErrorBody = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(body.error, ErrorCode::WorkNeeded);
    assert_eq!(body.work, Some(asked));
    // A proof that pays less, or for another key, is no proof.
    for proof in [
        Proof::solve(&me.public_bytes(), WorkAsked { bits: 2, parts: 4 }),
        Proof::solve(&Identity::generate().public_bytes(), asked),
    ] {
        let mut headers = me.sign("GET", path, common::now(), b"");
        headers.push((HEADER, proof.to_header()));
        let answer = service.raw("GET", path, &headers, b"");
        assert_eq!(answer.status, 401, "{}", answer.body);
    }
    // The client pays by itself when asked, once; then the key is known.
    let client = Client::new(&service.url(), me).unwrap();
    client.write("Paid for, once.").unwrap();
    let known = client.identity().sign("GET", path, common::now(), b"");
    assert_eq!(service.raw("GET", path, &known, b"").status, 200);
}

fn new_keys_can_neither_hide_a_letter_nor_take_its_deliveries(backend: Backend) {
    let service = Service::with(&backend.url, as_shipped());
    let writer = settled_client(&service, &backend);
    let letter = writer
        .write("A long week. I would like a kind word.")
        .unwrap();
    // Three throwaway keys ask for letters: one of them may have it.
    let throwaways: Vec<Client> = (0..3).map(|_| service.client()).collect();
    let holders: Vec<&Client> = throwaways
        .iter()
        .filter(|t| t.inbox().unwrap().letters.iter().any(|l| l.id == letter))
        .collect();
    assert_eq!(
        holders.len(),
        1,
        "at most one new key among a letter's readers"
    );
    // Its report is kept for a moderator, but does not hide the letter.
    holders[0].report(ReportKind::Letter, &letter).unwrap();
    let settled: Vec<Client> = (0..2).map(|_| settled_client(&service, &backend)).collect();
    for reader in &settled {
        let inbox = reader.inbox().unwrap();
        assert!(
            inbox.letters.iter().any(|l| l.id == letter),
            "the other deliveries go to settled readers, and the letter still shows"
        );
    }
    assert_eq!(
        holders[0].inbox().unwrap().letters.len(),
        1,
        "still there after a new key's report"
    );
}

fn a_burst_of_new_keys_does_not_make_a_crowd(backend: Backend) {
    let service = Service::with(
        &backend.url,
        Config {
            limits: common::roomy(),
            ..as_shipped()
        },
    );
    let mut settled: Vec<Client> = (0..2).map(|_| settled_client(&service, &backend)).collect();
    for person in &mut settled {
        person.rest().unwrap();
    }
    let mut burst: Vec<Client> = (0..30).map(|_| service.client()).collect();
    for key in &mut burst {
        key.rest().unwrap();
    }
    let watcher = settled_client(&service, &backend);
    // Once the flush has seen all 32: the two settled people, and new keys
    // up to five (no more than the settled ones, or five).
    assert!(common::eventually(|| watcher.resting().unwrap() == 7));
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(watcher.resting().unwrap(), 7);
}
