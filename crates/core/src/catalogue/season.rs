//! Season texts. (Being built for issue 4.)
