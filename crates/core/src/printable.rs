//! Stored text on its way to a terminal.
//!
//! A terminal obeys control characters rather than showing them: an ESC in a
//! joy brought in by an import, a pipe or the web room could recolour the
//! screen, move the cursor, retitle the window or hide the lines around it.
//! Every place that prints text iyashi did not write itself (entries,
//! strangers' letters, lines quoted from a file) passes it through
//! [`for_terminal`] first, so what was stored is shown, never obeyed.
//!
//! Files and JSON are another matter: an export keeps every character, so an
//! import gives back exactly what was written.

use std::borrow::Cow;

/// `text` with every control character made visible and harmless; line
/// breaks are kept for the caller to lay out.
///
/// C0 controls and DEL become their pictures from Unicode's Control
/// Pictures block (ESC shows as `␛`, NUL as `␀`), so a person can see that
/// something odd is there; a tab becomes a space; C1 controls (which some
/// terminals also obey) become `�`.
///
/// ```
/// use iyashi_core::printable::for_terminal;
/// assert_eq!(for_terminal("tea\u{1b}[2J\0"), "tea␛[2J␀");
/// assert_eq!(for_terminal("two\nlines"), "two\nlines");
/// ```
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    shown(text, false)
}

/// [`for_terminal`] for text that must stay on one line (a message, a title):
/// a line break shows as `␤`.
///
/// ```
/// use iyashi_core::printable::for_terminal_line;
/// assert_eq!(for_terminal_line("a\nb\u{7}"), "a␤b␇");
/// ```
pub fn for_terminal_line(text: &str) -> Cow<'_, str> {
    shown(text, true)
}

fn shown(text: &str, one_line: bool) -> Cow<'_, str> {
    let harmful = |c: char| c.is_control() && (one_line || c != '\n');
    if !text.contains(harmful) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' if one_line => '␤',
                '\n' => '\n',
                '\t' => ' ',
                '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
                '\u{7f}' => '␡',
                c if c.is_control() => '�',
                c => c,
            })
            .collect(),
    )
}

/// JSON with DEL and the C1 controls written as `\u` escapes. serde_json
/// escapes only the C0 controls; the rest would reach a terminal raw when a
/// script's output is read there. The escapes mean the same characters, so
/// nothing is lost.
///
/// ```
/// use iyashi_core::printable::json_without_controls;
/// let json = serde_json::to_string("a\u{9b}2J").unwrap();
/// assert_eq!(json_without_controls(json), r#""a\u009b2J""#);
/// ```
pub fn json_without_controls(json: String) -> String {
    // Only inside strings: the line breaks of pretty JSON stay as they are,
    // and serde_json has escaped every C0 control within a string already.
    let unescaped = |c: char| ('\u{7f}'..='\u{9f}').contains(&c);
    if !json.contains(unescaped) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if unescaped(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_is_shown_not_obeyed() {
        for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            for shown in [for_terminal(&text), for_terminal_line(&text)] {
                if c == '\n' && shown.as_ref() == "a\nb" {
                    continue;
                }
                assert!(
                    !shown.contains(|s: char| s.is_control()),
                    "{c:?} reached the terminal: {shown:?}"
                );
            }
        }
    }

    #[test]
    fn ordinary_text_is_left_as_it_is() {
        let text = "温泉に行った #温泉 · naïve café 🍵";
        assert!(matches!(for_terminal(text), Cow::Borrowed(_)));
        assert_eq!(for_terminal(text), text);
    }

    #[test]
    fn json_keeps_its_meaning() {
        let text = "x\u{7f}\u{85}\u{1b}y\"";
        let json = json_without_controls(serde_json::to_string(text).unwrap());
        assert!(!json.contains(|c: char| c.is_control()), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        let pretty = json_without_controls(serde_json::to_string_pretty(&[text]).unwrap());
        assert_eq!(
            serde_json::from_str::<Vec<String>>(&pretty).unwrap(),
            [text]
        );
    }
}
