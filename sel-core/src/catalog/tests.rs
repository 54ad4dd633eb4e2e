//! Catalogue tests: the lookups, and the counts and facts the spec states.

use super::*;

#[test]
fn keywords_match_the_spec() {
    assert_eq!(keywords().len(), 50);
    let meaningful: Vec<&str> = keywords()
        .iter()
        .filter(|k| k.meaningful)
        .map(|k| k.word)
        .collect();
    assert_eq!(
        meaningful,
        [
            "boolean", "break", "continue", "double", "else", "false", "float", "for", "if",
            "import", "int", "long", "new", "null", "return", "static", "throw", "true", "while"
        ]
    );
    let mut sorted: Vec<&str> = keywords().iter().map(|k| k.word).collect();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        keywords().iter().map(|k| k.word).collect::<Vec<_>>()
    );
}

#[test]
fn static_names_cover_the_evaluator_table() {
    let names: Vec<&str> = static_names().iter().map(|s| s.name).collect();
    assert_eq!(names[..26], crate::STATIC_NAMES);
    assert_eq!(names[26], "params");
    assert_eq!(class_type("HashMap"), Some("MAP"));
    assert_eq!(class_type("DateTimeFormat"), Some("DATETIME_FORMATTER"));
    assert_eq!(class_type("Math"), None);
    assert_eq!(
        static_name("Util").map(|s| s.ty),
        Some("PRESET_UTIL_FUNCTION")
    );
}

#[test]
fn method_lookup_by_arity() {
    let sub1 = method("STRING", "substring", 1).map(|m| m.signature());
    assert_eq!(sub1.as_deref(), Some("substring(begin: int) -> STRING"));
    let sub2 = method("STRING", "substring", 2).map(|m| m.signature());
    assert_eq!(
        sub2.as_deref(),
        Some("substring(begin: int, end: int) -> STRING")
    );
    assert_eq!(method("STRING", "substring", 3), None);
    assert_eq!(method("STRING", "indexOf", 1), None);
    assert_eq!(overloads("STRING", "split").count(), 2);
    let fmt = method("STRING", "format", 4).map(|m| m.signature());
    assert_eq!(
        fmt.as_deref(),
        Some("format(format: STRING, args: ANY...) -> STRING")
    );
    assert!(method("STRING", "join", 1).is_some());
    assert_eq!(method("STRING", "format", 0), None);
    assert_eq!(
        method("DATETIME", "plusDays", 1).map(|m| m.returns),
        Some("DATETIME")
    );
    assert_eq!(method("DATETIME", "now", 0), None);
    assert_eq!(method("BOOLEAN", "valueOf", 1), None);
    assert_eq!(method("MATH", "sqrt", 1), None);
    assert_eq!(
        method("DATETIME", "parse", 2).map(|m| m.call),
        Some(Call::Static)
    );
    let next = method("PRESET_PARAMS", "nextUniqueId", 0).map(|m| m.host);
    assert_eq!(next, Some(true));
    assert_eq!(
        method("PRESET_PARAMS", "get", 1).map(|m| m.host),
        Some(false)
    );
}

#[test]
fn method_counts_per_type() {
    let count = |t: &str| methods_of(t).count();
    assert_eq!(count("STRING"), 22);
    assert_eq!(count("LONG"), 5);
    assert_eq!(count("DOUBLE"), 6);
    assert_eq!(count("MAP"), 5);
    assert_eq!(count("MATH"), 4);
    assert_eq!(count("BOOLEAN"), 0);
    assert_eq!(count("LONG_ARRAY"), 0);
    assert_eq!(count("DATETIME"), 4 + 16 + 3 + 13 + 12 + 1 + 15 + 1);
    assert_eq!(count("DATETIME_PROPERTY"), 4);
    assert_eq!(count("PRESET_UTIL_FUNCTION"), 9);
    assert_eq!(count("PRESET_PARAMS"), 13);
}

#[test]
fn fields() {
    assert_eq!(field("STRING_ARRAY", "length").map(|f| f.ty), Some("LONG"));
    assert_eq!(field("STRING", "length"), None);
    assert_eq!(
        field("PRESET_MISC_FUNC_FIELDS", "SUNDAY").map(|f| f.ty),
        Some("LONG")
    );
    assert_eq!(
        field("DATETIME_ZONE", "UTC").map(|f| f.ty),
        Some("DATETIME_ZONE")
    );
}

#[test]
fn every_entry_is_documented_and_typed() {
    let known = |t: &str| {
        t.split('|').all(|t| {
            t == ANY
                || t == INT
                || static_names().iter().any(|s| s.ty == t)
                || t.ends_with("_ARRAY")
        })
    };
    for m in all_methods() {
        assert!(!m.doc.is_empty() && m.doc.ends_with('.'), "{}", m.name);
        assert!(known(m.returns), "{} -> {}", m.name, m.returns);
        assert!(m.params.iter().all(|p| known(p.ty)), "{}", m.name);
    }
}

#[test]
fn argument_compatibility() {
    assert_eq!(accepts("STRING", "LONG"), Some(false));
    assert_eq!(accepts("STRING|LONG", "LONG"), Some(true));
    assert_eq!(accepts(INT, "LONG"), Some(true));
    assert_eq!(accepts("DATETIME", "NULL"), None);
    assert_eq!(accepts(ANY, "MAP"), None);
}
