//! The web page's labels by the keys its script and HTML look them up by
//! (`label("keep")`, `data-label="keep"`); the words are core's [`WebLabel`]s.

use iyashi_core::catalogue::web::WebLabel;
use iyashi_core::Lang;

const BY_KEY: &[(&str, WebLabel)] = &[
    ("title", WebLabel::Title),
    ("shelf", WebLabel::Shelf),
    ("shelf_empty", WebLabel::ShelfEmpty),
    ("add_joy", WebLabel::AddJoy),
    ("add_mood", WebLabel::AddMood),
    ("add_note", WebLabel::AddNote),
    ("add_mood_words", WebLabel::AddMoodWords),
    ("add_mood_hint", WebLabel::AddMoodHint),
    ("choose_mood", WebLabel::MoodChoose),
    ("joy_placeholder", WebLabel::JoyPlaceholder),
    ("note_placeholder", WebLabel::NotePlaceholder),
    ("keep", WebLabel::Keep),
    ("work", WebLabel::Work),
    ("work_start", WebLabel::WorkStart),
    ("work_stop", WebLabel::WorkStop),
    ("break_start", WebLabel::BreakStart),
    ("break_end", WebLabel::BreakEnd),
    ("quiet_hour", WebLabel::QuietHour),
    ("quiet_today", WebLabel::QuietToday),
    ("quiet_off", WebLabel::QuietOff),
    ("notify_allow", WebLabel::NotifyAllow),
    ("season", WebLabel::Season),
    ("episode", WebLabel::Episode),
    ("episode_close", WebLabel::EpisodeClose),
    ("chart_mood", WebLabel::ChartMood),
    ("chart_work", WebLabel::ChartWork),
    ("lang_switch", WebLabel::LangSwitch),
    ("offline", WebLabel::Offline),
    ("letters", WebLabel::Letters),
    ("letter_write", WebLabel::LetterWrite),
    ("letter_placeholder", WebLabel::LetterPlaceholder),
    ("letter_send", WebLabel::LetterSend),
    ("letter_reply", WebLabel::LetterReply),
    ("letter_reply_send", WebLabel::LetterReplySend),
    ("letter_thank", WebLabel::LetterThank),
    ("letter_report", WebLabel::LetterReport),
    ("letter_answered", WebLabel::LetterAnswered),
    ("letter_thanked", WebLabel::LetterThanked),
    ("letters_look", WebLabel::LettersLook),
];

/// The label the page knows as `key`, in `lang`, if there is one.
#[cfg(test)]
pub fn label(lang: Lang, key: &str) -> Option<&'static str> {
    BY_KEY
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| l.text(lang))
}

/// Every label in `lang`, as `(key, text)`.
pub fn labels(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    BY_KEY.iter().map(move |(k, l)| (*k, l.text(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_one_key_and_both_languages() {
        let mut keys: Vec<&str> = BY_KEY.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), BY_KEY.len(), "a key is used twice");
        for l in WebLabel::ALL {
            assert_eq!(BY_KEY.iter().filter(|(_, x)| *x == l).count(), 1, "{l:?}");
            assert!(!l.text(Lang::En).is_empty() && !l.text(Lang::Ja).is_empty());
        }
        assert_eq!(label(Lang::Ja, "keep"), Some("残す"));
        assert_eq!(label(Lang::En, "nope"), None);
    }
}
