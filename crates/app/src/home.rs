//! Where iyashi keeps its files, and the config file in it.

use std::fs;
use std::path::{Path, PathBuf};

use iyashi_core::catalogue::config::ConfigText;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::Problem;
use iyashi_core::config::{Config, DEFAULT_CONFIG_TOML};

use crate::failure::Failure;
pub use crate::whole_file::{write_atomically, AtomicFile};

/// The one directory holding `iyashi.db` and `config.toml`.
#[derive(Clone, Debug)]
pub struct Home {
    /// The folder.
    pub dir: PathBuf,
}

impl Home {
    /// `IYASHI_HOME` if set, else the platform's data directory
    /// (`~/.local/share/iyashi` on Linux).
    pub fn locate() -> Result<Home, Failure> {
        if let Some(dir) = std::env::var_os("IYASHI_HOME").filter(|d| !d.is_empty()) {
            return Ok(Home { dir: dir.into() });
        }
        directories::ProjectDirs::from("", "", "iyashi")
            .map(|p| Home {
                dir: p.data_dir().to_path_buf(),
            })
            .ok_or_else(|| Failure::failed(Problem::NoHome))
    }

    /// The journal, `iyashi.db`.
    pub fn database(&self) -> PathBuf {
        self.dir.join("iyashi.db")
    }

    /// `config.toml`.
    pub fn config_file(&self) -> PathBuf {
        self.dir.join("config.toml")
    }

    /// The web room's per-install secret.
    pub fn web_token(&self) -> PathBuf {
        self.dir.join("web.token")
    }

    /// Words left in the joy window when it was closed, offered back the
    /// next time it opens.
    pub fn joy_draft(&self) -> PathBuf {
        self.dir.join("joy-draft.txt")
    }

    /// Where Goro's desk window was last put (`iyashi desk`).
    pub fn desk_place(&self) -> PathBuf {
        self.dir.join("desk-place.txt")
    }

    /// The lock that keeps one desk window per home.
    pub fn desk_lock(&self) -> PathBuf {
        self.dir.join("desk.lock")
    }

    /// The lock that keeps one `watch` per home.
    pub fn watch_lock(&self) -> PathBuf {
        self.dir.join("watch.lock")
    }

    /// The daemon's door (see [`crate::daemon`]).
    pub fn watch_socket(&self) -> PathBuf {
        self.dir.join("watch.sock")
    }

    /// Writes the commented default config if there is none yet. A failure
    /// here is not worth stopping for: every setting has a default.
    pub fn ensure_config(&self) {
        let path = self.config_file();
        if !path.exists() {
            let _ = write_atomically(&path, DEFAULT_CONFIG_TOML.as_bytes());
        }
    }

    /// The config in effect: the file's, or the defaults when there is no file.
    pub fn load_config(&self) -> Result<Config, Failure> {
        let path = self.config_file();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(Failure::failed(Problem::CannotRead {
                    path: path.display().to_string(),
                    reason: SystemReason::of_io(&e),
                }))
            }
        };
        let config = Config::from_toml(&text).map_err(|e| config_failure(&path, e))?;
        if let Some(name) = &config.timezone {
            if crate::zone::named(name.get_ref()).is_none() {
                return Err(config_failure(&path, config.timezone_error(&text)));
            }
        }
        Ok(config)
    }
}

fn config_failure(path: &Path, e: iyashi_core::config::ConfigError) -> Failure {
    Failure::bad_input(Problem::Config(Box::new(ConfigText::Mistake {
        path: path.display().to_string(),
        line: e.line,
        key: e.key,
        problem: e.problem,
    })))
}

/// Refuses a file to be written into a folder that does not exist: a
/// mistyped `-o` path is told, not quietly made into folders.
pub fn folder_must_exist(path: &Path) -> Result<(), Failure> {
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if folder.is_dir() {
        return Ok(());
    }
    Err(Failure::bad_input(Problem::NoSuchFolder {
        folder: folder.display().to_string(),
    }))
}
