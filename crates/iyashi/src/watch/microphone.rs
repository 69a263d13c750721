//! The microphone: is anything recording? PulseAudio, and PipeWire through
//! its PulseAudio side, list recording streams as "source outputs"; one on a
//! real source (not a `.monitor` of speakers) is a microphone in use.
//!
//! `pactl` is asked only when it matters (a break is about to be asked for,
//! or is waiting), so the daemon keeps no sound-server connection or library
//! of its own in memory.

use std::process::{Command, Stdio};

/// Asks the sound server through `pactl`.
pub struct Pactl;

impl Pactl {
    /// `Ok` when a sound server answers.
    pub fn connect() -> Result<Pactl, String> {
        run(&["info"]).map(|_| Pactl)
    }

    pub fn recording(&self) -> Result<bool, String> {
        let sources = run(&["list", "short", "sources"])?;
        let outputs = run(&["list", "short", "source-outputs"])?;
        Ok(records_from_a_microphone(&sources, &outputs))
    }
}

fn run(args: &[&str]) -> Result<String, String> {
    let out = Command::new("pactl")
        .args(args)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("pactl: {e}"))?;
    if !out.status.success() {
        return Err("no sound server answers".to_string());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// From `pactl list short sources` and `... source-outputs`: whether a
/// stream records from a source that is not a monitor of an output.
fn records_from_a_microphone(sources: &str, outputs: &str) -> bool {
    let monitors: Vec<&str> = sources
        .lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let index = cols.next()?;
            let name = cols.next()?;
            name.ends_with(".monitor").then_some(index)
        })
        .collect();
    outputs
        .lines()
        .filter_map(|l| l.split('\t').nth(1))
        .any(|source| !monitors.contains(&source))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = "0\talsa_output.pci.analog-stereo.monitor\tmodule-alsa-card.c\ts16le 2ch 44100Hz\tSUSPENDED\n\
                           1\talsa_input.pci.analog-stereo\tmodule-alsa-card.c\ts16le 2ch 44100Hz\tRUNNING\n";

    #[test]
    fn a_stream_from_a_microphone_counts_and_one_from_a_monitor_does_not() {
        assert!(!records_from_a_microphone(SOURCES, ""));
        // A screen recorder taking the speakers' sound: not a call.
        assert!(!records_from_a_microphone(
            SOURCES,
            "7\t0\t12\tprotocol-native.c\ts16le 2ch 44100Hz\n"
        ));
        assert!(records_from_a_microphone(
            SOURCES,
            "8\t1\t13\tprotocol-native.c\ts16le 1ch 48000Hz\n"
        ));
    }
}
