//! Rendering errors for people: the source line, a marker under the span, the error
//! kind and the message, with colour only when asked for.
//!
//! Uses `codespan-reporting`, which draws rustc-style snippets; we only translate our
//! errors (syntax errors with their span, run-time errors with the span of the node
//! that raised them and their cause chain) into its diagnostics.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor, Config, Styles, StylesWriter};
use sel_core::SelError;
use sel_grammar::SyntaxError;

/// Whether to colour output. Decided once per process from the terminal and the
/// `NO_COLOR` convention (<https://no-color.org>).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Never,
    Always,
}

impl Color {
    /// Colour only when `stream_is_terminal` and `NO_COLOR` is unset or empty.
    pub fn detect(stream_is_terminal: bool) -> Color {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if stream_is_terminal && !no_color {
            Color::Always
        } else {
            Color::Never
        }
    }
}

/// Renders one diagnostic against `source` (named `name` in the header).
fn render(diag: &Diagnostic<()>, name: &str, source: &str, color: Color) -> String {
    let file = SimpleFile::new(name, source);
    let config = Config::default();
    match color {
        Color::Never => term::emit_into_string(&config, &file, diag)
            .unwrap_or_else(|_| format!("error: {}\n", diag.message)),
        Color::Always => {
            let styles = Styles::default();
            let mut buffer = termcolor::Buffer::ansi();
            let result = {
                let mut writer = StylesWriter::new(&mut buffer, &styles);
                term::emit_to_write_style(&mut writer, &config, &file, diag)
            };
            match result {
                Ok(()) => String::from_utf8_lossy(buffer.as_slice()).into_owned(),
                Err(_) => format!("error: {}\n", diag.message),
            }
        }
    }
}

/// Splits a message into its first line (the headline) and the rest (notes).
fn headline(message: &str) -> (&str, Option<&str>) {
    match message.split_once('\n') {
        Some((first, rest)) if !rest.trim().is_empty() => (first, Some(rest.trim_end())),
        Some((first, _)) => (first, None),
        None => (message, None),
    }
}

/// A syntax error: the reference's message, pointing at the offending token.
pub fn syntax_error(e: &SyntaxError, name: &str, source: &str, color: Color) -> String {
    let class = short_class(e.kind.java_class());
    let (first, rest) = headline(&e.message);
    let span = clamp(e.span.range(), source);
    let mut diag = Diagnostic::error()
        .with_code(class)
        .with_message(first)
        .with_labels(vec![Label::primary((), span)]);
    if let Some(rest) = rest {
        diag = diag.with_notes(vec![rest.replace("\n    ", " ").trim().to_string()]);
    }
    render(&diag, name, source, color)
}

/// A validation or run-time error, with its cause chain as notes.
pub fn sel_error(e: &SelError, name: &str, source: &str, color: Color) -> String {
    let class = short_class(e.kind.java_class());
    let (first, rest) = headline(&e.message);
    let mut diag = Diagnostic::error().with_code(class).with_message(first);
    if let Some(span) = e.span {
        diag = diag.with_labels(vec![Label::primary((), clamp(span.range(), source))]);
    } else if let Some(whole) = whole_program(source) {
        // No finer position is known: show the program rather than no source at all.
        diag = diag.with_labels(vec![
            Label::primary((), whole).with_message("raised while evaluating this")
        ]);
    }
    let mut notes = Vec::new();
    if let Some(rest) = rest {
        notes.push(rest.replace("\n    ", " ").trim().to_string());
    }
    let mut cause = e.cause.as_deref();
    while let Some(c) = cause {
        notes.push(format!(
            "caused by {}: {}",
            short_class(c.kind.java_class()),
            c.message
        ));
        cause = c.cause.as_deref();
    }
    render(&diag.with_notes(notes), name, source, color)
}

/// The source without its surrounding white space, if there is any.
fn whole_program(source: &str) -> Option<std::ops::Range<usize>> {
    let start = source.len() - source.trim_start().len();
    let end = source.trim_end().len();
    (start < end).then_some(start..end)
}

/// `java.lang.IllegalArgumentException` -> `IllegalArgumentException`.
pub fn short_class(class: &str) -> &str {
    class.rsplit('.').next().unwrap_or(class)
}

/// Keeps a span inside the source and on character boundaries, so rendering never
/// fails on a span computed for a slightly different text.
fn clamp(range: std::ops::Range<usize>, source: &str) -> std::ops::Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (fix(range.start), fix(range.end));
    start..end.max(start)
}
