//! The terminal side of the REPL: rustyline with our completer, highlighter and
//! multi-line validator, and history kept in [`history_path`](super::history_path).

use super::commands::Flow;
use super::complete::{self, Catalog, Scope};
use super::session::Session;
use crate::diagnostic::Color;
use crate::exit::Exit;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::io::IsTerminal;
use std::sync::atomic::Ordering;

/// The rustyline helper: completion from the session's variables, colour, validation.
struct SelHelper {
    color: bool,
    /// The session's variables and their types, refreshed after every entry.
    vars: Vec<(String, &'static str)>,
}

impl Completer for SelHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let scope = Scope {
            vars: self.vars.clone(),
            members: &Catalog,
        };
        Ok(complete::complete(line, pos, &scope))
    }
}

impl Highlighter for SelHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(super::highlight::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

impl Hinter for SelHelper {
    type Hint = String;
}

impl Validator for SelHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if super::entry::is_complete(ctx.input()) {
            ValidationResult::Valid(None)
        } else {
            ValidationResult::Incomplete
        })
    }
}

impl Helper for SelHelper {}

fn vars_of(session: &Session) -> Vec<(String, &'static str)> {
    session
        .visible()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.type_name()))
        .collect()
}

/// The interactive loop. Ctrl-C drops the entry being typed or stops the one being
/// evaluated; Ctrl-D or `:quit` leaves.
pub fn interactive(session: &mut Session, color: Color) -> Exit {
    // While a line is read the terminal is in raw mode and Ctrl-C reaches the editor as
    // a key; while an entry runs it is a signal, which cancels the evaluation instead
    // of ending the session (and losing its variables).
    let cancel = session.cancel_flag();
    if let Err(e) = ctrlc::set_handler(move || cancel.store(true, Ordering::SeqCst)) {
        eprintln!("sel: Ctrl-C will end the session, not just an evaluation: {e}");
    }
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .max_history_size(10_000)
        .map(|b| b.auto_add_history(false).build());
    let editor = config.and_then(Editor::<SelHelper, DefaultHistory>::with_config);
    let mut editor = match editor {
        Ok(e) => e,
        Err(e) => {
            eprintln!("sel: cannot start the line editor: {e}");
            return Exit::Usage;
        }
    };
    let highlight = std::io::stdout().is_terminal() && color == Color::Always;
    editor.set_helper(Some(SelHelper {
        color: highlight,
        vars: vars_of(session),
    }));
    let history = super::history_path();
    if let Some(path) = &history {
        // A missing file is the normal first run.
        let _ = editor.load_history(path);
    }
    println!(
        "SEL {} (Maestro's expression language). :help for commands, Ctrl-D to quit.",
        env!("CARGO_PKG_VERSION")
    );
    let mut history_warned = false;
    loop {
        let mut text = match editor.readline("sel> ") {
            Ok(t) => t,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return Exit::Ok,
            Err(e) => {
                eprintln!("sel: {e}");
                return Exit::Usage;
            }
        };
        // The validator keeps multi-line entries in one buffer; on a terminal rustyline
        // cannot drive (TERM=dumb) it is not consulted, so continue entries here.
        while !super::entry::is_complete(&text) {
            match editor.readline("...> ") {
                Ok(more) => {
                    text.push('\n');
                    text.push_str(&more);
                }
                Err(ReadlineError::Interrupted) => {
                    text.clear();
                    break;
                }
                Err(_) => break,
            }
        }
        if !text.trim().is_empty() {
            let _ = editor.history_mut().add(&text);
            if let Some(path) = &history {
                if let Err(e) = save(&mut editor, path) {
                    if !history_warned {
                        eprintln!("sel: history not saved to {}: {e}", path.display());
                        history_warned = true;
                    }
                }
            }
        }
        match super::handle(session, &text, super::session::ENTRY_NAME, color) {
            Flow::Quit => return Exit::Ok,
            Flow::Continue(out) => {
                print!("{}", out.stdout);
                eprint!("{}", out.stderr);
            }
        }
        if let Some(h) = editor.helper_mut() {
            h.vars = vars_of(session);
        }
    }
}

fn save(
    editor: &mut Editor<SelHelper, DefaultHistory>,
    path: &std::path::Path,
) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    editor.save_history(path).map_err(|e| e.to_string())
}
