//! Fitting words into cells: truncating and wrapping by terminal width, for
//! English (break at spaces) and Japanese (break anywhere, but never before
//! closing punctuation).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` cells, with "…" when something was left out.
pub fn fit(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` in lines of at most `width` cells.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(2));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        // The last place the line may break: after a space.
        let mut space: Option<usize> = None;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && c == ' ' {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                (used, space) = (0, None);
                continue;
            }
            if used + w > width {
                let rest = match (space, line.chars().next_back()) {
                    (Some(at), _) => line.split_off(at),
                    // Closing punctuation takes the character before it along.
                    (None, Some(last)) if is_closing(c) && line.chars().count() > 1 => {
                        line.pop();
                        last.to_string()
                    }
                    _ => String::new(),
                };
                lines.push(line.trim_end().to_string());
                line = rest;
                used = line.width();
                space = None;
            }
            line.push(c);
            used += w;
            if c == ' ' {
                space = Some(line.len());
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Punctuation a Japanese line should not begin with.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '、' | '。' | '」' | '』' | '）' | '！' | '？' | ',' | '.'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_between_words() {
        assert_eq!(
            wrap("Time to rest your eyes for a while", 12),
            ["Time to rest", "your eyes", "for a while"]
        );
        assert_eq!(
            wrap("when something small feels good", 20),
            ["when something small", "feels good"]
        );
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_a_full_stop() {
        let lines = wrap("ちょっと目を休めよう。遠くを眺めてね。", 20);
        assert_eq!(lines, ["ちょっと目を休めよ", "う。遠くを眺めてね。"]);
        assert!(lines.iter().all(|l| l.width() <= 20));
    }

    #[test]
    fn fitting_counts_wide_characters_as_two() {
        assert_eq!(fit("あたたかいお茶", 7), "あたた…");
        assert_eq!(fit("tea", 7), "tea");
    }
}
