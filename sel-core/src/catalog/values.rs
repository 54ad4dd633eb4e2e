//! Methods and fields of the value types and plain static objects: STRING, LONG, DOUBLE,
//! MAP, arrays, `Math`, `UUID` and the `System`/`Arrays`/`DateTimeConstants` object
//! (SPEC §7.3–§7.11).

use super::{Call, Field, Method, Param, ANY, INT};

const fn p(name: &'static str, ty: &'static str) -> Param {
    Param { name, ty }
}

const fn m(
    receivers: &'static [&'static str],
    name: &'static str,
    params: &'static [Param],
    returns: &'static str,
    call: Call,
    doc: &'static str,
) -> Method {
    Method {
        receivers,
        name,
        params,
        variadic: false,
        returns,
        call,
        host: false,
        doc,
    }
}

const fn variadic(method: Method) -> Method {
    Method {
        variadic: true,
        ..method
    }
}

const S: &[&str] = &["STRING"];
const L: &[&str] = &["LONG"];
const D: &[&str] = &["DOUBLE"];
const MAP: &[&str] = &["MAP"];
const MATH: &[&str] = &["MATH"];
const UUID: &[&str] = &["UUID"];
const MISC: &[&str] = &["PRESET_MISC_FUNC_FIELDS"];
const ARRAYS: &[&str] = &[
    "STRING_ARRAY",
    "LONG_ARRAY",
    "DOUBLE_ARRAY",
    "BOOLEAN_ARRAY",
];

use Call::{Any, Instance, Static};

pub(super) const METHODS: &[Method] = &[
    // STRING (§7.3)
    m(
        S,
        "length",
        &[],
        "LONG",
        Instance,
        "Number of UTF-16 code units in the string.",
    ),
    m(
        S,
        "isEmpty",
        &[],
        "BOOLEAN",
        Instance,
        "Whether the string has no characters.",
    ),
    m(
        S,
        "trim",
        &[],
        "STRING",
        Instance,
        "Removes leading and trailing characters up to U+0020 (not NBSP).",
    ),
    m(
        S,
        "toUpperCase",
        &[],
        "STRING",
        Instance,
        "Upper-cases with full Unicode mapping (English locale).",
    ),
    m(
        S,
        "toLowerCase",
        &[],
        "STRING",
        Instance,
        "Lower-cases with full Unicode mapping (English locale).",
    ),
    m(
        S,
        "equals",
        &[p("other", ANY)],
        "BOOLEAN",
        Instance,
        "True only if `other` is a string with the same text.",
    ),
    m(
        S,
        "compareTo",
        &[p("other", "STRING")],
        "LONG",
        Instance,
        "Lexicographic comparison over UTF-16 units: negative, zero or positive.",
    ),
    m(
        S,
        "startsWith",
        &[p("prefix", "STRING")],
        "BOOLEAN",
        Instance,
        "Whether the string begins with `prefix`.",
    ),
    m(
        S,
        "endsWith",
        &[p("suffix", "STRING")],
        "BOOLEAN",
        Instance,
        "Whether the string ends with `suffix`.",
    ),
    m(
        S,
        "contains",
        &[p("part", "STRING")],
        "BOOLEAN",
        Instance,
        "Whether `part` occurs in the string (the empty string always does).",
    ),
    m(
        S,
        "lastIndexOf",
        &[p("part", "STRING")],
        "LONG",
        Instance,
        "UTF-16 index of the last occurrence of `part`, or -1.",
    ),
    m(
        S,
        "substring",
        &[p("begin", INT)],
        "STRING",
        Instance,
        "The text from UTF-16 index `begin` to the end.",
    ),
    m(
        S,
        "substring",
        &[p("begin", INT), p("end", INT)],
        "STRING",
        Instance,
        "The text between UTF-16 indices `begin` (inclusive) and `end` (exclusive).",
    ),
    m(
        S,
        "split",
        &[p("regex", "STRING")],
        "STRING_ARRAY",
        Instance,
        "Splits around matches of a Java regex, dropping trailing empty parts.",
    ),
    m(
        S,
        "split",
        &[p("regex", "STRING"), p("limit", INT)],
        "STRING_ARRAY",
        Instance,
        "Splits around a Java regex into at most `limit` parts (negative keeps trailing empties).",
    ),
    m(
        S,
        "replaceAll",
        &[p("regex", "STRING"), p("replacement", "STRING")],
        "STRING",
        Instance,
        "Replaces every match of a Java regex; `$1`/`${name}` refer to groups.",
    ),
    m(
        S,
        "replace",
        &[p("target", "STRING"), p("replacement", "STRING")],
        "STRING",
        Instance,
        "Replaces every literal occurrence of `target`, left to right.",
    ),
    m(
        S,
        "valueOf",
        &[p("value", ANY)],
        "STRING",
        Static,
        "Java `String.valueOf`: the text form of any value (`null` gives \"null\").",
    ),
    variadic(m(
        S,
        "format",
        &[p("format", "STRING"), p("args", ANY)],
        "STRING",
        Any,
        "Java `String.format` (English locale); arrays are passed as a single argument.",
    )),
    variadic(m(
        S,
        "join",
        &[p("separator", "STRING"), p("parts", "STRING|STRING_ARRAY")],
        "STRING",
        Any,
        "Joins strings (or one STRING_ARRAY) with `separator`.",
    )),
    m(
        S,
        "escape",
        &[],
        "STRING",
        Instance,
        "Escapes backslash, tab, backspace, newline, CR, form feed and double quote.",
    ),
    m(
        S,
        "escape",
        &[p("text", "STRING")],
        "STRING",
        Any,
        "Escapes backslash, control characters and double quotes in `text`.",
    ),
    // LONG (§7.4)
    m(
        L,
        "toString",
        &[],
        "STRING",
        Any,
        "Decimal text of the number (`Long.toString()` is \"0\").",
    ),
    m(
        L,
        "toString",
        &[p("value", "LONG")],
        "STRING",
        Any,
        "Decimal text of `value`.",
    ),
    m(
        L,
        "valueOf",
        &[p("value", "STRING|LONG")],
        "LONG",
        Any,
        "Parses a decimal string, or copies a LONG (no 32-bit range check).",
    ),
    m(
        L,
        "parseLong",
        &[p("text", "STRING")],
        "LONG",
        Any,
        "Java `Long.parseLong`: optional sign and decimal digits only.",
    ),
    m(
        L,
        "intValue",
        &[],
        "LONG",
        Any,
        "A copy of the number (no narrowing to 32 bits).",
    ),
    // DOUBLE (§7.5)
    m(
        D,
        "toString",
        &[],
        "STRING",
        Any,
        "Java `Double.toString` of the number (`Double.toString()` is \"0.0\").",
    ),
    m(
        D,
        "toString",
        &[p("value", "DOUBLE")],
        "STRING",
        Any,
        "Java `Double.toString` of `value`.",
    ),
    m(
        D,
        "valueOf",
        &[p("value", "STRING|DOUBLE")],
        "DOUBLE",
        Any,
        "Parses a Java double literal, or copies a DOUBLE.",
    ),
    m(
        D,
        "parseDouble",
        &[p("text", "STRING")],
        "DOUBLE",
        Any,
        "Java `Double.parseDouble`: trims, accepts NaN, Infinity, exponents and hex floats.",
    ),
    m(
        D,
        "intValue",
        &[],
        "LONG",
        Any,
        "Truncates toward zero to a LONG (saturating; no 32-bit narrowing).",
    ),
    m(
        D,
        "longValue",
        &[],
        "LONG",
        Any,
        "Truncates toward zero to a LONG (saturating, NaN gives 0).",
    ),
    // MAP (§7.8)
    m(
        MAP,
        "size",
        &[],
        "LONG",
        Any,
        "Number of entries (0 for an uninitialised map).",
    ),
    m(
        MAP,
        "get",
        &[p("key", "STRING")],
        ANY,
        Instance,
        "The value stored under `key` (the same object, not a copy), or null.",
    ),
    m(
        MAP,
        "containsKey",
        &[p("key", "STRING")],
        "BOOLEAN",
        Any,
        "Whether `key` has an entry (even a null one).",
    ),
    m(
        MAP,
        "put",
        &[p("key", "STRING"), p("value", ANY)],
        ANY,
        Instance,
        "Stores `value` itself under `key` and returns the previous value or null.",
    ),
    m(
        MAP,
        "getOrDefault",
        &[p("key", "STRING"), p("default", ANY)],
        ANY,
        Instance,
        "The value under `key`, or `default` when there is none.",
    ),
    // Math (§7.9)
    m(
        MATH,
        "min",
        &[p("a", "LONG"), p("b", "LONG")],
        "LONG",
        Any,
        "The smaller of two LONGs (doubles are rejected).",
    ),
    m(
        MATH,
        "max",
        &[p("a", "LONG"), p("b", "LONG")],
        "LONG",
        Any,
        "The larger of two LONGs (doubles are rejected).",
    ),
    m(
        MATH,
        "pow",
        &[p("base", "LONG|DOUBLE"), p("exponent", "LONG|DOUBLE")],
        "DOUBLE",
        Any,
        "Java `Math.pow`: `base` raised to `exponent`, as a DOUBLE.",
    ),
    m(
        MATH,
        "random",
        &[],
        "DOUBLE",
        Any,
        "A uniformly distributed DOUBLE in [0, 1).",
    ),
    // UUID (§7.10)
    m(
        UUID,
        "randomUUID",
        &[],
        "UUID",
        Any,
        "A new random UUID (not RFC 4122 version 4).",
    ),
    m(
        UUID,
        "toString",
        &[],
        "STRING",
        Any,
        "Canonical lowercase 8-4-4-4-12 hex text (\"null\" on the static `UUID`).",
    ),
    // System / Arrays / DateTimeConstants (§7.11)
    m(
        MISC,
        "currentTimeMillis",
        &[],
        "LONG",
        Any,
        "The current time in epoch milliseconds.",
    ),
    m(
        MISC,
        "asList",
        &[p("value", ANY)],
        ANY,
        Any,
        "Returns its argument unchanged (arrays stay arrays).",
    ),
];

pub(super) const FIELDS: &[Field] = &[
    Field {
        receivers: ARRAYS,
        name: "length",
        ty: "LONG",
        doc: "Number of elements in the array.",
    },
    Field {
        receivers: MISC,
        name: "SUNDAY",
        ty: "LONG",
        doc: "Joda's day-of-week number for Sunday: 7.",
    },
    Field {
        receivers: &["DATETIME_ZONE"],
        name: "UTC",
        ty: "DATETIME_ZONE",
        doc: "The UTC time zone.",
    },
];
