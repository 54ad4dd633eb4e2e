//! Parsing of `java.util.Formatter` format strings into literal text and specifiers
//! (`%[index$][flags][width][.precision][t]conversion`), with the checks Java performs
//! while parsing (before any argument is looked at).

use crate::error::{ErrorKind, SelError};

/// Java's flag set. `UPPER` is not written by users: an upper-case conversion sets it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Flags(u16);

impl Flags {
    pub const LEFT: Flags = Flags(1);
    pub const UPPER: Flags = Flags(2);
    pub const ALT: Flags = Flags(4);
    pub const PLUS: Flags = Flags(8);
    pub const SPACE: Flags = Flags(16);
    pub const ZERO: Flags = Flags(32);
    pub const GROUP: Flags = Flags(64);
    pub const PAREN: Flags = Flags(128);
    pub const PREVIOUS: Flags = Flags(256);

    /// Java's `Flags.toString` order (`^` stands for UPPER).
    const ORDER: [(Flags, char); 9] = [
        (Flags::LEFT, '-'),
        (Flags::UPPER, '^'),
        (Flags::ALT, '#'),
        (Flags::PLUS, '+'),
        (Flags::SPACE, ' '),
        (Flags::ZERO, '0'),
        (Flags::GROUP, ','),
        (Flags::PAREN, '('),
        (Flags::PREVIOUS, '<'),
    ];

    fn from_char(c: char) -> Option<Flags> {
        Flags::ORDER
            .iter()
            .find(|(_, ch)| *ch == c && c != '^')
            .map(|(f, _)| *f)
    }

    pub fn has(self, f: Flags) -> bool {
        self.0 & f.0 != 0
    }

    fn add(&mut self, f: Flags) {
        self.0 |= f.0;
    }

    fn without(self, f: Flags) -> Flags {
        Flags(self.0 & !f.0)
    }

    pub fn text(self) -> String {
        Flags::ORDER
            .iter()
            .filter(|(f, _)| self.has(*f))
            .map(|(_, c)| *c)
            .collect()
    }
}

/// Which argument a specifier consumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Index {
    /// The next one in order (`%s`).
    Ordinary,
    /// `%n$s`, 1-based.
    Explicit(usize),
    /// `%<s`: the one the previous specifier used.
    Previous,
}

/// One parsed `%…` specifier. `conv` is lower case; an upper-case conversion sets
/// `Flags::UPPER`. For date/time specifiers `datetime` is set and `conv` is the field
/// letter (kept as written, date/time letters are case-sensitive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Spec {
    pub index: Index,
    pub flags: Flags,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    pub datetime: bool,
    pub conv: char,
}

impl Spec {
    /// Java's `FormatSpecifier.toString()`, used in several exception messages. Java
    /// writes the flags before the index (`%-1$s` becomes `%-1$s`, `%1$-s` too).
    pub fn text(&self) -> String {
        let mut s = String::from("%");
        s.push_str(&self.flags.without(Flags::UPPER).text());
        if let Index::Explicit(i) = self.index {
            s.push_str(&format!("{i}$"));
        }
        if let Some(w) = self.width {
            s.push_str(&w.to_string());
        }
        if let Some(p) = self.precision {
            s.push_str(&format!(".{p}"));
        }
        let upper = self.flags.has(Flags::UPPER);
        if self.datetime {
            s.push(if upper { 'T' } else { 't' });
            // Java upper-cases the field letter too (`%TD` for `%Td`).
            s.push(if upper {
                self.conv.to_ascii_uppercase()
            } else {
                self.conv
            });
        } else {
            s.push(if upper {
                self.conv.to_ascii_uppercase()
            } else {
                self.conv
            });
        }
        s
    }
}

pub(super) enum Piece<'a> {
    Text(&'a str),
    Spec(Spec),
}

fn err(kind: ErrorKind, msg: impl Into<String>) -> SelError {
    SelError::new(kind, msg)
}

pub(super) fn mismatch(flag: Flags, conv: char) -> SelError {
    err(
        ErrorKind::FormatFlagsConversionMismatchException,
        format!("Conversion = {conv}, Flags = {}", flag.text()),
    )
}

fn unknown_conversion(c: &str) -> SelError {
    err(
        ErrorKind::UnknownFormatConversionException,
        format!("Conversion = '{c}'"),
    )
}

const DATETIME_CONVERSIONS: &str = "HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc";

/// Parses the whole format string (Java reports every syntax error before printing).
pub(super) fn parse(fmt: &str) -> Result<Vec<Piece<'_>>, SelError> {
    let mut pieces = Vec::new();
    let mut rest = fmt;
    while let Some(pos) = rest.find('%') {
        if pos > 0 {
            pieces.push(Piece::Text(&rest[..pos]));
        }
        let after = &rest[pos + 1..];
        let Some(first) = after.chars().next() else {
            return Err(unknown_conversion("%"));
        };
        let (spec, used) =
            parse_spec(after).ok_or_else(|| unknown_conversion(&first.to_string()))??;
        pieces.push(Piece::Spec(spec));
        rest = &after[used..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Parses `s` (the text after `%`) against Java's specifier grammar
/// `(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])`. `None` when the grammar
/// does not match (Java then names the char after `%`), otherwise the checked specifier
/// and the number of bytes consumed.
#[allow(clippy::type_complexity)]
fn parse_spec(s: &str) -> Option<Result<(Spec, usize), SelError>> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut index_text = None;
    let n = digits_len(s);
    if n > 0 && b.get(n) == Some(&b'$') {
        index_text = Some(&s[..n]);
        i = n + 1;
    }
    let flags_start = i;
    while i < b.len() && Flags::from_char(b[i] as char).is_some() {
        i += 1;
    }
    let flags_text = &s[flags_start..i];
    let wn = digits_len(&s[i..]);
    let width_text = (wn > 0).then(|| &s[i..i + wn]);
    i += wn;
    let mut precision_text = None;
    if b.get(i) == Some(&b'.') {
        let pn = digits_len(&s[i + 1..]);
        if pn > 0 {
            precision_text = Some(&s[i + 1..i + 1 + pn]);
            i += 1 + pn;
        }
    }
    let mut datetime = None;
    if matches!(b.get(i), Some(b't' | b'T'))
        && b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'%')
    {
        datetime = Some(b[i] == b'T');
        i += 1;
    }
    let c = *b.get(i)?;
    if !(c.is_ascii_alphabetic() || c == b'%') {
        return None;
    }
    i += 1;
    Some(
        build(
            index_text,
            flags_text,
            width_text,
            precision_text,
            datetime,
            c as char,
        )
        .map(|s| (s, i)),
    )
}

fn parse_int_field(t: &str) -> Option<usize> {
    t.parse::<i32>().ok().map(|v| v as usize)
}

/// Java's `FormatSpecifier` constructor: field conversion and validity checks.
fn build(
    index_text: Option<&str>,
    flags_text: &str,
    width_text: Option<&str>,
    precision_text: Option<&str>,
    datetime: Option<bool>,
    c: char,
) -> Result<Spec, SelError> {
    let mut index = Index::Ordinary;
    if let Some(t) = index_text {
        match parse_int_field(t) {
            Some(0) => {
                return Err(err(
                    ErrorKind::IllegalFormatArgumentIndexException,
                    "Illegal format argument index = 0",
                ))
            }
            Some(v) => index = Index::Explicit(v),
            None => {
                return Err(err(
                    ErrorKind::IllegalFormatArgumentIndexException,
                    "Format argument index: (not representable as int)",
                ))
            }
        }
    }
    let mut flags = Flags::default();
    for ch in flags_text.chars() {
        let f = Flags::from_char(ch).unwrap_or_default();
        if flags.has(f) {
            return Err(err(
                ErrorKind::DuplicateFormatFlagsException,
                format!("Flags = '{ch}'"),
            ));
        }
        flags.add(f);
    }
    if flags.has(Flags::PREVIOUS) {
        index = Index::Previous;
    }
    let width = match width_text {
        None => None,
        Some(t) => Some(
            parse_int_field(t)
                .ok_or_else(|| err(ErrorKind::IllegalFormatWidthException, i32::MIN.to_string()))?,
        ),
    };
    let precision = match precision_text {
        None => None,
        Some(t) => Some(parse_int_field(t).ok_or_else(|| {
            err(
                ErrorKind::IllegalFormatPrecisionException,
                i32::MIN.to_string(),
            )
        })?),
    };
    let mut spec = Spec {
        index,
        flags,
        width,
        precision,
        datetime: datetime.is_some(),
        conv: c,
    };
    if let Some(upper) = datetime {
        if upper {
            spec.flags.add(Flags::UPPER);
        }
        check_datetime(&spec)?;
        return Ok(spec);
    }
    if c.is_ascii_uppercase() {
        spec.flags.add(Flags::UPPER);
        spec.conv = c.to_ascii_lowercase();
    }
    match c {
        'b' | 'B' | 'h' | 'H' | 's' | 'S' => check_general(&spec)?,
        'c' | 'C' => check_character(&spec)?,
        'd' | 'o' | 'x' | 'X' => check_integer(&spec)?,
        'e' | 'E' | 'f' | 'g' | 'G' | 'a' | 'A' => check_float(&spec)?,
        '%' | 'n' => {
            // These take no argument; Java drops any index.
            spec.index = Index::Ordinary;
            check_text(&spec)?
        }
        _ => return Err(unknown_conversion(&c.to_string())),
    }
    Ok(spec)
}

/// Java reports all the offending flags at once (`Conversion = h, Flags = +(`).
pub(super) fn check_bad_flags(spec: &Spec, bad: &[Flags]) -> Result<(), SelError> {
    let found = bad
        .iter()
        .filter(|f| spec.flags.has(**f))
        .fold(Flags::default(), |mut acc, f| {
            acc.add(*f);
            acc
        });
    if found == Flags::default() {
        Ok(())
    } else {
        Err(mismatch(found, spec.conv))
    }
}

fn missing_width(spec: &Spec) -> SelError {
    err(ErrorKind::MissingFormatWidthException, spec.text())
}

fn precision_error(p: usize) -> SelError {
    err(ErrorKind::IllegalFormatPrecisionException, p.to_string())
}

fn check_general(spec: &Spec) -> Result<(), SelError> {
    if matches!(spec.conv, 'b' | 'h') && spec.flags.has(Flags::ALT) {
        return Err(mismatch(Flags::ALT, spec.conv));
    }
    if spec.width.is_none() && spec.flags.has(Flags::LEFT) {
        return Err(missing_width(spec));
    }
    use Flags as F;
    check_bad_flags(spec, &[F::PLUS, F::SPACE, F::ZERO, F::GROUP, F::PAREN])
}

fn check_character(spec: &Spec) -> Result<(), SelError> {
    if let Some(p) = spec.precision {
        return Err(precision_error(p));
    }
    use Flags as F;
    check_bad_flags(
        spec,
        &[F::ALT, F::PLUS, F::SPACE, F::ZERO, F::GROUP, F::PAREN],
    )?;
    if spec.width.is_none() && spec.flags.has(Flags::LEFT) {
        return Err(missing_width(spec));
    }
    Ok(())
}

fn check_numeric(spec: &Spec) -> Result<(), SelError> {
    let f = spec.flags;
    if spec.width.is_none() && (f.has(Flags::LEFT) || f.has(Flags::ZERO)) {
        return Err(missing_width(spec));
    }
    if (f.has(Flags::PLUS) && f.has(Flags::SPACE)) || (f.has(Flags::LEFT) && f.has(Flags::ZERO)) {
        return Err(err(
            ErrorKind::IllegalFormatFlagsException,
            format!("Flags = '{}'", f.text()),
        ));
    }
    Ok(())
}

fn check_integer(spec: &Spec) -> Result<(), SelError> {
    check_numeric(spec)?;
    if let Some(p) = spec.precision {
        return Err(precision_error(p));
    }
    if spec.conv == 'd' {
        check_bad_flags(spec, &[Flags::ALT])
    } else {
        check_bad_flags(spec, &[Flags::GROUP])
    }
}

fn check_float(spec: &Spec) -> Result<(), SelError> {
    check_numeric(spec)?;
    match spec.conv {
        'a' => check_bad_flags(spec, &[Flags::PAREN, Flags::GROUP]),
        'e' => check_bad_flags(spec, &[Flags::GROUP]),
        'g' => check_bad_flags(spec, &[Flags::ALT]),
        _ => Ok(()),
    }
}

fn check_text(spec: &Spec) -> Result<(), SelError> {
    if let Some(p) = spec.precision {
        return Err(precision_error(p));
    }
    let f = spec.flags.without(Flags::UPPER);
    if spec.conv == '%' {
        if f != Flags::default() && f != Flags::LEFT {
            return Err(err(
                ErrorKind::IllegalFormatFlagsException,
                format!("Flags = '{}'", spec.flags.text()),
            ));
        }
        if spec.width.is_none() && f.has(Flags::LEFT) {
            return Err(missing_width(spec));
        }
    } else {
        if let Some(w) = spec.width {
            return Err(err(ErrorKind::IllegalFormatWidthException, w.to_string()));
        }
        if f != Flags::default() {
            return Err(err(
                ErrorKind::IllegalFormatFlagsException,
                format!("Flags = '{}'", spec.flags.text()),
            ));
        }
    }
    Ok(())
}

fn check_datetime(spec: &Spec) -> Result<(), SelError> {
    if let Some(p) = spec.precision {
        return Err(precision_error(p));
    }
    if !DATETIME_CONVERSIONS.contains(spec.conv) {
        return Err(unknown_conversion(&format!("t{}", spec.conv)));
    }
    use Flags as F;
    check_bad_flags(
        spec,
        &[F::ALT, F::PLUS, F::SPACE, F::ZERO, F::GROUP, F::PAREN],
    )?;
    if spec.width.is_none() && spec.flags.has(Flags::LEFT) {
        return Err(missing_width(spec));
    }
    Ok(())
}
