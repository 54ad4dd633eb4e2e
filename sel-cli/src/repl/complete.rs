//! Tab completion: `:` commands, keywords, static class names and variables, and after
//! `receiver.` the methods and fields of the receiver's type when it is known (a
//! variable's current type, a static class, a string literal).
//!
//! Keywords, static names and what each type has come from `sel_core::catalog` (the
//! table the language server uses too) through the [`Members`] trait, so the unit tests
//! can use a small stand-in.

use super::commands::COMMANDS;
use sel_core::catalog::{self, Call};

/// What values of each type have, for completion after a `.`.
pub trait Members {
    /// Method and field names usable on a value of type `type_name` (a `SelTypes`
    /// name), or with `on_static` on the static name of that type (`Math.`, `String.`).
    fn members(&self, type_name: &str, on_static: bool) -> Vec<String>;
    /// The type (`SelTypes` name) of the value bound to a static name, e.g. `Math`.
    fn static_type(&self, name: &str) -> Option<String>;
}

/// The built-in catalogue.
pub struct Catalog;

impl Members for Catalog {
    fn members(&self, type_name: &str, on_static: bool) -> Vec<String> {
        let methods = catalog::methods_of(type_name)
            .filter(|m| match m.call {
                Call::Any => true,
                Call::Static => on_static,
                Call::Instance => !on_static,
            })
            .map(|m| m.name.to_string());
        let fields = catalog::fields_of(type_name).map(|f| f.name.to_string());
        methods.chain(fields).collect()
    }

    fn static_type(&self, name: &str) -> Option<String> {
        catalog::static_name(name)
            .filter(|s| s.value)
            .map(|s| s.ty.to_string())
    }
}

/// Words that start an entry or an expression: the keywords SEL gives a meaning, the
/// static names and `params`.
fn words() -> impl Iterator<Item = &'static str> {
    let keywords = catalog::keywords()
        .iter()
        .filter(|k| k.meaningful)
        .map(|k| k.word);
    let statics = catalog::static_names().iter().map(|s| s.name);
    keywords.chain(statics).chain(std::iter::once("params"))
}

/// What completion knows about the session: variable names with their types.
pub struct Scope<'a> {
    pub vars: Vec<(String, &'static str)>,
    pub members: &'a dyn Members,
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Start of the identifier that ends at `end` in `text`.
fn word_start(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c))
        .last()
        .map_or(end, |(i, _)| i)
}

/// Completes the word before `pos` in `line` (the whole entry so far): returns where
/// the replaced word starts and the candidates, sorted and without duplicates.
pub fn complete(line: &str, pos: usize, scope: &Scope<'_>) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    if !line.is_char_boundary(pos) {
        return (pos, Vec::new());
    }
    let before = &line[..pos];
    if before.trim_start().starts_with(':') && !before.trim_start().contains(' ') {
        let start = before.len() - before.trim_start().len();
        let cands = COMMANDS
            .iter()
            .map(|(c, _)| c.split(' ').next().unwrap_or(c))
            .filter(|c| c.starts_with(&before[start..]))
            .map(str::to_string)
            .collect();
        return (start, cands);
    }
    let start = word_start(before, pos);
    let prefix = &before[start..];
    let mut cands: Vec<String> = if before[..start].ends_with('.') {
        match receiver_type(&before[..start - 1], scope) {
            Some((ty, on_static)) => scope.members.members(&ty, on_static),
            None => Vec::new(),
        }
    } else {
        let mut all: Vec<String> = words().map(str::to_string).collect();
        all.extend(scope.vars.iter().map(|(n, _)| n.clone()));
        all.extend(names_in(&line[..start]));
        all
    };
    cands.retain(|c| c.starts_with(prefix) && c != prefix);
    cands.sort();
    cands.dedup();
    (start, cands)
}

/// The type of the receiver that ends `text` (the text before a `.`), if known, and
/// whether the receiver is a static name rather than a value.
fn receiver_type(text: &str, scope: &Scope<'_>) -> Option<(String, bool)> {
    if text.ends_with('\'') || text.ends_with('"') {
        return Some(("STRING".to_string(), false));
    }
    let name = &text[word_start(text, text.len())..];
    if name.is_empty() || text[..text.len() - name.len()].ends_with('.') {
        return None;
    }
    if let Some((_, ty)) = scope.vars.iter().find(|(n, _)| n == name) {
        return Some((ty.to_string(), false));
    }
    scope.members.static_type(name).map(|ty| (ty, true))
}

/// Identifiers used as names (not after a `.`) earlier in the entry being typed, so a
/// variable declared on a previous line of a multi-line entry completes too.
fn names_in(text: &str) -> Vec<String> {
    sel_grammar::tokens(text)
        .iter()
        .filter(|t| t.kind == sel_grammar::TokenKind::Identifier)
        .map(|t| t.span.range())
        .filter(|r| !text[..r.start].trim_end().ends_with('.'))
        .map(|r| text[r].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for a catalogue: strings have `length` and `lastIndexOf` (and the
    /// static `valueOf`), `Math` is of type MATH.
    struct Fake;
    impl Members for Fake {
        fn members(&self, ty: &str, on_static: bool) -> Vec<String> {
            match (ty, on_static) {
                ("STRING", false) => vec!["length".into(), "lastIndexOf".into()],
                ("STRING", true) => vec!["valueOf".into()],
                ("LONG_ARRAY", false) => vec!["length".into()],
                ("MATH", true) => vec!["abs".into(), "max".into()],
                _ => vec![],
            }
        }
        fn static_type(&self, name: &str) -> Option<String> {
            match name {
                "Math" => Some("MATH".to_string()),
                "String" => Some("STRING".to_string()),
                _ => None,
            }
        }
    }

    struct Nothing;
    impl Members for Nothing {
        fn members(&self, _: &str, _: bool) -> Vec<String> {
            vec![]
        }
        fn static_type(&self, _: &str) -> Option<String> {
            None
        }
    }

    fn scope(members: &dyn Members) -> Scope<'_> {
        Scope {
            vars: vec![
                ("sum".to_string(), "LONG"),
                ("name".to_string(), "STRING"),
                ("days".to_string(), "LONG_ARRAY"),
            ],
            members,
        }
    }

    fn cands(line: &str, members: &dyn Members) -> (usize, Vec<String>) {
        complete(line, line.len(), &scope(members))
    }

    #[test]
    fn keywords_statics_and_variables() {
        assert_eq!(cands("x = su", &Nothing), (4, vec!["sum".to_string()]));
        assert_eq!(cands("wh", &Nothing), (0, vec!["while".to_string()]));
        assert_eq!(
            cands("D", &Nothing).1,
            [
                "DateTime",
                "DateTimeConstants",
                "DateTimeFormat",
                "DateTimeFormatter",
                "DateTimeZone",
                "Days",
                "Double"
            ]
        );
        assert_eq!(cands("p", &Nothing).1, ["params"]);
        assert_eq!(cands("n", &Nothing).1, ["name", "new", "null"]);
    }

    #[test]
    fn names_declared_earlier_in_the_entry() {
        assert_eq!(
            cands(
                "long total = 0;\nfor (int i = 0; i < 3; i += 1) { tot",
                &Nothing
            )
            .1,
            ["total"]
        );
    }

    #[test]
    fn methods_by_receiver_type() {
        assert_eq!(
            cands("name.l", &Fake),
            (5, vec!["lastIndexOf".to_string(), "length".to_string()])
        );
        assert_eq!(cands("days.", &Fake).1, ["length"]);
        assert_eq!(cands("Math.m", &Fake).1, ["max"]);
        assert_eq!(cands("String.", &Fake).1, ["valueOf"]);
        assert_eq!(cands("'abc'.le", &Fake).1, ["length"]);
        // Unknown receivers offer nothing rather than guessing.
        assert_eq!(cands("nope.l", &Fake).1, Vec::<String>::new());
        assert_eq!(cands("a.b.l", &Fake).1, Vec::<String>::new());
        assert_eq!(cands("sum.", &Nothing).1, Vec::<String>::new());
    }

    #[test]
    fn from_the_catalogue() {
        assert_eq!(cands("name.toU", &Catalog).1, ["toUpperCase"]);
        assert_eq!(cands("days.le", &Catalog).1, ["length"]);
        assert_eq!(cands("Math.m", &Catalog).1, ["max", "min"]);
        assert_eq!(cands("Util.dateIntsB", &Catalog).1, ["dateIntsBetween"]);
        // Reserved words without a meaning in SEL are not offered.
        assert_eq!(cands("swi", &Catalog).1, Vec::<String>::new());
        assert_eq!(cands("whi", &Catalog).1, ["while"]);
    }

    #[test]
    fn commands() {
        assert_eq!(
            cands(":l", &Nothing),
            (0, vec![":limits".to_string(), ":load".to_string()])
        );
        assert_eq!(cands(":", &Nothing).1.len(), COMMANDS.len());
    }
}
