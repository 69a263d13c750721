//! What the room says: its labels, the status line, the key hints and help,
//! the input prompts, and Chibi's list of small joys to suggest.
//!
//! Goro has no lines here: he never speaks. Piyo's reminders live in
//! [`super::rhythm::Piyo`]; Chibi's suggestions are the [`SMALL_JOYS`].

use jiff::SignedDuration;

use super::rhythm::duration;
use super::Message;
use crate::season::Names;
use crate::Lang;

/// A label or sentence of the room.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomText {
    /// The name over the room.
    Title,
    /// The heading of the shelf of today's joys.
    ShelfTitle,
    /// The shelf before anything is on it.
    ShelfEmpty {
        /// The key that keeps a joy.
        joy_key: &'static str,
    },
    /// More joys than the shelf has room for.
    ShelfMore(usize),
    /// Today's work so far.
    Worked(SignedDuration),
    /// No work counted yet today.
    NoWorkYet,
    /// Work left before the next break.
    NextBreak(SignedDuration),
    /// A break is being asked for.
    BreakDue,
    /// Resting, with this much of the break left.
    OnBreak(SignedDuration),
    /// A manual session (`w`) is open.
    WorkingManually {
        /// The key that stops it.
        work_key: &'static str,
    },
    /// The background `watch` is keeping time, not the room.
    WatchKeepsTime,
    /// A solar term or micro-season in a few words: "小雪 Light snow",
    /// "小雪（しょうせつ）".
    SeasonShort(&'static Names),
    /// Prompt for a joy.
    AskJoy,
    /// Prompt for a mood.
    AskMood,
    /// Prompt for a note.
    AskNote,
    /// How to finish or leave the input box.
    InputHint,
    /// A mood needs its number first.
    MoodNeedsNumber,
    /// Something could not be kept; the reason follows.
    NotKept(String),
    /// Piyo, after `w` started a manual session.
    WorkStarted {
        /// The key that stops it.
        work_key: &'static str,
    },
    /// Piyo, after `w` closed it.
    WorkStopped,
    /// The title of the episode page.
    EpisodeTitle,
    /// Chibi offers one of the [`SMALL_JOYS`] (by index).
    ChibiSuggests(usize),
    /// The title of the seasons page.
    SeasonsTitle,
    /// The title of the log page (this week).
    LogTitle,
    /// The log page when the week is empty.
    LogEmpty,
    /// The title of the help page.
    HelpTitle,
    /// On the help page, over the keys that edit a joy, a mood or a note.
    HelpTyping,
    /// A short line for the help page about Goro.
    AboutGoro,
    /// On the help page: how a long page scrolls.
    HelpScroll {
        /// The keys that move through a page, as the key line shows them.
        keys: String,
    },
    /// A page goes on above what is shown, by this many lines.
    MoreAbove(usize),
    /// A page goes on below what is shown, by this many lines.
    MoreBelow(usize),
}

/// Something a key of the room does. The room face binds keys to these;
/// the catalogue keeps only their words: a short label for the key line and
/// a sentence for the help page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomAction {
    /// Keep a small joy.
    Joy,
    /// Check in with a mood.
    Mood,
    /// Keep a plain note.
    Note,
    /// Take a break now, or the one Piyo asks for.
    Break,
    /// Start or stop counting work by hand.
    Work,
    /// Choose a quiet time, or end it.
    Quiet,
    /// Open the seasons page.
    Seasons,
    /// Open this week's log.
    Log,
    /// Open this month's episode.
    Episode,
    /// Open the help page.
    Help,
    /// Leave the room.
    Quit,
}

impl RoomAction {
    /// Every action, in the order the key line and the help page show them.
    pub const ALL: [RoomAction; 11] = [
        RoomAction::Joy,
        RoomAction::Mood,
        RoomAction::Note,
        RoomAction::Break,
        RoomAction::Work,
        RoomAction::Quiet,
        RoomAction::Seasons,
        RoomAction::Log,
        RoomAction::Episode,
        RoomAction::Help,
        RoomAction::Quit,
    ];

    /// Its few words on the key line.
    pub fn label(self, lang: Lang) -> &'static str {
        use RoomAction::*;
        let (en, ja) = match self {
            Joy => ("joy", "幸せ"),
            Mood => ("mood", "気分"),
            Note => ("note", "メモ"),
            Break => ("break", "休憩"),
            Work => ("work", "作業"),
            Quiet => ("quiet", "静かに"),
            Seasons => ("seasons", "季節"),
            Log => ("log", "記録"),
            Episode => ("episode", "今月"),
            Help => ("help", "ヘルプ"),
            Quit => ("quit", "終了"),
        };
        lang.pick(en, ja)
    }

    /// What it does, for the help page.
    pub fn help(self, lang: Lang) -> &'static str {
        use RoomAction::*;
        let (en, ja) = match self {
            Joy => (
                "keep a small joy; Goro will put it on the shelf",
                "小さな幸せを書き留める。ゴロが棚に飾ります",
            ),
            Mood => (
                "check in with your mood, 1 (heavy) to 5 (bright)",
                "今の気分を記録する。1（どんより）〜5（晴れやか）",
            ),
            Note => ("keep a plain note", "ふつうのメモを残す"),
            Break => (
                "take a break now (or the one Piyo asks for)",
                "今すぐ休憩する（ピヨのお誘いにも）",
            ),
            Work => (
                "start or stop counting work by hand",
                "作業時間の記録を手動で始める・終える",
            ),
            Quiet => (
                "quiet for an hour or until tomorrow, or end it: Piyo holds reminders back",
                "静かな時間：1時間か明日まで、ピヨはお知らせを控えます（終えることも）",
            ),
            Seasons => ("the season outside the window", "窓の外の季節"),
            Log => ("what you wrote this week", "今週書いたもの"),
            Episode => ("this month's episode", "今月のエピソード"),
            Help => ("this page", "このページ"),
            Quit => (
                "leave the room (Goro stays)",
                "部屋を出る（ゴロはお留守番）",
            ),
        };
        lang.pick(en, ja)
    }
}

/// What a key does on an open page, as the key line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageAction {
    /// Move a line up or down.
    Scroll,
    /// Move a screen up or down.
    Screen,
    /// Go to the top or the end.
    Ends,
    /// Close the page.
    Close,
}

impl PageAction {
    /// Its few words on the key line.
    pub fn label(self, lang: Lang) -> &'static str {
        use PageAction::*;
        let (en, ja) = match self {
            Scroll => ("scroll", "スクロール"),
            Screen => ("a screen", "1画面ずつ"),
            Ends => ("top, end", "先頭・最後"),
            Close => ("close", "閉じる"),
        };
        lang.pick(en, ja)
    }
}

/// What a key does while a joy, a mood or a note is being written, for the
/// help page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypingAction {
    /// Keep what was written.
    Keep,
    /// Let it go without keeping it.
    LetGo,
    /// Move the cursor a character.
    Move,
    /// Move the cursor to the start or the end.
    Ends,
    /// Erase the character before or under the cursor.
    Erase,
    /// Erase the word before the cursor.
    EraseWord,
    /// Erase everything before the cursor.
    EraseToStart,
}

impl TypingAction {
    /// What it does, for the help page.
    pub fn help(self, lang: Lang) -> &'static str {
        use TypingAction::*;
        let (en, ja) = match self {
            Keep => ("keep what you wrote", "書いたものを残す"),
            LetGo => ("let it go, nothing is kept", "やめる（何も残りません）"),
            Move => ("move a character", "1文字ずつ動く"),
            Ends => ("to the start or the end", "先頭・最後へ"),
            Erase => (
                "erase the character before or under the cursor",
                "カーソルの前・上の文字を消す",
            ),
            EraseWord => (
                "erase the word before the cursor",
                "カーソルの前の単語を消す",
            ),
            EraseToStart => (
                "erase everything before the cursor",
                "カーソルより前をすべて消す",
            ),
        };
        lang.pick(en, ja)
    }
}

/// A choice after the quiet key, as the key line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuietChoice {
    /// Quiet for an hour.
    Hour,
    /// Quiet until tomorrow.
    UntilTomorrow,
    /// End the quiet time.
    Off,
    /// Choose nothing after all.
    NeverMind,
}

impl QuietChoice {
    /// Its few words on the key line.
    pub fn label(self, lang: Lang) -> &'static str {
        use QuietChoice::*;
        let (en, ja) = match self {
            Hour => ("quiet for an hour", "1時間静かに"),
            UntilTomorrow => ("until tomorrow", "明日まで"),
            Off => ("quiet off", "静かな時間を終える"),
            NeverMind => ("never mind", "やめる"),
        };
        lang.pick(en, ja)
    }
}

/// A small joy Chibi might suggest, in English and Japanese.
pub type SmallJoy = (&'static str, &'static str);

/// Chibi's suggestions: small, free, doable in a few minutes, nothing to
/// achieve. Their order is fixed; Chibi picks among them by index.
pub const SMALL_JOYS: &[SmallJoy] = &[
    ("a cup of warm tea", "あたたかいお茶を一杯"),
    ("look at the sky for a minute", "一分だけ空を眺める"),
    ("open the window and breathe", "窓を開けて深呼吸"),
    ("stretch your arms up high", "両腕をぐーっと伸ばす"),
    ("a glass of cold water", "冷たいお水を一杯"),
    ("wash your face with warm water", "ぬるま湯で顔を洗う"),
    ("hum a song you like", "好きな歌を口ずさむ"),
    ("eat something sweet, slowly", "甘いものを、ゆっくり味わう"),
    ("water a plant", "植物にお水をあげる"),
    ("tidy just one small corner", "小さな一角だけ片づける"),
    ("step outside for five minutes", "五分だけ外に出てみる"),
    ("warm your hands on a mug", "マグカップで手をあたためる"),
    ("listen to the rain or the wind", "雨や風の音に耳をすます"),
    (
        "send a kind word to a friend",
        "友だちにやさしいひとことを送る",
    ),
    (
        "look at an old photo you like",
        "お気に入りの古い写真を見る",
    ),
    ("roll your shoulders slowly", "肩をゆっくり回す"),
    ("close your eyes for ten breaths", "目を閉じて十回呼吸する"),
    ("put on soft socks", "やわらかい靴下をはく"),
    ("read one page of a book", "本を一ページだけ読む"),
    (
        "make a warm drink for later",
        "あとで飲むあたたかい飲み物を用意する",
    ),
    ("notice three sounds around you", "まわりの音を三つ聞きとる"),
    ("watch the clouds drift", "流れる雲を眺める"),
    ("eat a piece of fruit", "くだものをひとつ食べる"),
    (
        "smell something nice: soap, tea, rain",
        "いい香りをかぐ。石けん、お茶、雨",
    ),
    ("sit by the window in the light", "窓辺の光の中に座る"),
    ("doodle for two minutes", "二分だけ落書きする"),
    ("give your pillow a good fluff", "枕をふかふかにする"),
    (
        "rest your eyes on something green",
        "緑のものを見て目を休める",
    ),
    (
        "write down one thing that went well",
        "うまくいったことをひとつ書く",
    ),
    ("warm your feet", "足をあたためる"),
    ("a slow walk around the block", "近所をゆっくり一周する"),
    ("say thank you to someone", "だれかに「ありがとう」を言う"),
    ("put your favourite song on", "好きな曲をかける"),
    ("look at the moon tonight", "今夜、月を見上げる"),
    ("make your bed nicely", "ベッドをきれいに整える"),
    (
        "a short bath or a warm shower",
        "短いお風呂か、あたたかいシャワー",
    ),
    ("feel the sun on your face", "顔にお日さまを感じる"),
    ("eat a rice ball you like", "好きな具のおにぎりを食べる"),
    (
        "light a candle, or dim the lights",
        "ろうそくを灯すか、明かりを落とす",
    ),
    ("wiggle your toes", "足の指をもぞもぞ動かす"),
    ("stroke something soft", "やわらかいものをなでる"),
    ("wipe your glasses or your screen", "めがねや画面をふく"),
    ("look far away, out of the window", "窓の外の遠くを見る"),
    ("tell someone about your day", "だれかに今日のことを話す"),
    ("lie on the floor for a minute", "一分だけ床に寝ころぶ"),
    (
        "make a small plan for the weekend",
        "週末の小さな予定を立てる",
    ),
    ("a bowl of warm soup", "あたたかいスープを一杯"),
    ("open the curtains wide", "カーテンを大きく開ける"),
    (
        "find the season outside: a flower, a leaf",
        "外に季節を見つける。花や葉っぱ",
    ),
    (
        "a slow sip of something warm",
        "あたたかいものを、ひと口ゆっくり",
    ),
    ("put lotion on your hands", "ハンドクリームをぬる"),
    ("smile at yourself in the mirror", "鏡の自分にほほえむ"),
    (
        "breathe out longer than you breathe in",
        "吸うより長く、息をはく",
    ),
    (
        "pet a cat or a dog, if one is near",
        "近くにいたら、猫か犬をなでる",
    ),
    (
        "savour the first bite of a meal",
        "ごはんのひと口目を味わう",
    ),
    (
        "sort one drawer, then stop",
        "引き出しをひとつ整えて、おしまい",
    ),
    ("listen to birds", "鳥の声を聞く"),
    ("wrap yourself in a blanket", "毛布にくるまる"),
    (
        "a little walk to the window and back",
        "窓まで歩いて戻ってくる",
    ),
    ("go to bed a little early tonight", "今夜は少し早めに寝る"),
    ("write a line about the weather", "天気のことを一行書く"),
    ("peel a mandarin orange", "みかんをむく"),
    ("watch steam rise from a cup", "カップから立つ湯気を眺める"),
    ("sing in the shower", "シャワーを浴びながら歌う"),
];

/// The name of a season in a few words, for the status line.
fn season_short(lang: Lang, n: &Names) -> String {
    lang.pick(
        format!("{} {}", n.kanji, n.english),
        format!("{}（{}）", n.kanji, n.kana),
    )
}

impl Message for RoomText {
    fn render(&self, lang: Lang) -> String {
        let s = |en: &str, ja: &str| lang.pick(en, ja).to_string();
        match self {
            RoomText::Title => s("iyashi", "癒し"),
            RoomText::ShelfTitle => s("Today's small joys", "今日の小さな幸せ"),
            RoomText::ShelfEmpty { joy_key: key } => lang.pick(
                format!("The shelf is waiting. Press {key} when something small feels good."),
                format!("棚はまだ空いています。小さな良いことがあったら {key} をどうぞ。"),
            ),
            RoomText::ShelfMore(n) => {
                lang.pick(format!("and {n} more"), format!("ほかに{n}個"))
            }
            RoomText::Worked(d) => {
                let d = duration(lang, *d);
                lang.pick(format!("{d} of work today"), format!("今日の作業 {d}"))
            }
            RoomText::NoWorkYet => s("no work counted today", "今日の作業はまだなし"),
            RoomText::NextBreak(d) => {
                let d = duration(lang, *d);
                lang.pick(format!("a break in {d}"), format!("次の休憩まで {d}"))
            }
            RoomText::BreakDue => s("a break would be nice", "そろそろ休憩"),
            RoomText::OnBreak(left) => {
                let d = duration(lang, *left);
                lang.pick(format!("resting, {d} left"), format!("休憩中 あと{d}"))
            }
            RoomText::WorkingManually { work_key: key } => lang.pick(
                format!("counting work ({key} to stop)"),
                format!("作業を記録中（{key} で終了）"),
            ),
            RoomText::WatchKeepsTime => s("watch keeps time", "watch が見守り中"),
            RoomText::SeasonShort(n) => season_short(lang, n),
            RoomText::AskJoy => s("A small joy:", "小さな幸せ:"),
            RoomText::AskMood => s("Mood 1–5, then words if you like:", "気分 1〜5、よければひとこと:"),
            RoomText::AskNote => s("A note:", "メモ:"),
            RoomText::InputHint => s("Enter keeps it · Esc lets it go", "Enter で残す・Esc でやめる"),
            RoomText::MoodNeedsNumber => s(
                "Start with a number: 1 heavy, 2 low, 3 so-so, 4 good, 5 bright.",
                "数字から始めてね: 1 どんより、2 ちょっと低め、3 まあまあ、4 いい感じ、5 晴れやか。",
            ),
            RoomText::NotKept(reason) => lang.pick(
                format!("That couldn't be kept just now: {reason}"),
                format!("いまは書き留められませんでした: {reason}"),
            ),
            RoomText::WorkStarted { work_key: key } => lang.pick(
                format!("I'll count your work from now. Press {key} when you're done."),
                format!("いまから作業時間を数えるね。終わったら {key} を押してね。"),
            ),
            RoomText::WorkStopped => s(
                "Done for now. Thank you for today's work.",
                "ここまでにしよう。今日の作業、ありがとう。",
            ),
            RoomText::EpisodeTitle => s("This month's episode", "今月のエピソード"),
            RoomText::ChibiSuggests(i) => {
                let (en, ja) = SMALL_JOYS[i % SMALL_JOYS.len()];
                lang.pick(format!("Why not {en}?"), format!("{ja}、なんてどう？"))
            }
            RoomText::SeasonsTitle => s("The season outside", "窓の外の季節"),
            RoomText::LogTitle => s("This week", "今週"),
            RoomText::LogEmpty => s(
                "Nothing written this week. That's all right.",
                "今週の記録はありません。書きたくなったら、いつでもどうぞ。",
            ),
            RoomText::HelpTitle => s("Keys", "キー"),
            RoomText::HelpTyping => s("While writing", "書いているあいだ"),
            RoomText::HelpScroll { keys } => lang.pick(
                format!("{keys}  move through a long page"),
                format!("{keys}  長いページを読み進める"),
            ),
            RoomText::MoreAbove(n) => lang.pick(format!("↑ {n} more"), format!("↑ 上にあと{n}行")),
            RoomText::MoreBelow(n) => lang.pick(format!("↓ {n} more"), format!("↓ 下にあと{n}行")),
            RoomText::AboutGoro => s(
                "Goro never says a word. He is simply here.",
                "ゴロは何も言いません。ただ、そばにいます。",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::season::MicroSeason;
    use std::collections::HashSet;

    #[test]
    fn chibi_has_at_least_sixty_distinct_small_joys_in_both_languages() {
        assert!(SMALL_JOYS.len() >= 60, "only {}", SMALL_JOYS.len());
        let en: HashSet<_> = SMALL_JOYS.iter().map(|j| j.0).collect();
        let ja: HashSet<_> = SMALL_JOYS.iter().map(|j| j.1).collect();
        assert_eq!(en.len(), SMALL_JOYS.len(), "an English joy is repeated");
        assert_eq!(ja.len(), SMALL_JOYS.len(), "a Japanese joy is repeated");
        for (en, ja) in SMALL_JOYS {
            assert!(en.is_ascii() && !en.is_empty(), "{en}");
            assert!(!ja.is_ascii(), "{ja} is not Japanese");
        }
    }

    #[test]
    fn the_status_line_speaks_in_plain_durations() {
        let d = SignedDuration::from_mins(130);
        assert_eq!(RoomText::Worked(d).render(Lang::En), "2h 10m of work today");
        assert_eq!(RoomText::Worked(d).render(Lang::Ja), "今日の作業 2時間10分");
        let m = MicroSeason::in_year_order().next().unwrap();
        assert_eq!(
            RoomText::SeasonShort(m.name()).render(Lang::Ja),
            format!("{}（{}）", m.name().kanji, m.name().kana)
        );
    }
}
