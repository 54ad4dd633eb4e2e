//! `sel repl`: an interactive session. Entries are SEL statements evaluated one after
//! another with their variables kept ([`session`] explains how, since the evaluator
//! keeps no state); lines starting with `:` are [`commands`].
//!
//! On a terminal it is a line editor (rustyline) with persistent history, multi-line
//! entries ([`entry`]), completion ([`complete`]) and highlighting ([`highlight`]).
//! Otherwise it reads entries from standard input with the same multi-line rule and
//! prints results plainly, so sessions can be scripted and tested.

pub mod capture;
pub mod commands;
pub mod complete;
pub mod entry;
pub mod highlight;
pub mod session;

use crate::diagnostic::Color;
use crate::eval::{EvalOptions, Output};
use crate::exit::Exit;
use commands::Flow;
use session::{Session, ENTRY_NAME};
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

mod editor;

/// Runs a session on the process's terminal or standard input.
pub fn run(opts: EvalOptions) -> Exit {
    let mut session = Session::new(opts);
    let color = Color::detect(std::io::stderr().is_terminal());
    if std::io::stdin().is_terminal() {
        editor::interactive(&mut session, color)
    } else {
        let stdin = std::io::stdin();
        piped(
            &mut session,
            stdin.lock(),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
            color,
        )
    }
}

/// Runs one complete entry or command.
pub fn handle(session: &mut Session, text: &str, color: Color) -> Flow {
    if commands::is_command(text) {
        commands::execute(session, text, color)
    } else if text.trim().is_empty() {
        Flow::Continue(Output::ok(String::new()))
    } else {
        Flow::Continue(session.run(text, ENTRY_NAME, color))
    }
}

/// Reads entries line by line from `input` until end of input or `:quit`; an entry
/// left incomplete at the end is run as it is (sanitize adds a missing `;`).
pub fn piped(
    session: &mut Session,
    input: impl BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: Color,
) -> Exit {
    let mut pending = String::new();
    let mut lines = input.lines();
    loop {
        let line = match lines.next() {
            Some(Ok(line)) => Some(line),
            Some(Err(e)) => {
                let _ = writeln!(err, "sel: reading standard input: {e}");
                return Exit::Usage;
            }
            None => None,
        };
        let at_end = line.is_none();
        if let Some(line) = line {
            if !pending.is_empty() {
                pending.push('\n');
            }
            pending.push_str(&line);
            if !entry::is_complete(&pending) {
                continue;
            }
        }
        let text = std::mem::take(&mut pending);
        match handle(session, &text, color) {
            Flow::Quit => return Exit::Ok,
            Flow::Continue(o) => {
                // Flush stdout before writing stderr so the two stay in order on a
                // terminal.
                let _ = out.write_all(o.stdout.as_bytes());
                let _ = out.flush();
                let _ = err.write_all(o.stderr.as_bytes());
            }
        }
        if at_end {
            return Exit::Ok;
        }
    }
}

/// Where history is kept: `$SEL_HISTORY`, else `$XDG_DATA_HOME/sel/history`, else
/// `~/.local/share/sel/history` (empty variables count as unset).
pub fn history_path() -> Option<PathBuf> {
    history_path_from(|name| std::env::var_os(name))
}

/// [`history_path`] with the environment given as a lookup function.
pub fn history_path_from(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(p) = var("SEL_HISTORY") {
        return Some(PathBuf::from(p));
    }
    let data = match var("XDG_DATA_HOME") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(var("HOME")?).join(".local/share"),
    };
    Some(data.join("sel/history"))
}

#[cfg(test)]
mod tests {
    use super::history_path_from;
    use std::path::PathBuf;

    fn path(vars: &[(&str, &str)]) -> Option<PathBuf> {
        history_path_from(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.into()))
    }

    #[test]
    fn history_location() {
        let home = ("HOME", "/home/ada");
        assert_eq!(
            path(&[home]),
            Some(PathBuf::from("/home/ada/.local/share/sel/history"))
        );
        assert_eq!(
            path(&[home, ("XDG_DATA_HOME", "/data")]),
            Some(PathBuf::from("/data/sel/history"))
        );
        assert_eq!(
            path(&[home, ("XDG_DATA_HOME", ""), ("SEL_HISTORY", "/tmp/h")]),
            Some(PathBuf::from("/tmp/h"))
        );
        assert_eq!(path(&[("XDG_DATA_HOME", "")]), None);
    }
}
