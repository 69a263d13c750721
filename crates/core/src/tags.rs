//! `#tags` inside entry text.
//!
//! A tag starts with `#` (or the full-width `＃` a Japanese input method
//! types) at the start of the text or after whitespace, and runs over letters,
//! digits, `_` and `-` in any script, so `#温泉` and `#morning-walk` are tags
//! while `C#` and `issue#3` are not.

use std::ops::Range;

/// The distinct tags in `text`, lowercased, in order of first appearance.
///
/// ```
/// assert_eq!(
///     iyashi_core::tags::extract("#温泉 trip with #Family, #family again; C# is not"),
///     vec!["温泉".to_string(), "family".to_string()],
/// );
/// ```
pub fn extract(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for span in spans(text) {
        let hash_len = text[span.clone()].chars().next().map_or(1, char::len_utf8);
        let tag = text[span.start + hash_len..span.end].to_lowercase();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Where each tag sits in `text`, `#` included, so a display can colour it.
pub fn spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let at_word_start = previous.is_none_or(char::is_whitespace);
        previous = Some(c);
        if !(at_word_start && (c == '#' || c == '＃')) {
            continue;
        }
        let body_start = start + c.len_utf8();
        let mut body_end = body_start;
        while let Some(&(i, next)) = chars.peek() {
            if !is_tag_char(next) {
                break;
            }
            body_end = i + next.len_utf8();
            previous = Some(next);
            chars.next();
        }
        let body = text[body_start..body_end].trim_end_matches(['-', '_']);
        if !body.is_empty() {
            spans.push(start..body_start + body.len());
        }
    }
    spans
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn tags_need_a_word_start_and_a_body() {
        assert_eq!(extract("# heading"), Vec::<String>::new());
        assert_eq!(extract("a#b"), Vec::<String>::new());
        assert_eq!(extract("＃お茶 と #tea-time-"), vec!["お茶", "tea-time"]);
        assert_eq!(extract("#a\n#b"), vec!["a", "b"]);
        assert_eq!(extract("#ok."), vec!["ok"]);
        assert_eq!(super::spans("tea #お茶-"), vec![4..11]);
    }
}
