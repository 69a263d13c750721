//! Plots to files with plotters: SVG (text left to the viewer's fonts) and
//! PNG (text drawn with the embedded font, so Japanese is real on any
//! machine). One drawing function serves both backends.

use iyashi_core::catalogue::episode::EpisodeText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::entry::Mood;
use iyashi_core::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

use iyashi_art::palette::{self, Rgb};

use super::axis::{name_days, x_ticks, Days};
use super::chart::{HOURS_RGB, LIMIT_RGB, MOOD_RGB};
use super::spacing::{CAPTION, HEADING, LEGEND, MARGIN, TICK, X_LABELS, Y_LABELS};
use super::typeset::Typeset;
use super::{font, PlotData, Span};

const fn from_palette(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

const PAPER: RGBColor = from_palette(palette::PAPER);
const INK: RGBColor = from_palette(palette::INK);
const SOFT: RGBColor = from_palette(palette::SOFT);
const NO_MOOD: RGBColor = from_palette(palette::NO_MOOD);
const RULE: RGBColor = from_palette(palette::RULE);

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The picture's size in pixels.
pub fn size(data: &PlotData) -> (u32, u32) {
    match data.span {
        Span::Year => (1200, 1160),
        Span::Week | Span::Month => (1000, 760),
    }
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn hours<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PlotData,
    lang: Lang,
) -> Drawn<DB> {
    let n = data.days.len() as f64;
    let ticks = x_ticks(data, lang);
    let limit = data.limit.as_secs_f64() / 3600.0;
    let top = data
        .days
        .iter()
        .map(|d| d.worked.as_secs_f64() / 3600.0)
        .fold(limit, f64::max)
        .ceil()
        + 1.0;
    let mut chart = ChartBuilder::on(area)
        .caption(
            EpisodeText::PlotHours.render(lang),
            ("sans-serif", CAPTION).into_font().color(&INK),
        )
        .margin(MARGIN)
        .x_label_area_size(X_LABELS)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(Days::new(&ticks, n), 0f64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_label_formatter(&|_| String::new())
        .y_label_formatter(&|y| EpisodeText::PlotHoursTick(y.round() as u32).render(lang))
        .label_style(("sans-serif", TICK).into_font().color(&SOFT))
        .light_line_style(RULE)
        .axis_style(SOFT)
        .draw()?;
    name_days(area, &chart, 0.0, &ticks, data)?;
    let half = if data.span == Span::Year { 0.5 } else { 0.35 };
    chart.draw_series(data.days.iter().enumerate().map(|(i, d)| {
        let x = i as f64 + 1.0;
        let h = d.worked.as_secs_f64() / 3600.0;
        Rectangle::new([(x - half, 0.0), (x + half, h)], rgb(HOURS_RGB).filled())
    }))?;
    chart
        .draw_series(LineSeries::new(
            [(0.5, limit), (n + 0.5, limit)],
            rgb(LIMIT_RGB).stroke_width(3),
        ))?
        .label(EpisodeText::PlotLimit.render(lang))
        .legend(|(x, y)| PathElement::new([(x, y), (x + 24, y)], rgb(LIMIT_RGB).stroke_width(3)));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(("sans-serif", LEGEND).into_font().color(&INK))
        .background_style(PAPER.mix(0.9))
        .border_style(SOFT)
        .draw()?;
    Ok(())
}

fn moods<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PlotData,
    lang: Lang,
) -> Drawn<DB> {
    let n = data.days.len() as f64;
    let ticks = x_ticks(data, lang);
    let mut chart = ChartBuilder::on(area)
        .caption(
            EpisodeText::PlotMood.render(lang),
            ("sans-serif", CAPTION).into_font().color(&INK),
        )
        .margin(MARGIN)
        .x_label_area_size(X_LABELS)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(Days::new(&ticks, n), 0.7f64..5.3)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_label_formatter(&|_| String::new())
        .y_labels(5)
        .y_label_formatter(&|y| {
            let v = y.round();
            if (y - v).abs() > 0.01 || !(1.0..=5.0).contains(&v) {
                return String::new();
            }
            words::mood(lang, Mood::new(v as u8).expect("1 to 5")).to_string()
        })
        .label_style(("sans-serif", TICK).into_font().color(&SOFT))
        .light_line_style(RULE)
        .axis_style(SOFT)
        .draw()?;
    name_days(area, &chart, 0.7, &ticks, data)?;
    let daily = data
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.mood.map(|m| (i as f64 + 1.0, f64::from(m))));
    // A year of daily moods is a scribble; a year of weekly means is a shape.
    let points: Vec<(f64, f64)> = if data.span == Span::Year {
        weekly_means(daily)
    } else {
        daily.collect()
    };
    chart.draw_series(LineSeries::new(
        points.iter().copied(),
        rgb(MOOD_RGB[1]).stroke_width(2),
    ))?;
    let r = if data.span == Span::Year { 3 } else { 6 };
    chart.draw_series(points.iter().map(|&(x, m)| {
        let level = (m.round() as usize).clamp(1, 5) - 1;
        Circle::new((x, m), r, rgb(MOOD_RGB[level]).filled())
    }))?;
    Ok(())
}

/// The mean mood of each run of seven days that has any, at its middle.
fn weekly_means(daily: impl Iterator<Item = (f64, f64)>) -> Vec<(f64, f64)> {
    let mut weeks: Vec<(f64, u32)> = Vec::new();
    for (x, m) in daily {
        let week = ((x - 1.0) / 7.0) as usize;
        if weeks.len() <= week {
            weeks.resize(week + 1, (0.0, 0));
        }
        weeks[week].0 += m;
        weeks[week].1 += 1;
    }
    weeks
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| *n > 0)
        .map(|(w, (sum, n))| (w as f64 * 7.0 + 4.0, sum / f64::from(*n)))
        .collect()
}

/// One cell a day, a row a month, coloured by the day's mood.
fn pixels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PlotData,
    lang: Lang,
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let year = data.range.first.year();
    area.draw(&Text::new(
        EpisodeText::PlotPixels(year).render(lang),
        (24, 8),
        ("sans-serif", CAPTION).into_font().color(&INK),
    ))?;
    let label_w = 70i32;
    let top = 48i32;
    let legend_h = 44i32;
    let cell = ((w as i32 - label_w - 40) / 31)
        .min((h as i32 - top - legend_h) / 12)
        .max(4);
    let gap = (cell / 8).max(1);
    let label = ("sans-serif", (cell * 6 / 10).clamp(10, 20))
        .into_font()
        .color(&SOFT);
    for m in 1..=12i8 {
        let y = top + (i32::from(m) - 1) * cell;
        area.draw(&Text::new(
            EpisodeText::PlotMonth(m).render(lang),
            (20, y + cell / 5),
            label.clone(),
        ))?;
        for point in data.days.iter().filter(|d| d.day.month() == m) {
            let x = label_w + (i32::from(point.day.day()) - 1) * cell;
            let rect = [(x + gap, y + gap), (x + cell - gap, y + cell - gap)];
            match point.mood {
                Some(mood) => {
                    let level = (mood.round() as usize).clamp(1, 5) - 1;
                    area.draw(&Rectangle::new(rect, rgb(MOOD_RGB[level]).filled()))?;
                }
                None if point.day > data.today => {
                    area.draw(&Rectangle::new(rect, NO_MOOD.stroke_width(1)))?;
                }
                None => area.draw(&Rectangle::new(rect, NO_MOOD.filled()))?,
            }
        }
    }
    // The legend, in the same words as everywhere else.
    let y = top + 12 * cell + 14;
    let mut x = label_w;
    let legend = ("sans-serif", LEGEND).into_font().color(&INK);
    for level in 0..5u8 {
        area.draw(&Rectangle::new(
            [(x, y), (x + 18, y + 18)],
            rgb(MOOD_RGB[usize::from(level)]).filled(),
        ))?;
        let word = words::mood(lang, Mood::new(level + 1).expect("1 to 5"));
        area.draw(&Text::new(word.to_string(), (x + 26, y), legend.clone()))?;
        x += 26 + font::width(word, LEGEND as f32) as i32 + 28;
    }
    area.draw(&Rectangle::new(
        [(x, y), (x + 18, y + 18)],
        NO_MOOD.filled(),
    ))?;
    area.draw(&Text::new(
        EpisodeText::PlotNoMood.render(lang),
        (x + 26, y),
        legend,
    ))?;
    Ok(())
}

fn draw_all<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    data: &PlotData,
    lang: Lang,
) -> Drawn<DB> {
    root.fill(&PAPER)?;
    let heading = EpisodeText::PlotSpan {
        first: data.range.first,
        last: data.range.last,
    }
    .render(lang);
    let body = root.titled(&heading, ("sans-serif", HEADING).into_font().color(&INK))?;
    let (_, h) = body.dim_in_pixel();
    if data.span == Span::Year {
        let (top, rest) = body.split_vertically(h * 45 / 100);
        let (middle, bottom) = rest.split_vertically(h * 28 / 100);
        pixels(&top, data, lang)?;
        hours(&middle, data, lang)?;
        moods(&bottom, data, lang)?;
    } else {
        let (top, bottom) = body.split_vertically(h * 55 / 100);
        hours(&top, data, lang)?;
        moods(&bottom, data, lang)?;
    }
    root.present()
}

/// The plot as an SVG document.
pub fn svg(data: &PlotData, lang: Lang) -> Result<String, String> {
    // plotters measures text even for SVG, so it needs the font too.
    font::register_for_plotters();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size(data)).into_drawing_area();
        draw_all(root, data, lang).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The plot as a PNG file's bytes.
pub fn png(data: &PlotData, lang: Lang) -> Result<Vec<u8>, String> {
    font::register_for_plotters();
    let (w, h) = size(data);
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    {
        let root = Typeset {
            inner: BitMapBackend::with_buffer(&mut rgb, (w, h)),
        }
        .into_drawing_area();
        draw_all(root, data, lang).map_err(|e| e.to_string())?;
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}
