//! Java's `\p{…}` property names and predefined classes, as Rust regex class text.
//!
//! Java's POSIX classes (`\p{Alpha}` …) and `\d \s \w` are ASCII-only unless the
//! `UNICODE_CHARACTER_CLASS` flag (`(?U)`) is on; `java…` classes follow
//! `java.lang.Character` predicates, approximated by the nearest Unicode properties.

/// The Rust class (always a bracketed class or `\p{…}`, usable inside a class too) for
/// `\p{name}`, or `None` if Java does not know the name (or we cannot express it).
pub(super) fn property(
    name: &str,
    unicode_classes: bool,
    case_insensitive: bool,
) -> Option<String> {
    if case_insensitive {
        // Java lets the case classes match either case under CASE_INSENSITIVE.
        match name {
            "Lower" | "Upper" if !unicode_classes => return Some("[a-zA-Z]".to_string()),
            "Lower" | "Upper" | "javaLowerCase" | "javaUpperCase" | "IsLowercase"
            | "IsUppercase" => return Some(r"[\p{Lowercase}\p{Uppercase}\p{Lt}]".to_string()),
            "Lu" | "Ll" | "Lt" | "IsLu" | "IsLl" | "IsLt" | "LC" | "IsLC" => {
                return Some(r"[\p{Lu}\p{Ll}\p{Lt}]".to_string())
            }
            _ => {}
        }
    }
    let posix = |ascii: &str, unicode: &str| {
        Some(if unicode_classes { unicode } else { ascii }.to_string())
    };
    let fixed = |s: &str| Some(s.to_string());
    match name {
        "Lower" => posix("[a-z]", r"\p{Lowercase}"),
        "Upper" => posix("[A-Z]", r"\p{Uppercase}"),
        "ASCII" => fixed(r"[\x00-\x7F]"),
        "Alpha" => posix("[a-zA-Z]", r"\p{Alphabetic}"),
        "Digit" => posix("[0-9]", r"\p{Nd}"),
        "Alnum" => posix("[a-zA-Z0-9]", r"[\p{Alphabetic}\p{Nd}]"),
        "Punct" => posix(r"[!-/:-@\[-`{-~]", r"\p{P}"),
        "Graph" => posix(r"[!-~]", r"[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]"),
        "Print" => posix(r"[ -~]", r"[[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]\p{Zs}]"),
        "Blank" => posix(r"[ \t]", r"[\p{Zs}\t]"),
        "Cntrl" => posix(r"[\x00-\x1F\x7F]", r"\p{Cc}"),
        "XDigit" => posix("[0-9a-fA-F]", r"[\p{Nd}\p{Hex_Digit}]"),
        "Space" => posix(r"[ \t\n\x0B\f\r]", r"\p{White_Space}"),
        "javaLowerCase" => fixed(r"\p{Lowercase}"),
        "javaUpperCase" => fixed(r"\p{Uppercase}"),
        "javaWhitespace" => fixed(r"[\t\n\x0B\f\r\x1C-\x1F[\p{Z}--[\xA0\x{2007}\x{202F}]]]"),
        "javaMirrored" => fixed(r"\p{Bidi_Mirrored}"),
        "javaLetter" => fixed(r"\p{L}"),
        "javaDigit" => fixed(r"\p{Nd}"),
        "javaLetterOrDigit" => fixed(r"[\p{L}\p{Nd}]"),
        "javaAlphabetic" => fixed(r"\p{Alphabetic}"),
        "javaIdeographic" => fixed(r"\p{Ideographic}"),
        "javaTitleCase" => fixed(r"\p{Lt}"),
        "javaSpaceChar" => fixed(r"\p{Z}"),
        "javaISOControl" => fixed(r"[\x00-\x1F\x7F-\x{9F}]"),
        "javaDefined" => fixed(r"\P{Cn}"),
        "javaIdentifierIgnorable" => fixed(r"[\x00-\x08\x0E-\x1B\x7F-\x{9F}\p{Cf}]"),
        "javaJavaIdentifierStart" => fixed(r"[\p{L}\p{Nl}\p{Sc}\p{Pc}]"),
        "javaJavaIdentifierPart" => {
            fixed(r"[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\x00-\x08\x0E-\x1B\x7F-\x{9F}\p{Cf}]")
        }
        "javaUnicodeIdentifierStart" => fixed(r"\p{ID_Start}"),
        "javaUnicodeIdentifierPart" => {
            fixed(r"[\p{ID_Continue}\x00-\x08\x0E-\x1B\x7F-\x{9F}\p{Cf}]")
        }
        "all" => fixed(r"[\x00-\x{10FFFF}]"),
        _ => unicode_property(name),
    }
}

/// General categories (`L`, `Lu`, `IsLu`, `gc=Lu`, `general_category=Lu`), scripts
/// (`IsLatin`, `sc=Latin`, `script=Latin`) and binary properties (`IsAlphabetic`).
/// Blocks (`InGreek`) are not supported by the Rust engine.
fn unicode_property(name: &str) -> Option<String> {
    const CATEGORIES: [&str; 38] = [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P",
        "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl",
        "Zp", "C", "Cc", "Cf", "Co", "Cs", "Cn",
    ];
    const BINARY: [(&str, &str); 14] = [
        ("alphabetic", "Alphabetic"),
        ("ideographic", "Ideographic"),
        ("letter", "L"),
        ("lowercase", "Lowercase"),
        ("uppercase", "Uppercase"),
        ("titlecase", "Lt"),
        ("punctuation", "P"),
        ("control", "Cc"),
        ("white_space", "White_Space"),
        ("whitespace", "White_Space"),
        ("digit", "Nd"),
        ("hex_digit", "Hex_Digit"),
        ("join_control", "Join_Control"),
        ("noncharacter_code_point", "Noncharacter_Code_Point"),
    ];
    let valid_word =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if let Some((key, value)) = name.split_once('=') {
        if !valid_word(value) {
            return None;
        }
        return match key {
            "gc" | "general_category" if CATEGORIES.contains(&value) => {
                Some(format!(r"\p{{{value}}}"))
            }
            "sc" | "script" => Some(format!(r"\p{{Script={value}}}")),
            _ => None,
        };
    }
    if CATEGORIES.contains(&name) {
        return Some(format!(r"\p{{{name}}}"));
    }
    let rest = name.strip_prefix("Is")?;
    if CATEGORIES.contains(&rest) {
        return Some(format!(r"\p{{{rest}}}"));
    }
    let lower = rest.to_ascii_lowercase();
    if let Some((_, rust)) = BINARY.iter().find(|(java, _)| *java == lower) {
        return Some(format!(r"\p{{{rust}}}"));
    }
    valid_word(rest).then(|| format!(r"\p{{Script={rest}}}"))
}

/// `\d \s \w \h \v` and their negations (upper case) as Rust class text.
pub(super) fn predefined(c: char, unicode_classes: bool) -> Option<String> {
    let (ascii, unicode) = match c.to_ascii_lowercase() {
        'd' => ("0-9", r"\p{Nd}"),
        's' => (r"\t\n\x0B\f\r ", r"\p{White_Space}"),
        'w' => ("a-zA-Z_0-9", r"\w"),
        // \h and \v have no ASCII-only form in Java.
        'h' => (
            r" \t\xA0\x{1680}\x{180e}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}",
            "",
        ),
        'v' => (r"\n\x0B\f\r\x{85}\x{2028}\x{2029}", ""),
        _ => return None,
    };
    let body = if unicode_classes && !unicode.is_empty() {
        unicode
    } else {
        ascii
    };
    Some(if c.is_ascii_uppercase() {
        format!("[^{body}]")
    } else {
        format!("[{body}]")
    })
}
