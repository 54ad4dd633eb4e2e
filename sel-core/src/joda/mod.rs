//! Joda-Time semantics on chrono and chrono-tz: instants with zones, fields, formatting and parsing.
//!
//! This is a faithful emulation of what SEL exposes from joda-time 2.10.14 (tz
//! database 2022a, ISO chronology, English locale). Nothing here reads a clock or a
//! default zone: callers pass `now_ms` and the default `Zone` explicitly.
//!
//! Generated data: `links.rs` (every 2022a zone id and the id Joda displays, by
//! `gen_links.py`), `overrides.rs` (2022a offsets of the zones whose rules changed in
//! chrono-tz's newer database, by `gen_overrides.py`), `zone_names.rs` and
//! `oracle_cases.tsv` (outputs of joda-time itself, see `oracle/README.md`).

mod calendar;
mod dateint;
mod datetime;
mod fields;
mod iso;
mod links;
mod offset;
mod overrides;
mod parse;
mod pattern;
mod period;
pub(crate) mod text;
mod zone;
mod zone_names;

pub use dateint::{
    date_int_hour_to_ts, date_int_to_ts, date_ints_between, increment_date_int, parse_date_hour,
    timeout_for_date_int_deadline, timeout_for_deadline, timeout_for_deadline_ms, ts_to_date_int,
};
pub use datetime::{days_between, days_display, DateTime, Property};
pub use fields::Field;
pub use pattern::Formatter;
pub use period::parse_word_period_millis;
pub use zone::{LocalKind, Zone};

#[cfg(test)]
mod tests;
