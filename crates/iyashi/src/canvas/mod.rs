//! What the desktop's small windows (the break screen, the joy window)
//! share: a card that fits the window, drawing on it, and the window that
//! shows the pixels.

pub mod fit;
pub mod paint;
#[cfg(all(target_os = "linux", feature = "screen"))]
pub mod pane;

/// Why a window could not be made, in the words a person can use: winit's
/// own errors start with the source file they came from ("os error at
/// /root/.cargo/registry/…/mod.rs:788: Failed to open connection to X
/// server"), which means nothing to the person reading it.
#[cfg(all(target_os = "linux", feature = "screen"))]
pub fn why_no_window(error: impl std::fmt::Display) -> String {
    let said = error.to_string();
    match said.strip_prefix("os error at ") {
        Some(rest) => rest
            .split_once(": ")
            .map_or(rest, |(_, why)| why)
            .to_string(),
        None => said,
    }
}

#[cfg(all(test, target_os = "linux", feature = "screen"))]
mod tests {
    use super::why_no_window;

    #[test]
    fn a_window_s_failure_says_why_without_where_in_the_source() {
        assert_eq!(
            why_no_window(
                "os error at /root/.cargo/registry/src/winit-0.30.13/src/platform_impl/linux/mod.rs:788: \
                 Failed to open connection to X server"
            ),
            "Failed to open connection to X server"
        );
        assert_eq!(why_no_window("no monitor"), "no monitor");
    }
}
