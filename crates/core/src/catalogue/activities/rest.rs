//! Longer activities for a rest break: a few minutes away from the screen.

use super::{breath, words, Area, Guide};
use crate::rhythm::BreakKind::Rest;

pub(super) static GUIDES: [Guide; 16] = [
    Guide {
        id: "walk-little",
        fits: Rest,
        area: Area::Legs,
        breath: None,
        en: words(
            "A little walk",
            "Walk somewhere: the kitchen, the hallway, the front door and back. Let your arms swing, and look at faraway things on the way.",
        ),
        ja: words(
            "ちょっと歩く",
            "台所や廊下、玄関まで歩いて戻ってこよう。腕を軽くふって、途中で遠くのものを見てね。",
        ),
    },
    Guide {
        id: "eyes-window-visit",
        fits: Rest,
        area: Area::Eyes,
        breath: None,
        en: words(
            "Visit the window",
            "Go to a window and look outside for a while: the sky, a tree, a rooftop. What is the weather doing?",
        ),
        ja: words(
            "窓までおでかけ",
            "窓のところへ行って、しばらく外をながめよう。空、木、屋根。今日はどんな天気かな。",
        ),
    },
    Guide {
        id: "water-fill-glass",
        fits: Rest,
        area: Area::Water,
        breath: None,
        en: words(
            "Fill your glass",
            "Get up and pour a glass of water, or make a cup of tea. Drink it somewhere away from the screen.",
        ),
        ja: words(
            "お水をくみに",
            "立ってお水をくむか、お茶をいれよう。画面から離れたところで飲んでね。",
        ),
    },
    Guide {
        id: "back-reach-fold",
        fits: Rest,
        area: Area::Back,
        breath: None,
        en: words(
            "Reach and fold",
            "Stand and reach both arms up, leaning a little to each side. Then fold forwards with soft knees and let your head hang. Come up slowly.",
        ),
        ja: words(
            "のびて、前へたおす",
            "立って両手を上へのばし、左右に少しかたむける。それからひざをゆるめて前へたおれ、頭をだらんと。起きるときはゆっくりね。",
        ),
    },
    Guide {
        id: "back-round-arch",
        fits: Rest,
        area: Area::Back,
        breath: None,
        en: words(
            "Round and arch",
            "Sit near the edge of your chair, hands on your knees. Round your back as you breathe out, arch it gently as you breathe in. Eight slow times.",
        ),
        ja: words(
            "背中を丸めて、そらす",
            "椅子に浅く座って、手をひざに。吐きながら背中を丸め、吸いながらやさしくそらす。ゆっくり8回。",
        ),
    },
    Guide {
        id: "back-wall-lean",
        fits: Rest,
        area: Area::Back,
        breath: None,
        en: words(
            "Against the wall",
            "Stand with your back to a wall, heels a little away from it. Let your head, shoulders and hips rest on it, and breathe there for a minute.",
        ),
        ja: words(
            "壁にもたれる",
            "壁に背中をつけて立ち、かかとは少し前に。頭、肩、おしりを壁にあずけて、1分ほど呼吸しよう。",
        ),
    },
    Guide {
        id: "shoulders-doorway",
        fits: Rest,
        area: Area::Shoulders,
        breath: None,
        en: words(
            "Doorway stretch",
            "Rest your forearms on either side of a doorway and step through gently until your chest opens. Stay for three breaths.",
        ),
        ja: words(
            "ドア枠で胸をひらく",
            "ドア枠の両側に腕をあてて、そっと一歩ふみ出し、胸をひらく。そのまま3呼吸。",
        ),
    },
    Guide {
        id: "legs-tiptoes",
        fits: Rest,
        area: Area::Legs,
        breath: None,
        en: words(
            "Up on your toes",
            "Stand, holding a chair if you like. Rise onto your toes and lower yourself slowly, fifteen times. Then shake out your legs.",
        ),
        ja: words(
            "つま先立ち",
            "立って、よければ椅子につかまって。つま先で立って、ゆっくり下ろす。15回やったら、脚をぶらぶら。",
        ),
    },
    Guide {
        id: "hands-massage",
        fits: Rest,
        area: Area::Hands,
        breath: None,
        en: words(
            "A hand massage",
            "Press your thumb into the other palm in small circles, then work along each finger from base to tip. Swap hands.",
        ),
        ja: words(
            "手のマッサージ",
            "親指で反対の手のひらを小さく円をえがくように押し、指を1本ずつ根もとから先へ。手をかえてもう一度。",
        ),
    },
    Guide {
        id: "breath-box",
        fits: Rest,
        area: Area::Breathing,
        breath: breath(4, 4, 4, 4),
        en: words(
            "Box breathing",
            "Breathe in for 4, hold for 4, out for 4, hold for 4, following the shape for a few minutes. If holding feels hard, make it shorter.",
        ),
        ja: words(
            "ボックス呼吸",
            "4つ吸って、4つ止めて、4つ吐いて、4つ止める。数分のあいだ、形にあわせて。止めるのがつらければ短くしていいよ。",
        ),
    },
    Guide {
        id: "breath-4-7-8",
        fits: Rest,
        area: Area::Breathing,
        breath: breath(4, 7, 8, 0),
        en: words(
            "4-7-8 breathing",
            "Breathe in quietly through your nose for 4, hold for 7, and breathe out through your mouth for 8 with a soft whoosh. Four rounds, then breathe however feels easy.",
        ),
        ja: words(
            "4-7-8呼吸",
            "鼻から静かに4つ吸って、7つ止めて、口から8つかけてフーッと吐く。4回やったら、あとは楽な呼吸で。",
        ),
    },
    Guide {
        id: "breath-slow-exhale",
        fits: Rest,
        area: Area::Breathing,
        breath: breath(4, 0, 7, 0),
        en: words(
            "Slow exhale",
            "Breathe in for 4 and out for 7, as if blowing on hot soup. Let the out-breath be the longest, slowest part.",
        ),
        ja: words(
            "ゆっくり吐く",
            "4つ吸って、7つかけて吐く。熱いスープをさますように。吐く息をいちばん長く、ゆっくりと。",
        ),
    },
    Guide {
        id: "neck-shoulders-slowly",
        fits: Rest,
        area: Area::Neck,
        breath: None,
        en: words(
            "Neck and shoulders, slowly",
            "Roll your shoulders back five times, tilt each ear towards its shoulder, then clasp your hands behind your back and lift them a little.",
        ),
        ja: words(
            "首と肩をゆっくり",
            "肩をうしろへ5回まわし、耳を肩へ左右かたむける。最後に背中で手を組んで、少し持ち上げよう。",
        ),
    },
    Guide {
        id: "eyes-closed-listening",
        fits: Rest,
        area: Area::Eyes,
        breath: None,
        en: words(
            "Eyes closed, listening",
            "Close your eyes and rest them for a minute or two. Listen for the sounds around you, the near ones and the far ones.",
        ),
        ja: words(
            "目を閉じて、耳をすます",
            "目を閉じて、1、2分休ませよう。近くの音、遠くの音に耳をすませて。",
        ),
    },
    Guide {
        id: "legs-shake-out",
        fits: Rest,
        area: Area::Legs,
        breath: None,
        en: words(
            "Shake it out",
            "Stand up and shake your hands, then your arms, then one leg and the other. Bounce gently on your heels, loose as a bear after a nap.",
        ),
        ja: words(
            "ぶらぶらほぐす",
            "立って、手、腕、片脚ずつぶらぶら。かかとで軽く弾んで。お昼寝あがりのくまみたいに、ゆるっと。",
        ),
    },
    Guide {
        id: "legs-stairs",
        fits: Rest,
        area: Area::Legs,
        breath: None,
        en: words(
            "Stairs or a corridor",
            "If there are stairs nearby, walk up and down one flight slowly. If not, walk the length of a corridor and back, twice.",
        ),
        ja: words(
            "階段か廊下",
            "近くに階段があれば、ひと階ぶんをゆっくり上り下り。なければ廊下を2往復。",
        ),
    },
];
