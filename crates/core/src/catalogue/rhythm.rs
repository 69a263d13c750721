//! Piyo's reminders and the rhythm texts. (Being built for issue 3.)
