//! `sel check`: parse and validate files without evaluating them.

use crate::diagnostic::{Color, Source};
use crate::eval::{check_before_evaluation, Output};
use crate::exit::Exit;
use sel_core::{Evaluator, Limits};

/// Checks one source text. On success the output is empty, or with `refs` a line
/// `<name>: refs: a, b` listing the params the expression reads (what Maestro passes
/// in), sorted, or `(none)`. The text is checked as written (no sanitize), so positions
/// are the file's.
pub fn check(source: &str, name: &str, refs: bool, color: Color) -> Output {
    let ev = Evaluator::new(Limits::default());
    if let Some(out) = check_before_evaluation(&ev, source, &Source::plain(name, source), color) {
        return out;
    }
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
    Output {
        stdout,
        stderr: String::new(),
        exit: Exit::Ok,
    }
}
