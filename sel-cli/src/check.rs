//! `sel check`: parse and validate files without evaluating them.

use crate::diagnostic::{self, Color, Source};
use crate::eval::{check_before_evaluation, Output};
use crate::exit::Exit;
use sel_core::{Evaluator, Limits};

/// Checks one source text: syntax, the reference's validation, then the type errors that
/// are certain to fail at run time (the language server's checker,
/// [`sel_core::typecheck`], with no params known, as for a `.sel` file in the editor).
/// On success the output is empty, or with `refs` a line `<name>: refs: a, b` listing
/// the params the expression reads (what Maestro passes in), sorted, or `(none)`. The
/// text is checked as written (no sanitize), so positions are the file's.
pub fn check(source: &str, name: &str, refs: bool, color: Color) -> Output {
    let ev = Evaluator::new(Limits::default());
    let shown = Source::plain(name, source);
    if let Some(out) = check_before_evaluation(&ev, source, &shown, color) {
        return out;
    }
    let parse = sel_grammar::parse(source);
    let types = sel_core::typecheck::infer(&parse.program, &());
    let stderr: String = types
        .issues
        .iter()
        .map(|i| diagnostic::type_issue(i, &shown, color))
        .collect();
    let mut stdout = String::new();
    if refs {
        if let Ok(names) = ev.validate(source) {
            let list = if names.is_empty() {
                "(none)".to_string()
            } else {
                names.into_iter().collect::<Vec<_>>().join(", ")
            };
            stdout = format!("{name}: refs: {list}\n");
        }
    }
    let exit = if stderr.is_empty() {
        Exit::Ok
    } else {
        Exit::Runtime
    };
    Output {
        stdout,
        stderr,
        exit,
    }
}

/// What a clean `sel check` of `files` files says on a terminal.
pub fn summary(files: usize) -> String {
    let noun = if files == 1 { "file" } else { "files" };
    format!("{files} {noun}, no problems\n")
}
