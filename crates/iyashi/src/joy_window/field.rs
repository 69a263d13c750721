//! The joy window's text field, without any window: the text, the caret
//! (a byte offset, always on a grapheme boundary), and what an input method
//! is composing there (the preedit), shown but not yet part of the text.

use unicode_segmentation::UnicodeSegmentation;

/// Text being written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    text: String,
    caret: usize,
    preedit: String,
}

impl Field {
    /// A field holding `text`, the caret after it.
    pub fn with(text: &str) -> Field {
        let mut field = Field::default();
        field.insert(text);
        field
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the caret is, in bytes of [`Field::text`].
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// What the input method is composing, at the caret.
    pub fn preedit(&self) -> &str {
        &self.preedit
    }

    /// Types `s` at the caret. Control characters other than a new line
    /// are dropped (a pasted tab becomes a space).
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .replace("\r\n", "\n")
            .chars()
            .map(|c| if c == '\t' || c == '\r' { ' ' } else { c })
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
    }

    /// The input method's composition now (empty when it ends).
    pub fn set_preedit(&mut self, composing: &str) {
        self.preedit = composing.to_string();
    }

    /// Removes the grapheme before the caret.
    pub fn backspace(&mut self) {
        if let Some(before) = self.previous_boundary() {
            self.text.replace_range(before..self.caret, "");
            self.caret = before;
        }
    }

    /// Removes the grapheme after the caret.
    pub fn delete(&mut self) {
        if let Some(after) = self.next_boundary() {
            self.text.replace_range(self.caret..after, "");
        }
    }

    pub fn left(&mut self) {
        if let Some(before) = self.previous_boundary() {
            self.caret = before;
        }
    }

    pub fn right(&mut self) {
        if let Some(after) = self.next_boundary() {
            self.caret = after;
        }
    }

    /// To the start of the caret's line (of text, between new lines).
    pub fn home(&mut self) {
        self.caret = self.text[..self.caret].rfind('\n').map_or(0, |n| n + 1);
    }

    /// To the end of the caret's line.
    pub fn end(&mut self) {
        self.caret += self.text[self.caret..]
            .find('\n')
            .unwrap_or(self.text.len() - self.caret);
    }

    fn previous_boundary(&self) -> Option<usize> {
        self.text[..self.caret]
            .grapheme_indices(true)
            .next_back()
            .map(|(at, _)| at)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.caret..]
            .graphemes(true)
            .next()
            .map(|g| self.caret + g.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_moving_keep_the_caret_between_graphemes() {
        let mut f = Field::with("温かいお茶");
        assert_eq!(f.caret(), f.text().len());
        f.left();
        f.left();
        f.insert("と");
        assert_eq!(f.text(), "温かいとお茶");
        f.home();
        f.delete();
        assert_eq!(f.text(), "かいとお茶");
        f.end();
        f.backspace();
        assert_eq!(f.text(), "かいとお");
        f.right();
        assert_eq!(f.caret(), f.text().len(), "the end stays the end");
    }

    #[test]
    fn backspace_takes_a_whole_grapheme() {
        // A family emoji and an e with a combining accent: one grapheme each.
        let mut f = Field::with("tea 👨‍👩‍👧e\u{301}");
        f.backspace();
        assert_eq!(f.text(), "tea 👨‍👩‍👧");
        f.backspace();
        assert_eq!(f.text(), "tea ");
        let mut empty = Field::default();
        empty.backspace();
        empty.delete();
        empty.left();
        assert_eq!((empty.text(), empty.caret()), ("", 0));
    }

    #[test]
    fn home_and_end_stay_on_the_caret_s_line() {
        let mut f = Field::with("first\nsecond");
        f.home();
        assert_eq!(f.caret(), "first\n".len());
        f.left();
        f.home();
        assert_eq!(f.caret(), 0);
        f.end();
        assert_eq!(f.caret(), "first".len());
    }

    #[test]
    fn control_characters_do_not_get_in() {
        let f = Field::with("a\tb\u{7}c\r\nd\u{1b}");
        assert_eq!(f.text(), "a bc\nd");
    }

    #[test]
    fn the_preedit_is_shown_apart_from_the_text() {
        let mut f = Field::with("お");
        f.set_preedit("ちゃ");
        assert_eq!((f.text(), f.preedit()), ("お", "ちゃ"));
        f.set_preedit("");
        f.insert("茶");
        assert_eq!((f.text(), f.preedit()), ("お茶", ""));
    }
}
