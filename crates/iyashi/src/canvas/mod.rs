//! What the desktop's small windows (the break screen, the joy window)
//! share: a card that fits the window, drawing on it, and the window that
//! shows the pixels.

pub mod fit;
pub mod paint;
#[cfg(all(target_os = "linux", feature = "screen"))]
pub mod pane;
