//! `iyashi web`: the room in a browser, for people who do not live in a
//! terminal.
//!
//! A small axum server bound to 127.0.0.1 only. It serves one page (HTML,
//! CSS and a script, all embedded in the binary, so it works offline) and the
//! JSON API that page uses ([`api`], described at `/api/openapi.json`). The
//! server is as thin as the commands: entries are made by
//! [`iyashi_app::journal::new_entry`], work sessions by
//! [`iyashi_app::work::change_work`], the companions are the drawn cast,
//! moved by the core's stage ([`scene`]), and every word comes from the catalogue.
//!
//! Everything passes [`security::guard`] first: Host, token, Origin, CSP.
//!
//! `IYASHI_WEB_READY=FILE` makes the server write, once it listens, the
//! wall-clock time in nanoseconds since the Unix epoch to FILE (for
//! `bench/web_budget.sh`).

mod api;
mod assets;
mod journal;
mod labels;
mod letters;
mod openapi;
mod quiet;
mod scene;
mod security;

use std::io::{Read, Write};
use std::sync::Arc;

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::web::WebText;
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::Lang;

use crate::context::Context;
use crate::failure::Failure;
use crate::home::Home;

/// One person's browser opens a handful of connections; a slow or stuck
/// client (or a flood of them from another program on this computer) is
/// let go rather than allowed to hold the room.
const CONNECTIONS: iyashi_serve::Limits = iyashi_serve::Limits {
    header_timeout: std::time::Duration::from_secs(10),
    body_timeout: std::time::Duration::from_secs(10),
    max_connections: 256,
};

/// What every handler shares.
pub struct AppState {
    /// The language the server speaks when a request does not say.
    pub lang: Lang,
    door: security::Door,
    /// The context as it was when the server started; [`AppState::ctx`]
    /// makes a fresh one for each request, with the time moved on.
    base: Context,
    journal: journal::Journal,
}

impl AppState {
    /// A context for one request, in `lang`, at the present moment.
    fn ctx(&self, lang: Lang) -> Context {
        self.base.moved_on(lang)
    }
}

/// Runs the server until the process is stopped.
/// `port` 0 lets the system choose; `open` opens the page in a browser.
pub fn run(ctx: &Context, port: u16, open: bool) -> Result<(), Failure> {
    let token = token(&ctx.home)?;
    let addr = format!("127.0.0.1:{port}");
    let cannot_listen = |e: std::io::Error| {
        Failure::bad_input(Problem::Usage {
            text: WebText::CannotListen {
                addr: addr.clone(),
                reason: SystemReason::of_io(&e),
            }
            .render(ctx.lang),
            command: "web",
        })
    };
    // Bound before the runtime starts, so a busy port is an ordinary error.
    let listener = std::net::TcpListener::bind(&addr).map_err(cannot_listen)?;
    listener.set_nonblocking(true).map_err(cannot_listen)?;
    let port = listener.local_addr().map_err(cannot_listen)?.port();
    let state = Arc::new(AppState {
        lang: ctx.lang,
        door: security::Door {
            port,
            token: token.clone(),
        },
        base: ctx.moved_on(ctx.lang),
        journal: journal::Journal::open(|| ctx.open_store())?,
    });
    let url = format!("http://127.0.0.1:{port}/?token={token}");
    crate::output::print(&format!(
        "{}\n{}\n",
        WebText::Listening { url: url.clone() }.render(ctx.lang),
        WebText::HowToStop.render(ctx.lang)
    ))?;
    if open {
        // If it cannot, the printed link remains.
        crate::opener::open_url(&url);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(cannot_listen)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(cannot_listen)?;
        if let Some(path) = std::env::var_os("IYASHI_WEB_READY") {
            note_ready(&path);
        }
        // One watcher for every open page's live updates.
        tokio::spawn(journal::Watcher::default().run(Arc::clone(&state)));
        iyashi_serve::serve(
            listener,
            api::router(state),
            CONNECTIONS,
            std::future::pending(),
        )
        .await
        .map_err(cannot_listen)
    })
}

/// The per-install secret: 32 random bytes as hex, made on the first
/// `iyashi web` in a file only its owner may read.
fn token(home: &Home) -> Result<String, Failure> {
    let path = home.web_token();
    let cannot = |e: std::io::Error| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    };
    if let Ok(text) = std::fs::read_to_string(&path) {
        let text = text.trim();
        if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(text.to_string());
        }
    }
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut r| r.read_exact(&mut bytes))
        .map_err(cannot)?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    iyashi_store::private::create_dir(&home.dir).map_err(cannot)?;
    // A damaged token file is replaced; the new one is 0600 from its first byte.
    let _ = std::fs::remove_file(&path);
    let mut file = iyashi_store::private::create_new(&path).map_err(cannot)?;
    writeln!(file, "{token}").map_err(cannot)?;
    Ok(token)
}

fn note_ready(path: &std::ffi::OsStr) {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    if let Ok(mut file) = std::fs::File::create(path) {
        let _ = writeln!(file, "{}", since_epoch.as_nanos());
    }
}
