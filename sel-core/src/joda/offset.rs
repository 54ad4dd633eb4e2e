//! Zone offsets as text: Joda's offset parser (`TimeZoneOffset.parseInto`, used by
//! `forID`, the ISO parser and pattern letter `Z`) and its printers.

use super::text::push_padded;

/// Parses `±hh[[:]mm[[:]ss[[.,]SSS]]]` at byte `pos` of `text` (after an optional
/// zero text such as `Z`, matched case-insensitively). Returns the offset in
/// milliseconds and the end position, or the failure position.
pub fn parse_offset(
    text: &str,
    pos: usize,
    zero_text: Option<&str>,
) -> Result<(i32, usize), usize> {
    let b = text.as_bytes();
    if let Some(z) = zero_text {
        if b.len() >= pos + z.len() && b[pos..pos + z.len()].eq_ignore_ascii_case(z.as_bytes()) {
            return Ok((0, pos + z.len()));
        }
    }
    if b.len() <= pos + 1 {
        return Err(pos);
    }
    let negative = match b[pos] {
        b'-' => true,
        b'+' => false,
        _ => return Err(pos),
    };
    let mut p = pos + 1;
    let digits = |p: usize, max: usize| {
        b[p..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let two = |p: usize| ((b[p] - b'0') * 10 + (b[p + 1] - b'0')) as i32;
    if digits(p, 2) < 2 {
        return Err(p);
    }
    let hours = two(p);
    if hours > 23 {
        return Err(p);
    }
    let mut offset = hours * 3_600_000;
    p += 2;
    'parse: {
        if p >= b.len() {
            break 'parse;
        }
        let seps = match b[p] {
            b':' => {
                p += 1;
                true
            }
            c if c.is_ascii_digit() => false,
            _ => break 'parse,
        };
        let n = digits(p, 2);
        if n == 0 && !seps {
            break 'parse;
        } else if n < 2 {
            return Err(p);
        }
        let minutes = two(p);
        if minutes > 59 {
            return Err(p);
        }
        offset += minutes * 60_000;
        p += 2;
        if p >= b.len() {
            break 'parse;
        }
        if seps {
            if b[p] != b':' {
                break 'parse;
            }
            p += 1;
        }
        let n = digits(p, 2);
        if n == 0 && !seps {
            break 'parse;
        } else if n < 2 {
            return Err(p);
        }
        let seconds = two(p);
        if seconds > 59 {
            return Err(p);
        }
        offset += seconds * 1000;
        p += 2;
        if p >= b.len() {
            break 'parse;
        }
        if seps {
            if b[p] != b'.' && b[p] != b',' {
                break 'parse;
            }
            p += 1;
        }
        let n = digits(p, 3);
        if n == 0 && !seps {
            break 'parse;
        } else if n < 1 {
            return Err(p);
        }
        let scale = [100, 10, 1];
        for s in scale.iter().take(n) {
            offset += (b[p] - b'0') as i32 * s;
            p += 1;
        }
    }
    Ok((if negative { -offset } else { offset }, p))
}

/// Appends an offset with up to `max_fields` of hours, minutes, seconds, millis,
/// always at least hours and minutes, dropping trailing zero fields beyond that
/// (Joda `TimeZoneOffset.printTo` with min 2 fields).
pub fn push_offset(out: &mut String, offset: i32, colons: bool, max_fields: u8) {
    let mut rest = offset.unsigned_abs() as i64;
    out.push(if offset >= 0 { '+' } else { '-' });
    let hours = rest / 3_600_000;
    push_padded(out, hours, 2);
    rest -= hours * 3_600_000;
    let minutes = rest / 60_000;
    if colons {
        out.push(':');
    }
    push_padded(out, minutes, 2);
    rest -= minutes * 60_000;
    if max_fields <= 2 || rest == 0 {
        return;
    }
    let seconds = rest / 1000;
    if colons {
        out.push(':');
    }
    push_padded(out, seconds, 2);
    rest -= seconds * 1000;
    if max_fields <= 3 || rest == 0 {
        return;
    }
    if colons {
        out.push('.');
    }
    push_padded(out, rest, 3);
}

/// Joda's `DateTimeZone.printOffset`: `+05:30`, `-04:56:02`, `+05:30:15.123`.
pub fn offset_id(offset: i32) -> String {
    let mut s = String::with_capacity(13);
    push_offset(&mut s, offset, true, 4);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        assert_eq!(parse_offset("+05:30", 0, None), Ok((19_800_000, 6)));
        assert_eq!(parse_offset("-0800", 0, None), Ok((-28_800_000, 5)));
        assert_eq!(parse_offset("+05", 0, None), Ok((18_000_000, 3)));
        assert_eq!(parse_offset("+5", 0, None), Err(1));
        assert_eq!(parse_offset("+24:00", 0, None), Err(1));
        assert_eq!(parse_offset("z", 0, Some("Z")), Ok((0, 1)));
        assert_eq!(parse_offset("+05:30:15.123", 0, None), Ok((19_815_123, 13)));
        assert_eq!(offset_id(19_815_123), "+05:30:15.123");
        assert_eq!(offset_id(-17_762_000), "-04:56:02");
        assert_eq!(offset_id(18_000_000), "+05:00");
        let mut s = String::new();
        push_offset(&mut s, 0, false, 2);
        assert_eq!(s, "+0000");
    }
}
