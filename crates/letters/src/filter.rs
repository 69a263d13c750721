//! The word filter: a letter or reply with a listed word is refused kindly
//! before it is stored.
//!
//! English entries match whole words, ignoring case, so "skill" never trips
//! on "kill". Entries with non-ASCII characters (Japanese) match anywhere,
//! because Japanese is written without spaces between words.
//!
//! Both the list and the letter are brought to one form before they are
//! compared ([`for_matching`]), so a word cannot slip past dressed as
//! another: fullwidth letters and halfwidth katakana (NFKC), zero-width
//! characters and soft hyphens (default-ignorable code points), and
//! look-alikes from other scripts, such as a Cyrillic "і" in "іdiot"
//! (the Unicode confusable skeleton of UTS #39).

use unicode_normalization::UnicodeNormalization;
use unicode_security::confusable_detection::skeleton;

/// The English list shipped with the service.
pub const ENGLISH: &str = include_str!("../words/en.txt");
/// The Japanese list shipped with the service.
pub const JAPANESE: &str = include_str!("../words/ja.txt");

/// A list of words a letter must not contain.
#[derive(Debug, Clone, Default)]
pub struct WordFilter {
    whole_words: Vec<Vec<String>>,
    substrings: Vec<String>,
}

impl WordFilter {
    /// The shipped English and Japanese lists.
    pub fn standard() -> WordFilter {
        let mut filter = WordFilter::default();
        filter.add_list(ENGLISH);
        filter.add_list(JAPANESE);
        filter
    }

    /// Adds a list in the shipped format: one entry a line, `#` comments.
    pub fn add_list(&mut self, text: &str) {
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.is_ascii() {
                self.whole_words.push(words(&for_matching(line)));
            } else {
                self.substrings.push(for_matching(line));
            }
        }
    }

    /// Whether `text` contains a listed word.
    pub fn blocks(&self, text: &str) -> bool {
        let text = for_matching(text);
        if self.substrings.iter().any(|s| text.contains(s.as_str())) {
            return true;
        }
        let text_words = words(&text);
        self.whole_words.iter().any(|phrase| {
            !phrase.is_empty()
                && text_words
                    .windows(phrase.len())
                    .any(|w| w == phrase.as_slice())
        })
    }
}

/// The one form a list entry and a letter are compared in: NFKC (fullwidth
/// and halfwidth forms become ordinary ones), lower case, then the
/// confusable skeleton (which also drops default-ignorable code points),
/// recomposed so a word keeps its accents inside it.
pub fn for_matching(text: &str) -> String {
    let folded: String = text.nfkc().collect::<String>().to_lowercase();
    skeleton(&folded).nfc().collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_are_caught_in_both_languages() {
        let filter = WordFilter::standard();
        assert!(filter.blocks("You are an IDIOT."));
        assert!(filter.blocks("just kill   yourself"));
        assert!(filter.blocks("お前なんか死ねばいい"));
        assert!(filter.blocks("本当にバカみたい"));
    }

    #[test]
    fn ordinary_and_painful_words_pass() {
        let filter = WordFilter::standard();
        assert!(!filter.blocks("My skills feel rusty and I am tired."));
        assert!(!filter.blocks("Some days I want to disappear for a while."));
        assert!(!filter.blocks("今日はとても疲れました。"));
    }

    #[test]
    fn disguised_words_are_caught_too() {
        let filter = WordFilter::standard();
        for disguised in [
            "you are an id\u{200b}iot",     // a zero-width space
            "you are an id\u{ad}iot",       // a soft hyphen
            "you are an \u{456}d\u{456}ot", // Cyrillic і
            "you are an \u{ff49}\u{ff44}\u{ff49}\u{ff4f}\u{ff54}", // fullwidth
            "ID\u{2060}IOT!",               // a word joiner, capitals
            "ﾊﾞｶみたい",                     // halfwidth katakana
            "死\u{200d}ね",                 // a zero-width joiner
        ] {
            assert!(filter.blocks(disguised), "{disguised:?}");
        }
        // And the forms themselves do not make ordinary words suspect.
        assert!(!filter.blocks("ｓｋｉｌｌｓ and ﾊﾟﾝ"));
        assert!(!filter.blocks("Tôi mệt quá, nhưng vẫn ổn."));
    }

    #[test]
    fn an_operator_can_add_words() {
        let mut filter = WordFilter::default();
        filter.add_list("# mine\nbroccoli\n");
        assert!(filter.blocks("no Broccoli please"));
        assert!(!filter.blocks("no carrots"));
    }
}
