//! Fitting words into cells: truncating and wrapping by terminal width, for
//! English (break at spaces) and Japanese (break anywhere, as core's
//! `line_break` allows).

use iyashi_core::line_break::{may_begin_line, may_end_line};
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
    wrap_to(text, width, width)
}

/// `text` in lines of at most `width` cells, every line after the first
/// indented by `hang` cells, so wrapped words line up under the words (not
/// under a time or a key). A hang of more than half the width is dropped.
pub fn wrap_hanging(text: &str, width: u16, hang: usize) -> Vec<String> {
    let width = usize::from(width.max(2));
    let hang = if hang * 2 > width { 0 } else { hang };
    let mut lines = wrap_to(text, width, width - hang);
    for line in lines.iter_mut().skip(1) {
        if !line.is_empty() {
            line.insert_str(0, &" ".repeat(hang));
        }
    }
    lines
}

/// The first line at most `first` cells, the others at most `rest`.
fn wrap_to(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { rest };
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        // The last place the line may break: after a space.
        let mut space: Option<usize> = None;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            let width = limit(&lines);
            if used + w > width && c == ' ' {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                (used, space) = (0, None);
                continue;
            }
            if used + w > width {
                // A Latin word goes whole onto the next line; Japanese
                // (and a word that runs into it) breaks anywhere.
                let latin = |at: &usize| line[*at..].chars().all(|c| c.width() != Some(2));
                let mut rest = match (
                    space.filter(|at| w < 2 && latin(at)),
                    line.chars().next_back(),
                ) {
                    (Some(at), _) => line.split_off(at),
                    // Closing punctuation takes the character before it along.
                    (None, Some(last)) if !may_begin_line(c) && line.chars().count() > 1 => {
                        line.pop();
                        last.to_string()
                    }
                    _ => String::new(),
                };
                // An opening bracket goes along with what it opens.
                while line.chars().count() > 1
                    && line.chars().next_back().is_some_and(|l| !may_end_line(l))
                {
                    if let Some(opening) = line.pop() {
                        rest.insert(0, opening);
                    }
                }
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
        // A space far back does not pull the Japanese after it onto a new line.
        assert_eq!(
            wrap("j  小さな幸せを書き留める。", 16),
            ["j  小さな幸せを", "書き留める。"]
        );
        assert_eq!(wrap("m  気分〜5（晴れ）", 9), ["m  気分〜", "5（晴れ）"]);
        // Nor does a line end on an opening bracket: it goes with its words.
        assert_eq!(wrap("休憩はあと「水」", 12), ["休憩はあと", "「水」"]);
        assert_eq!(
            wrap("休憩はあと（水）だよ", 12),
            ["休憩はあと", "（水）だよ"]
        );
    }

    #[test]
    fn wrapped_words_hang_under_the_words() {
        assert_eq!(
            wrap_hanging("  09:10 ✿ a long day but the walk home was quiet", 30, 10),
            [
                "  09:10 ✿ a long day but the",
                "          walk home was quiet"
            ]
        );
        assert_eq!(wrap_hanging("j  keep", 4, 3), ["j", "keep"]);
    }

    #[test]
    fn fitting_counts_wide_characters_as_two() {
        assert_eq!(fit("あたたかいお茶", 7), "あたた…");
        assert_eq!(fit("tea", 7), "tea");
    }
}
