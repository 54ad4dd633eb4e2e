//! Joda-Time semantics on chrono and chrono-tz: instants with zones, fields, formatting and parsing.
//!
//! This is a faithful emulation of what SEL exposes from joda-time 2.10.14 (tz
//! database 2022a, ISO chronology, English locale). Nothing here reads a clock or a
//! default zone: callers pass `now_ms` and the default `Zone` explicitly.

mod calendar;
mod datetime;
mod fields;
mod iso;
mod links;
mod offset;
mod parse;
mod pattern;
mod text;
mod zone;
mod zone_names;

pub use datetime::{days_between, days_display, DateTime, Property};
pub use fields::Field;
pub use pattern::Formatter;
pub use zone::{LocalKind, Zone};
