//! Seasons: solar terms and micro-seasons. (Being built for issue 4.)
