//! hover (to come).
