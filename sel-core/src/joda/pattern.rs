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
    Literal(Box<str>),
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
    TwoDigit {
        field: Field,
        lenient: bool,
    },
    /// English text of era, month, day of week or half-day; `long` = full name.
    Text {
        field: Field,
        long: bool,
    },
    /// `S…`: fraction of second with exactly `digits` digits.
    Fraction {
        digits: u32,
    },
    /// `z…`: zone name.
    ZoneName {
        long: bool,
    },
    /// `Z` / `ZZ`: offset without / with colons.
    Offset {
        colons: bool,
    },
    /// `ZZZ…`: zone id.
    ZoneId,
}

/// A compiled pattern plus an optional zone (`withZone`). Cheap to clone.
#[derive(Clone, Debug)]
pub struct Formatter {
    pub(crate) tokens: Arc<[Token]>,
    pub(crate) zone: Option<Zone>,
}

/// A raw pattern token: a run of one letter, or literal text.
enum Raw {
    Letters(char, u32),
    Text(String),
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Splits a pattern like Joda's `parseToken`: letter runs; everything else is text,
/// with `'…'` quoting letters and `''` meaning one quote (an unterminated quote runs
/// to the end).
fn tokenize(pattern: &str) -> Vec<Raw> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_letter(c) {
            let mut n = 1;
            while i + (n as usize) < chars.len() && chars[i + n as usize] == c {
                n += 1;
            }
            out.push(Raw::Letters(c, n));
            i += n as usize;
        } else {
            let mut text = String::new();
            let mut quoted = false;
            while i < chars.len() {
                let c = chars[i];
                if c == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        text.push('\'');
                        i += 1;
                    } else {
                        quoted = !quoted;
                    }
                } else if !quoted && is_letter(c) {
                    break;
                } else {
                    text.push(c);
                }
                i += 1;
            }
            out.push(Raw::Text(text));
        }
    }
    out
}

/// Joda's `isNumericToken`: whether a token parses as digits.
fn is_numeric(raw: Option<&Raw>) -> bool {
    match raw {
        Some(Raw::Letters(c, n)) => match c {
            'c' | 'C' | 'x' | 'y' | 'Y' | 'd' | 'h' | 'H' | 'm' | 's' | 'S' | 'e' | 'D' | 'F'
            | 'w' | 'W' | 'k' | 'K' => true,
            'M' => *n <= 2,
            _ => false,
        },
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

impl Formatter {
    /// `DateTimeFormat.forPattern(p)`: English locale, no zone.
    pub fn for_pattern(pattern: &str) -> Result<Formatter, SelError> {
        if pattern.is_empty() {
            return Err(SelError::new(
                ErrorKind::IllegalArgumentException,
                "Invalid pattern specification",
            ));
        }
        let raws = tokenize(pattern);
        let mut tokens = Vec::with_capacity(raws.len());
        for (i, raw) in raws.iter().enumerate() {
            let (c, n) = match raw {
                Raw::Text(t) => {
                    if !t.is_empty() {
                        tokens.push(Token::Literal(t.as_str().into()));
                    }
                    continue;
                }
                Raw::Letters(c, n) => (*c, *n),
            };
            let next_numeric = is_numeric(raws.get(i + 1));
            let tok = match c {
                'G' => Token::Text {
                    field: Field::Era,
                    long: false,
                },
                'C' => number(Field::CenturyOfEra, n, n, true),
                'x' | 'y' | 'Y' if n == 2 => Token::TwoDigit {
                    field: if c == 'x' {
                        Field::Weekyear
                    } else {
                        Field::Year
                    },
                    lenient: !next_numeric,
                },
                'x' | 'y' | 'Y' => {
                    let max = if next_numeric { n } else { 9 };
                    match c {
                        'x' => number(Field::Weekyear, n, max, true),
                        'y' => number(Field::Year, n, max, true),
                        _ => number(Field::YearOfEra, n, max, false),
                    }
                }
                'M' if n >= 3 => Token::Text {
                    field: Field::MonthOfYear,
                    long: n >= 4,
                },
                'M' => number(Field::MonthOfYear, n, 2, false),
                'd' => number(Field::DayOfMonth, n, 2, false),
                'a' => Token::Text {
                    field: Field::HalfdayOfDay,
                    long: false,
                },
                'h' => number(Field::ClockhourOfHalfday, n, 2, false),
                'H' => number(Field::HourOfDay, n, 2, false),
                'k' => number(Field::ClockhourOfDay, n, 2, false),
                'K' => number(Field::HourOfHalfday, n, 2, false),
                'm' => number(Field::MinuteOfHour, n, 2, false),
                's' => number(Field::SecondOfMinute, n, 2, false),
                'S' => Token::Fraction { digits: n },
                'e' => number(Field::DayOfWeek, n, 1, false),
                'E' => Token::Text {
                    field: Field::DayOfWeek,
                    long: n >= 4,
                },
                'D' => number(Field::DayOfYear, n, 3, false),
                'w' => number(Field::WeekOfWeekyear, n, 2, false),
                'z' => Token::ZoneName { long: n >= 4 },
                'Z' if n <= 2 => Token::Offset { colons: n == 2 },
                'Z' => Token::ZoneId,
                _ => {
                    let run: String = std::iter::repeat_n(c, n as usize).collect();
                    return Err(SelError::new(
                        ErrorKind::IllegalArgumentException,
                        format!("Illegal pattern component: {run}"),
                    ));
                }
            };
            tokens.push(tok);
        }
        Ok(Formatter {
            tokens: tokens.into(),
            zone: None,
        })
    }

    /// `withZone(zone)`.
    pub fn with_zone(&self, zone: Zone) -> Formatter {
        Formatter {
            tokens: self.tokens.clone(),
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
        for tok in self.tokens.iter() {
            match tok {
                Token::Literal(s) => out.push_str(s),
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
