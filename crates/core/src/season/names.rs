//! The names of the 24 solar terms, and the type every season name is given in.
//!
//! The readings follow modern Japanese usage; romaji is Hepburn with macrons. The English
//! names and the notes are iyashi's own wording, written for a reader who has never seen
//! the Japanese calendar: what the name means and what one might notice outdoors in
//! Japan at that time.

use serde::Serialize;

/// The names of a solar term or micro-season, and a note on the season.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Names {
    /// The name in kanji, as the almanac prints it (e.g. 小雪).
    pub kanji: &'static str,
    /// Its reading in hiragana (しょうせつ).
    pub kana: &'static str,
    /// Its reading in Hepburn romaji (Shōsetsu).
    pub romaji: &'static str,
    /// What the name means, in English (Light snow).
    pub english: &'static str,
    /// One or two sentences on what is happening in nature, in English.
    pub note_en: &'static str,
    /// The same note, in Japanese.
    pub note_ja: &'static str,
}

/// A season's names, in the order the tables below write them.
pub(super) const fn n(
    kanji: &'static str,
    kana: &'static str,
    romaji: &'static str,
    english: &'static str,
    note_en: &'static str,
    note_ja: &'static str,
) -> Names {
    Names {
        kanji,
        kana,
        romaji,
        english,
        note_en,
        note_ja,
    }
}

/// The 24 solar terms by longitude: index `i` begins at `15 × i` degrees, 春分 first.
#[rustfmt::skip]
pub(crate) const SOLAR_TERMS: [Names; 24] = [
    n("春分", "しゅんぶん", "Shunbun", "Spring equinox",
      "Day and night are of equal length, and from now on the days are longer. Graves are visited and the first cherry trees open in the south.",
      "昼と夜の長さがほぼ同じになり、この日を境に昼が長くなっていきます。お彼岸の墓参りのころで、南の地方では桜が咲き始めます。"),
    n("清明", "せいめい", "Seimei", "Clear and bright",
      "Everything growing looks fresh and clean in the spring light. Cherry blossoms are at their best in much of Japan.",
      "春の光の中で、草木が清らかに明るく見えるころ。多くの土地で桜が見ごろを迎えます。"),
    n("穀雨", "こくう", "Kokuu", "Rain for the grain",
      "Soft spring rain soaks the fields and helps the newly sown seeds to grow.",
      "やわらかな春の雨が田畑をうるおし、まいたばかりの種の芽生えを助けます。"),
    n("立夏", "りっか", "Rikka", "Summer begins",
      "By the old reckoning summer starts today. The new leaves deepen to green and the breeze smells of them.",
      "暦の上ではこの日から夏。若葉の緑が濃くなり、風に青葉の香りがします。"),
    n("小満", "しょうまん", "Shōman", "Small fullness",
      "Plants and creatures fill out with life, and the barley sown in autumn has begun to form its grain.",
      "草木も生き物も命に満ちあふれ、秋にまいた麦が穂を実らせ始めます。"),
    n("芒種", "ぼうしゅ", "Bōshu", "Sowing the bearded grain",
      "The season for sowing grains with awns, like rice. Rice is planted out into flooded paddies, and the rainy season is near.",
      "稲のように穂に芒（のぎ）のある穀物の種をまくころ。田植えが進み、梅雨が近づきます。"),
    n("夏至", "げし", "Geshi", "Summer solstice",
      "The longest day of the year, though in Japan it usually falls in the middle of the rainy season.",
      "一年でいちばん昼が長い日。もっとも日本ではたいてい梅雨のさなかです。"),
    n("小暑", "しょうしょ", "Shōsho", "Lesser heat",
      "The rainy season draws to its end and the heat begins to build.",
      "梅雨が明けに近づき、暑さが少しずつ本格的になっていきます。"),
    n("大暑", "たいしょ", "Taisho", "Greater heat",
      "The hottest stretch of the year. Cicadas sing all day and people seek out cool shade and cold food.",
      "一年でもっとも暑いころ。一日じゅう蝉が鳴き、人は木陰や冷たい食べ物に涼を求めます。"),
    n("立秋", "りっしゅう", "Risshū", "Autumn begins",
      "Autumn begins on the calendar while the days stay hot; from here on, the heat that remains is called the lingering heat.",
      "暦の上では秋の始まり。まだ暑い日が続きますが、これからの暑さは残暑と呼ばれます。"),
    n("処暑", "しょしょ", "Shosho", "Heat abates",
      "The worst of the heat settles. Mornings and evenings grow a little cooler, and it is the season of typhoons.",
      "暑さがようやくおさまり始め、朝夕は少し涼しくなります。台風の多い時期でもあります。"),
    n("白露", "はくろ", "Hakuro", "White dew",
      "The nights are cool enough for dew to form, and it shines white on the grass in the morning.",
      "夜の冷えで露が結ぶようになり、朝の草の上に白く光ります。"),
    n("秋分", "しゅうぶん", "Shūbun", "Autumn equinox",
      "Day and night are equal again, and from now on the nights are longer. Red spider lilies bloom along the paddy edges.",
      "ふたたび昼と夜の長さがほぼ同じになり、これからは夜が長くなります。田のあぜに彼岸花が咲きます。"),
    n("寒露", "かんろ", "Kanro", "Cold dew",
      "The dew feels cold to the touch. The air is clear and the rice harvest is in full swing.",
      "露が冷たく感じられるころ。空気が澄み、稲刈りが盛んになります。"),
    n("霜降", "そうこう", "Sōkō", "Frost falls",
      "The first frosts come to the mountains and the north, and the leaves begin to turn.",
      "山や北の地方で霜が降り始め、木々が色づき始めます。"),
    n("立冬", "りっとう", "Rittō", "Winter begins",
      "Winter starts on the calendar. The sun is low, the days are short, and the first cold winds blow.",
      "暦の上では冬の始まり。日差しは低く日も短くなり、冷たい風が吹き始めます。"),
    n("小雪", "しょうせつ", "Shōsetsu", "Light snow",
      "A little snow begins to fall in the mountains and the north, though not yet enough to settle.",
      "山や北の地方で、まだ積もるほどではない雪がちらつき始めます。"),
    n("大雪", "たいせつ", "Taisetsu", "Heavy snow",
      "Snow falls in earnest in the mountains and the north, and the whole country feels the cold of winter.",
      "山や北の地方では雪が本格的に降り、全国で冬の寒さが感じられるようになります。"),
    n("冬至", "とうじ", "Tōji", "Winter solstice",
      "The shortest day of the year. From tomorrow the light comes back; people eat pumpkin and take a bath with yuzu.",
      "一年でいちばん昼が短い日。これからは日が長くなっていきます。かぼちゃを食べ、ゆず湯に入る習わしがあります。"),
    n("小寒", "しょうかん", "Shōkan", "Lesser cold",
      "The start of the coldest time of the year, called \"entering the cold\".",
      "「寒の入り」と呼ばれ、一年でもっとも寒い時期が始まります。"),
    n("大寒", "だいかん", "Daikan", "Greater cold",
      "The depths of the cold. Yet buds are already swelling on the plum trees.",
      "寒さがもっとも厳しいころ。それでも梅のつぼみはもうふくらみ始めています。"),
    n("立春", "りっしゅん", "Risshun", "Spring begins",
      "Spring begins on the calendar, the day after Setsubun. It is still cold, but the light is brighter.",
      "節分の翌日、暦の上では春が始まります。まだ寒いものの、日の光は明るさを増しています。"),
    n("雨水", "うすい", "Usui", "Snow turns to rain",
      "What fell as snow now falls as rain, and the ice and snow begin to melt.",
      "雪が雨に変わり、積もった雪や氷がとけ始めます。"),
    n("啓蟄", "けいちつ", "Keichitsu", "Insects stir",
      "Warmed by the spring sun, insects that spent the winter underground come out again.",
      "春の日差しに温められ、土の中で冬を越した虫たちが外へ出てきます。"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::season::kou::MICRO_SEASONS;

    #[test]
    fn every_name_is_filled_in() {
        for names in SOLAR_TERMS.iter().chain(MICRO_SEASONS.iter()) {
            for field in [
                names.kanji,
                names.kana,
                names.romaji,
                names.english,
                names.note_en,
                names.note_ja,
            ] {
                assert!(!field.trim().is_empty(), "{names:?}");
            }
            assert!(
                names
                    .kana
                    .chars()
                    .all(|c| ('ぁ'..='ゖ').contains(&c) || c == 'ー'),
                "{}",
                names.kana
            );
            assert!(names.note_en.is_ascii(), "{}", names.note_en);
            assert!(names.note_ja.ends_with('。'), "{}", names.note_ja);
        }
    }

    #[test]
    fn names_are_distinct() {
        let mut kanji: Vec<_> = SOLAR_TERMS
            .iter()
            .chain(MICRO_SEASONS.iter())
            .map(|n| n.kanji)
            .collect();
        kanji.sort_unstable();
        kanji.dedup();
        assert_eq!(kanji.len(), 24 + 72);
    }
}
