//! inlay (to come).
