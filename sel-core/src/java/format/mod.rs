//! `String.format` / `java.util.Formatter` with Locale.US on the Java values SEL hands it.
//!
//! Supported: every conversion of `java.util.Formatter` (`b h s c d o x e f g a % n` and
//! their upper-case forms, `%t…` date/time of a Long in UTC) with all flags, widths,
//! precisions and argument indices, and Java's exceptions in Java's order: the whole
//! format string is parsed and checked first, then arguments are consumed left to right.
//!
//! Deviations, all for values Java can produce but a Rust `String` cannot hold or SEL
//! cannot describe: a lone surrogate (`%c` of 0xD800, a precision cutting a surrogate
//! pair) becomes U+FFFD; `%h` of an [`FormatArg::Other`] hashes its `toString` text
//! (its Java `hashCode` is unknown here).
//! (their superclass) with Java's message.

mod datetime;
mod number;
mod spec;

use crate::error::{ErrorKind, SelError};
use crate::java::double::double_to_string;
use crate::java::text::{string_hash, utf16_len, utf16_prefix};
use spec::{Flags, Index, Piece, Spec};
use std::borrow::Cow;

/// A Java value handed to java.util.Formatter after SEL unboxing (§5.4): a LONG becomes
/// Integer when it fits in i32 (values below i32::MIN are truncated to their low 32 bits by
/// the caller) and Long otherwise; that distinction matters (`%x` of -1 as Integer is `ffffffff`).
#[derive(Clone, Debug, PartialEq)]
pub enum FormatArg {
    Null,
    Int(i32),
    Long(i64),
    Double(f64),
    Bool(bool),
    Str(String),
    /// Any other object: its Java `toString()` text and its Java class name (for
    /// IllegalFormatConversionException messages, e.g. `d != java.lang.Double`).
    Other {
        to_string: String,
        class_name: String,
    },
}

impl FormatArg {
    fn class_name(&self) -> &str {
        match self {
            FormatArg::Null => "null",
            FormatArg::Int(_) => "java.lang.Integer",
            FormatArg::Long(_) => "java.lang.Long",
            FormatArg::Double(_) => "java.lang.Double",
            FormatArg::Bool(_) => "java.lang.Boolean",
            FormatArg::Str(_) => "java.lang.String",
            FormatArg::Other { class_name, .. } => class_name,
        }
    }

    /// Java `String.valueOf(arg)`.
    fn to_java_string(&self) -> String {
        match self {
            FormatArg::Null => "null".to_string(),
            FormatArg::Int(v) => v.to_string(),
            FormatArg::Long(v) => v.to_string(),
            FormatArg::Double(v) => double_to_string(*v),
            FormatArg::Bool(v) => v.to_string(),
            FormatArg::Str(s) => s.clone(),
            FormatArg::Other { to_string, .. } => to_string.clone(),
        }
    }

    /// Java `hashCode()` (see the module doc for `Other`).
    fn hash_code(&self) -> i32 {
        match self {
            FormatArg::Null => 0,
            FormatArg::Int(v) => *v,
            FormatArg::Long(v) => (*v ^ ((*v as u64) >> 32) as i64) as i32,
            FormatArg::Double(v) => {
                // doubleToLongBits: every NaN hashes like the canonical one.
                let bits = if v.is_nan() {
                    0x7ff8_0000_0000_0000u64
                } else {
                    v.to_bits()
                };
                (bits ^ (bits >> 32)) as i32
            }
            FormatArg::Bool(b) => {
                if *b {
                    1231
                } else {
                    1237
                }
            }
            FormatArg::Str(s) => string_hash(s),
            FormatArg::Other { to_string, .. } => string_hash(to_string),
        }
    }
}

fn conversion_error(conv: char, arg: &FormatArg) -> SelError {
    SelError::new(
        ErrorKind::IllegalFormatConversionException,
        format!("{conv} != {}", arg.class_name()),
    )
}

/// Whether `spec` alone asks for more than `max_len` UTF-16 units (a width, or the
/// digits of a float precision, past the bound).
fn oversized(spec: &Spec, max_len: usize) -> bool {
    spec.width.unwrap_or(0) > max_len
        || (matches!(spec.conv, 'e' | 'f' | 'g' | 'a') && spec.precision.unwrap_or(0) > max_len)
}

/// `spec` with the width dropped and a float precision cut to one digit: it fails in
/// exactly the cases `spec` fails (Java checks width and precision when parsing), and
/// renders in a few bytes.
fn tamed(spec: &Spec) -> Spec {
    let mut t = spec.clone();
    t.width = None;
    if matches!(t.conv, 'e' | 'f' | 'g' | 'a') {
        t.precision = t.precision.map(|p| p.min(1));
    }
    t
}

/// java.util.Formatter with Locale.US: `%s %S %d %f %.Nf %e %E %g %x %X %o %c %b %B %h %n %% %,d %0Nd %-Ns %Ns %1$s %<s`
/// and the flags Java supports, with Java's exact exceptions and messages
/// (MissingFormatArgumentException `Format specifier '%s'`, IllegalFormatConversionException
/// `d != java.lang.Double`, UnknownFormatConversionException `Conversion = 'q'`, ...).
///
/// `Ok(None)` means the output would be longer than `max_len` UTF-16 units. The Java
/// reference builds such a string and then fails on charging it, so the caller raises
/// its memory-limit error; every other error the reference would raise first (a later
/// missing argument, a bad conversion) is still found, by going on counting instead of
/// building. Pass usize::MAX for no bound.
pub fn format(fmt: &str, args: &[FormatArg], max_len: usize) -> Result<Option<String>, SelError> {
    let pieces = spec::parse(fmt)?;
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut out_len = 0usize; // UTF-16 units
    let mut over = false;
    let mut last: Option<usize> = None;
    let mut ordinary = 0usize;
    for piece in &pieces {
        let text: Cow<'_, str> = match piece {
            Piece::Text(t) => Cow::Borrowed(t),
            Piece::Spec(spec) if spec.conv == '%' && !spec.datetime => {
                if oversized(spec, max_len) {
                    over = true;
                    continue;
                }
                Cow::Owned(justify(spec, "%".to_string()))
            }
            Piece::Spec(spec) if spec.conv == 'n' && !spec.datetime => Cow::Borrowed("\n"),
            Piece::Spec(spec) => {
                let i = match spec.index {
                    Index::Ordinary => {
                        ordinary += 1;
                        ordinary - 1
                    }
                    Index::Explicit(n) => n - 1,
                    Index::Previous => last.ok_or_else(|| missing(spec))?,
                };
                let arg = args.get(i).ok_or_else(|| missing(spec))?;
                last = Some(i);
                if oversized(spec, max_len) {
                    render(&tamed(spec), arg)?;
                    over = true;
                    continue;
                }
                match arg {
                    // A plain `%s` of a string is the string itself: `render` would
                    // copy it, find no precision, upper-casing or width, and return it.
                    FormatArg::Str(s) if is_plain_s(spec) => Cow::Borrowed(s.as_str()),
                    _ => Cow::Owned(render(spec, arg)?),
                }
            }
        };
        if over {
            continue;
        }
        out_len = out_len.saturating_add(utf16_len(&text));
        if out_len > max_len {
            over = true;
            out = String::new();
            continue;
        }
        out.push_str(&text);
    }
    Ok((!over).then_some(out))
}

/// `%s` without `#`, upper-casing, width or precision.
fn is_plain_s(spec: &Spec) -> bool {
    spec.conv == 's'
        && !spec.datetime
        && !spec.flags.has(Flags::ALT)
        && !spec.flags.has(Flags::UPPER)
        && spec.width.is_none()
        && spec.precision.is_none()
}

fn missing(spec: &Spec) -> SelError {
    SelError::new(
        ErrorKind::MissingFormatArgumentException,
        format!("Format specifier '{}'", spec.text()),
    )
}

/// Java's `appendJustified`: pads with spaces to the width (UTF-16 units).
/// (The caller has checked the width against its bound: see [`oversized`].)
fn justify(spec: &Spec, s: String) -> String {
    let Some(w) = spec.width else { return s };
    let len = utf16_len(&s);
    if len >= w {
        return s;
    }
    let pad = " ".repeat(w - len);
    if spec.flags.has(Flags::LEFT) {
        s + &pad
    } else {
        pad + &s
    }
}

/// Java's `print(String)` for general text: precision cuts, then upper-casing, then
/// justification.
fn text(spec: &Spec, s: String) -> Result<String, SelError> {
    let s = match spec.precision {
        Some(p) => utf16_prefix(&s, p),
        None => s,
    };
    let s = if spec.flags.has(Flags::UPPER) {
        s.to_uppercase()
    } else {
        s
    };
    Ok(justify(spec, s))
}

/// One conversion of `arg`; zero padding and float precision allocate, so the caller
/// bounds them first ([`oversized`]).
fn render(spec: &Spec, arg: &FormatArg) -> Result<String, SelError> {
    if spec.datetime {
        return match arg {
            FormatArg::Null => text(spec, "null".to_string()),
            FormatArg::Long(ms) => text(spec, datetime::render(spec.conv, *ms)),
            other => Err(conversion_error(spec.conv, other)),
        };
    }
    match spec.conv {
        'b' => {
            let s = match arg {
                FormatArg::Null => "false".to_string(),
                FormatArg::Bool(b) => b.to_string(),
                _ => "true".to_string(),
            };
            text(spec, s)
        }
        'h' => {
            let s = match arg {
                FormatArg::Null => "null".to_string(),
                a => format!("{:x}", a.hash_code()),
            };
            text(spec, s)
        }
        's' => {
            if spec.flags.has(Flags::ALT) {
                // Only java.util.Formattable accepts '#', and no SEL value is one.
                return Err(spec::mismatch(Flags::ALT, 's'));
            }
            text(spec, arg.to_java_string())
        }
        'c' => match arg {
            FormatArg::Null => text(spec, "null".to_string()),
            FormatArg::Int(cp) => {
                if !(0..=0x10FFFF).contains(cp) {
                    return Err(SelError::new(
                        ErrorKind::IllegalFormatCodePointException,
                        format!("Code point = 0x{:x}", *cp),
                    ));
                }
                let c = char::from_u32(*cp as u32).unwrap_or(char::REPLACEMENT_CHARACTER);
                text(spec, c.to_string())
            }
            other => Err(conversion_error('c', other)),
        },
        'd' | 'o' | 'x' => match arg {
            FormatArg::Null => text(spec, "null".to_string()),
            FormatArg::Int(v) => Ok(justify(spec, number::integer(spec, *v as i64, true)?)),
            FormatArg::Long(v) => Ok(justify(spec, number::integer(spec, *v, false)?)),
            other => Err(conversion_error(spec.conv, other)),
        },
        _ => match arg {
            FormatArg::Null => text(spec, "null".to_string()),
            FormatArg::Double(v) => Ok(justify(spec, number::double(spec, *v))),
            other => Err(conversion_error(spec.conv, other)),
        },
    }
}

#[cfg(test)]
mod tests;
