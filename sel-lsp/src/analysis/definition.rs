//! definition (to come).
