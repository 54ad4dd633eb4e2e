//! completion (to come).
