//! `iyashi-letters`: the letters service and its moderator's tools.

use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use iyashi_letters::filter::WordFilter;
use iyashi_letters::limits::Limits;
use iyashi_letters::store::Store;
use iyashi_letters::work::WorkAsked;
use iyashi_letters::{admin, server};

#[derive(Parser)]
#[command(
    name = "iyashi-letters",
    version,
    about = "Resting together and kind letters between strangers."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the service.
    Serve(ServeArgs),
    /// Moderate: hidden letters, keys.
    Admin {
        /// `postgres://...`, or a SQLite file.
        #[arg(
            long,
            env = "IYASHI_LETTERS_DATABASE",
            default_value = "iyashi-letters.db"
        )]
        database: String,
        #[command(subcommand)]
        action: admin::Action,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// For load tests: make `count` identities, get each a presence token
    /// from `server`, and print the tokens one a line.
    Tokens {
        /// `http://host:port` of a running service.
        #[arg(long)]
        server: String,
        /// How many.
        #[arg(long, default_value_t = 1000)]
        count: usize,
    },
}

#[derive(clap::Args)]
struct ServeArgs {
    /// `postgres://...` (any number of processes may share it), or a SQLite
    /// file (one process).
    #[arg(
        long,
        env = "IYASHI_LETTERS_DATABASE",
        default_value = "iyashi-letters.db"
    )]
    database: String,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:8470")]
    listen: String,
    /// Reports after which a letter is hidden until a moderator decides.
    #[arg(long, default_value_t = 3)]
    hide_after: i64,
    /// More words to refuse, one a line, added to the English and Japanese lists.
    #[arg(long)]
    words: Option<std::path::PathBuf>,
    /// Signed requests per key per minute.
    #[arg(long, default_value_t = Limits::default().signed_per_key)]
    signed_per_minute: u32,
    /// Heartbeats per key per minute.
    #[arg(long, default_value_t = Limits::default().heartbeats_per_key)]
    heartbeats_per_minute: u32,
    /// Signed requests and heartbeats per network (/24 or /48) per minute.
    #[arg(long, default_value_t = Limits::default().per_network)]
    network_per_minute: u32,
    /// Signed requests and heartbeats per address (IPv4, IPv6 /64) per minute.
    #[arg(long, default_value_t = Limits::default().per_address)]
    address_per_minute: u32,
    /// Unsigned reads (GET /v1/presence, /openapi.json) per address per minute.
    #[arg(long, default_value_t = Limits::default().reads_per_address)]
    reads_per_minute: u32,
    /// New keys per address per minute.
    #[arg(long, default_value_t = Limits::default().new_keys_per_address)]
    new_keys_per_minute: u32,
    /// Proof of work a new key pays: leading zero bits of each part.
    #[arg(long, default_value_t = WorkAsked::default().bits)]
    work_bits: u32,
    /// Proof of work a new key pays: how many parts.
    #[arg(long, default_value_t = WorkAsked::default().parts)]
    work_parts: u32,
    /// Seconds before a new key is settled (its reports count, it may be
    /// any reader of a letter, it counts fully as resting).
    #[arg(long, default_value_t = server::Config::default().settle_secs)]
    settle_secs: i64,
    /// Seconds settled readers have a new letter to themselves.
    #[arg(long, default_value_t = server::Config::default().first_dibs_secs)]
    first_dibs_secs: i64,
    /// Connections open at once (fewer if the open file limit is lower).
    #[arg(long, default_value_t = server::Config::default().connections.max_connections)]
    max_connections: usize,
    /// Seconds a client has to send a request's head, and again its body.
    #[arg(long, default_value_t = server::Config::default().connections.header_timeout.as_secs())]
    request_timeout_secs: u64,
    /// How often heartbeats are written and counted, in milliseconds.
    #[arg(long, default_value_t = 1000)]
    flush_ms: u64,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let threads = match &cli.command {
        Command::Serve(args) => args.threads,
        _ => Some(1),
    };
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = threads {
        runtime.worker_threads(n);
    }
    let runtime = runtime.enable_all().build().expect("a tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("iyashi-letters: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Openapi => {
            print!("{}", iyashi_letters::openapi::DOCUMENT);
            Ok(())
        }
        Command::Tokens { server, count } => {
            // The blocking client, off the async threads.
            tokio::task::spawn_blocking(move || {
                for _ in 0..count {
                    let identity = iyashi_letters::protocol::Identity::generate();
                    let client = iyashi_letters::client::Client::new(&server, identity)
                        .map_err(|e| e.to_string())?;
                    println!("{}", client.session().map_err(|e| e.to_string())?.token);
                }
                Ok::<(), String>(())
            })
            .await
            .map_err(|e| e.to_string())?
        }
        Command::Admin { database, action } => {
            let store = Store::open(&database).await.map_err(|e| e.to_string())?;
            for line in admin::run(&store, action, server::now()).await? {
                println!("{line}");
            }
            Ok(())
        }
        Command::Serve(args) => {
            let mut filter = WordFilter::standard();
            if let Some(path) = &args.words {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                filter.add_list(&text);
            }
            let config = server::Config {
                limits: Limits {
                    signed_per_key: args.signed_per_minute,
                    heartbeats_per_key: args.heartbeats_per_minute,
                    per_network: args.network_per_minute,
                    per_address: args.address_per_minute,
                    reads_per_address: args.reads_per_minute,
                    new_keys_per_address: args.new_keys_per_minute,
                },
                filter,
                hide_after: args.hide_after.max(1),
                flush_every: Duration::from_millis(args.flush_ms.max(10)),
                work: WorkAsked {
                    bits: args.work_bits.min(64),
                    parts: args.work_parts.clamp(1, 256),
                },
                settle_secs: args.settle_secs.max(0),
                first_dibs_secs: args.first_dibs_secs.max(0),
                connections: iyashi_serve::Limits {
                    header_timeout: Duration::from_secs(args.request_timeout_secs.max(1)),
                    body_timeout: Duration::from_secs(args.request_timeout_secs.max(1)),
                    max_connections: args.max_connections.max(1),
                },
            };
            let store = Store::open(&args.database)
                .await
                .map_err(|e| e.to_string())?;
            let state = server::state(store, config)
                .await
                .map_err(|e| e.to_string())?;
            let listener = tokio::net::TcpListener::bind(&args.listen)
                .await
                .map_err(|e| format!("{}: {e}", args.listen))?;
            let addr = listener.local_addr().map_err(|e| e.to_string())?;
            // Tests and scripts read this line to learn a port chosen by the system.
            println!("listening on http://{addr}");
            server::serve(listener, state)
                .await
                .map_err(|e| e.to_string())
        }
    }
}
