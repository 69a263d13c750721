//! Strangers' words, made safe to show.
//!
//! A letter is plain text, but plain text can still play tricks on a
//! screen: a bidi override (U+202E) makes the end of a line read
//! backwards, zero-width characters hide words inside words, and control
//! characters move a terminal's cursor or clear it. Every face that shows a
//! stranger's text shows [`for_display`] of it (and deals with control
//! characters its own way: a terminal shows them as pictures); the service
//! stores letters as [`for_storing`] makes them, so no face of any client
//! meets the tricks at all.

use unicode_security::confusable_detection::skeleton;

/// `text` without default-ignorable code points: the bidi controls
/// (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), zero-width spaces and
/// joiners, the soft hyphen, variation selectors and the like. Emoji joined
/// by a zero-width joiner show as their parts.
pub fn for_display(text: &str) -> String {
    text.chars().filter(|c| !is_default_ignorable(*c)).collect()
}

/// [`for_display`], and without control characters (a newline stays, a tab
/// becomes a space): a letter as the service keeps it.
pub fn for_storing(text: &str) -> String {
    for_display(text)
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Whether `c` is a default-ignorable code point. UTS #39 defines a
/// character's skeleton to drop exactly these, so a character whose
/// skeleton is empty is one; this keeps the table in one well-kept crate.
pub fn is_default_ignorable(c: char) -> bool {
    let mut buf = [0u8; 4];
    let empty = skeleton(c.encode_utf8(&mut buf)).next().is_none();
    empty
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricks_are_taken_out_and_words_left_alone() {
        assert_eq!(
            for_display("abc\u{202e}fed\u{202c} ok"),
            "abcfed ok",
            "a right-to-left override"
        );
        assert_eq!(for_display("hid\u{200b}den\u{feff}\u{ad}"), "hidden");
        assert_eq!(for_display("a\u{2067}b\u{2069}c\u{200f}"), "abc");
        assert_eq!(for_storing("bell\u{7}\u{1b}[2J\tx\r\ny"), "bell[2J x\ny");
        assert_eq!(
            for_display("bell\u{7}"),
            "bell\u{7}",
            "a face shows controls its way"
        );
        let kind = "おつかれさま。Tea is good — 🍵 café";
        assert_eq!(for_display(kind), kind);
    }
}
