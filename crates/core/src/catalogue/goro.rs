//! Goro told in words, for anyone who cannot see the drawing (the web
//! room's text alternative, read by a screen reader). Goro never speaks:
//! these are a narrator's words about him, one sentence per movement.

use super::Message;
use crate::companion::Doing;
use crate::Lang;

impl Message for Doing {
    fn render(&self, lang: Lang) -> String {
        let (en, ja) = match self {
            Doing::Lounging => (
                "Goro is lounging on his cushion, right beside you.",
                "ゴロはすぐそばで、座布団の上でごろごろしています。",
            ),
            Doing::RollingOver => (
                "Goro has rolled onto his back, paws in the air.",
                "ゴロはごろんと仰向けになって、足をぱたぱたさせています。",
            ),
            Doing::Hugging => (
                "Goro is hugging his pillow tight.",
                "ゴロは枕をぎゅっと抱きしめています。",
            ),
            Doing::Stretching => (
                "Goro is stretching his arms up high.",
                "ゴロは両腕を上にぐーっとのばしています。",
            ),
            Doing::Yawning => (
                "Goro is yawning a big, slow yawn.",
                "ゴロは大きなあくびをしています。",
            ),
            Doing::PointingToBed => (
                "Goro is pointing towards bed.",
                "ゴロはお布団のほうを指さしています。",
            ),
            Doing::ShufflingCloser => (
                "Goro is shuffling a little closer to you.",
                "ゴロは少しずつ、あなたのそばに寄ってきています。",
            ),
            Doing::RollingShoulders => (
                "Goro is rolling his shoulders up, back and down.",
                "ゴロは肩を上げて、うしろに回して、すとんと下ろしています。",
            ),
            Doing::BreathingSlowly => (
                "Goro is breathing in slowly, and out even more slowly.",
                "ゴロはゆっくり息を吸って、もっとゆっくり吐いています。",
            ),
        };
        lang.pick(en, ja).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_movement_has_its_own_sentence_in_both_languages() {
        for lang in [Lang::En, Lang::Ja] {
            let mut said: Vec<String> = Doing::ALL.iter().map(|d| d.render(lang)).collect();
            assert!(said.iter().all(|s| s.contains(lang.pick("Goro", "ゴロ"))));
            said.sort();
            said.dedup();
            assert_eq!(said.len(), Doing::ALL.len(), "{lang:?}");
        }
    }
}
