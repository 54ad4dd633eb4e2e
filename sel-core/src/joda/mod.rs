//! Joda-Time semantics on chrono and chrono-tz: instants with zones, fields, formatting and parsing.
