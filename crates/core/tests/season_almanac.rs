//! Spot checks against the National Astronomical Observatory of Japan's almanac (暦要項),
//! which prints the instants of the solar terms in JST, rounded to the minute.

use iyashi_core::season::{self, SolarTerm};
use jiff::civil::DateTime;

const RISSHUN: SolarTerm = SolarTerm::RISSHUN;
const SHUNBUN: SolarTerm = SolarTerm::SHUNBUN;
const GESHI: SolarTerm = SolarTerm::GESHI;
const SHUUBUN: SolarTerm = SolarTerm::SHUUBUN;
const TOUJI: SolarTerm = SolarTerm::TOUJI;

/// (term, JST instant as printed in 暦要項).
const NAOJ: &[(SolarTerm, &str)] = &[
    (RISSHUN, "2020-02-04 18:03"),
    (SHUNBUN, "2020-03-20 12:50"),
    (GESHI, "2020-06-21 06:44"),
    (SHUUBUN, "2020-09-22 22:31"),
    (TOUJI, "2020-12-21 19:02"),
    // 立春 on 3 February for the first time since 1897; 節分 moved to the 2nd.
    (RISSHUN, "2021-02-03 23:59"),
    (SHUNBUN, "2021-03-20 18:37"),
    (GESHI, "2021-06-21 12:32"),
    (SHUUBUN, "2021-09-23 04:21"),
    (TOUJI, "2021-12-22 00:59"),
    (RISSHUN, "2022-02-04 05:51"),
    (SHUNBUN, "2022-03-21 00:33"),
    (GESHI, "2022-06-21 18:14"),
    (SHUUBUN, "2022-09-23 10:04"),
    (TOUJI, "2022-12-22 06:48"),
    (RISSHUN, "2023-02-04 11:43"),
    (SHUNBUN, "2023-03-21 06:24"),
    (GESHI, "2023-06-21 23:58"),
    (SHUUBUN, "2023-09-23 15:50"),
    (TOUJI, "2023-12-22 12:27"),
    (RISSHUN, "2024-02-04 17:27"),
    (SHUNBUN, "2024-03-20 12:06"),
    (GESHI, "2024-06-21 05:51"),
    (SHUUBUN, "2024-09-22 21:44"),
    (TOUJI, "2024-12-21 18:21"),
    (RISSHUN, "2025-02-03 23:10"),
    (SHUNBUN, "2025-03-20 18:01"),
    (GESHI, "2025-06-21 11:42"),
    (SHUUBUN, "2025-09-23 03:19"),
    (TOUJI, "2025-12-22 00:03"),
    (RISSHUN, "2026-02-04 05:02"),
    (SHUNBUN, "2026-03-20 23:46"),
    (GESHI, "2026-06-21 17:25"),
    (SHUUBUN, "2026-09-23 09:05"),
    (TOUJI, "2026-12-22 05:50"),
    (RISSHUN, "2027-02-04 10:46"),
    (SHUNBUN, "2027-03-21 05:25"),
    (GESHI, "2027-06-21 23:11"),
    (SHUUBUN, "2027-09-23 15:02"),
    (TOUJI, "2027-12-22 11:42"),
];

#[test]
fn dates_match_the_almanac_exactly_and_times_to_the_minute() {
    for &(term, printed) in NAOJ {
        let printed: DateTime = printed.parse().unwrap();
        let printed = printed.to_zoned_datetime(season::japan()).unwrap();
        let mine = season::term_in_year(i32::from(printed.year()), term).unwrap();
        assert_eq!(mine.day_in_japan(), printed.date(), "{}", term.name().kanji);
        // The almanac rounds to the minute: half a minute, plus iyashi's own error.
        let off = mine.at.duration_since(printed.timestamp()).as_secs_f64();
        assert!(
            off.abs() <= 60.0,
            "{} {printed}: {off:+} s",
            term.name().kanji
        );
    }
}
