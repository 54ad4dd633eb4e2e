//! symbols (to come).
