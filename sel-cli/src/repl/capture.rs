//! The instrumented copy of a REPL entry that hands back, in the same single run, both
//! the entry's result and the final values of the variables it mentions.
//!
//! SEL gives a host only the program's result, so the copy makes the result carry the
//! variables: a map is declared first, and every way the program can finish normally
//! ends by filling it and returning it:
//!
//! * each `return X;` (at any depth) becomes
//!   `{ __sel_repl__.put('#result', X); __sel_repl__.put('v', v); ...; return __sel_repl__; }`;
//! * the last top-level expression statement `X;` (also inside a trailing block, since
//!   `{ 1; }` yields 1) becomes `__sel_repl__.put('#result', X);`;
//! * the program ends with the variable puts and `return __sel_repl__;`.
//!
//! `throw` is left alone: its ERROR result is then the program's, exactly. X is
//! evaluated before the variables are read, as in the original. The copy is only used
//! for error-free programs; when it fails the session re-runs the entry as written to
//! report the error the user's own text raises.

use sel_grammar::ast::{ExprKind, ForInit, Program, StmtKind};
use std::collections::BTreeSet;

/// The map the instrumented program returns (an identifier no one types).
pub const SINK: &str = "__sel_repl__";
/// The key of the entry's own result in the returned map (not an identifier, so it
/// cannot clash with a variable).
pub const RESULT_KEY: &str = "#result";
/// A key present in every map the instrumented program returns, to tell it apart.
pub const MARK_KEY: &str = "#sel-repl";

/// The instrumented program and the variable names it reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instrumented {
    pub program: String,
    pub names: Vec<String>,
}

/// Instruments `text`, which parsed without errors into `program`. Reported names are
/// the identifiers the entry declares, assigns or reads (it can change no other
/// variable: inputs are copies), minus `exclude` (the static names and `params`).
pub fn instrument(text: &str, program: &Program, exclude: &[&str]) -> Instrumented {
    let names = mentioned_names(program, exclude);
    let puts: String = names
        .iter()
        .map(|n| format!("{SINK}.put('{n}', {n}); "))
        .collect();
    // Replacements as (span, new text), applied back to front so spans stay valid.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for stmt in &program.stmts {
        if let StmtKind::Return(e) = stmt.kind {
            let x = &text[program.expr(e).span.range()];
            edits.push((
                stmt.span.range(),
                format!("{{ {SINK}.put('{RESULT_KEY}', {x}); {puts}return {SINK}; }}"),
            ));
        }
    }
    if let Some(span) = trailing_expression(program) {
        let (stmt, x) = span;
        let x = &text[x];
        edits.push((stmt, format!("{SINK}.put('{RESULT_KEY}', {x});")));
    }
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut body = text.to_string();
    for (range, new) in edits {
        body.replace_range(range, &new);
    }
    // The sink is declared after the imports (they must come first).
    let at = program.imports.last().map_or(0, |i| i.span.end as usize);
    let head = format!(" Map {SINK} = new HashMap(); {SINK}.put('{MARK_KEY}', true); ");
    body.insert_str(at, &head);
    // A newline first: the entry may end with a `//` comment.
    body.push_str(&format!("\n{puts}return {SINK};\n"));
    Instrumented {
        program: body,
        names,
    }
}

/// The statement and expression spans of the expression statement whose value is the
/// program's result when it runs to its end (§4.3): the last top-level item, or the
/// last item of a trailing block, recursively.
fn trailing_expression(p: &Program) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut items = &p.items;
    loop {
        let stmt = p.stmt(*items.last()?);
        match &stmt.kind {
            StmtKind::Expr(e) => return Some((stmt.span.range(), p.expr(*e).span.range())),
            StmtKind::Block(inner) => items = inner,
            _ => return None,
        }
    }
}

/// Declared, assigned and read names, sorted, without `exclude`.
fn mentioned_names(p: &Program, exclude: &[&str]) -> Vec<String> {
    let mut names = BTreeSet::new();
    for e in &p.exprs {
        match &e.kind {
            ExprKind::Name(id) | ExprKind::Assign { target: id, .. } => {
                names.insert(p.name(id.sym));
            }
            _ => {}
        }
    }
    for s in &p.stmts {
        let decl = match &s.kind {
            StmtKind::Decl(d) => d,
            StmtKind::For {
                init: Some(ForInit::Decl(d)),
                ..
            } => d,
            _ => continue,
        };
        for d in &decl.declarators {
            names.insert(p.name(d.name.sym));
        }
    }
    names
        .into_iter()
        .filter(|n| *n != SINK && !exclude.contains(n))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Instrumented {
        let parsed = sel_grammar::parse(text);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        instrument(text, &parsed.program, &["Math"])
    }

    #[test]
    fn trailing_expression_and_names() {
        let i = run("x = 1; y = x + Math.abs(z);");
        assert_eq!(i.names, ["x", "y", "z"]);
        assert_eq!(
            i.program,
            " Map __sel_repl__ = new HashMap(); __sel_repl__.put('#sel-repl', true); \
             x = 1; __sel_repl__.put('#result', y = x + Math.abs(z));\n\
             __sel_repl__.put('x', x); __sel_repl__.put('y', y); __sel_repl__.put('z', z); \
             return __sel_repl__;\n"
        );
    }

    #[test]
    fn returns_at_any_depth_and_declarations() {
        let i = run("for (int i = 0; i < 3; i += 1) { if (i == 1) return i; }");
        assert_eq!(i.names, ["i"]);
        assert_eq!(
            i.program,
            " Map __sel_repl__ = new HashMap(); __sel_repl__.put('#sel-repl', true); \
             for (int i = 0; i < 3; i += 1) { if (i == 1) { __sel_repl__.put('#result', i); \
             __sel_repl__.put('i', i); return __sel_repl__; } }\n\
             __sel_repl__.put('i', i); return __sel_repl__;\n"
        );
    }

    #[test]
    fn trailing_block_and_imports() {
        let i = run("import a.b; { long q = 2; q; }");
        assert_eq!(i.names, ["q"]);
        assert_eq!(
            i.program,
            "import a.b; Map __sel_repl__ = new HashMap(); \
             __sel_repl__.put('#sel-repl', true);  { long q = 2; __sel_repl__.put('#result', q); }\n\
             __sel_repl__.put('q', q); return __sel_repl__;\n"
        );
    }
}
