//! What waits in the outbox, counted by what it is: a person who kept an
//! answer and a thank-you reads "1 answer and 1 thank-you", never "2
//! letters".

use crate::Lang;

/// How many of each kind wait to be sent (or were just sent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outgoing {
    /// The person's own letters.
    pub letters: usize,
    /// Answers to strangers' letters.
    pub answers: usize,
    /// Thank-yous for answers to the person's letters.
    pub thanks: usize,
    /// Reports of a letter or an answer that should not be there.
    pub reports: usize,
}

impl Outgoing {
    /// How many in all.
    pub fn total(&self) -> usize {
        self.letters + self.answers + self.thanks + self.reports
    }

    /// Whether nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// The one kind counted, when there is exactly one thing.
    fn single(&self) -> Option<Kind> {
        (self.total() == 1).then(|| self.kinds().into_iter().next().map(|(kind, _)| kind))?
    }

    fn kinds(&self) -> Vec<(Kind, usize)> {
        [
            (Kind::Letter, self.letters),
            (Kind::Answer, self.answers),
            (Kind::Thanks, self.thanks),
            (Kind::Report, self.reports),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
    }

    /// "1 letter and 2 answers", "お手紙1通とお返事2通".
    fn listed(&self, lang: Lang) -> String {
        let parts: Vec<String> = self
            .kinds()
            .into_iter()
            .map(|(kind, n)| kind.counted(n, lang))
            .collect();
        let (last_join, join) = match lang {
            Lang::En => (" and ", ", "),
            Lang::Ja if parts.len() == 2 => ("と", "、"),
            Lang::Ja => ("、", "、"),
        };
        match parts.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{last_join}{last}", rest.join(join)),
        }
    }

    /// The sentence under the letters while things wait to be sent.
    pub fn waiting(&self, lang: Lang) -> String {
        match (lang, self.single()) {
            (Lang::En, Some(kind)) => {
                format!(
                    "{} is kept here, to go when the service answers.",
                    kind.one()
                )
            }
            (Lang::En, None) => format!(
                "{} are kept here, to go when the service answers.",
                self.listed(lang)
            ),
            (Lang::Ja, _) => format!(
                "{}を預かっています。サービスにつながったら送ります。",
                self.listed(lang)
            ),
        }
    }

    /// The sentence once things kept while offline have gone.
    pub fn sent(&self, lang: Lang) -> String {
        match (lang, self.single()) {
            (Lang::En, Some(kind)) => format!("{} kept while offline has been sent.", kind.one()),
            (Lang::En, None) => format!("{} kept while offline have been sent.", self.listed(lang)),
            (Lang::Ja, _) => format!("預かっていた{}を送りました。", self.listed(lang)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Letter,
    Answer,
    Thanks,
    Report,
}

impl Kind {
    /// One of them, as a sentence begins with it.
    fn one(self) -> &'static str {
        match self {
            Kind::Letter => "A letter",
            Kind::Answer => "An answer",
            Kind::Thanks => "A thank-you",
            Kind::Report => "A report",
        }
    }

    fn counted(self, n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => {
                let (one, many) = match self {
                    Kind::Letter => ("letter", "letters"),
                    Kind::Answer => ("answer", "answers"),
                    Kind::Thanks => ("thank-you", "thank-yous"),
                    Kind::Report => ("report", "reports"),
                };
                format!("{n} {}", if n == 1 { one } else { many })
            }
            Lang::Ja => match self {
                Kind::Letter => format!("お手紙{n}通"),
                Kind::Answer => format!("お返事{n}通"),
                Kind::Thanks => format!("お礼{n}件"),
                Kind::Report => format!("お知らせ{n}件"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_waits_is_said_as_what_it_is() {
        let one_each = Outgoing {
            letters: 1,
            answers: 1,
            ..Outgoing::default()
        };
        assert_eq!(
            one_each.waiting(Lang::En),
            "1 letter and 1 answer are kept here, to go when the service answers."
        );
        assert_eq!(
            one_each.waiting(Lang::Ja),
            "お手紙1通とお返事1通を預かっています。サービスにつながったら送ります。"
        );
        let answer = Outgoing {
            answers: 1,
            ..Outgoing::default()
        };
        assert_eq!(
            answer.sent(Lang::En),
            "An answer kept while offline has been sent."
        );
        let all = Outgoing {
            letters: 2,
            answers: 1,
            thanks: 3,
            reports: 1,
        };
        assert_eq!(
            all.sent(Lang::En),
            "2 letters, 1 answer, 3 thank-yous and 1 report kept while offline have been sent."
        );
        assert_eq!(
            all.sent(Lang::Ja),
            "預かっていたお手紙2通、お返事1通、お礼3件、お知らせ1件を送りました。"
        );
    }
}
