//! What `iyashi letters` says: resting together and kind letters between
//! strangers. The service's own sentences are for programs; a person reads
//! these, in their language.

use super::Message;
use crate::Lang;

mod outgoing;

pub use outgoing::Outgoing;

/// A sentence about letters or resting together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LettersSays {
    /// Letters are opt-in and not turned on.
    Off,
    /// Letters are off, said on a page (the web room): no command to type.
    OffOnPage,
    /// Turned on, but no server address is set.
    NoServer,
    /// The service could not be reached; nothing is lost.
    Offline,
    /// The service could not be reached, said above what was kept for
    /// later: there is nothing to try again.
    OfflineKept,
    /// A letter that could not be sent now is kept to send later.
    KeptForLater,
    /// An answer to a stranger's letter that could not be sent now is kept
    /// to send later.
    AnswerKeptForLater,
    /// A thank-you that could not be passed on now is kept to send later.
    ThanksKeptForLater,
    /// A report that could not be sent now is kept to send later.
    ReportKeptForLater,
    /// What was kept while offline has now been sent.
    SentLater(Outgoing),
    /// The letter is on its way.
    Sent,
    /// The letter is on its way, said on the page where answers appear.
    SentOnPage,
    /// What waits to be sent, on a page that shows the outbox.
    WaitingToGo(Outgoing),
    /// How many people are resting right now, the person included.
    Resting(u64),
    /// The inbox is empty.
    NothingYet,
    /// In place of the inbox while the service is away and no letters were
    /// read before.
    ComeWhenBack,
    /// Above the letters last read, shown while the service is away: the
    /// local time they were read.
    InboxAsOf(jiff::civil::DateTime),
    /// The heading above strangers' letters.
    LettersHeading,
    /// The heading above answers to the person's letters.
    RepliesHeading,
    /// How to answer a letter, under the letters.
    HowToReply,
    /// How to thank an answer, under the answers.
    HowToThank,
    /// "You wrote:" before the person's own letter.
    YouWrote,
    /// Marks an answered letter or a thanked reply.
    Done,
    /// The answer is on its way.
    Replied,
    /// The thanks reached the stranger.
    Thanked,
    /// How many of the person's kind answers their letters' writers thanked
    /// (at least one: none is not said at all, never as a sad "0"), and,
    /// when the service could not be asked just now, when it was last.
    AnswersThanked {
        /// How many answers were thanked.
        times: u64,
        /// The local time the figure is from, when it is not fresh.
        as_of: Option<jiff::civil::DateTime>,
    },
    /// Under a stranger's letter: the person's answer to it was thanked.
    AnswerThanked,
    /// The report was received.
    Reported,
    /// No letter or answer with that id is here for this person.
    NotFound,
    /// Already answered, thanked or reported.
    AlreadyDone,
    /// Nothing was written.
    Empty,
    /// The text is over the limit (in characters).
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// The word filter caught something.
    Unkind,
    /// Rate limited.
    Slowly,
    /// The key was blocked by a moderator.
    Blocked,
    /// The identity file could not be read or written.
    KeyUnusable(String),
    /// The computer's clock is too far from the service's.
    ClockOff,
    /// The service did not accept the request's signature or proof.
    NotAccepted,
    /// The service could not read the request (an older iyashi, perhaps).
    NotUnderstood,
    /// The server address is not an `http://` one.
    OnlyHttp,
    /// An outbox or other file of the person's could not be written.
    CannotKeep(String),
    /// A sentence already in the person's language (from the journal's
    /// catalogue), passed through.
    Other(String),
}

impl Message for LettersSays {
    fn render(&self, lang: Lang) -> String {
        use LettersSays::*;
        match self {
            Off => lang
                .pick(
                    "Letters are off. They are opt-in: to join, set enabled = true and a server under [letters] in config.toml (iyashi config path shows where it is).",
                    "お手紙はオフです。参加するときだけ使うものです。config.toml の [letters] で enabled = true とサーバーを設定してください（場所は iyashi config path で分かります）。",
                )
                .into(),
            OffOnPage => lang
                .pick(
                    "Kind letters are off. They are opt-in: to join, set enabled = true and the address of a letters service under [letters] in the settings file, config.toml.",
                    "お手紙はオフです。参加するときだけ使うものです。参加するには、設定ファイル config.toml の [letters] で enabled = true とお手紙サービスのアドレスを設定してください。",
                )
                .into(),
            NoServer => lang
                .pick(
                    "Letters are on, but no server is set: add server = \"http://…\" under [letters] in config.toml.",
                    "お手紙はオンですが、サーバーが設定されていません。config.toml の [letters] に server = \"http://…\" を書いてください。",
                )
                .into(),
            Offline => lang
                .pick(
                    "The letters service cannot be reached just now. That is all right: everything else works as usual, and you can try again later.",
                    "いまはお手紙のサービスにつながりません。だいじょうぶ、ほかのことはいつも通り使えます。また後で試してみてください。",
                )
                .into(),
            OfflineKept => lang
                .pick(
                    "The letters service cannot be reached just now. That is all right: nothing is lost.",
                    "いまはお手紙のサービスにつながりません。だいじょうぶ、なくなるものはありません。",
                )
                .into(),
            KeptForLater => lang
                .pick(
                    "Your letter is kept here and will be sent the next time the service can be reached.",
                    "お手紙はここに預かりました。次にサービスにつながったときに送ります。",
                )
                .into(),
            AnswerKeptForLater => lang
                .pick(
                    "Your kind answer is kept here and will be sent the next time the service can be reached.",
                    "やさしいお返事はここに預かりました。次にサービスにつながったときに送ります。",
                )
                .into(),
            ThanksKeptForLater => lang
                .pick(
                    "Your thanks is kept here and will be passed on the next time the service can be reached.",
                    "お礼はここに預かりました。次にサービスにつながったときに伝えます。",
                )
                .into(),
            ReportKeptForLater => lang
                .pick(
                    "Thank you for telling us. It is kept here and will reach a moderator the next time the service can be reached.",
                    "知らせてくれてありがとう。ここに預かりました。次にサービスにつながったときに見守り役へ届けます。",
                )
                .into(),
            SentLater(sent) => sent.sent(lang),
            Sent => lang
                .pick(
                    "Your letter is on its way to a few strangers. Kind answers will appear in iyashi letters inbox.",
                    "お手紙を何人かの誰かに届けます。やさしいお返事は iyashi letters inbox に届きます。",
                )
                .into(),
            SentOnPage => lang
                .pick(
                    "Your letter is on its way to a few strangers. Kind answers will appear here.",
                    "お手紙を何人かの誰かに届けます。やさしいお返事はここに届きます。",
                )
                .into(),
            WaitingToGo(waiting) => waiting.waiting(lang),
            Resting(n) => match lang {
                Lang::En if *n <= 1 => "You are resting. Others will join you soon.".into(),
                Lang::En => format!("{n} of you are resting right now."),
                Lang::Ja if *n <= 1 => "いま休んでいます。そのうち誰かもやってきます。".into(),
                Lang::Ja => format!("あなたをふくめて{n}人が休んでいます。"),
            },
            NothingYet => lang
                .pick("No letters yet. They come slowly, like the seasons.", "まだお手紙はありません。季節のように、ゆっくり届きます。")
                .into(),
            ComeWhenBack => lang
                .pick(
                    "Your letters will come here when the service answers.",
                    "お手紙は、サービスにつながったらここに届きます。",
                )
                .into(),
            InboxAsOf(at) => match lang {
                Lang::En => format!("Here are your letters as they were on {}.", when(at, lang)),
                Lang::Ja => format!("{}時点のお手紙です。", when(at, lang)),
            },
            LettersHeading => lang.pick("Letters from strangers", "誰かからのお手紙").into(),
            RepliesHeading => lang.pick("Answers to your letters", "あなたのお手紙へのお返事").into(),
            HowToReply => lang
                .pick("To answer kindly: iyashi letters reply ID \"…\"", "やさしく返事を書くには: iyashi letters reply ID \"…\"")
                .into(),
            HowToThank => lang
                .pick("To say thank you: iyashi letters thank ID", "お礼を伝えるには: iyashi letters thank ID")
                .into(),
            YouWrote => lang.pick("You wrote:", "あなたが書いたこと:").into(),
            Done => lang.pick("(done)", "（済）").into(),
            Replied => lang
                .pick("Your kind answer is on its way.", "やさしいお返事を届けます。")
                .into(),
            Thanked => lang.pick("Your thanks has been passed on.", "お礼を伝えました。").into(),
            AnswersThanked { times, as_of } => {
                let said = match lang {
                    Lang::En if *times == 1 => "Someone thanked you for one of your kind answers".into(),
                    Lang::En => format!("Your kind answers have been thanked {times} times"),
                    Lang::Ja if *times == 1 => "あなたのやさしいお返事に「ありがとう」が届きました".into(),
                    Lang::Ja => format!("あなたのやさしいお返事に、{times}回「ありがとう」が届きました"),
                };
                match (as_of, lang) {
                    (None, Lang::En) => format!("{said}."),
                    (None, Lang::Ja) => format!("{said}。"),
                    (Some(at), Lang::En) => format!("{said} (as of {}).", when(at, lang)),
                    (Some(at), Lang::Ja) => format!("{said}（{}時点）。", when(at, lang)),
                }
            }
            AnswerThanked => lang
                .pick("They thanked you for your answer.", "お返事に「ありがとう」が届きました。")
                .into(),
            Reported => lang
                .pick(
                    "Thank you for telling us. A moderator will look at it.",
                    "知らせてくれてありがとう。見守り役が確かめます。",
                )
                .into(),
            NotFound => lang
                .pick("There is no letter with that id here for you.", "その ID のお手紙は、あなたのところにはありません。")
                .into(),
            AlreadyDone => lang.pick("That is already done.", "それはもう済んでいます。").into(),
            Empty => lang.pick("There are no words yet.", "まだ何も書かれていません。").into(),
            TooLong { max } => match lang {
                Lang::En => format!("That is a little long: a letter can hold up to {max} characters."),
                Lang::Ja => format!("少し長いようです。{max}文字までにしてください。"),
            },
            Unkind => lang
                .pick(
                    "Some words in this could hurt someone. Could you say it more gently?",
                    "誰かを傷つけるかもしれない言葉があります。もう少しやわらかく書けますか。",
                )
                .into(),
            Slowly => lang
                .pick("That is a lot at once. Please rest a minute and try again.", "少し急ぎすぎたようです。一分ほど休んでから、もう一度どうぞ。")
                .into(),
            Blocked => lang
                .pick("This device can no longer use the letters service.", "この端末ではお手紙のサービスを使えなくなりました。")
                .into(),
            KeyUnusable(reason) => match lang {
                Lang::En => format!("The letters key could not be used: {reason}."),
                Lang::Ja => format!("お手紙の鍵を使えませんでした: {reason}。"),
            },
            ClockOff => lang
                .pick(
                    "This computer's clock seems to be more than two minutes off, so the letters service could not trust the request. Setting the clock right fixes it.",
                    "この端末の時計が2分以上ずれているようで、お手紙のサービスが受け取れませんでした。時計を合わせると届くようになります。",
                )
                .into(),
            NotAccepted => lang
                .pick(
                    "The letters service did not accept this request. Trying again in a moment usually helps.",
                    "お手紙のサービスがこの依頼を受け付けませんでした。少しおいてもう一度試すと、たいていうまくいきます。",
                )
                .into(),
            NotUnderstood => lang
                .pick(
                    "The letters service could not read this request; this iyashi may be older or newer than the service.",
                    "お手紙のサービスがこの依頼を読めませんでした。iyashi とサービスの版が合っていないのかもしれません。",
                )
                .into(),
            OnlyHttp => lang
                .pick(
                    "Only http:// letters servers can be used; for an https:// one, go through a local tunnel or proxy.",
                    "お手紙のサーバーは http:// のものだけ使えます。https:// のときは、手元のトンネルやプロキシを通してください。",
                )
                .into(),
            CannotKeep(reason) => match lang {
                Lang::En => format!("The letter could not be kept for later: {reason}."),
                Lang::Ja => format!("お手紙を預かっておけませんでした: {reason}。"),
            },
            Other(text) => text.clone(),
        }
    }
}

/// A local time a figure or a view is from: "1 Dec, 22:04", "12月1日 22:04".
fn when(at: &jiff::civil::DateTime, lang: Lang) -> String {
    at.strftime(lang.pick("%-d %b, %H:%M", "%-m月%-d日 %H:%M"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thanks_received_read_warmly_and_say_when_they_are_from() {
        let once = LettersSays::AnswersThanked {
            times: 1,
            as_of: None,
        };
        assert_eq!(
            once.render(Lang::En),
            "Someone thanked you for one of your kind answers."
        );
        let offline = LettersSays::AnswersThanked {
            times: 3,
            as_of: Some(jiff::civil::date(2026, 12, 1).at(22, 4, 0, 0)),
        };
        assert_eq!(
            offline.render(Lang::En),
            "Your kind answers have been thanked 3 times (as of 1 Dec, 22:04)."
        );
        assert_eq!(
            offline.render(Lang::Ja),
            "あなたのやさしいお返事に、3回「ありがとう」が届きました（12月1日 22:04時点）。"
        );
    }

    #[test]
    fn resting_counts_read_naturally_in_both_languages() {
        assert_eq!(
            LettersSays::Resting(3).render(Lang::En),
            "3 of you are resting right now."
        );
        assert_eq!(
            LettersSays::Resting(3).render(Lang::Ja),
            "あなたをふくめて3人が休んでいます。"
        );
        assert!(!LettersSays::Resting(1)
            .render(Lang::En)
            .contains("1 people"));
    }
}
