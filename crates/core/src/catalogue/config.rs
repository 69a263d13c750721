//! What iyashi says about a mistake in config.toml: where it is (file, line,
//! key) and, for each kind of mistake, what the key wants instead.

use super::rhythm::duration;
use super::words::{or_list, spaced};
use super::Message;
use crate::config::{keys_beside, ConfigProblem, Form};
use crate::rhythm::SettingsProblem;
use crate::Lang;

/// A sentence about config.toml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigText {
    /// A mistake, placed and explained, with what to do.
    Mistake {
        /// The config file.
        path: String,
        /// The line of the mistake (1-based), when known.
        line: Option<usize>,
        /// The key the mistake is in, when known.
        key: Option<String>,
        /// What is wrong.
        problem: ConfigProblem,
    },
    /// A rhythm setting that does not fit, on its own.
    Rhythm(SettingsProblem),
}

impl Message for ConfigText {
    fn render(&self, lang: Lang) -> String {
        match self {
            ConfigText::Rhythm(p) => rhythm(lang, *p),
            ConfigText::Mistake {
                path,
                line,
                key,
                problem,
            } => {
                let place = place(lang, path, *line, key.as_deref());
                let what = sentence(lang, key.as_deref().unwrap_or_default(), problem);
                lang.pick(
                    format!("{place}: {what}. Fix or remove that line and try again."),
                    format!("{place}: {what}。その行を直すか消して、もう一度どうぞ。"),
                )
            }
        }
    }
}

fn place(lang: Lang, path: &str, line: Option<usize>, key: Option<&str>) -> String {
    match (lang, line, key) {
        (Lang::En, Some(l), Some(k)) => format!("{path} line {l}, key “{k}”"),
        (Lang::En, Some(l), None) => format!("{path} line {l}"),
        (Lang::En, None, Some(k)) => format!("{path}, key “{k}”"),
        (Lang::Ja, Some(l), Some(k)) => format!("{path} の{l}行目（キー「{k}」）"),
        (Lang::Ja, Some(l), None) => format!("{path} の{l}行目"),
        (Lang::Ja, None, Some(k)) => format!("{path}（キー「{k}」）"),
        (_, None, None) => path.to_string(),
    }
}

fn sentence(lang: Lang, key: &str, problem: &ConfigProblem) -> String {
    match problem {
        ConfigProblem::Syntax => lang
            .pick(
                "this line cannot be read as a setting (write key = value, with text in \"quotes\")",
                "この行を設定として読めません（「キー = 値」の形で、文字は \"\" で囲んで書きます）",
            )
            .into(),
        ConfigProblem::Repeated => lang
            .pick("this is written twice; keep just one", "同じものが2回書かれています。ひとつにしてください")
            .into(),
        ConfigProblem::UnknownKey => {
            let beside = keys_beside(key);
            lang.pick(
                format!("there is no such setting; here you can use {}", or_list(lang, &beside)),
                format!("そういう設定はありません。ここに書けるのは {}です", spaced(or_list(lang, &beside))),
            )
        }
        ConfigProblem::WrongValue { given, form } => wrong_value(lang, key, given, *form),
        ConfigProblem::Rhythm(p) => rhythm(lang, *p),
    }
}

fn wrong_value(lang: Lang, key: &str, given: &str, form: Form) -> String {
    match form {
        Form::TrueOrFalse => lang.pick(
            format!("“{given}” should be true or false"),
            format!("「{given}」ではなく、true か false にしてください"),
        ),
        Form::Language => lang.pick(
            format!("“{given}” is not a language iyashi speaks; use \"en\" or \"ja\""),
            format!("「{given}」には対応していません。\"en\" か \"ja\" にしてください"),
        ),
        Form::TimeZone => lang.pick(
            format!("“{given}” is not a time zone iyashi knows; use an IANA name such as \"Asia/Tokyo\""),
            format!("「{given}」というタイムゾーンは見つかりません。\"Asia/Tokyo\" のような IANA の名前にしてください"),
        ),
        Form::Hour => lang.pick(
            format!("“{given}” is not an hour of the day; use a number from 0 to 23"),
            format!("「{given}」ではなく、0から23までの数（時）にしてください"),
        ),
        Form::Duration => lang.pick(
            format!("“{given}” is not a length of time; write it like \"20m\", \"45s\" or \"1h 30m\""),
            format!("「{given}」は時間の長さとして読めません。\"20m\"、\"45s\"、\"1h 30m\" のように書いてください"),
        ),
        Form::ClockTime => lang.pick(
            format!("“{given}” is not a time on the clock; write it like \"19:00\""),
            format!("「{given}」は時刻として読めません。\"19:00\" のように書いてください"),
        ),
        Form::Weekdays => lang.pick(
            format!("{given} is not a list of days; write it like [\"mon\", \"tue\"], with mon, tue, wed, thu, fri, sat or sun"),
            format!("{given} は曜日のリストとして読めません。[\"mon\", \"tue\"] のように、mon・tue・wed・thu・fri・sat・sun で書いてください"),
        ),
        Form::Count { max } => lang.pick(
            format!("“{given}” is not a whole number from 0 to {max}"),
            format!("「{given}」ではなく、0から{max}までの整数にしてください"),
        ),
        Form::Address => lang.pick(
            format!("“{given}” is not an address; write it in quotes, like \"http://letters.example:8470\""),
            format!("「{given}」はアドレスとして読めません。\"http://letters.example:8470\" のように \"\" で囲んで書いてください"),
        ),
        Form::Table => lang.pick(
            format!("{key} holds settings of its own: write [{key}] on a line by itself, and its settings below it"),
            format!("{key} は設定のまとまりです。[{key}] とだけ1行に書いて、その下に設定を書いてください"),
        ),
        Form::Hours => lang.pick(
            format!("“{given}” is not a day's working hours; write spans from morning to evening, like \"09:00-12:00, 13:00-18:00\", or \"off\""),
            format!("「{given}」は勤務時間として読めません。\"09:00-12:00, 13:00-18:00\" のように朝から順に書くか、\"off\" にしてください"),
        ),
        Form::FixedBreaks => lang.pick(
            format!("{given} is not a list of breaks; write each as a span and a name, like [\"12:00-13:00 lunch\", \"15:00-15:15 tea\"]"),
            format!("{given} は休憩のリストとして読めません。[\"12:00-13:00 lunch\", \"15:00-15:15 tea\"] のように、時間帯と名前で書いてください"),
        ),
        Form::ScreenMode => lang.pick(
            format!("“{given}” is not a way to show the break screen; use \"window\", \"fullscreen\" or \"off\""),
            format!("「{given}」ではなく、\"window\"・\"fullscreen\"・\"off\" のどれかにしてください"),
        ),
        Form::Names => lang.pick(
            format!("{given} is not a list of program names; write it like [\"vlc\", \"mpv\"]"),
            format!("{given} はプログラム名のリストとして読めません。[\"vlc\", \"mpv\"] のように書いてください"),
        ),
    }
}

fn rhythm(lang: Lang, problem: SettingsProblem) -> String {
    let d = |x| duration(lang, x);
    match problem {
        SettingsProblem::NotPositive(value) => lang.pick(
            format!("it must be longer than zero (it is {})", d(value)),
            format!("0より長くしてください（いまは{}）", d(value)),
        ),
        SettingsProblem::NotShorterThan {
            value,
            other,
            bound,
        } => lang.pick(
            format!(
                "it must be shorter than {other} ({}); it is {}",
                d(bound),
                d(value)
            ),
            format!(
                "{other}（{}）より短くしてください（いまは{}）",
                d(bound),
                d(value)
            ),
        ),
        SettingsProblem::LongerThan { value, max } => lang.pick(
            format!("it can be at most {}; it is {}", d(max), d(value)),
            format!("{}までにしてください（いまは{}）", d(max), d(value)),
        ),
        SettingsProblem::MoreThan { value, max } => lang.pick(
            format!("it can be at most {max}; it is {value}"),
            format!("{max}までにしてください（いまは{value}）"),
        ),
        SettingsProblem::DayTwice(day) => lang.pick(
            format!("“{day}” is listed twice"),
            format!("「{day}」が2回入っています"),
        ),
        SettingsProblem::EmptyName => lang.pick(
            "one name in the list is empty; write each program's name, like \"vlc\"".to_string(),
            "リストに空の名前があります。\"vlc\" のようにプログラム名を書いてください".to_string(),
        ),
    }
}
