//! ISO parsing for `new DateTime(String[, zone])`: Joda's `dateTimeParser`, written
//! as a static tree of sequences and alternatives that runs with Joda's matching
//! rules, so that results and error positions agree.

use super::datetime::DateTime;
use super::fields::Field;
use super::parse::{
    fail_error, parse_fraction, parse_literal, parse_number, parse_offset_element, Bucket, Fail,
    PResult,
};
use super::text::invalid_format;
use super::zone::Zone;
use crate::error::SelError;

enum Node {
    Seq(&'static [Node]),
    /// Joda `MatchingParser`: the alternatives, and whether the whole may be empty.
    Alt(&'static [Node], bool),
    Lit(&'static str),
    Num(Field, u32, bool),
    Frac(Field, i64),
    Offset,
}

use Node::*;

const DECIMAL: Node = Alt(&[Lit("."), Lit(",")], false);

const TIME_ELEMENT: Node = Seq(&[
    Num(Field::HourOfDay, 2, false),
    Alt(
        &[
            Seq(&[
                Lit(":"),
                Num(Field::MinuteOfHour, 2, false),
                Alt(
                    &[
                        Seq(&[
                            Lit(":"),
                            Num(Field::SecondOfMinute, 2, false),
                            Alt(&[Seq(&[DECIMAL, Frac(Field::MillisOfSecond, 1_000)])], true),
                        ]),
                        Seq(&[DECIMAL, Frac(Field::MillisOfMinute, 60_000)]),
                    ],
                    true,
                ),
            ]),
            Seq(&[DECIMAL, Frac(Field::MillisOfHour, 3_600_000)]),
        ],
        true,
    ),
]);

const DATE_ELEMENT: Node = Alt(
    &[
        Seq(&[
            Num(Field::Year, 9, true),
            Alt(
                &[Seq(&[
                    Lit("-"),
                    Num(Field::MonthOfYear, 2, false),
                    Alt(&[Seq(&[Lit("-"), Num(Field::DayOfMonth, 2, false)])], true),
                ])],
                true,
            ),
        ]),
        Seq(&[
            Num(Field::Weekyear, 9, true),
            Lit("-W"),
            Num(Field::WeekOfWeekyear, 2, false),
            Alt(&[Seq(&[Lit("-"), Num(Field::DayOfWeek, 1, false)])], true),
        ]),
        Seq(&[
            Num(Field::Year, 9, true),
            Lit("-"),
            Num(Field::DayOfYear, 3, false),
        ]),
    ],
    false,
);

const DATE_TIME_PARSER: Node = Alt(
    &[
        Seq(&[Lit("T"), TIME_ELEMENT, Alt(&[Offset], true)]),
        Seq(&[
            DATE_ELEMENT,
            Alt(
                &[Seq(&[
                    Lit("T"),
                    Alt(&[TIME_ELEMENT], true),
                    Alt(&[Offset], true),
                ])],
                true,
            ),
        ]),
    ],
    false,
);

fn run(node: &Node, text: &str, pos: usize, bucket: &mut Bucket) -> PResult {
    match node {
        Seq(nodes) => {
            let mut p = pos;
            for n in nodes.iter() {
                p = run(n, text, p, bucket)?;
            }
            Ok(p)
        }
        Alt(nodes, optional) => {
            let original = bucket.clone();
            let mut best_valid = pos;
            let mut best_state: Option<Bucket> = None;
            let mut best_invalid = pos;
            for (i, n) in nodes.iter().enumerate() {
                match run(n, text, pos, bucket) {
                    Ok(p) if p > best_valid => {
                        if p >= text.len() || i + 1 >= nodes.len() {
                            return Ok(p);
                        }
                        best_valid = p;
                        best_state = Some(bucket.clone());
                    }
                    Ok(_) => {}
                    Err(Fail::At(p)) => best_invalid = best_invalid.max(p),
                    Err(e) => return Err(e),
                }
                *bucket = original.clone();
            }
            if best_valid > pos || (best_valid == pos && *optional) {
                if let Some(s) = best_state {
                    *bucket = s;
                }
                return Ok(best_valid);
            }
            Err(Fail::At(best_invalid))
        }
        Lit(s) => parse_literal(text, pos, s),
        Num(field, max, signed) => parse_number(text, pos, *max, *signed, *field, bucket),
        Frac(field, unit) => parse_fraction(text, pos, 9, *unit, *field, bucket),
        Offset => parse_offset_element(text, pos, bucket),
    }
}

impl DateTime {
    /// `new DateTime(text, zone)` (and `new DateTime(text)` with the default zone):
    /// ISO text; without an offset it is local time in `zone`, with one the instant
    /// is fixed. The result is shown in `zone`.
    pub fn parse_iso(text: &str, zone: Zone) -> Result<DateTime, SelError> {
        let mut bucket = Bucket::new(zone, 0);
        let end = run(&DATE_TIME_PARSER, text, 0, &mut bucket).map_err(|f| fail_error(text, f))?;
        if end < text.len() {
            return Err(invalid_format(text, end));
        }
        Ok(DateTime::new(bucket.compute_millis(text)?, zone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str, zone: &str) -> String {
        match DateTime::parse_iso(text, Zone::for_id(zone).unwrap()) {
            Ok(d) => d.to_iso_string(),
            Err(e) => e.message,
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(
            iso("2020-01-01T10:00:00+05:00", "UTC"),
            "2020-01-01T05:00:00.000Z"
        );
        assert_eq!(
            iso("2019-01-01T10:20:30.123+05:30", "UTC"),
            "2019-01-01T04:50:30.123Z"
        );
        assert_eq!(iso("2020-001", "UTC"), "2020-01-01T00:00:00.000Z");
        assert_eq!(
            iso("2020-01-01", "Asia/Tokyo"),
            "2020-01-01T00:00:00.000+09:00"
        );
        assert_eq!(iso("20190101", "UTC"), "20190101-01-01T00:00:00.000Z");
        assert_eq!(iso("2019-W01-1", "UTC"), "2018-12-31T00:00:00.000Z");
        assert_eq!(iso("T10:20", "UTC"), "1970-01-01T10:20:00.000Z");
        assert_eq!(
            iso("2019-06-01T10:20:30,5", "UTC"),
            "2019-06-01T10:20:30.500Z"
        );
        assert_eq!(
            iso("2019-06-01T10:20:30.123456789", "UTC"),
            "2019-06-01T10:20:30.123Z"
        );
        assert_eq!(iso("2019-06-01T10:20.5", "UTC"), "2019-06-01T10:20:30.000Z");
        assert_eq!(iso("2019-06", "UTC"), "2019-06-01T00:00:00.000Z");
        assert_eq!(
            iso("2019-06-01 10:20", "UTC"),
            "Invalid format: \"2019-06-01 10:20\" is malformed at \" 10:20\""
        );
        assert_eq!(iso("abc", "UTC"), "Invalid format: \"abc\"");
        assert_eq!(
            iso("2019-13-01", "UTC"),
            "Cannot parse \"2019-13-01\": Value 13 for monthOfYear must be in the range [1,12]"
        );
        assert_eq!(
            iso("2019-03-10T02:30", "America/Los_Angeles"),
            "Cannot parse \"2019-03-10T02:30\": Illegal instant due to time zone offset transition (America/Los_Angeles)"
        );
    }
}
