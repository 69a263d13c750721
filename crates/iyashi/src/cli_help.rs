//! Which help text of the catalogue belongs to which clap command or
//! argument. A key is a subcommand path with an optional argument id:
//! `"log"`, `"log.day"`, `"config.path"`, `""` for the program itself.

use iyashi_core::catalogue::help::CommandHelp;
use iyashi_core::Lang;

const BY_ID: &[(&str, CommandHelp)] = &[
    ("", CommandHelp::Iyashi),
    ("lang", CommandHelp::Lang),
    ("no_motion", CommandHelp::NoMotion),
    ("large_text", CommandHelp::LargeText),
    ("high_contrast", CommandHelp::HighContrast),
    ("no_color", CommandHelp::NoColor),
    ("joy", CommandHelp::Joy),
    ("joy.text", CommandHelp::JoyText),
    ("mood", CommandHelp::Mood),
    ("mood.mood", CommandHelp::MoodMood),
    ("mood.text", CommandHelp::MoodText),
    ("note", CommandHelp::Note),
    ("note.text", CommandHelp::NoteText),
    ("log", CommandHelp::Log),
    ("log.day", CommandHelp::LogDay),
    ("log.week", CommandHelp::LogWeek),
    ("log.month", CommandHelp::LogMonth),
    ("log.tag", CommandHelp::LogTag),
    ("log.json", CommandHelp::LogJson),
    ("search", CommandHelp::Search),
    ("search.words", CommandHelp::SearchWords),
    ("search.json", CommandHelp::SearchJson),
    ("today", CommandHelp::Today),
    ("today.json", CommandHelp::TodayJson),
    ("undo", CommandHelp::Undo),
    ("export", CommandHelp::Export),
    ("export.format", CommandHelp::ExportFormat),
    ("export.output", CommandHelp::ExportOutput),
    ("import", CommandHelp::Import),
    ("import.file", CommandHelp::ImportFile),
    ("config", CommandHelp::Config),
    ("config.path", CommandHelp::ConfigPath),
    ("config.show", CommandHelp::ConfigShow),
    ("completions", CommandHelp::Completions),
    ("completions.shell", CommandHelp::CompletionsShell),
    ("man", CommandHelp::Man),
    ("work", CommandHelp::Work),
    ("work.start", CommandHelp::WorkStart),
    ("work.stop", CommandHelp::WorkStop),
    ("break", CommandHelp::Break),
    ("break.now", CommandHelp::BreakNow),
    ("break.micro", CommandHelp::BreakMicro),
    ("week", CommandHelp::Week),
    ("quiet", CommandHelp::Quiet),
    ("quiet.span", CommandHelp::QuietSpan),
    ("why", CommandHelp::Why),
    ("why.json", CommandHelp::WhyJson),
    ("week.json", CommandHelp::WeekJson),
    ("watch", CommandHelp::Watch),
    ("watch.source", CommandHelp::WatchSource),
    ("watch.install", CommandHelp::WatchInstall),
    ("watch.no_tray", CommandHelp::WatchNoTray),
    ("break-screen", CommandHelp::BreakScreen),
    ("break-screen.kind", CommandHelp::BreakScreenKind),
    ("break-screen.activity", CommandHelp::BreakScreenActivity),
    ("break-screen.seconds", CommandHelp::BreakScreenSeconds),
    ("break-screen.postponed", CommandHelp::BreakScreenPostponed),
    (
        "break-screen.fullscreen",
        CommandHelp::BreakScreenFullscreen,
    ),
    (
        "break-screen.report_first_frame",
        CommandHelp::BreakScreenReportFirstFrame,
    ),
    ("joy-window", CommandHelp::JoyWindow),
    (
        "joy-window.report_first_frame",
        CommandHelp::JoyWindowReportFirstFrame,
    ),
    ("desk", CommandHelp::Desk),
    ("desk.report_first_frame", CommandHelp::DeskReportFirstFrame),
    ("web", CommandHelp::Web),
    ("web.port", CommandHelp::WebPort),
    ("web.open", CommandHelp::WebOpen),
    ("season", CommandHelp::Season),
    ("season.date", CommandHelp::SeasonDate),
    ("season.year", CommandHelp::SeasonYear),
    ("season.json", CommandHelp::SeasonJson),
    ("episode", CommandHelp::Episode),
    ("episode.month", CommandHelp::EpisodeMonth),
    ("episode.json", CommandHelp::EpisodeJson),
    ("episode.md", CommandHelp::EpisodeMd),
    ("plot", CommandHelp::Plot),
    ("plot.span", CommandHelp::PlotSpan),
    ("plot.output", CommandHelp::PlotOutput),
    ("card", CommandHelp::Card),
    ("card.month", CommandHelp::CardMonth),
    ("card.output", CommandHelp::CardOutput),
    ("card.private", CommandHelp::CardPrivate),
    ("letters", CommandHelp::Letters),
    ("letters.write", CommandHelp::LettersWrite),
    ("letters.write.text", CommandHelp::LettersWriteText),
    ("letters.inbox", CommandHelp::LettersInbox),
    ("letters.inbox.json", CommandHelp::LettersInboxJson),
    ("letters.reply", CommandHelp::LettersReply),
    ("letters.reply.id", CommandHelp::LettersReplyId),
    ("letters.reply.text", CommandHelp::LettersReplyText),
    ("letters.thank", CommandHelp::LettersThank),
    ("letters.thank.id", CommandHelp::LettersThankId),
    ("letters.report", CommandHelp::LettersReport),
    ("letters.report.id", CommandHelp::LettersReportId),
    ("letters.rest", CommandHelp::LettersRest),
];

/// The help text for the clap path `key`, if there is one.
pub fn help(lang: Lang, key: &str) -> Option<&'static str> {
    BY_ID
        .iter()
        .find(|(id, _)| *id == key)
        .map(|(_, text)| text.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_belongs_to_one_clap_path() {
        for text in CommandHelp::ALL {
            let ids = BY_ID.iter().filter(|(_, t)| *t == text).count();
            assert_eq!(ids, 1, "{text:?}");
        }
        assert_eq!(BY_ID.len(), CommandHelp::ALL.len());
    }
}
