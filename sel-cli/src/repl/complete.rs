//! Tab completion: `:` commands, keywords, static class names and variables, and after
//! `receiver.` the methods and fields of the receiver's type when it is known (a
//! variable's current type, a static class, a string literal).
//!
//! What each type has comes from a [`Members`] source. The built-in catalogue of SEL
//! methods lives in `sel_core::catalog`; until it is available the REPL uses
//! [`NoMembers`], and plugging the catalogue in is one `impl Members`.

use super::commands::COMMANDS;

/// Words with a meaning in SEL that are not static names (`int`, `String`... are).
pub const KEYWORDS: &[&str] = &[
    "break", "continue", "else", "false", "for", "if", "import", "new", "null", "return", "static",
    "throw", "true", "while",
];

/// What values of each type have, for completion after a `.`.
pub trait Members {
    /// Method and field names of values of type `type_name` (a `SelTypes` name).
    fn members(&self, type_name: &str) -> Vec<String>;
    /// The type (`SelTypes` name) of the value bound to a static name, e.g. `Math`.
    fn static_type(&self, name: &str) -> Option<String>;
}

/// No method knowledge: completion after `.` offers nothing.
pub struct NoMembers;

impl Members for NoMembers {
    fn members(&self, _: &str) -> Vec<String> {
        Vec::new()
    }
    fn static_type(&self, _: &str) -> Option<String> {
        None
    }
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
            Some(ty) => scope.members.members(&ty),
            None => Vec::new(),
        }
    } else {
        let mut all: Vec<String> = KEYWORDS.iter().map(|s| s.to_string()).collect();
        all.extend(sel_core::STATIC_NAMES.iter().map(|s| s.to_string()));
        all.push("params".to_string());
        all.extend(scope.vars.iter().map(|(n, _)| n.clone()));
        all.extend(names_in(&line[..start]));
        all
    };
    cands.retain(|c| c.starts_with(prefix) && c != prefix);
    cands.sort();
    cands.dedup();
    (start, cands)
}

/// The type of the receiver that ends `text` (the text before a `.`), if known.
fn receiver_type(text: &str, scope: &Scope<'_>) -> Option<String> {
    if text.ends_with('\'') || text.ends_with('"') {
        return Some("STRING".to_string());
    }
    let name = &text[word_start(text, text.len())..];
    if name.is_empty() || text[..text.len() - name.len()].ends_with('.') {
        return None;
    }
    if let Some((_, ty)) = scope.vars.iter().find(|(n, _)| n == name) {
        return Some(ty.to_string());
    }
    scope.members.static_type(name)
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

    /// A stand-in for the catalogue: strings have `length` and `lastIndexOf`, `Math`
    /// is of type MATH.
    struct Fake;
    impl Members for Fake {
        fn members(&self, ty: &str) -> Vec<String> {
            match ty {
                "STRING" => vec!["length".into(), "lastIndexOf".into()],
                "LONG_ARRAY" => vec!["length".into()],
                "MATH" => vec!["abs".into(), "max".into()],
                _ => vec![],
            }
        }
        fn static_type(&self, name: &str) -> Option<String> {
            (name == "Math").then(|| "MATH".to_string())
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
        assert_eq!(cands("x = su", &NoMembers), (4, vec!["sum".to_string()]));
        assert_eq!(cands("wh", &NoMembers), (0, vec!["while".to_string()]));
        assert_eq!(
            cands("D", &NoMembers).1,
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
        assert_eq!(cands("p", &NoMembers).1, ["params"]);
        assert_eq!(cands("n", &NoMembers).1, ["name", "new", "null"]);
    }

    #[test]
    fn names_declared_earlier_in_the_entry() {
        assert_eq!(
            cands(
                "long total = 0;\nfor (int i = 0; i < 3; i += 1) { tot",
                &NoMembers
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
        assert_eq!(cands("'abc'.le", &Fake).1, ["length"]);
        // Unknown receivers offer nothing rather than guessing.
        assert_eq!(cands("nope.l", &Fake).1, Vec::<String>::new());
        assert_eq!(cands("a.b.l", &Fake).1, Vec::<String>::new());
        assert_eq!(cands("sum.", &NoMembers).1, Vec::<String>::new());
    }

    #[test]
    fn commands() {
        assert_eq!(
            cands(":l", &NoMembers),
            (0, vec![":limits".to_string(), ":load".to_string()])
        );
        assert_eq!(cands(":", &NoMembers).1.len(), COMMANDS.len());
    }
}
