//! The rhythm engine. (Being built for issue 3.)
