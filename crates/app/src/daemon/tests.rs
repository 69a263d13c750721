use std::os::unix::net::UnixListener;
use std::sync::mpsc;

use super::*;

/// Runs `ask` on its own thread, so that a call that never returned would
/// fail the test (after a generous minute) rather than hang it.
fn ask_apart(path: &Path, request: Request) -> Result<Option<Reply>, SystemReason> {
    let (done, answer) = mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = done.send(ask(&path, request));
    });
    answer
        .recv_timeout(Duration::from_secs(60))
        .expect("asking a daemon that does not answer must give up")
}

fn quiet_reply() -> Reply {
    Reply {
        active: false,
        session_start: None,
        on_break_until: None,
        asking: false,
        until_micro_secs: 0,
        until_rest_secs: 0,
        worked_today_secs: 0,
        status: None,
    }
}

fn every_request() -> Vec<Request> {
    vec![
        Request::Status,
        Request::WorkStart,
        Request::WorkStop,
        Request::BreakNow {
            kind: BreakKind::Rest,
        },
        Request::BreakNow {
            kind: BreakKind::Micro,
        },
        Request::Take,
        Request::Later,
        Request::Skip,
        Request::Finished,
        Request::Quiet { until: None },
        Request::Quiet {
            until: Some("2026-11-25T06:00:00.5Z".parse().unwrap()),
        },
    ]
}

#[test]
fn every_request_reads_back_as_itself() {
    for request in every_request() {
        let line = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&line).unwrap(), request);
    }
}

#[test]
fn an_unknown_request_is_refused_never_taken_for_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watch.sock");
    let listener = UnixListener::bind(&path).unwrap();
    let server = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for stream in listener.incoming().take(3) {
            let stream = stream.unwrap();
            match read_request(&stream).unwrap() {
                Ok(request) => {
                    seen.push(Some(request));
                    reply(&stream, quiet_reply()).unwrap();
                }
                Err(why) => {
                    seen.push(None);
                    refuse(&stream, why).unwrap();
                }
            }
        }
        seen
    });
    for raw in ["{\"ask\":\"rm -rf\"}\n", "status\n"] {
        let mut stream = UnixStream::connect(&path).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut line = String::new();
        BufReader::new(&stream).read_line(&mut line).unwrap();
        let answer: Answer = serde_json::from_str(&line).unwrap();
        assert!(matches!(answer, Answer::Refused(_)), "{raw:?}: {line}");
    }
    assert!(ask_apart(&path, Request::Status).unwrap().is_some());
    assert_eq!(server.join().unwrap(), [None, None, Some(Request::Status)]);
}

#[test]
fn a_refusal_reaches_the_caller_as_not_understood() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watch.sock");
    let listener = UnixListener::bind(&path).unwrap();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let _ = read_request(&stream).unwrap();
        refuse(&stream, "no".to_string()).unwrap();
    });
    assert_eq!(
        ask_apart(&path, Request::WorkStart),
        Err(SystemReason::NotUnderstood)
    );
}

#[test]
fn no_daemon_is_no_answer_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        ask_apart(&dir.path().join("watch.sock"), Request::Status),
        Ok(None)
    );
}

/// A stopped daemon: the kernel accepts the connection, nobody reads.
#[test]
fn a_daemon_that_never_answers_is_given_up_on_and_then_not_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watch.sock");
    let _listener = UnixListener::bind(&path).unwrap();
    assert_eq!(
        ask_apart(&path, Request::Status),
        Err(SystemReason::TimedOut)
    );
    // Remembered: the next caller does not wait again.
    let started = Instant::now();
    assert_eq!(
        ask_apart(&path, Request::Status),
        Err(SystemReason::TimedOut)
    );
    assert!(started.elapsed() < ANSWER_WITHIN);
}

/// A stopped daemon whose queue of waiting connections is full: connecting
/// itself would wait forever.
#[test]
fn a_full_queue_of_connections_is_given_up_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watch.sock");
    let listener =
        socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None).unwrap();
    listener
        .bind(&socket2::SockAddr::unix(&path).unwrap())
        .unwrap();
    listener.listen(0).unwrap();
    let mut waiting = Vec::new();
    loop {
        let client =
            socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None).unwrap();
        client.set_nonblocking(true).unwrap();
        match client.connect(&socket2::SockAddr::unix(&path).unwrap()) {
            Ok(()) => waiting.push(client),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(e) => panic!("{e}"),
        }
        assert!(waiting.len() < 1000, "the queue never filled");
    }
    assert_eq!(
        ask_apart(&path, Request::WorkStart),
        Err(SystemReason::TimedOut)
    );
}
