//! What a command was called without: the words of a joy, the id of a
//! letter. Said as what to write and where, with an example in the
//! person's language, never as a placeholder such as `<TEXT>` that a
//! person would have to decode from the help page.

use crate::Lang;

/// The part of a command line a person left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// `iyashi joy` without its words.
    Joy,
    /// `iyashi note` without its words.
    Note,
    /// `iyashi mood` without the mood.
    Mood,
    /// `iyashi search` without the words to look for.
    Search,
    /// `iyashi letters write` without the letter.
    Letter,
    /// `iyashi letters reply` without anything after it.
    ReplyIdAndText,
    /// `iyashi letters reply ID` without the answer.
    ReplyText,
    /// `iyashi letters thank` without the answer's id.
    ThankId,
    /// `iyashi letters report` without the letter's or answer's id.
    ReportId,
    /// `iyashi quiet` without how long.
    QuietSpan,
    /// `iyashi import` without the file.
    ImportFile,
    /// `iyashi plot` without the span to draw.
    PlotSpan,
    /// `iyashi card` without the file to draw into.
    CardFile,
}

impl Wanted {
    /// Every part a command can be called without.
    pub const ALL: [Wanted; 13] = [
        Wanted::Joy,
        Wanted::Note,
        Wanted::Mood,
        Wanted::Search,
        Wanted::Letter,
        Wanted::ReplyIdAndText,
        Wanted::ReplyText,
        Wanted::ThankId,
        Wanted::ReportId,
        Wanted::QuietSpan,
        Wanted::ImportFile,
        Wanted::PlotSpan,
        Wanted::CardFile,
    ];

    /// What to write, and an example of the whole command.
    pub(super) fn sentence(self, lang: Lang) -> &'static str {
        use Wanted::*;
        match self {
            Joy => lang.pick(
                "Write the small joy after the command, for example: iyashi joy \"warm tea\"",
                "小さな幸せをコマンドのあとに書いてください。例: iyashi joy \"あたたかいお茶\"",
            ),
            Note => lang.pick(
                "Write the note after the command, for example: iyashi note \"a long meeting, then a walk\"",
                "メモをコマンドのあとに書いてください。例: iyashi note \"長い会議のあと、少し散歩\"",
            ),
            Mood => lang.pick(
                "Write how you feel as a number from 1 (heavy) to 5 (bright), for example: iyashi mood 3",
                "今の気分を1（どんより）から5（晴れやか）の数字で書いてください。例: iyashi mood 3",
            ),
            Search => lang.pick(
                "Write the words to look for after the command, for example: iyashi search tea",
                "探す言葉をコマンドのあとに書いてください。例: iyashi search お茶",
            ),
            Letter => lang.pick(
                "Write the letter after the command, for example: iyashi letters write \"A long week. I hope yours is gentler.\"",
                "お手紙をコマンドのあとに書いてください。例: iyashi letters write \"長い一週間でした。あなたの週がおだやかでありますように。\"",
            ),
            ReplyIdAndText => lang.pick(
                "Write the letter's id, as iyashi letters inbox shows it, and then your answer: iyashi letters reply ID \"You are not alone.\"",
                "iyashi letters inbox に出ているお手紙の ID と、返事を書いてください。例: iyashi letters reply ID \"ひとりじゃないですよ。\"",
            ),
            ReplyText => lang.pick(
                "Write your answer after the letter's id, for example: iyashi letters reply ID \"You are not alone.\"",
                "お手紙の ID のあとに返事を書いてください。例: iyashi letters reply ID \"ひとりじゃないですよ。\"",
            ),
            ThankId => lang.pick(
                "Write the id of the answer to thank, as iyashi letters inbox shows it: iyashi letters thank ID",
                "お礼を伝える返事の ID を、iyashi letters inbox に出ているとおりに書いてください。例: iyashi letters thank ID",
            ),
            ReportId => lang.pick(
                "Write the id of the letter or answer, as iyashi letters inbox shows it: iyashi letters report ID",
                "お手紙か返事の ID を、iyashi letters inbox に出ているとおりに書いてください。例: iyashi letters report ID",
            ),
            QuietSpan => lang.pick(
                "Write how long to keep quiet (30m, 1h, 2h, today, or off to end it), for example: iyashi quiet 1h",
                "静かにする長さを書いてください（30m・1h・2h・today、やめるなら off）。例: iyashi quiet 1h",
            ),
            ImportFile => lang.pick(
                "Write the file to bring in after the command, for example: iyashi import iyashi.jsonl",
                "読み込むファイルをコマンドのあとに書いてください。例: iyashi import iyashi.jsonl",
            ),
            PlotSpan => lang.pick(
                "Write which span to draw (week, month or year), for example: iyashi plot week",
                "描く期間を書いてください（week・month・year のどれか）。例: iyashi plot week",
            ),
            CardFile => lang.pick(
                "Write the .png file to draw the card into after -o, for example: iyashi card -o card.png",
                "カードを描く .png ファイルを -o のあとに書いてください。例: iyashi card -o card.png",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_says_what_to_write_with_a_whole_example_and_no_placeholder() {
        for wanted in Wanted::ALL {
            for lang in [Lang::En, Lang::Ja] {
                let said = wanted.sentence(lang);
                assert!(said.contains("iyashi "), "{wanted:?} {lang}: {said}");
                assert!(!said.contains('<'), "{wanted:?} {lang}: {said}");
                assert_eq!(said.lines().count(), 1);
            }
        }
    }
}
