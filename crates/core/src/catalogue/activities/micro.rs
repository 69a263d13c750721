//! Short activities for a micro-break: about twenty seconds each.

use super::{breath, words, Area, Guide};
use crate::rhythm::BreakKind::Micro;

pub(super) static GUIDES: [Guide; 20] = [
    Guide {
        id: "eyes-20-20-20",
        fits: Micro,
        area: Area::Eyes,
        breath: None,
        en: words(
            "20-20-20",
            "Look at something about 20 feet (6 metres) away for 20 seconds. Let your eyes go soft.",
        ),
        ja: words(
            "20-20-20",
            "6メートルくらい先のものを、20秒ながめてみよう。目の力をふっとゆるめて。",
        ),
    },
    Guide {
        id: "eyes-far-near",
        fits: Micro,
        area: Area::Eyes,
        breath: None,
        en: words(
            "Far and near",
            "Find the farthest thing you can see, then look at your hand, then far away again. Slowly, three times.",
        ),
        ja: words(
            "遠くと近く",
            "いちばん遠くに見えるもの、次に自分の手、それからまた遠くへ。ゆっくり3回。",
        ),
    },
    Guide {
        id: "eyes-slow-blinks",
        fits: Micro,
        area: Area::Eyes,
        breath: None,
        en: words(
            "Slow blinks",
            "Close your eyes gently, count two, and open them. Ten slow blinks, like waking up.",
        ),
        ja: words(
            "ゆっくりまばたき",
            "そっと目を閉じて、ふたつ数えて、ひらく。寝起きみたいなまばたきを10回。",
        ),
    },
    Guide {
        id: "eyes-warm-palms",
        fits: Micro,
        area: Area::Eyes,
        breath: None,
        en: words(
            "Warm palms",
            "Rub your hands together until they are warm, then cup them over your closed eyes. Rest in the dark for a breath or two.",
        ),
        ja: words(
            "手のひらで目をつつむ",
            "手をこすり合わせてあたため、閉じた目をそっとおおう。暗いなかで、ひと呼吸、ふた呼吸。",
        ),
    },
    Guide {
        id: "eyes-look-around",
        fits: Micro,
        area: Area::Eyes,
        breath: None,
        en: words(
            "Look around the room",
            "Let your eyes wander: the ceiling, a corner, the floor, the door. Anywhere but a screen.",
        ),
        ja: words(
            "部屋を見わたす",
            "天井、部屋の隅、床、ドア。画面のほかのところを、目でゆっくりたどってみよう。",
        ),
    },
    Guide {
        id: "neck-ear-to-shoulder",
        fits: Micro,
        area: Area::Neck,
        breath: None,
        en: words(
            "Ear to shoulder",
            "Let your right ear sink towards your right shoulder and breathe. Then the left. No pushing.",
        ),
        ja: words(
            "耳を肩へ",
            "右の耳を右の肩へゆっくり近づけて、ひと呼吸。反対側も。押さなくていいよ。",
        ),
    },
    Guide {
        id: "neck-slow-nod",
        fits: Micro,
        area: Area::Neck,
        breath: None,
        en: words(
            "A slow nod",
            "Lower your chin towards your chest, then lift your head back to level. Slowly, five times.",
        ),
        ja: words(
            "ゆっくりうなずく",
            "あごを胸に近づけて、またまっすぐに戻す。ゆっくり5回。",
        ),
    },
    Guide {
        id: "neck-look-back",
        fits: Micro,
        area: Area::Neck,
        breath: None,
        en: words(
            "Over your shoulder",
            "Turn your head to look over your right shoulder and stay for a breath. Then the left.",
        ),
        ja: words(
            "肩ごしにふりかえる",
            "右の肩ごしにうしろを見て、ひと呼吸。左も同じように。",
        ),
    },
    Guide {
        id: "shoulders-roll",
        fits: Micro,
        area: Area::Shoulders,
        breath: None,
        en: words(
            "Shoulder rolls",
            "Roll your shoulders up, back and down, five times. Then five times the other way.",
        ),
        ja: words(
            "肩まわし",
            "肩を上、うしろ、下へとまわす。5回まわしたら、逆まわしも5回。",
        ),
    },
    Guide {
        id: "shoulders-shrug-drop",
        fits: Micro,
        area: Area::Shoulders,
        breath: None,
        en: words(
            "Shrug and drop",
            "Lift your shoulders up to your ears, hold, and let them fall with a sigh. Three times.",
        ),
        ja: words(
            "すくめて、ストン",
            "肩を耳まで持ち上げて少し止め、ため息といっしょにストンと落とす。3回。",
        ),
    },
    Guide {
        id: "wrists-circles",
        fits: Micro,
        area: Area::Hands,
        breath: None,
        en: words(
            "Wrist circles",
            "Circle your wrists slowly, five times each way. Then shake your hands loose.",
        ),
        ja: words(
            "手首まわし",
            "手首をゆっくり5回ずつ、両方向にまわそう。最後に手をぶらぶら。",
        ),
    },
    Guide {
        id: "hands-open-close",
        fits: Micro,
        area: Area::Hands,
        breath: None,
        en: words(
            "Open hands",
            "Spread your fingers wide and hold, then make a soft fist. Open and close five times.",
        ),
        ja: words(
            "ひらいて、にぎる",
            "指を大きくひらいて少し止め、やさしくにぎる。5回くりかえそう。",
        ),
    },
    Guide {
        id: "wrists-palms-together",
        fits: Micro,
        area: Area::Hands,
        breath: None,
        en: words(
            "Palms together",
            "Press your palms together in front of your chest and lower them slowly until you feel your wrists stretch.",
        ),
        ja: words(
            "胸の前で手を合わせる",
            "胸の前で手のひらを合わせ、手首がのびるのを感じるところまで、ゆっくり下げていこう。",
        ),
    },
    Guide {
        id: "back-sit-tall",
        fits: Micro,
        area: Area::Back,
        breath: None,
        en: words(
            "Sit tall",
            "Feet flat on the floor, and let the top of your head float up. Breathe into your back.",
        ),
        ja: words(
            "背すじをのばす",
            "足の裏を床につけて、頭のてっぺんがふわっと上に引かれるように座りなおそう。背中に息を入れて。",
        ),
    },
    Guide {
        id: "back-seated-twist",
        fits: Micro,
        area: Area::Back,
        breath: None,
        en: words(
            "Seated twist",
            "Hold the back of your chair and turn gently to the right, then to the left. Keep breathing.",
        ),
        ja: words(
            "座ったままひねる",
            "椅子の背をもって、ゆっくり右へ、それから左へ。呼吸は止めずにね。",
        ),
    },
    Guide {
        id: "neck-soft-jaw",
        fits: Micro,
        area: Area::Neck,
        breath: None,
        en: words(
            "Soft jaw",
            "Unclench your teeth, let your tongue rest and drop your shoulders. Notice where you were holding on.",
        ),
        ja: words(
            "あごをゆるめる",
            "歯をはなして、舌を楽にして、肩を下ろす。どこに力が入っていたかな。",
        ),
    },
    Guide {
        id: "breath-box-once",
        fits: Micro,
        area: Area::Breathing,
        breath: breath(4, 4, 4, 4),
        en: words(
            "One box breath",
            "Breathe in for 4, hold for 4, out for 4, hold for 4. Follow the square once around.",
        ),
        ja: words(
            "ボックス呼吸をひとまわり",
            "4つ吸って、4つ止めて、4つ吐いて、4つ止める。四角をひとまわり、なぞるように。",
        ),
    },
    Guide {
        id: "breath-long-sigh",
        fits: Micro,
        area: Area::Breathing,
        breath: breath(4, 0, 6, 0),
        en: words(
            "A long sigh",
            "Breathe in through your nose for 4 and out through your mouth for 6, as if cooling a cup of tea.",
        ),
        ja: words(
            "長いため息",
            "鼻から4つ吸って、口から6つかけて吐く。熱いお茶をさますように。",
        ),
    },
    Guide {
        id: "legs-stand-once",
        fits: Micro,
        area: Area::Legs,
        breath: None,
        en: words(
            "Stand up once",
            "Stand up, reach both arms towards the ceiling, and sit back down. That is plenty.",
        ),
        ja: words(
            "一度立ちあがる",
            "立ちあがって、両手を天井へのばして、また座る。それだけでじゅうぶん。",
        ),
    },
    Guide {
        id: "water-sip",
        fits: Micro,
        area: Area::Water,
        breath: None,
        en: words(
            "A sip of water",
            "Take a few sips of water. If the glass is empty, that is a good reason for a short walk soon.",
        ),
        ja: words(
            "お水をひとくち",
            "お水を何口か飲もう。コップが空なら、あとで少し歩くいいきっかけだね。",
        ),
    },
];
