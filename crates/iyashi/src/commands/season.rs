//! `iyashi season`: where the year stands, in solar terms and micro-seasons.

use iyashi_core::catalogue::season::{Named, SeasonText};
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::season::{self, SeasonError};
use jiff::civil::Time;

use super::{print, print_json};
use crate::cli::SeasonArgs;
use crate::context::Context;
use crate::failure::Failure;

fn season_failure(e: SeasonError) -> Failure {
    Failure::bad_input(Problem::Season(e))
}

pub fn season(ctx: &Context, args: &SeasonArgs) -> Result<(), Failure> {
    if let Some(year) = args.year {
        let table = season::year(year).map_err(season_failure)?;
        if args.json {
            return print_json(&table);
        }
        let text = SeasonText::YearTable {
            year: table,
            tz: ctx.tz.clone(),
            micro_seasons: true,
        };
        return print(&format!("{}\n", text.render(ctx.lang).trim_end()));
    }
    let at = match &args.date {
        // Noon, so the answer is the season of the day rather than of its edge.
        Some(given) => {
            let date = super::log::parse_day(given.as_ref(), ctx.today())?;
            ctx.tz
                .to_timestamp(date.to_datetime(Time::constant(12, 0, 0, 0)))
                .map_err(|_| Failure::bad_input(Problem::BadDay(given.clone())))?
        }
        None => ctx.now,
    };
    let now = season::season_at(at).map_err(season_failure)?;
    if args.json {
        return print_json(&now);
    }
    let lang = ctx.lang;
    let micro: Named = now.micro_season.season.into();
    let next = now.next();
    let lines = [
        SeasonText::Now {
            season: now.term.season.into(),
            fraction: now.term.fraction,
        }
        .render(lang),
        SeasonText::Now {
            season: micro,
            fraction: now.micro_season.fraction,
        }
        .render(lang),
        format!("  {}", SeasonText::Note(micro).render(lang)),
        SeasonText::Next {
            season: next.season.into(),
            at: next.in_zone(&ctx.tz).datetime(),
        }
        .render(lang),
    ];
    print(&format!("{}\n", lines.join("\n")))
}
