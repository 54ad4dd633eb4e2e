//! `sel fmt`: rewrite files in the canonical layout of `sel_grammar::format` (comments
//! are kept by the printer), check that they already are, or filter standard input.

use crate::diagnostic::{self, Color, Source};
use crate::eval::Output;
use crate::exit::Exit;
use std::io::Read;
use std::path::Path;

/// Formats `source`, or renders its syntax errors (the file is then left alone).
pub fn format_source(source: &str, name: &str, color: Color) -> Result<String, String> {
    sel_grammar::format(source).map_err(|errors| {
        errors
            .iter()
            .map(|e| diagnostic::syntax_error(e, &Source::plain(name, source), color))
            .collect()
    })
}

/// Formats each file in place, or with `check` lists (on stdout) the files that would
/// change. `-` reads standard input and writes the result to standard output (with
/// `check`, it prints `<stdin>` if it would change instead).
///
/// The exit status is the most severe outcome: a syntax error (3) or an unreadable or
/// unwritable file (2) outranks "would reformat" (1).
pub fn fmt(paths: &[&Path], check: bool, color: Color) -> Output {
    let mut out = Output::ok(String::new());
    let worst = |out: &mut Output, exit: Exit| {
        if exit.code() > out.exit.code() {
            out.exit = exit;
        }
    };
    for &path in paths {
        let stdin = path == Path::new("-");
        let name = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let source = match read(path, stdin) {
            Ok(s) => s,
            Err(e) => {
                out.stderr += &format!("sel: {name}: {e}\n");
                worst(&mut out, Exit::Usage);
                continue;
            }
        };
        let formatted = match format_source(&source, &name, color) {
            Ok(f) => f,
            Err(rendered) => {
                out.stderr += &rendered;
                worst(&mut out, Exit::Syntax);
                continue;
            }
        };
        let changed = formatted != source;
        if check {
            if changed {
                out.stdout += &format!("{name}\n");
                worst(&mut out, Exit::Findings);
            }
        } else if stdin {
            out.stdout += &formatted;
        } else if changed {
            if let Err(e) = std::fs::write(path, &formatted) {
                out.stderr += &format!("sel: {name}: {e}\n");
                worst(&mut out, Exit::Usage);
            }
        }
    }
    out
}

fn read(path: &Path, stdin: bool) -> std::io::Result<String> {
    if stdin {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
    }
}
