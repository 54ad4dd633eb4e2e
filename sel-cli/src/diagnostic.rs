//! Rendering errors for people: the source line, a marker under the span, the error
//! kind and the message, with colour only when asked for.
//!
//! Uses `codespan-reporting`, which draws rustc-style snippets; we only translate our
//! errors (syntax errors with their span, run-time errors with the span of the node
//! that raised them and their cause chain, the checker's type errors) into its
//! diagnostics. Long lines are shown as a window around the span ([`crate::excerpt`]).

use crate::excerpt;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::{Files, SimpleFile};
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

/// Which pass raised an error. It names what a label on the whole program means when
/// the error has no finer position: `check` evaluates nothing, so nothing it reports
/// was "raised while evaluating".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Parsing and validation, before anything runs (all of `sel check`).
    Validation,
    /// Evaluation.
    Evaluation,
}

impl Phase {
    fn whole_program_label(self) -> &'static str {
        match self {
            Phase::Validation => "rejected before evaluation",
            Phase::Evaluation => "raised while evaluating this",
        }
    }
}

/// Renders one diagnostic against the shown source, with its primary label at `primary`
/// (a range of the shown text) if it has one. A label on a long line is drawn on a
/// window of that line ([`crate::excerpt`]).
fn render(
    diag: Diagnostic<()>,
    primary: Option<(std::ops::Range<usize>, &str)>,
    src: &Source<'_>,
    color: Color,
) -> String {
    let Some((range, message)) = primary else {
        return emit(&diag, &SimpleFile::new(src.name, src.text), color);
    };
    match excerpt::excerpt(src.text, range.clone()) {
        None => {
            let diag = diag.with_labels(vec![Label::primary((), range).with_message(message)]);
            emit(&diag, &SimpleFile::new(src.name, src.text), color)
        }
        Some(ex) => {
            let mut message = message.to_string();
            if ex.hidden > 0 {
                let more = format!("(and {} more characters)", ex.hidden);
                message = if message.is_empty() {
                    more
                } else {
                    format!("{message} {more}")
                };
            }
            let label = Label::primary((), ex.span.clone()).with_message(message);
            let file = excerpt::ExcerptFile {
                name: src.name,
                excerpt: &ex,
            };
            emit(&diag.with_labels(vec![label]), &file, color)
        }
    }
}

fn emit<'f>(diag: &Diagnostic<()>, file: &'f impl Files<'f, FileId = ()>, color: Color) -> String {
    let config = Config::default();
    match color {
        Color::Never => term::emit_into_string(&config, file, diag)
            .unwrap_or_else(|_| format!("error: {}\n", diag.message)),
        Color::Always => {
            let styles = Styles::default();
            let mut buffer = termcolor::Buffer::ansi();
            let result = {
                let mut writer = StylesWriter::new(&mut buffer, &styles);
                term::emit_to_write_style(&mut writer, &config, file, diag)
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
    let span = src.locate(reference_span(e));
    let diag = Diagnostic::error().with_code(class).with_message(first);
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
    render(diag.with_notes(notes), Some((span, "")), src, color)
}

/// Where the reference's message places a syntax error. For an unexpected end of input
/// the reference names the position of the text's last character (JavaCC's counters
/// when it ran out), while the error's span is the empty end of the text, which would
/// put the caret one line lower after a final newline: the caret follows the message.
/// (An empty span there, so that a final newline is marked as a column of its line.)
fn reference_span(e: &SyntaxError) -> sel_grammar::Span {
    let eof = e.kind == sel_grammar::SyntaxErrorKind::Parse
        && e.message.starts_with("Encountered \"<EOF>\"");
    if eof && e.span.start == e.span.end && e.span.start > 0 {
        sel_grammar::Span::new(e.span.start - 1, e.span.start - 1)
    } else {
        e.span
    }
}

/// A validation or run-time error, with its cause chain as notes.
pub fn sel_error(e: &SelError, src: &Source<'_>, phase: Phase, color: Color) -> String {
    sel_error_with_notes(e, src, phase, Vec::new(), color)
}

/// [`sel_error`] with `extra` notes after the cause chain (hints of our own, kept apart
/// from the reference's message).
pub fn sel_error_with_notes(
    e: &SelError,
    src: &Source<'_>,
    phase: Phase,
    extra: Vec<String>,
    color: Color,
) -> String {
    let class = short_class(e.kind.java_class());
    let (first, rest) = headline(&e.message);
    let diag = Diagnostic::error().with_code(class).with_message(first);
    let primary = match e.span {
        Some(span) => Some((src.locate(span), "")),
        // No finer position is known: show the program rather than no source at all.
        None => whole_program(src.text).map(|r| (r, phase.whole_program_label())),
    };
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
    notes.extend(extra);
    render(diag.with_notes(notes), primary, src, color)
}

/// A type error the checker is certain of ([`sel_core::typecheck`]): it is no error of
/// the reference's until the code runs, so it is labelled as what will happen.
pub fn type_issue(
    issue: &sel_core::typecheck::TypeIssue,
    src: &Source<'_>,
    color: Color,
) -> String {
    let diag = Diagnostic::error()
        .with_code("type")
        .with_message(&issue.message);
    let span = src.locate(issue.span);
    render(diag, Some((span, "fails here when evaluated")), src, color)
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
