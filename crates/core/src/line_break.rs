//! Where a line of Japanese may break (kinsoku): Japanese breaks between any
//! two characters, except that closing marks stay with what they close and
//! opening marks with what they open. One rule for every face that wraps
//! words: the terminal room (by cells) and the share card (by pixels).
//!
//! ```
//! use iyashi_core::line_break::{may_begin_line, may_end_line};
//!
//! assert!(!may_begin_line('。') && !may_begin_line('」') && !may_begin_line('っ'));
//! assert!(!may_end_line('「') && !may_end_line('（'));
//! assert!(may_begin_line('雪') && may_end_line('雪'));
//! ```

/// Whether a line may begin with `c`: not with closing brackets and
/// punctuation, small kana, the long-vowel mark or an iteration mark.
pub fn may_begin_line(c: char) -> bool {
    !"、。，．・：；？！ー」』）】〉》〕”’)]},.!?:;…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々"
        .contains(c)
}

/// Whether a line may end with `c`: not with opening brackets and quotes.
pub fn may_end_line(c: char) -> bool {
    !"「『（【〈《〔“‘([{".contains(c)
}
