//! The x axis of the plots drawn to files: the days of the span, named
//! where the terminal's charts name them ([`PlotData::marks`]).

use iyashi_core::Lang;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{PlotData, Span};
use iyashi_art::palette;

/// Where the x axis names a day, and what it says: a year's months from
/// the edge where each begins (so work from the 1st is seen under its own
/// month), other days at their middle.
pub fn x_ticks(data: &PlotData, lang: Lang) -> Vec<(f64, String)> {
    let at_edge = data.span == Span::Year;
    data.marks(lang)
        .into_iter()
        .map(|(i, label)| (i as f64 + if at_edge { 0.5 } else { 1.0 }, label))
        .collect()
}

/// The x axis: the days of the span (day i at i + 1), ticked only where
/// [`x_ticks`] names one. (plotters' own key points for f64 cannot take a
/// label formatter.)
pub struct Days {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Days {
    pub fn new(ticks: &[(f64, String)], n: f64) -> Days {
        Days {
            inner: (0.5f64..n + 0.5).into(),
            ticks: ticks.iter().map(|(x, _)| *x).collect(),
        }
    }
}

impl Ranged for Days {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

/// Writes each tick's label under a chart built on `area` whose x axis
/// lies at `bottom`: a year's months starting at their tick, other days
/// centred on theirs. (plotters centres every axis label on its tick.)
pub fn name_days<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<DB, Cartesian2d<Days, RangedCoordf64>>,
    bottom: f64,
    ticks: &[(f64, String)],
    data: &PlotData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let h = if data.span == Span::Year {
        HPos::Left
    } else {
        HPos::Center
    };
    let style = ("sans-serif", super::spacing::TICK)
        .into_font()
        .color(&RGBColor(palette::SOFT.0, palette::SOFT.1, palette::SOFT.2))
        .pos(Pos::new(h, VPos::Top));
    let (base_x, base_y) = area.get_base_pixel();
    for (x, label) in ticks {
        let (px, py) = chart.backend_coord(&(*x, bottom));
        area.draw(&Text::new(
            label.clone(),
            (px - base_x, py - base_y + 8),
            style.clone(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::chart::HOURS_RGB;
    use crate::episode::{draw, span_range};
    use iyashi_core::catalogue::episode::EpisodeText;
    use iyashi_core::catalogue::Message;
    use iyashi_core::episode::{day_points, sample};
    use iyashi_core::rhythm::RhythmSettings;

    /// The value of `name` in an SVG element's attributes.
    fn attr(element: &str, name: &str) -> Option<f64> {
        let from = element.find(&format!(" {name}=\""))? + name.len() + 3;
        let rest = &element[from..];
        rest[..rest.find('"')?].parse().ok()
    }

    #[test]
    fn a_year_drawn_names_every_month_where_it_begins_in_both_charts() {
        let today = jiff::civil::date(2026, 11, 25);
        let settings = RhythmSettings::default();
        let range = span_range(Span::Year, today);
        for lang in [Lang::En, Lang::Ja] {
            let year = sample::year(2026, today, lang);
            let mut days = day_points(range, &year.entries, &year.records, &settings);
            // Work begins on 1 October.
            for point in &mut days {
                if point.day < jiff::civil::date(2026, 10, 1) {
                    point.worked = jiff::SignedDuration::ZERO;
                }
            }
            let data = PlotData {
                span: Span::Year,
                range,
                today,
                days,
                limit: settings.daily_limit,
            };
            let svg = draw::svg(&data, lang).expect("drawn");
            // Where each text begins: a month's name starts at its tick.
            let texts: Vec<(f64, &str)> = svg
                .split("<text")
                .skip(1)
                .filter_map(|t| {
                    let (head, body) = t.split_once('>')?;
                    let body = body.split("</text>").next()?.trim();
                    let starts = head.contains(r#"text-anchor="start""#);
                    Some((attr(head, "x")?, body)).filter(|_| starts)
                })
                .collect();
            let mut octobers = Vec::new();
            for m in 1..=12i8 {
                let month = EpisodeText::PlotMonth(m).render(lang);
                // The pixels' row label, then one under each chart.
                let xs: Vec<f64> = texts
                    .iter()
                    .filter(|(_, t)| *t == month)
                    .map(|(x, _)| *x)
                    .collect();
                assert_eq!(xs.len(), 3, "{lang}: {month} at {xs:?}");
                assert_eq!(xs[1], xs[2], "{lang}: the charts' {month} differ");
                if m == 10 {
                    octobers.push(xs[1]);
                }
            }
            let (r, g, b) = HOURS_RGB;
            let fill = format!("fill=\"#{r:02X}{g:02X}{b:02X}\"");
            let first_bar = svg
                .split("<rect")
                .filter(|r| r.contains(&fill) && attr(r, "height").is_some_and(|h| h > 0.0))
                .filter_map(|r| attr(r, "x"))
                .fold(f64::MAX, f64::min);
            assert!(
                (first_bar - octobers[0]).abs() <= 1.0,
                "{lang}: the first bar at {first_bar}, October at {octobers:?}"
            );
        }
    }
}
