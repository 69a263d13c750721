//! iyashi-store
