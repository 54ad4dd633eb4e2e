//! `DateTimeFormat.forPattern`: compiling a Joda pattern into a small token list (the
//! `Formatter`), and printing with it.

use super::fields::{Field, Local};
use super::text::{push_padded, DAYS, DAYS_SHORT, ERAS, HALFDAYS, MONTHS, MONTHS_SHORT};
use super::zone::Zone;
use crate::error::{ErrorKind, SelError};
use std::sync::Arc;

/// One element of a compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// Literal text: a byte range of `Compiled::literals`.
    Literal(u32, u32),
    /// A decimal field: printed zero-padded to `min` digits; parsed with up to `max`
    /// digits (and a sign if `signed`).
    Number {
        field: Field,
        min: u32,
        max: u32,
        signed: bool,
    },
    /// `yy` / `xx` (`YY` too): two digits with a pivot; `lenient` accepts any year
    /// when no numeric field follows.
    TwoDigit { field: Field, lenient: bool },
    /// English text of era, month, day of week or half-day; `long` = full name.
    Text { field: Field, long: bool },
    /// `S…`: fraction of second with exactly `digits` digits.
    Fraction { digits: u32 },
    /// `z…`: zone name.
    ZoneName { long: bool },
    /// `Z` / `ZZ`: offset without / with colons.
    Offset { colons: bool },
    /// `ZZZ…`: zone id.
    ZoneId,
}

/// A compiled pattern: its tokens and the text of its literals.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Compiled {
    pub tokens: Vec<Token>,
    pub literals: String,
}

impl Compiled {
    pub fn literal(&self, start: u32, end: u32) -> &str {
        &self.literals[start as usize..end as usize]
    }
}

/// A compiled pattern plus an optional zone (`withZone`). Cheap to clone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formatter {
    pub(crate) compiled: Arc<Compiled>,
    pub(crate) zone: Option<Zone>,
}

/// Length of the run of `c` starting at byte `i` (`c` is ASCII).
fn run_len(b: &[u8], i: usize, c: u8) -> usize {
    b[i..].iter().take_while(|&&x| x == c).count()
}

/// Joda's `isNumericToken` for a letter run: whether it parses as digits.
fn is_numeric(c: u8, n: usize) -> bool {
    match c {
        b'c' | b'C' | b'x' | b'y' | b'Y' | b'd' | b'h' | b'H' | b'm' | b's' | b'S' | b'e'
        | b'D' | b'F' | b'w' | b'W' | b'k' | b'K' => true,
        b'M' => n <= 2,
        _ => false,
    }
}

fn number(field: Field, min: u32, max: u32, signed: bool) -> Token {
    Token::Number {
        field,
        min,
        max: max.max(min),
        signed,
    }
}

/// The token for a run of `n` letters `c`, given whether a numeric token follows.
fn letter_token(c: u8, n: u32, next_numeric: bool) -> Result<Token, SelError> {
    Ok(match c {
        b'G' => Token::Text {
            field: Field::Era,
            long: false,
        },
        b'C' => number(Field::CenturyOfEra, n, n, true),
        b'x' | b'y' | b'Y' if n == 2 => Token::TwoDigit {
            field: if c == b'x' {
                Field::Weekyear
            } else {
                Field::Year
            },
            lenient: !next_numeric,
        },
        b'x' | b'y' | b'Y' => {
            let max = if next_numeric { n } else { 9 };
            match c {
                b'x' => number(Field::Weekyear, n, max, true),
                b'y' => number(Field::Year, n, max, true),
                _ => number(Field::YearOfEra, n, max, false),
            }
        }
        b'M' if n >= 3 => Token::Text {
            field: Field::MonthOfYear,
            long: n >= 4,
        },
        b'M' => number(Field::MonthOfYear, n, 2, false),
        b'd' => number(Field::DayOfMonth, n, 2, false),
        b'a' => Token::Text {
            field: Field::HalfdayOfDay,
            long: false,
        },
        b'h' => number(Field::ClockhourOfHalfday, n, 2, false),
        b'H' => number(Field::HourOfDay, n, 2, false),
        b'k' => number(Field::ClockhourOfDay, n, 2, false),
        b'K' => number(Field::HourOfHalfday, n, 2, false),
        b'm' => number(Field::MinuteOfHour, n, 2, false),
        b's' => number(Field::SecondOfMinute, n, 2, false),
        b'S' => Token::Fraction { digits: n },
        b'e' => number(Field::DayOfWeek, n, 1, false),
        b'E' => Token::Text {
            field: Field::DayOfWeek,
            long: n >= 4,
        },
        b'D' => number(Field::DayOfYear, n, 3, false),
        b'w' => number(Field::WeekOfWeekyear, n, 2, false),
        b'z' => Token::ZoneName { long: n >= 4 },
        b'Z' if n <= 2 => Token::Offset { colons: n == 2 },
        b'Z' => Token::ZoneId,
        _ => {
            let run: String = std::iter::repeat_n(c as char, n as usize).collect();
            return Err(SelError::new(
                ErrorKind::IllegalArgumentException,
                format!("Illegal pattern component: {run}"),
            ));
        }
    })
}

impl Formatter {
    /// `DateTimeFormat.forPattern(p)`: English locale, no zone.
    ///
    /// Tokens as in Joda's `parseToken`: runs of one ASCII letter, and text where
    /// `'…'` quotes letters, `''` is one quote and an unterminated quote runs to the
    /// end. A year field followed by a numeric field reads exactly its width.
    pub fn for_pattern(pattern: &str) -> Result<Formatter, SelError> {
        if pattern.is_empty() {
            return Err(SelError::new(
                ErrorKind::IllegalArgumentException,
                "Invalid pattern specification",
            ));
        }
        let b = pattern.as_bytes();
        // At most one token per byte: one allocation for the usual patterns.
        let mut tokens = Vec::with_capacity(b.len().min(24));
        let mut literals = String::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() {
                let n = run_len(b, i, c);
                let next = i + n;
                let next_numeric = next < b.len()
                    && b[next].is_ascii_alphabetic()
                    && is_numeric(b[next], run_len(b, next, b[next]));
                tokens.push(letter_token(c, n as u32, next_numeric)?);
                i = next;
                continue;
            }
            let start = literals.len();
            let mut quoted = false;
            while i < b.len() {
                let c = b[i];
                if c == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        literals.push('\'');
                        i += 1;
                    } else {
                        quoted = !quoted;
                    }
                    i += 1;
                } else if !quoted && c.is_ascii_alphabetic() {
                    break;
                } else {
                    // Copy the run of literal bytes up to the next quote (or, unquoted,
                    // letter) at once. It ends at an ASCII byte or at the end, so on a
                    // character boundary.
                    let run = i;
                    while i < b.len() && b[i] != b'\'' && (quoted || !b[i].is_ascii_alphabetic()) {
                        i += 1;
                    }
                    literals.push_str(&pattern[run..i]);
                }
            }
            if literals.len() > start {
                tokens.push(Token::Literal(start as u32, literals.len() as u32));
            }
        }
        if tokens.is_empty() {
            // Only empty quoted text, e.g. `'`.
            return Err(SelError::new(
                ErrorKind::UnsupportedOperationException,
                "Both printing and parsing not supported",
            ));
        }
        Ok(Formatter {
            compiled: Arc::new(Compiled { tokens, literals }),
            zone: None,
        })
    }

    /// `withZone(zone)`.
    pub fn with_zone(&self, zone: Zone) -> Formatter {
        Formatter {
            compiled: self.compiled.clone(),
            zone: Some(zone),
        }
    }

    /// The zone set with `withZone`, if any.
    pub fn zone(&self) -> Option<Zone> {
        self.zone
    }

    /// `print`: formats `millis` in the formatter's zone, or in `zone` if it has none.
    pub fn print(&self, millis: i64, zone: Zone) -> String {
        let mut out = String::with_capacity(32);
        self.print_to(&mut out, millis, zone);
        out
    }

    pub fn print_to(&self, out: &mut String, millis: i64, zone: Zone) {
        let zone = self.zone.unwrap_or(zone);
        let offset = zone.offset_ms_at(millis);
        let l = Local::new(millis.saturating_add(offset as i64));
        for tok in self.compiled.tokens.iter() {
            match tok {
                Token::Literal(a, b) => out.push_str(self.compiled.literal(*a, *b)),
                Token::Number { field, min, .. } => {
                    push_padded(out, l.get(*field), (*min).max(1) as usize)
                }
                Token::TwoDigit { field, .. } => push_padded(out, l.get(*field).abs() % 100, 2),
                Token::Text { field, long } => {
                    let v = l.get(*field) as usize;
                    out.push_str(match (field, long) {
                        (Field::MonthOfYear, true) => MONTHS[v - 1],
                        (Field::MonthOfYear, false) => MONTHS_SHORT[v - 1],
                        (Field::DayOfWeek, true) => DAYS[v - 1],
                        (Field::DayOfWeek, false) => DAYS_SHORT[v - 1],
                        (Field::HalfdayOfDay, _) => HALFDAYS[v],
                        _ => ERAS[v],
                    })
                }
                Token::Fraction { digits } => {
                    push_fraction(out, l.get(Field::MillisOfSecond), *digits)
                }
                Token::ZoneName { long } => out.push_str(&if *long {
                    zone.long_name(millis)
                } else {
                    zone.short_name(millis)
                }),
                Token::Offset { colons } => super::offset::push_offset(out, offset, *colons, 2),
                Token::ZoneId => out.push_str(&zone.id()),
            }
        }
    }
}

/// Joda's fraction printing: the millisecond fraction scaled to `digits` digits
/// (truncated or zero-extended; at most 15 significant digits).
fn push_fraction(out: &mut String, ms: i64, digits: u32) {
    if ms == 0 {
        out.extend(std::iter::repeat_n('0', digits as usize));
        return;
    }
    let eff = digits.min(15);
    let scaled = if eff <= 3 {
        ms / 10i64.pow(3 - eff)
    } else {
        ms * 10i64.pow(eff - 3)
    };
    push_padded(out, scaled, eff as usize);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(p: &str, ms: i64, zone: &str) -> String {
        match Formatter::for_pattern(p) {
            Ok(f) => f.print(ms, Zone::for_id(zone).unwrap()),
            Err(e) => e.message,
        }
    }

    #[test]
    fn patterns() {
        // 2021-06-01T13:05:07.009 PDT
        let ms = 1_622_577_907_009;
        assert_eq!(
            fmt(
                "EEE EEEE MMM MMMM a hh h KK k kk z zz zzz Z ZZ ZZZ G C Y x xxxx w ww e E D DDD",
                ms,
                "US/Pacific"
            ),
            "Tue Tuesday Jun June PM 01 1 01 13 13 PDT PDT PDT -0700 -07:00 America/Los_Angeles AD 20 2021 2021 2021 22 22 2 Tue 152 152"
        );
        assert_eq!(
            fmt("S SS SSS SSSS SSSSSS", ms, "UTC"),
            "0 00 009 0090 009000"
        );
        assert_eq!(fmt("'quoted' ''x", ms, "UTC"), "quoted '2021");
        assert_eq!(fmt("yyyy''MM", ms, "UTC"), "2021'06");
        assert_eq!(fmt("'unterminated", ms, "UTC"), "unterminated");
        assert_eq!(
            fmt("yyyy年MM月dd日 'at' HH:mm 'o''clock' ü", ms, "UTC"),
            "2021年06月01日 at 20:05 o'clock ü"
        );
        assert_eq!(fmt("'é''x'y--''", ms, "UTC"), "é'x2021--'");
        assert_eq!(fmt("yyyyy yyy yy y", ms, "UTC"), "02021 2021 21 2021");
        assert_eq!(
            fmt("Z ZZ zzzz", ms, "UTC"),
            "+0000 +00:00 Coordinated Universal Time"
        );
        assert_eq!(fmt("z zzzz", ms, "+05:30"), "+05:30 +05:30");
        assert_eq!(fmt("Q", ms, "UTC"), "Illegal pattern component: Q");
        assert_eq!(
            fmt("yyyy-MM-dd qq", ms, "UTC"),
            "Illegal pattern component: qq"
        );
        assert_eq!(fmt("", ms, "UTC"), "Invalid pattern specification");
        assert_eq!(fmt("k H", 1_622_592_000_000, "UTC"), "24 0");
        // 2016-01-03: calendar years vs week-year.
        assert_eq!(
            fmt("YYYY yyyy xxxx-ww-e", 1_451_779_200_000, "UTC"),
            "2016 2016 2015-53-7"
        );
        // Year 0 and negative years.
        assert_eq!(
            fmt("yyyy YYYY G", -62_167_219_200_000, "UTC"),
            "0000 0001 BC"
        );
    }
}
