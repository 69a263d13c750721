use iyashi_core::entry::EntryKind;
use iyashi_core::{Config, Lang};

use super::*;
use crate::home::Home;
use crate::web::security::Door;

fn state(dir: &std::path::Path) -> Arc<AppState> {
    let ctx = crate::context::Context::new(
        Home {
            dir: dir.to_path_buf(),
        },
        Config::default(),
        Some(Lang::En),
    )
    .unwrap();
    Arc::new(AppState {
        lang: Lang::En,
        door: Door {
            port: 0,
            token: String::new(),
        },
        journal: Journal::open(|| ctx.open_store()).unwrap(),
        base: ctx,
    })
}

#[test]
fn a_hundred_open_pages_cost_one_look_and_all_hear_of_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let state = state(dir.path());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut pages: Vec<_> = (0..100).map(|_| state.journal.listen()).collect();
    let mut watcher = Watcher::default();
    runtime.block_on(watcher.look(&state));
    assert_eq!(state.journal.looks.load(Ordering::Relaxed), 1);
    assert!(
        pages.iter_mut().all(|p| p.try_recv().is_err()),
        "nothing changed yet"
    );

    // Another program (the CLI, say) writes to the journal.
    let ctx = state.ctx(Lang::En);
    let entry = iyashi_app::journal::new_entry(&ctx, EntryKind::Joy, None, "tea", ctx.now).unwrap();
    ctx.open_store().unwrap().add_entry(&entry).unwrap();

    runtime.block_on(watcher.look(&state));
    assert_eq!(state.journal.looks.load(Ordering::Relaxed), 2);
    for page in &mut pages {
        assert!(page.try_recv().is_ok(), "every page hears of the change");
    }
}

#[test]
fn with_no_page_open_the_journal_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let state = state(dir.path());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut watcher = Watcher::default();
    for _ in 0..10 {
        runtime.block_on(watcher.look(&state));
    }
    assert_eq!(state.journal.looks.load(Ordering::Relaxed), 0);
}
