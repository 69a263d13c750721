//! The drawings there are of each companion. A pose is a name; the room holds
//! the drawing itself (text art, an image), looked up by [`GoroPose::name`]
//! and its siblings, so every room draws the same set.

macro_rules! poses {
    ($(#[$doc:meta])* $ty:ident, $prefix:literal { $($(#[$vdoc:meta])* $variant:ident => $name:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $ty {
            $($(#[$vdoc])* $variant,)*
        }

        impl $ty {
            /// Every pose, for a room checking it has a drawing of each.
            pub const ALL: &'static [$ty] = &[$($ty::$variant,)*];

            /// The drawing's name, e.g. `goro.sit`.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => concat!($prefix, ".", $name),)*
                }
            }
        }
    };
}

poses! {
    /// Goro, the big bear, on his cushion.
    GoroPose, "goro" {
        /// Sitting, eyes open: the drawing most of the day is.
        Sit => "sit",
        /// Breathing in: chest up.
        Breathe => "breathe",
        /// Eyes shut for a blink (or a doze).
        Blink => "blink",
        /// Tipping over sideways.
        Lean => "lean",
        /// On his back, paws up.
        Back => "back",
        /// On his back, paws wiggling.
        BackWiggle => "back-wiggle",
        /// Turning towards the shelf.
        Turn => "turn",
        /// Holding a pillow.
        Hug => "hug",
        /// Squeezing the pillow, eyes happy.
        Squeeze => "squeeze",
        /// Arms on their way up.
        StretchUp => "stretch-up",
        /// Arms high, eyes shut: the stretch.
        StretchHigh => "stretch-high",
        /// Beginning a yawn.
        Yawn => "yawn",
        /// The whole yawn.
        YawnWide => "yawn-wide",
        /// Pointing to bed.
        Point => "point",
        /// Shuffling along on his bottom.
        Scoot => "scoot",
        /// A break activity: shoulders drawn up to his ears.
        ShouldersUp => "shoulders-up",
        /// Shoulders rolled back and down, chest open.
        ShouldersBack => "shoulders-back",
        /// A slow breath in: chest full, eyes shut.
        BreatheIn => "breathe-in",
        /// The breath let out.
        BreatheOut => "breathe-out",
    }
}

poses! {
    /// Piyo, the yellow bird.
    PiyoPose, "piyo" {
        /// Perched.
        Perch => "perch",
        /// A little hop.
        Hop => "hop",
        /// Beak open: a chirp.
        Chirp => "chirp",
        /// Flying, wings up.
        FlyUp => "fly-up",
        /// Flying, wings down.
        FlyDown => "fly-down",
    }
}

poses! {
    /// Chibi, the small bear.
    ChibiPose, "chibi" {
        /// Sitting beside Goro.
        Sit => "sit",
        /// A blink.
        Blink => "blink",
        /// A wave.
        Wave => "wave",
        /// Walking, one foot forward.
        WalkA => "walk-a",
        /// Walking, the other foot.
        WalkB => "walk-b",
    }
}
