//! The service end to end, over HTTP on loopback, on both backends: every
//! scenario runs on SQLite, and again on PostgreSQL when one is given (CI
//! runs the ignored tests with `IYASHI_LETTERS_TEST_PG` set).
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use common::{eventually, now, on_both_backends, signed_headers, Backend, Service};
use iyashi_letters::client::{Client, ClientError};
use iyashi_letters::limits::Limits;
use iyashi_letters::protocol::{header, ErrorCode, Identity, ReportKind, LETTER_MAX_CHARS};
use iyashi_letters::store::Store;

on_both_backends!(
    a_letter_finds_a_stranger_and_a_kind_answer_finds_its_writer,
    an_answer_s_writer_hears_it_was_thanked_and_no_one_else_does,
    a_letter_reaches_at_most_three_strangers_and_never_its_writer,
    resting_people_are_counted_together,
    a_replayed_request_is_refused,
    forged_and_stale_signatures_are_refused,
    oversize_and_overlong_texts_are_refused,
    floods_past_the_rate_limit_are_refused,
    a_script_in_a_letter_stays_plain_text,
    unkind_words_are_refused_gently,
    reports_hide_a_letter_until_a_moderator_decides,
    a_blocked_key_can_no_longer_write,
    the_database_never_holds_an_address,
    a_database_deleted_under_the_service_takes_no_more_writes,
);

fn write_and_deliver(service: &Service) -> (Client, Client, String) {
    let writer = service.client();
    let reader = service.client();
    let id = writer
        .write("I have been working late every night. I miss the sky.")
        .unwrap();
    let inbox = reader.inbox().unwrap();
    assert_eq!(inbox.letters.len(), 1);
    assert_eq!(inbox.letters[0].id, id);
    (writer, reader, id)
}

fn a_letter_finds_a_stranger_and_a_kind_answer_finds_its_writer(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let (writer, reader, letter) = write_and_deliver(&service);
    assert!(!reader.inbox().unwrap().letters[0].answered);

    let reply = reader
        .reply(
            &letter,
            "The sky will wait for you. Tonight, look up for a minute.",
        )
        .unwrap();
    assert!(reader.inbox().unwrap().letters[0].answered);
    let inbox = writer.inbox().unwrap();
    assert_eq!(inbox.replies.len(), 1);
    assert_eq!(inbox.replies[0].id, reply);
    assert_eq!(inbox.replies[0].letter_id, letter);
    assert!(inbox.replies[0].letter_body.contains("miss the sky"));
    assert!(!inbox.replies[0].thanked);

    writer.thank(&reply).unwrap();
    assert!(writer.inbox().unwrap().replies[0].thanked);
    // Only the writer can thank, and a letter is answered once per person.
    assert_eq!(
        reader.thank(&reply).unwrap_err().code(),
        Some(ErrorCode::NotFound)
    );
    assert_eq!(
        reader.reply(&letter, "Again").unwrap_err().code(),
        Some(ErrorCode::AlreadyDone)
    );
    // Nothing in an inbox says who wrote what.
    let raw = serde_json::to_string(&writer.inbox().unwrap()).unwrap();
    assert!(!raw.contains(&hex::encode(reader.identity().key_hash())));
}

fn an_answer_s_writer_hears_it_was_thanked_and_no_one_else_does(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let (writer, reader, letter) = write_and_deliver(&service);
    let other_reader = service.client();
    assert_eq!(other_reader.inbox().unwrap().letters.len(), 1);
    let reply = reader.reply(&letter, "Look up tonight.").unwrap();
    other_reader.reply(&letter, "The sky waits.").unwrap();
    // Nothing before a thank you.
    assert_eq!(reader.thanks(None).unwrap(), Default::default());

    let before = now() - 1;
    writer.thank(&reply).unwrap();
    let thanks = reader.thanks(None).unwrap();
    assert_eq!(thanks.total, 1);
    assert_eq!(thanks.answers.len(), 1);
    assert_eq!(thanks.answers[0].reply_id, reply);
    assert_eq!(thanks.answers[0].letter_id, letter);
    assert_eq!(reader.thanks(Some(before)).unwrap().total, 1);
    assert_eq!(reader.thanks(Some(now() + 3600)).unwrap().total, 0);

    // Privacy: the other reader (whose answer was not thanked), the
    // letter's writer and a stranger each read only their own thanks;
    // there is no way to name another person's.
    for someone in [&other_reader, &writer, &service.client()] {
        assert_eq!(someone.thanks(None).unwrap(), Default::default());
    }
    // Nothing in the answer names the thanker (the letter's writer).
    let raw = serde_json::to_string(&thanks).unwrap();
    assert!(!raw.contains(&hex::encode(writer.identity().key_hash())));
    assert!(!raw.contains(&writer.identity().public_base64()));
    // Unsigned, it is refused; a since that is not a number is a clear 400.
    let answer = service.raw("GET", "/v1/thanks", &[], b"");
    assert_eq!(answer.status, 401);
    let id = Identity::generate();
    let path = "/v1/thanks?since=yesterday";
    let answer = service.raw("GET", path, &signed_headers(&id, "GET", path, b""), b"");
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(answer.body.contains("bad_json"), "{}", answer.body);
}

fn a_letter_reaches_at_most_three_strangers_and_never_its_writer(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let writer = service.client();
    let letter = writer.write("A small wish: one quiet morning.").unwrap();
    assert!(writer.inbox().unwrap().letters.is_empty());
    let readers: Vec<Client> = (0..5).map(|_| service.client()).collect();
    let reached = readers
        .iter()
        .filter(|r| r.inbox().unwrap().letters.iter().any(|l| l.id == letter))
        .count();
    assert_eq!(reached, 3);
    // A stranger who did not receive it cannot answer it.
    let outsider = service.client();
    assert!(outsider.inbox().unwrap().letters.is_empty());
    assert_eq!(
        outsider.reply(&letter, "Hello").unwrap_err().code(),
        Some(ErrorCode::NotFound)
    );
}

fn resting_people_are_counted_together(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let mut first = service.client();
    let mut second = service.client();
    assert!(first.rest().unwrap() >= 1);
    second.rest().unwrap();
    assert!(
        eventually(|| second.rest().unwrap() == 2),
        "two people rest together"
    );
    assert!(eventually(|| service.client().resting().unwrap() == 2));
    // A heartbeat needs a token the service made.
    let forged = service.raw(
        "POST",
        "/v1/presence",
        &[("authorization", "Bearer AAAA".into())],
        b"",
    );
    assert_eq!(forged.status, 401);
    let none = service.raw("POST", "/v1/presence", &[], b"");
    assert_eq!(none.status, 401);
}

fn a_replayed_request_is_refused(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let me = Identity::generate();
    let body = br#"{"body":"Please let tomorrow be gentle."}"#;
    let headers = signed_headers(&me, "POST", "/v1/letters", body);
    assert_eq!(
        service.raw("POST", "/v1/letters", &headers, body).status,
        201
    );
    let again = service.raw("POST", "/v1/letters", &headers, body);
    assert_eq!(again.status, 409);
    assert!(again.body.contains("replayed"));
}

fn forged_and_stale_signatures_are_refused(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let me = Identity::generate();
    let someone = Identity::generate();
    let body = br#"{"body":"A wish"}"#;

    // Someone else's key with my signature.
    let mut forged = signed_headers(&me, "POST", "/v1/letters", body);
    forged[0].1 = someone.public_base64();
    assert_eq!(
        service.raw("POST", "/v1/letters", &forged, body).status,
        401
    );

    // A body changed after signing.
    let signed = signed_headers(&me, "POST", "/v1/letters", body);
    let tampered = br#"{"body":"Another wish"}"#;
    assert_eq!(
        service.raw("POST", "/v1/letters", &signed, tampered).status,
        401
    );

    // Signed for another path.
    let elsewhere = signed_headers(&me, "POST", "/v1/session", body);
    assert_eq!(
        service.raw("POST", "/v1/letters", &elsewhere, body).status,
        401
    );

    // Too old, too new, garbage, missing.
    for time in [now() - 3600, now() + 3600] {
        let stale = me.sign("POST", "/v1/letters", time, body);
        assert_eq!(service.raw("POST", "/v1/letters", &stale, body).status, 401);
    }
    let mut garbage = signed_headers(&me, "POST", "/v1/letters", body);
    garbage[3].1 = "not a signature".into();
    assert_eq!(
        service.raw("POST", "/v1/letters", &garbage, body).status,
        401
    );
    let missing: Vec<_> = signed_headers(&me, "POST", "/v1/letters", body)
        .into_iter()
        .filter(|(name, _)| *name != header::NONCE)
        .collect();
    assert_eq!(
        service.raw("POST", "/v1/letters", &missing, body).status,
        401
    );
    assert_eq!(service.raw("POST", "/v1/letters", &[], body).status, 401);
}

fn oversize_and_overlong_texts_are_refused(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let me = service.client();
    let huge = format!(r#"{{"body":"{}"}}"#, "a".repeat(64 * 1024));
    let headers = signed_headers(me.identity(), "POST", "/v1/letters", huge.as_bytes());
    let answer = service.raw("POST", "/v1/letters", &headers, huge.as_bytes());
    assert_eq!(answer.status, 413);

    assert_eq!(
        me.write(&"あ".repeat(LETTER_MAX_CHARS + 1))
            .unwrap_err()
            .code(),
        Some(ErrorCode::TooLong)
    );
    assert_eq!(me.write("   ").unwrap_err().code(), Some(ErrorCode::Empty));
    // The limit is in characters: 600 Japanese characters are 1,800 bytes and fine.
    me.write(&"あ".repeat(LETTER_MAX_CHARS)).unwrap();
    let not_json = b"body=hello";
    let headers = signed_headers(me.identity(), "POST", "/v1/letters", not_json);
    assert_eq!(
        service
            .raw("POST", "/v1/letters", &headers, not_json)
            .status,
        400
    );
}

fn floods_past_the_rate_limit_are_refused(backend: Backend) {
    let limits = Limits {
        signed_per_key: 5,
        heartbeats_per_key: 4,
        ..common::roomy()
    };
    let service = Service::start(&backend.url, limits, 3);
    // Limits are per minute; starting just after a minute begins keeps the
    // whole flood inside one window.
    let second = now().rem_euclid(60);
    if second >= 50 {
        std::thread::sleep(std::time::Duration::from_secs((61 - second) as u64));
    }
    let flooder = service.client();
    let outcomes: Vec<bool> = (0..8)
        .map(|i| flooder.write(&format!("wish {i}")).is_ok())
        .collect();
    // Five signed requests: the first only learns the work a new key owes.
    assert_eq!(outcomes.iter().filter(|ok| **ok).count(), 4, "{outcomes:?}");
    assert_eq!(
        flooder.write("one more").unwrap_err().code(),
        Some(ErrorCode::RateLimited)
    );
    // Someone else is not punished for it.
    service.client().write("a calm wish").unwrap();

    let mut rester = service.client();
    // One signed session, then heartbeats up to the limit.
    let beats: Vec<Result<u64, ClientError>> = (0..6).map(|_| rester.rest()).collect();
    assert_eq!(beats.iter().filter(|b| b.is_ok()).count(), 4);
    assert_eq!(
        beats[5].as_ref().unwrap_err().code(),
        Some(ErrorCode::RateLimited)
    );

    // A whole network is limited too, whoever it claims to be: each new
    // key here makes two requests (one to learn the work asked, one with it).
    let strict_db = common::sqlite();
    let strict = Service::start(
        &strict_db.url,
        Limits {
            per_network: 6,
            ..common::roomy()
        },
        3,
    );
    let outcomes: Vec<bool> = (0..5)
        .map(|_| strict.client().write("a wish").is_ok())
        .collect();
    assert_eq!(outcomes, [true, true, true, false, false]);
}

fn a_script_in_a_letter_stays_plain_text(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let writer = service.client();
    let reader = service.client();
    let script = "<script>alert('hi')</script><img src=x onerror=alert(1)>";
    writer.write(script).unwrap();
    let path = "/v1/inbox";
    let headers = signed_headers(reader.identity(), "GET", path, b"");
    let answer = service.raw("GET", path, &headers, b"");
    assert_eq!(answer.status, 200);
    assert!(
        answer.head.contains("content-type: application/json"),
        "{}",
        answer.head
    );
    assert!(answer.head.contains("x-content-type-options: nosniff"));
    assert!(!answer.head.contains("text/html"));
    // The text comes back exactly as written, as a JSON string.
    let inbox: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(inbox["letters"][0]["body"], script);
    // No route answers with HTML, even the ones that do not exist.
    for path in ["/", "/nothing", "/v1/letters/%3Cscript%3E/replies"] {
        assert!(
            !service
                .raw("GET", path, &[], b"")
                .head
                .contains("text/html"),
            "{path}"
        );
    }
}

fn unkind_words_are_refused_gently(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let me = service.client();
    for text in ["you are an idiot", "みんな死ね"] {
        let e = me.write(text).unwrap_err();
        assert_eq!(e.code(), Some(ErrorCode::UnkindWords));
        assert!(e.to_string().contains("gently"));
    }
    // Pain is not cruelty: a person may say how they feel about themselves.
    me.write("I feel worthless some days, and I would like a kind word.")
        .unwrap();
}

fn reports_hide_a_letter_until_a_moderator_decides(backend: Backend) {
    let service = Service::start(&backend.url, common::roomy(), 2);
    let writer = service.client();
    let letter = writer
        .write("Something a few people found unkind.")
        .unwrap();
    let readers: Vec<Client> = (0..3).map(|_| service.client()).collect();
    for r in &readers {
        assert_eq!(r.inbox().unwrap().letters.len(), 1);
    }
    readers[0].report(ReportKind::Letter, &letter).unwrap();
    assert_eq!(
        readers[0]
            .report(ReportKind::Letter, &letter)
            .unwrap_err()
            .code(),
        Some(ErrorCode::AlreadyDone)
    );
    assert_eq!(
        readers[2].inbox().unwrap().letters.len(),
        1,
        "one report does not hide"
    );
    readers[1].report(ReportKind::Letter, &letter).unwrap();
    assert!(
        readers[2].inbox().unwrap().letters.is_empty(),
        "two reports hide it"
    );
    // Someone who never saw it cannot report it.
    let outsider = service.client();
    assert_eq!(
        outsider
            .report(ReportKind::Letter, &letter)
            .unwrap_err()
            .code(),
        Some(ErrorCode::NotFound)
    );

    let rt = common::runtime();
    let store = rt.block_on(Store::open(&backend.url)).unwrap();
    let pending = rt
        .block_on(iyashi_letters::admin::run(
            &store,
            iyashi_letters::admin::Action::Pending,
            now(),
        ))
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert!(pending[0].contains(&letter));
    assert!(pending[0].contains(&hex::encode(writer.identity().key_hash())));
    rt.block_on(iyashi_letters::admin::run(
        &store,
        iyashi_letters::admin::Action::Keep {
            kind: iyashi_letters::admin::Kind::Letter,
            id: letter.clone(),
        },
        now(),
    ))
    .unwrap();
    assert_eq!(
        readers[2].inbox().unwrap().letters.len(),
        1,
        "a kept letter is back"
    );
    readers[2].report(ReportKind::Letter, &letter).unwrap();
    assert_eq!(
        readers[2].inbox().unwrap().letters.len(),
        1,
        "and is not hidden again"
    );
}

fn a_blocked_key_can_no_longer_write(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let mut troll = service.client();
    let letter = troll.write("before the block").unwrap();
    let rt = common::runtime();
    let store = rt.block_on(Store::open(&backend.url)).unwrap();
    let hash = hex::encode(troll.identity().key_hash());
    rt.block_on(iyashi_letters::admin::run(
        &store,
        iyashi_letters::admin::Action::Block { key_hash: hash },
        now(),
    ))
    .unwrap();
    assert_eq!(
        troll.write("after the block").unwrap_err().code(),
        Some(ErrorCode::Blocked)
    );
    assert_eq!(troll.rest().unwrap_err().code(), Some(ErrorCode::Blocked));
    // What they wrote before no longer travels.
    assert!(!service
        .client()
        .inbox()
        .unwrap()
        .letters
        .iter()
        .any(|l| l.id == letter));
}

fn the_database_never_holds_an_address(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let (writer, reader, letter) = write_and_deliver(&service);
    let reply = reader.reply(&letter, "You are doing enough.").unwrap();
    writer.thank(&reply).unwrap();
    reader.report(ReportKind::Letter, &letter).unwrap();
    let mut rester = service.client();
    rester.rest().unwrap();
    assert!(eventually(|| service.client().resting().unwrap() >= 1));

    let rt = common::runtime();
    let store = rt.block_on(Store::open(&backend.url)).unwrap();
    let dump = rt.block_on(store.dump()).unwrap().join("\n");
    assert!(dump.contains("You are doing enough."), "the dump is real");
    for address in [
        "127.0.0.1",
        "::1",
        "localhost",
        &service.addr.port().to_string(),
    ] {
        assert!(!dump.contains(address), "{address} is in the dump");
    }
    // For SQLite, the file itself too, not only what a query shows.
    if !backend.url.starts_with("postgres") {
        let mut bytes = std::fs::read(&backend.url).unwrap();
        bytes.extend(std::fs::read(format!("{}-wal", backend.url)).unwrap_or_default());
        assert!(!bytes.windows(9).any(|w| w == b"127.0.0.1"));
    }
}

/// Deletes the backend's database under a running service: the SQLite file
/// (with its WAL and shared memory), or the PostgreSQL database (its
/// connections ended).
fn delete_database(backend: &Backend) {
    if let Some((server, name)) = backend
        .url
        .strip_prefix("postgres://")
        .and_then(|rest| rest.rsplit_once('/'))
    {
        common::runtime().block_on(async {
            use sqlx::Executor;
            let admin = sqlx::PgPool::connect(&format!("postgres://{server}/postgres"))
                .await
                .unwrap();
            admin
                .execute(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE {name} WITH (FORCE)"
                )))
                .await
                .unwrap();
        });
    } else {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", backend.url));
        }
    }
}

fn a_database_deleted_under_the_service_takes_no_more_writes(backend: Backend) {
    let service = Service::relaxed(&backend.url);
    let (writer, reader, letter) = write_and_deliver(&service);
    assert_eq!(service.raw("GET", "/healthz", &[], b"").status, 200);
    delete_database(&backend);
    for refused in [
        writer.write("Written after the database was deleted."),
        reader.reply(&letter, "An answer nobody would keep."),
    ] {
        assert_eq!(refused.unwrap_err().code(), Some(ErrorCode::Unavailable));
    }
    assert_eq!(service.raw("GET", "/healthz", &[], b"").status, 503);
}
