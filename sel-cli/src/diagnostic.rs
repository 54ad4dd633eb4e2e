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

/// The source a diagnostic is shown in, and where in it the text whose spans the
/// errors carry begins. Maestro's sanitize trims an expression before it is parsed, so
/// the spans of the evaluated text are shifted by what the trim removed in front: a
/// diagnostic then points at the line and column of the user's file.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The name in the diagnostic's header (a file name, `<arg>`, `<stdin>`).
    pub name: &'a str,
    /// The text shown: what the user wrote.
    pub text: &'a str,
    /// Where in `text` the evaluated text begins.
    pub shift: usize,
}

impl<'a> Source<'a> {
    /// A text evaluated (or parsed) as written.
    pub fn plain(name: &'a str, text: &'a str) -> Source<'a> {
        Source {
            name,
            text,
            shift: 0,
        }
    }

    /// A text evaluated after [`sel_core::sanitize`].
    pub fn sanitized(name: &'a str, text: &'a str) -> Source<'a> {
        Source {
            name,
            text,
            shift: sel_core::sanitized_start(text),
        }
    }

    /// A span of the evaluated text, in the shown text.
    fn locate(&self, span: sel_grammar::Span) -> std::ops::Range<usize> {
        let r = span.range();
        clamp(r.start + self.shift..r.end + self.shift, self.text)
    }
}

/// Renders one diagnostic against the shown source.
fn render(diag: &Diagnostic<()>, src: &Source<'_>, color: Color) -> String {
    let file = SimpleFile::new(src.name, src.text);
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
pub fn syntax_error(e: &SyntaxError, src: &Source<'_>, color: Color) -> String {
    let class = short_class(e.kind.java_class());
    let (first, rest) = headline(&e.message);
    let span = src.locate(e.span);
    let diag = Diagnostic::error()
        .with_code(class)
        .with_message(first)
        .with_labels(vec![Label::primary((), span)]);
    let mut notes = Vec::new();
    if let Some(rest) = rest {
        notes.push(rest.replace("\n    ", " ").trim().to_string());
    }
    if src.shift > 0 && src.text[..src.shift].contains('\n') {
        // The message is the reference's: its position is in the trimmed text.
        notes.push(
            "the message counts lines in the expression as Maestro parses it, \
             without the leading blank lines"
                .to_string(),
        );
    }
    render(&diag.with_notes(notes), src, color)
}

/// A validation or run-time error, with its cause chain as notes.
pub fn sel_error(e: &SelError, src: &Source<'_>, color: Color) -> String {
    let class = short_class(e.kind.java_class());
    let (first, rest) = headline(&e.message);
    let mut diag = Diagnostic::error().with_code(class).with_message(first);
    if let Some(span) = e.span {
        diag = diag.with_labels(vec![Label::primary((), src.locate(span))]);
    } else if let Some(whole) = whole_program(src.text) {
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
    render(&diag.with_notes(notes), src, color)
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
