//! What the desktop's small windows (the break screen, the joy window,
//! the desk) share: a card that fits the window, drawing on it, the window
//! that shows the pixels, and coming to the front when asked for again.

pub mod fit;
pub mod paint;
#[cfg(all(target_os = "linux", feature = "screen"))]
pub mod pane;
#[cfg(all(target_os = "linux", feature = "screen"))]
pub mod raise;
#[cfg(all(target_os = "linux", feature = "screen", feature = "x11"))]
pub mod x11_name;

/// Why a window could not be made, in words a person can use: winit's own
/// errors start with the source file they came from ("os error at
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

/// Why there is no desktop to open a window on, in the person's language:
/// the two cases a person meets most (no desktop named at all, a desktop
/// that does not answer) in the catalogue's words, any other in winit's
/// (English) words without the source path.
#[cfg(all(target_os = "linux", feature = "screen"))]
pub fn why_no_desktop(error: impl std::fmt::Display, lang: iyashi_core::Lang) -> String {
    use iyashi_core::catalogue::system::SystemReason;
    use iyashi_core::catalogue::Message;
    let why = why_no_window(error);
    if why.contains("neither WAYLAND_DISPLAY") {
        SystemReason::NoDisplay.render(lang)
    } else if why.contains("Failed to open connection to X server")
        || why.contains("Could not find wayland compositor")
    {
        SystemReason::DisplayRefused.render(lang)
    } else {
        why
    }
}

#[cfg(all(test, target_os = "linux", feature = "screen"))]
mod tests {
    use super::{why_no_desktop, why_no_window};
    use iyashi_core::Lang;

    #[test]
    fn a_window_s_failure_says_why_without_where_in_the_source() {
        assert_eq!(
            why_no_window(
                "os error at /root/.cargo/registry/src/winit-0.30.13/src/platform_impl/linux/mod.rs:42: \
                 xkbcommon-x11 could not be loaded"
            ),
            "xkbcommon-x11 could not be loaded"
        );
        assert_eq!(why_no_window("no monitor"), "no monitor");
    }

    #[test]
    fn no_desktop_and_a_desktop_gone_are_said_in_the_person_s_language() {
        let none = "os error at /root/.cargo/registry/src/winit-0.30.13/src/platform_impl/linux/mod.rs:788: \
                    neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set.";
        let gone = "os error at /root/.cargo/registry/src/winit-0.30.13/src/platform_impl/linux/mod.rs:788: \
                    Failed to open connection to X server";
        assert_eq!(
            why_no_desktop(none, Lang::Ja),
            "DISPLAY も WAYLAND_DISPLAY も設定されていません"
        );
        assert_eq!(
            why_no_desktop(gone, Lang::En),
            "the desktop named in DISPLAY or WAYLAND_DISPLAY did not answer"
        );
    }
}
