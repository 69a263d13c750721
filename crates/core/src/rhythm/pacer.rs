//! The breathing pacer: a shape that grows with each count of the in-breath
//! and shrinks with each count of the out-breath.

use serde::Serialize;

use super::activity::Breath;

/// The largest the shape gets.
pub const PACER_MAX: u8 = 8;

/// Which part of the breath it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreathPhase {
    /// Breathing in.
    In,
    /// Holding, full.
    HoldIn,
    /// Breathing out.
    Out,
    /// Holding, empty.
    HoldOut,
}

/// The pacer at one second of the break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Pacer {
    /// The part of the breath.
    pub phase: BreathPhase,
    /// The count within the phase, from 1.
    pub count: u8,
    /// How many counts the phase has.
    pub of: u8,
    /// The shape's size, 1 to [`PACER_MAX`].
    pub size: u8,
}

impl Breath {
    /// Seconds in one whole breath.
    pub fn cycle(self) -> u64 {
        u64::from(self.inhale)
            + u64::from(self.hold_in)
            + u64::from(self.exhale)
            + u64::from(self.hold_out)
    }

    /// Where the pacer is `elapsed` whole seconds into the break.
    ///
    /// ```
    /// use iyashi_core::rhythm::{Breath, BreathPhase, PACER_MAX};
    ///
    /// let box_breath = Breath { inhale: 4, hold_in: 4, exhale: 4, hold_out: 4 };
    /// let p = box_breath.pacer(3);
    /// assert_eq!((p.phase, p.count, p.size), (BreathPhase::In, 4, PACER_MAX));
    /// assert_eq!(box_breath.pacer(8).phase, BreathPhase::Out);
    /// ```
    pub fn pacer(self, elapsed: u64) -> Pacer {
        let mut t = elapsed % self.cycle().max(1);
        let phases = [
            (BreathPhase::In, self.inhale),
            (BreathPhase::HoldIn, self.hold_in),
            (BreathPhase::Out, self.exhale),
            (BreathPhase::HoldOut, self.hold_out),
        ];
        for (phase, len) in phases {
            let len64 = u64::from(len);
            if t < len64 {
                let count = t as u8 + 1;
                let step =
                    |c: u8| (u16::from(c) * u16::from(PACER_MAX)).div_ceil(u16::from(len)) as u8;
                let size = match phase {
                    BreathPhase::In => step(count),
                    BreathPhase::HoldIn => PACER_MAX,
                    BreathPhase::Out => step(len - count).max(1),
                    BreathPhase::HoldOut => 1,
                };
                return Pacer {
                    phase,
                    count,
                    of: len,
                    size: size.clamp(1, PACER_MAX),
                };
            }
            t -= len64;
        }
        Pacer {
            phase: BreathPhase::In,
            count: 1,
            of: 1,
            size: 1,
        }
    }
}

impl Pacer {
    /// The shape as text: wider for a fuller breath, centred in a fixed width
    /// so it grows and shrinks in place.
    pub fn shape(self) -> String {
        let pad = " ".repeat(usize::from(PACER_MAX - self.size));
        format!("{pad}({})", "○".repeat(usize::from(self.size) * 2 - 1))
            + &" ".repeat(usize::from(PACER_MAX - self.size))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_grows_on_the_in_breath_and_shrinks_on_the_out_breath() {
        let b = Breath::CALM;
        let sizes: Vec<u8> = (0..b.cycle()).map(|s| b.pacer(s).size).collect();
        assert_eq!(sizes, [2, 4, 6, 8, 7, 6, 4, 3, 2, 1]);
        let widths: Vec<usize> = (0..b.cycle())
            .map(|s| b.pacer(s).shape().chars().count())
            .collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}");
        // And it starts again.
        assert_eq!(b.pacer(b.cycle()), b.pacer(0));
    }

    #[test]
    fn four_seven_eight_counts_each_phase() {
        let b = Breath {
            inhale: 4,
            hold_in: 7,
            exhale: 8,
            hold_out: 0,
        };
        let p = b.pacer(10);
        assert_eq!((p.phase, p.count, p.of), (BreathPhase::HoldIn, 7, 7));
        let p = b.pacer(18);
        assert_eq!(
            (p.phase, p.count, p.of, p.size),
            (BreathPhase::Out, 8, 8, 1)
        );
    }
}
