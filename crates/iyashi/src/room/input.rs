//! The one-line input box: full Unicode editing, measured in terminal cells.
//!
//! Japanese text arrives from an input method as whole characters (or a
//! paste), so editing is by character; wide characters (kanji, kana, most
//! emoji) take two cells, measured with `unicode-width`, so the cursor lands
//! where the terminal draws it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text being typed, and where the cursor is (a byte offset on a character
/// boundary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputBox {
    text: String,
    cursor: usize,
}

impl InputBox {
    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Types `s` at the cursor. Line breaks and tabs (from a paste) become
    /// spaces; other control characters are dropped.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Removes the character before the cursor.
    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Removes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Removes the word before the cursor (and the spaces after it).
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Removes everything before the cursor.
    pub fn delete_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// What fits in `width` cells, scrolled so the cursor shows, and the
    /// cursor's column within it.
    pub fn view(&self, width: u16) -> (String, u16) {
        let width = usize::from(width.max(2));
        let before = &self.text[..self.cursor];
        // Keep the cursor's cell inside the box: drop characters from the
        // left until what precedes it leaves a cell for the cursor.
        let mut start = 0;
        while before[start..].width() >= width {
            start += before[start..].chars().next().map_or(1, char::len_utf8);
        }
        let mut shown = String::new();
        let mut used = 0;
        for c in self.text[start..].chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            shown.push(c);
        }
        (shown, before[start..].width() as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> InputBox {
        let mut b = InputBox::default();
        b.insert(s);
        b
    }

    #[test]
    fn japanese_is_edited_by_character_and_measured_in_cells() {
        let mut b = typed("温かいお茶");
        assert_eq!(b.view(20), ("温かいお茶".to_string(), 10));
        b.backspace();
        b.left();
        b.insert("い");
        assert_eq!(b.text(), "温かいいお");
        assert_eq!(b.view(20).1, 8);
        b.home();
        b.delete();
        assert_eq!(b.text(), "かいいお");
    }

    #[test]
    fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
        let b = typed("桜がきれいに咲いていた");
        let (shown, col) = b.view(10);
        assert!(shown.width() <= 10);
        assert!(shown.ends_with("いた"), "{shown}");
        assert_eq!(col, shown.width() as u16);
        assert!(col < 10);
    }

    #[test]
    fn pasted_lines_become_one_line() {
        let b = typed("a walk\nin the\train\u{7}");
        assert_eq!(b.text(), "a walk in the rain");
    }

    #[test]
    fn words_and_beginnings_can_be_deleted() {
        let mut b = typed("warm tea  by");
        b.delete_word();
        assert_eq!(b.text(), "warm tea  ");
        b.delete_word();
        assert_eq!(b.text(), "warm ");
        b.insert("milk");
        b.left();
        b.delete_to_start();
        assert_eq!(b.text(), "k");
    }

    #[test]
    fn emoji_and_combining_marks_do_not_break_the_cursor() {
        let mut b = typed("🍵e\u{301}");
        b.left();
        b.left();
        b.left();
        b.right();
        assert_eq!(b.view(10).1, 2);
        b.backspace();
        assert_eq!(b.text(), "e\u{301}");
    }
}
