//! `iyashi season`: where the year stands, in solar terms and micro-seasons.

use iyashi_core::catalogue::season::{Named, SeasonText};
use iyashi_core::catalogue::Message;

use super::{print, print_json};
use crate::cli::SeasonArgs;
use crate::context::Context;
use crate::failure::Failure;

pub fn season(ctx: &Context, args: &SeasonArgs) -> Result<(), Failure> {
    if let Some(year) = args.year {
        let table = iyashi_app::season::year(year)?;
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
    let now = iyashi_app::season::season_on(ctx, args.date.as_deref())?;
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
