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
use session::Session;
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

/// Runs one complete entry or command; errors in an entry are reported under `name`.
pub fn handle(session: &mut Session, text: &str, name: &str, color: Color) -> Flow {
    if commands::is_command(text) {
        commands::execute(session, text, color)
    } else if text.trim().is_empty() {
        Flow::Continue(Output::ok(String::new()))
    } else {
        Flow::Continue(session.run(text, name, color))
    }
}

/// The name a piped entry's errors are reported under: its number and the input line it
/// starts on, since positions in the reference's messages count within the entry.
pub fn piped_entry_name(entry: usize, line: usize) -> String {
    format!("<entry {entry}, line {line}>")
}

/// Reads entries line by line from `input` until end of input or `:quit`; an entry
/// left incomplete at the end is run as it is (sanitize adds a missing `;`).
///
/// Entries are numbered from 1 and errors name the entry and its first input line. The
/// exit status is the most severe of all entries' (0 only if none failed or threw), so
/// a script run through the REPL fails visibly.
pub fn piped(
    session: &mut Session,
    input: impl BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: Color,
) -> Exit {
    let mut pending = String::new();
    let mut lines = input.lines();
    let (mut line_no, mut start_line, mut entries) = (0usize, 1usize, 0usize);
    let mut worst = Exit::Ok;
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
            line_no += 1;
            if pending.trim().is_empty() {
                // Blank lines before an entry are not part of it.
                pending.clear();
                start_line = line_no;
            } else {
                pending.push('\n');
            }
            pending.push_str(&line);
            if !entry::is_complete(&pending) {
                continue;
            }
        }
        let text = std::mem::take(&mut pending);
        if !text.trim().is_empty() && !commands::is_command(&text) {
            entries += 1;
        }
        let name = piped_entry_name(entries, start_line);
        start_line = line_no + 1;
        match handle(session, &text, &name, color) {
            Flow::Quit => return worst,
            Flow::Continue(o) => {
                if o.exit.code() > worst.code() {
                    worst = o.exit;
                }
                // Flush stdout before writing stderr so the two stay in order on a
                // terminal.
                let _ = out.write_all(o.stdout.as_bytes());
                let _ = out.flush();
                let _ = err.write_all(o.stderr.as_bytes());
            }
        }
        if at_end {
            return worst;
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
