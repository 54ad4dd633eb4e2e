//! Java platform behaviour that SEL exposes (number and string formatting, regex, text).
//!
//! The reference implementation is Java; these functions reproduce the JDK 21 results
//! byte for byte (`Double.toString`, `Long.parseLong`, `java.util.Formatter`,
//! `java.util.regex`, `String` methods on UTF-16 indices), with Java's exception classes
//! as error kinds and Java's message texts.

mod double;
pub mod format;
mod parse;
pub mod regex;
pub mod text;

pub use double::double_to_string;
pub use parse::{parse_double, parse_int, parse_long};
pub use text::string_hash;
