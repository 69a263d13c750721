//! The word filter: a letter or reply with a listed word is refused kindly
//! before it is stored.
//!
//! English entries match whole words, ignoring case, so "skill" never trips
//! on "kill". Entries with non-ASCII characters (Japanese) match anywhere,
//! because Japanese is written without spaces between words.

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
                self.whole_words.push(words(line));
            } else {
                self.substrings.push(line.to_lowercase());
            }
        }
    }

    /// Whether `text` contains a listed word.
    pub fn blocks(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        if self.substrings.iter().any(|s| lower.contains(s.as_str())) {
            return true;
        }
        let text_words = words(&lower);
        self.whole_words.iter().any(|phrase| {
            !phrase.is_empty()
                && text_words
                    .windows(phrase.len())
                    .any(|w| w == phrase.as_slice())
        })
    }
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
    fn an_operator_can_add_words() {
        let mut filter = WordFilter::default();
        filter.add_list("# mine\nbroccoli\n");
        assert!(filter.blocks("no Broccoli please"));
        assert!(!filter.blocks("no carrots"));
    }
}
