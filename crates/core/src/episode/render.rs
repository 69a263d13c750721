//! An episode as plain text (for the terminal and the room) and as Markdown
//! (for keeping or sharing). Both say the same sentences from the catalogue;
//! only the markup differs.

use super::{DayPoint, Episode};
use crate::catalogue::episode::EpisodeText;
use crate::catalogue::waited::{Over, Waited};
use crate::catalogue::Message;
use crate::Lang;

/// The mood curve as one character a day: `▁` (heavy) to `█` (bright), `·`
/// for a day without a check-in.
///
/// ```
/// use iyashi_core::episode::mood_curve;
/// assert_eq!(mood_curve(&[]), "");
/// ```
pub fn mood_curve(days: &[DayPoint]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    days.iter()
        .map(|d| match d.mood {
            Some(m) => BARS[(((m - 1.0) / 4.0 * 7.0).round() as usize).min(7)],
            None => '·',
        })
        .collect()
}

/// A joy's words on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown's special characters in a person's own words, escaped so a joy
/// reads as written.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The parts of an episode in reading order, each a block of lines, for
/// both renderers to mark up.
struct Blocks {
    heading: String,
    subheading: String,
    /// `None` for an empty month, whose one sentence is `empty`.
    body: Option<Body>,
    empty: String,
    closing: String,
}

struct Body {
    joys_heading: String,
    joys_intro: String,
    joys: Vec<(String, String)>,
    mood_heading: String,
    curve: Option<String>,
    mood: String,
    work_heading: String,
    work: Vec<String>,
}

impl Episode {
    fn blocks(&self, lang: Lang) -> Blocks {
        let say = |t: EpisodeText| t.render(lang);
        let body = (!self.empty).then(|| {
            let joys_intro = if self.joy_count == 0 {
                say(EpisodeText::NoJoys)
            } else {
                say(EpisodeText::Joys {
                    count: self.joy_count,
                    shown: self.joys.len(),
                })
            };
            let joys = self
                .joys
                .iter()
                .map(|j| (say(EpisodeText::ShortDay(j.day)), one_line(&j.text)))
                .collect();
            let (curve, mood) = if self.mood.checked_days == 0 {
                (None, say(EpisodeText::NoMoods))
            } else {
                (
                    Some(mood_curve(&self.days)),
                    say(EpisodeText::Mood(self.mood)),
                )
            };
            let w = &self.work;
            let mut work = Vec::new();
            if w.days_worked == 0 {
                work.push(say(EpisodeText::NoWork));
            } else {
                let limit = if w.days_over_limit == 0 {
                    say(EpisodeText::WithinLimit)
                } else {
                    say(EpisodeText::OverLimit(w.days_over_limit))
                };
                let worked = say(EpisodeText::Worked {
                    worked: w.worked,
                    days: w.days_worked,
                    limit: w.daily_limit,
                });
                work.push(format!("{worked}{}{limit}", lang.pick(" ", "")));
            }
            if w.breaks() > 0 {
                work.push(say(EpisodeText::Breaks {
                    taken: w.breaks_taken,
                    natural: w.breaks_natural,
                    rest: w.rest,
                }));
            } else if w.days_worked > 0 {
                work.push(say(EpisodeText::NoBreaks));
            }
            let waited = [
                Waited::through(w.held, Over::Month),
                Waited::outside_hours(w.outside_hours, Over::Month),
            ];
            work.extend(waited.iter().flatten().map(|t| t.render(lang)));
            if w.late_nights > 0 {
                work.push(say(EpisodeText::LateNights(w.late_nights)));
            }
            Body {
                joys_heading: say(EpisodeText::JoysHeading),
                joys_intro,
                joys,
                mood_heading: say(EpisodeText::MoodHeading),
                curve,
                mood,
                work_heading: say(EpisodeText::WorkHeading),
                work,
            }
        });
        Blocks {
            heading: say(EpisodeText::Heading {
                number: self.number,
                title: self.title.clone(),
                month: self.month,
            }),
            subheading: say(EpisodeText::Subheading {
                month: self.month,
                seasons: self.seasons.clone(),
                so_far: self.so_far,
            }),
            body,
            empty: say(EpisodeText::Empty(self.month)),
            closing: say(EpisodeText::Closed(self.closing)),
        }
    }

    /// The episode as plain text: what `iyashi episode` prints and what the
    /// room shows on its `e` key. Lines end in `\n`; nothing is coloured.
    pub fn render_text(&self, lang: Lang) -> String {
        let b = self.blocks(lang);
        let mut out = format!("{}\n{}\n\n", b.heading, b.subheading);
        match &b.body {
            None => out += &format!("{}\n\n", b.empty),
            Some(body) => {
                out += &format!("{}\n{}\n", body.joys_heading, body.joys_intro);
                let width = body.joys.iter().map(|(d, _)| d.chars().count()).max();
                for (day, text) in &body.joys {
                    let pad = width.unwrap_or(0) - day.chars().count();
                    out += &format!("  {}{day}  {text}\n", " ".repeat(pad));
                }
                out += &format!("\n{}\n", body.mood_heading);
                if let Some(curve) = &body.curve {
                    out += &format!("  {curve}\n");
                }
                out += &format!("{}\n\n{}\n", body.mood, body.work_heading);
                for line in &body.work {
                    out += &format!("{line}\n");
                }
                out.push('\n');
            }
        }
        out += &format!("{}\n", b.closing);
        // The joys' words and the title drawn from them are the person's
        // own text, headed for a terminal.
        crate::printable::for_terminal(&out).into_owned()
    }

    /// The episode as Markdown, for keeping or sharing.
    pub fn render_markdown(&self, lang: Lang) -> String {
        let b = self.blocks(lang);
        let mut out = format!("# {}\n\n*{}*\n\n", escape_md(&b.heading), b.subheading);
        match &b.body {
            None => out += &format!("{}\n\n", b.empty),
            Some(body) => {
                out += &format!("## {}\n\n{}\n\n", body.joys_heading, body.joys_intro);
                for (day, text) in &body.joys {
                    out += &format!("- **{day}** {}\n", escape_md(text));
                }
                if !body.joys.is_empty() {
                    out.push('\n');
                }
                out += &format!("## {}\n\n", body.mood_heading);
                if let Some(curve) = &body.curve {
                    out += &format!("`{curve}`\n\n");
                }
                out += &format!("{}\n\n## {}\n\n", body.mood, body.work_heading);
                out += &body.work.join("\n\n");
                out += "\n\n";
            }
        }
        out += &format!("> {}\n", b.closing);
        out
    }
}
