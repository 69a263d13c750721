//! Plots in the terminal: ratatui's charts drawn into a buffer, then printed
//! as lines of text (with colour for a person at a terminal, plain when
//! piped). Nothing takes over the screen; the chart stays in the scrollback
//! like any other output.

use iyashi_art::palette;
use iyashi_core::catalogue::episode::EpisodeText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::entry::Mood;
use iyashi_core::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use super::{PlotData, Span};

/// Mood colours from heavy to bright: cool to warm, none of them alarming.
pub const MOOD_RGB: [(u8, u8, u8); 5] = [
    palette::MOODS[0].tuple(),
    palette::MOODS[1].tuple(),
    palette::MOODS[2].tuple(),
    palette::MOODS[3].tuple(),
    palette::MOODS[4].tuple(),
];
/// The colour of the hours.
pub const HOURS_RGB: (u8, u8, u8) = palette::HOURS.tuple();
/// The colour of the limit line.
pub const LIMIT_RGB: (u8, u8, u8) = palette::LIMIT.tuple();

fn rgb((r, g, b): (u8, u8, u8)) -> Color {
    Color::Rgb(r, g, b)
}

fn mood_level(m: f32) -> usize {
    (m.round() as usize).clamp(1, 5) - 1
}

/// Two blank labels: ratatui then draws the x axis and keeps the row under
/// it, where [`name_days`] puts each label under its own day (ratatui would
/// spread labels evenly, whatever day they name).
fn blank_x_labels() -> Vec<Line<'static>> {
    vec![Line::from(""), Line::from("")]
}

/// Labels right-aligned to `width`, so that charts given the same width
/// start their days in the same column.
fn y_labels(labels: &[String], width: usize) -> Vec<Line<'static>> {
    labels
        .iter()
        .map(|l| {
            Line::from(format!(
                "{}{l}",
                " ".repeat(width.saturating_sub(l.width()))
            ))
        })
        .collect()
}

/// Writes the plot's day labels on the last row of `area`, where a chart
/// whose y labels are `label_w` wide has its x axis labels: a year's month
/// from the column of its first day, other days centred on theirs. A label
/// that would run into the one before is left out.
fn name_days(data: &PlotData, lang: Lang, area: Rect, label_w: u16, buf: &mut Buffer) {
    let graph_left = area.x + label_w + 1;
    let graph_w = area.right().saturating_sub(graph_left);
    let n = data.days.len().max(1) as f64;
    let y = area.bottom() - 1;
    let mut free_from = area.x;
    for (i, label) in data.marks(lang) {
        // Where ratatui's canvas puts day i (at x = i + 1 of 0.5..n + 0.5).
        let column = graph_left
            + ((i as f64 + 0.5) * f64::from(graph_w.saturating_sub(1)) / n).round() as u16;
        let width = label.width() as u16;
        let start = match data.span {
            Span::Year => column,
            Span::Week | Span::Month => column.saturating_sub(width / 2),
        }
        .clamp(area.x, area.right().saturating_sub(width));
        if start < free_from {
            continue;
        }
        buf.set_string(start, y, &label, Style::new());
        free_from = start + width + 1;
    }
}

/// The hours chart's and the mood chart's y labels, and the width both use.
fn axis_labels(data: &PlotData, lang: Lang) -> ([String; 3], [String; 3], f64, u16) {
    let limit = data.limit.as_secs_f64() / 3600.0;
    let most = data
        .days
        .iter()
        .map(|d| d.worked.as_secs_f64() / 3600.0)
        .fold(limit, f64::max);
    // An even top, so the middle label is a whole hour.
    let top = ((most.ceil() + 1.0) / 2.0).ceil() * 2.0;
    let fmt = |h: f64| EpisodeText::PlotHoursTick(h.round() as u32).render(lang);
    let hours = [fmt(0.0), fmt(top / 2.0), fmt(top)];
    let word = |v: u8| words::mood(lang, Mood::new(v).expect("1 to 5")).to_string();
    let moods = [word(1), word(3), word(5)];
    let width = hours
        .iter()
        .chain(&moods)
        .map(|l| l.width())
        .max()
        .unwrap_or(0);
    (hours, moods, top, width as u16)
}

fn hours_chart(data: &PlotData, lang: Lang, area: Rect, buf: &mut Buffer) {
    let (labels, _, top, label_w) = axis_labels(data, lang);
    let hours: Vec<(f64, f64)> = data
        .days
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.worked.is_zero())
        .map(|(i, d)| (i as f64 + 1.0, d.worked.as_secs_f64() / 3600.0))
        .collect();
    let limit = data.limit.as_secs_f64() / 3600.0;
    let n = data.days.len() as f64;
    let limit_line = [(0.5, limit), (n + 0.5, limit)];
    let datasets = vec![
        Dataset::default()
            .name(EpisodeText::PlotHours.render(lang))
            .marker(Marker::HalfBlock)
            .graph_type(GraphType::Bar)
            .style(Style::new().fg(rgb(HOURS_RGB)))
            .data(&hours),
        Dataset::default()
            .name(EpisodeText::PlotLimit.render(lang))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(Style::new().fg(rgb(LIMIT_RGB)))
            .data(&limit_line),
    ];
    // ratatui spreads axis labels evenly, so they name evenly spaced values.
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.5, n + 0.5])
                .labels(blank_x_labels()),
        )
        .y_axis(
            Axis::default()
                .title(EpisodeText::PlotHours.render(lang))
                .bounds([0.0, top])
                .labels(y_labels(&labels, label_w.into())),
        )
        .render(area, buf);
    name_days(data, lang, area, label_w, buf);
}

fn mood_chart(data: &PlotData, lang: Lang, area: Rect, buf: &mut Buffer) {
    let moods: Vec<(f64, f64)> = data
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.mood.map(|m| (i as f64 + 1.0, f64::from(m))))
        .collect();
    let n = data.days.len() as f64;
    let (_, labels, _, label_w) = axis_labels(data, lang);
    let datasets = vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(Style::new().fg(rgb(MOOD_RGB[1])))
            .data(&moods),
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(Style::new().fg(rgb(MOOD_RGB[4])))
            .data(&moods),
    ];
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.5, n + 0.5])
                .labels(blank_x_labels()),
        )
        .y_axis(
            Axis::default()
                .title(EpisodeText::PlotMood.render(lang))
                .bounds([0.8, 5.2])
                .labels(y_labels(&labels, label_w.into())),
        )
        .render(area, buf);
    name_days(data, lang, area, label_w, buf);
}

/// The year in pixels: a row a month, a cell a day, coloured by mood.
fn pixels(data: &PlotData, lang: Lang, area: Rect, buf: &mut Buffer) {
    const BARS: [&str; 5] = ["▁▁", "▃▃", "▄▄", "▆▆", "██"];
    let year = data.range.first.year();
    buf.set_string(
        area.x,
        area.y,
        EpisodeText::PlotPixels(year).render(lang),
        Style::new().add_modifier(Modifier::BOLD),
    );
    let label_w = 5;
    for m in 1..=12i8 {
        let y = area.y + 1 + m.unsigned_abs() as u16;
        if y >= area.bottom() {
            break;
        }
        buf.set_string(
            area.x,
            y,
            EpisodeText::PlotMonth(m).render(lang),
            Style::new(),
        );
        for point in data.days.iter().filter(|d| d.day.month() == m) {
            let x = area.x + label_w + 2 * (point.day.day().unsigned_abs() as u16 - 1);
            let (text, style) = match point.mood {
                Some(mood) => {
                    let level = mood_level(mood);
                    (BARS[level], Style::new().fg(rgb(MOOD_RGB[level])))
                }
                None if point.day > data.today => ("  ", Style::new()),
                None => ("··", Style::new().fg(Color::Rgb(150, 150, 150))),
            };
            buf.set_string(x, y, text, style);
        }
    }
    // The legend: the five moods in words, and a day without one.
    let (mut x, mut y) = (area.x + label_w, area.y + 14);
    let no_mood = EpisodeText::PlotNoMood.render(lang);
    let keys = BARS.iter().enumerate().map(|(level, bar)| {
        let word = words::mood(lang, Mood::new(level as u8 + 1).expect("1 to 5"));
        (*bar, rgb(MOOD_RGB[level]), word.to_string())
    });
    let blank = ("··", Color::Rgb(150, 150, 150), no_mood);
    for (bar, colour, word) in keys.chain([blank]) {
        let width = 3 + word.width() as u16;
        // A legend that does not fit goes on to the next line.
        if x + width > area.right() {
            (x, y) = (area.x + label_w, y + 1);
        }
        if y >= area.bottom() {
            break;
        }
        buf.set_string(x, y, bar, Style::new().fg(colour));
        buf.set_string(x + 3, y, word, Style::new());
        x += width + 2;
    }
}

/// The plot of `data` as text `width` columns wide; with `color`, ANSI colour.
pub fn render(data: &PlotData, lang: Lang, width: u16, color: bool) -> String {
    let (hours_h, mood_h) = (14u16, 10u16);
    let pixels_h = if data.span == Span::Year { 16 } else { 0 };
    let height = 2 + hours_h + 1 + mood_h + pixels_h;
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let heading = EpisodeText::PlotSpan {
        first: data.range.first,
        last: data.range.last,
    }
    .render(lang);
    buf.set_string(0, 0, heading, Style::new().add_modifier(Modifier::BOLD));
    let mut y = 2;
    if pixels_h > 0 {
        pixels(data, lang, Rect::new(0, y, width, pixels_h), &mut buf);
        y += pixels_h;
    }
    hours_chart(data, lang, Rect::new(0, y, width, hours_h), &mut buf);
    y += hours_h + 1;
    mood_chart(data, lang, Rect::new(0, y, width, mood_h), &mut buf);
    to_text(&buf, color)
}

fn sgr(style_fg: Color, bold: bool) -> String {
    let mut codes = Vec::new();
    if bold {
        codes.push("1".to_string());
    }
    match style_fg {
        Color::Rgb(r, g, b) => codes.push(format!("38;2;{r};{g};{b}")),
        Color::Indexed(i) => codes.push(format!("38;5;{i}")),
        _ => {}
    }
    if codes.is_empty() {
        String::new()
    } else {
        format!("\x1b[{}m", codes.join(";"))
    }
}

/// A buffer as lines of text. A wide character's second cell is skipped, as
/// a terminal would; trailing blanks go.
fn to_text(buf: &Buffer, color: bool) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        let mut current = String::new();
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            skip = symbol.width().saturating_sub(1);
            if color {
                let code = sgr(cell.fg, cell.modifier.contains(Modifier::BOLD));
                if code != current {
                    if !current.is_empty() {
                        line.push_str("\x1b[0m");
                    }
                    line.push_str(&code);
                    current = code;
                }
            }
            line.push_str(symbol);
        }
        if color && !current.is_empty() {
            line.push_str("\x1b[0m");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // Blank lines at the end say nothing.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::span_range;
    use iyashi_core::episode::{day_points, sample};
    use iyashi_core::rhythm::RhythmSettings;

    fn data(span: Span) -> PlotData {
        let today = jiff::civil::date(2026, 11, 25);
        let year = sample::year(2026, today, Lang::En);
        let range = span_range(span, today);
        let settings = RhythmSettings::default();
        PlotData {
            span,
            range,
            today,
            days: day_points(range, &year.entries, &year.records, &settings),
            limit: settings.daily_limit,
        }
    }

    #[test]
    fn a_week_in_the_terminal() {
        insta::assert_snapshot!(
            "plot_week_en",
            render(&data(Span::Week), Lang::En, 72, false)
        );
    }

    #[test]
    fn a_year_in_pixels_in_japanese() {
        let text = render(&data(Span::Year), Lang::Ja, 80, false);
        insta::assert_snapshot!("plot_year_ja", text);
    }

    /// The display column where `pattern` begins in `line`.
    fn column(line: &str, pattern: &str) -> Option<usize> {
        line.find(pattern).map(|at| line[..at].width())
    }

    #[test]
    fn a_year_names_every_month_at_its_first_day_under_both_charts_alike() {
        let mut year = data(Span::Year);
        // Work begins on 1 October.
        for point in &mut year.days {
            if point.day < jiff::civil::date(2026, 10, 1) {
                point.worked = jiff::SignedDuration::ZERO;
            }
        }
        for lang in [Lang::En, Lang::Ja] {
            let text = render(&year, lang, 80, false);
            let lines: Vec<&str> = text.lines().collect();
            let axes: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains('└'))
                .collect();
            assert_eq!(axes.len(), 2, "{text}");
            let corner = |i: usize| column(lines[i], "└");
            assert_eq!(
                corner(axes[0]),
                corner(axes[1]),
                "{lang}: not aligned\n{text}"
            );
            let (hours_labels, mood_labels) = (lines[axes[0] + 1], lines[axes[1] + 1]);
            assert_eq!(hours_labels, mood_labels, "{lang}\n{text}");
            let months: Vec<String> = (1..=12)
                .map(|m| EpisodeText::PlotMonth(m).render(lang))
                .collect();
            let mut last = 0;
            for month in &months {
                let at = column(hours_labels, &format!("{month} "))
                    .or_else(|| column(hours_labels, month))
                    .unwrap_or_else(|| panic!("{lang}: no {month}\n{text}"));
                assert!(at >= last, "{lang}: {month} out of order\n{hours_labels}");
                last = at;
            }
            // The first bar stands over October's label.
            let title = EpisodeText::PlotHours.render(lang);
            let top = lines.iter().position(|l| l.contains(&title)).unwrap_or(0);
            let bars = lines[top + 1..axes[0]]
                .iter()
                .filter_map(|l| l.find(['█', '▄', '▀']).map(|at| l[..at].width()))
                .min();
            let october = column(hours_labels, &months[9]);
            assert_eq!(bars, october, "{lang}\n{text}");
        }
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = render(&data(Span::Month), Lang::En, 80, false);
        assert!(!plain.contains('\x1b'));
        let coloured = render(&data(Span::Month), Lang::En, 80, true);
        assert!(coloured.contains("\x1b[38;2;222;170;100m"));
    }
}
