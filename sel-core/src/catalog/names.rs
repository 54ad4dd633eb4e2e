//! Static names bound in every evaluation, the class-name table of declarations and
//! `new`, and the keywords (SPEC §2.4, §7.1, §7.18).

/// A name bound before evaluation starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaticName {
    pub name: &'static str,
    /// The `SelTypes` name of the bound value (its methods are the "static methods").
    pub ty: &'static str,
    /// Usable as a class in declarations, `new C(..)` and arrays (§7.1 descriptor table).
    pub class: bool,
    /// Usable as an expression (`Integer.valueOf(..)`); false for the primitive keywords.
    pub value: bool,
    pub doc: &'static str,
}

const fn s(
    name: &'static str,
    ty: &'static str,
    class: bool,
    value: bool,
    doc: &'static str,
) -> StaticName {
    StaticName {
        name,
        ty,
        class,
        value,
        doc,
    }
}

const STATICS: &[StaticName] = &[
    s(
        "int",
        "LONG",
        true,
        false,
        "64-bit integer type (SEL has no 32-bit integers).",
    ),
    s("long", "LONG", true, false, "64-bit integer type."),
    s(
        "Integer",
        "LONG",
        true,
        true,
        "LONG class; its value is 0 and carries LONG's static methods.",
    ),
    s(
        "Long",
        "LONG",
        true,
        true,
        "LONG class; its value is 0 and carries LONG's static methods.",
    ),
    s(
        "float",
        "DOUBLE",
        true,
        false,
        "64-bit floating-point type.",
    ),
    s(
        "double",
        "DOUBLE",
        true,
        false,
        "64-bit floating-point type.",
    ),
    s(
        "Float",
        "DOUBLE",
        true,
        true,
        "DOUBLE class; its value is 0.0 and carries DOUBLE's static methods.",
    ),
    s(
        "Double",
        "DOUBLE",
        true,
        true,
        "DOUBLE class; its value is 0.0 and carries DOUBLE's static methods.",
    ),
    s("boolean", "BOOLEAN", true, false, "Boolean type."),
    s(
        "Boolean",
        "BOOLEAN",
        true,
        true,
        "BOOLEAN class; no methods, use `new Boolean('true')` to parse.",
    ),
    s(
        "String",
        "STRING",
        true,
        true,
        "STRING class (a null string) with `valueOf`, `format`, `join`, `escape`.",
    ),
    s(
        "Map",
        "MAP",
        true,
        true,
        "String-keyed map class; `new Map()` makes an empty one.",
    ),
    s("HashMap", "MAP", true, true, "Same as `Map`."),
    s(
        "LinkedHashMap",
        "MAP",
        true,
        true,
        "Same as `Map` (iteration order is still Java HashMap order).",
    ),
    s(
        "DateTime",
        "DATETIME",
        true,
        true,
        "Joda DateTime class: `new DateTime(..)`, `DateTime.parse(text, formatter)`.",
    ),
    s(
        "DateTimeZone",
        "DATETIME_ZONE",
        true,
        true,
        "Joda time-zone class: `DateTimeZone.forID('UTC')`, `DateTimeZone.UTC`.",
    ),
    s(
        "DateTimeFormatter",
        "DATETIME_FORMATTER",
        true,
        true,
        "Joda formatter class: `DateTimeFormat.forPattern('yyyyMMdd')`.",
    ),
    s(
        "DateTimeFormat",
        "DATETIME_FORMATTER",
        true,
        true,
        "Joda formatter factory: `DateTimeFormat.forPattern('yyyyMMdd')`.",
    ),
    s(
        "Property",
        "DATETIME_PROPERTY",
        true,
        true,
        "Joda DateTime.Property class (values come from `dt.dayOfMonth()` etc.).",
    ),
    s(
        "Days",
        "DATETIME_DAYS",
        true,
        true,
        "Joda Days class: `Days.daysBetween(a, b).getDays()`.",
    ),
    s(
        "UUID",
        "UUID",
        true,
        true,
        "UUID class: `UUID.randomUUID().toString()`.",
    ),
    s(
        "DateTimeConstants",
        "PRESET_MISC_FUNC_FIELDS",
        false,
        true,
        "Shared helper object with `SUNDAY`, `currentTimeMillis()` and `asList(x)`.",
    ),
    s(
        "System",
        "PRESET_MISC_FUNC_FIELDS",
        false,
        true,
        "Shared helper object with `currentTimeMillis()`, `asList(x)` and `SUNDAY`.",
    ),
    s(
        "Arrays",
        "PRESET_MISC_FUNC_FIELDS",
        false,
        true,
        "Shared helper object with `asList(x)`, `currentTimeMillis()` and `SUNDAY`.",
    ),
    s(
        "Math",
        "MATH",
        false,
        true,
        "Math helpers: `min`, `max`, `pow`, `random`.",
    ),
    s(
        "Util",
        "PRESET_UTIL_FUNCTION",
        false,
        true,
        "Date-int and timeout helpers (`Util.dateIntToTs(20190101)`, ...).",
    ),
    s(
        "params",
        "PRESET_PARAMS",
        false,
        true,
        "The evaluation's parameters: `params.get('x')`, `params['x']`, `params.x`.",
    ),
];

/// The names bound in every evaluation (§7.1) followed by `params`.
pub fn static_names() -> &'static [StaticName] {
    STATICS
}

/// The static name `name`, if it is one.
pub fn static_name(name: &str) -> Option<&'static StaticName> {
    STATICS.iter().find(|s| s.name == name)
}

/// The `SelTypes` name a class name stands for in declarations and `new`, if any.
pub fn class_type(name: &str) -> Option<&'static str> {
    static_name(name).filter(|s| s.class).map(|s| s.ty)
}

/// A reserved word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keyword {
    pub word: &'static str,
    /// Whether SEL gives the word a meaning; the others are rejected wherever they appear.
    pub meaningful: bool,
    pub doc: &'static str,
}

const fn k(word: &'static str, meaningful: bool, doc: &'static str) -> Keyword {
    Keyword {
        word,
        meaningful,
        doc,
    }
}

const RESERVED: &str = "Reserved word; rejected by the parser.";

const KEYWORDS: &[Keyword] = &[
    k("abstract", false, RESERVED),
    k("boolean", true, "Boolean type."),
    k("break", true, "Leaves the innermost loop."),
    k("byte", false, RESERVED),
    k("case", false, RESERVED),
    k("catch", false, RESERVED),
    k("char", false, RESERVED),
    k("class", false, RESERVED),
    k("const", false, RESERVED),
    k(
        "continue",
        true,
        "Skips to the next iteration of the innermost loop.",
    ),
    k("default", false, RESERVED),
    k("do", false, RESERVED),
    k("double", true, "64-bit floating-point type."),
    k("else", true, "The alternative branch of an `if`."),
    k("extends", false, RESERVED),
    k("false", true, "The boolean literal false."),
    k("final", false, RESERVED),
    k("finally", false, RESERVED),
    k(
        "float",
        true,
        "64-bit floating-point type (same as double).",
    ),
    k(
        "for",
        true,
        "A C-style loop: `for (init; condition; update) body`.",
    ),
    k("goto", false, RESERVED),
    k(
        "if",
        true,
        "Conditional statement: `if (condition) a else b`.",
    ),
    k("implements", false, RESERVED),
    k("import", true, "Import declaration; accepted and ignored."),
    k("instanceof", false, RESERVED),
    k("int", true, "64-bit integer type (same as long)."),
    k("interface", false, RESERVED),
    k("long", true, "64-bit integer type."),
    k("native", false, RESERVED),
    k(
        "new",
        true,
        "Creates an object or array: `new Map()`, `new String[2]`, `new int[]{1, 2}`.",
    ),
    k("null", true, "The null literal."),
    k("package", false, RESERVED),
    k("private", false, RESERVED),
    k("protected", false, RESERVED),
    k("public", false, RESERVED),
    k("return", true, "Ends the program with a value."),
    k("short", false, RESERVED),
    k(
        "static",
        true,
        "Only in `import static` declarations, which are ignored.",
    ),
    k("super", false, RESERVED),
    k("switch", false, RESERVED),
    k("synchronized", false, RESERVED),
    k("this", false, RESERVED),
    k(
        "throw",
        true,
        "Ends the program with an error carrying the thrown value.",
    ),
    k("throws", false, RESERVED),
    k("transient", false, RESERVED),
    k("true", true, "The boolean literal true."),
    k("try", false, RESERVED),
    k("void", false, RESERVED),
    k("volatile", false, RESERVED),
    k("while", true, "A loop: `while (condition) body`."),
];

/// The 50 reserved words (§2.4), alphabetically.
pub fn keywords() -> &'static [Keyword] {
    KEYWORDS
}
