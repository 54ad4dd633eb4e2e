//! signature (to come).
