//! The REPL's `:` commands (everything else typed is an entry).

use super::session::Session;
use crate::diagnostic::Color;
use crate::eval::Output;
use crate::exit::Exit;

/// The commands with their one-line help, in the order `:help` lists them (also the
/// completion candidates after `:`).
pub const COMMANDS: &[(&str, &str)] = &[
    (":help", "show this help"),
    (":vars", "list the variables entries can read"),
    (
        ":type EXPR",
        "evaluate EXPR without keeping anything and print its type",
    ),
    (":limits", "show the limits every entry runs under"),
    (":load FILE", "run a file as one entry"),
    (":reset", "forget all variables"),
    (":quit", "leave (also Ctrl-D)"),
];

/// What the loop does after a command.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue(Output),
    Quit,
}

/// Whether `line` is a command rather than an entry.
pub fn is_command(line: &str) -> bool {
    line.trim_start().starts_with(':')
}

/// Runs the command in `line` (which starts with `:`).
pub fn execute(session: &mut Session, line: &str, color: Color) -> Flow {
    let line = line.trim();
    let (cmd, arg) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, a.trim()),
        None => (line, ""),
    };
    let needs_arg = |usage: &str| Output::fail(format!("usage: {usage}\n"), Exit::Usage);
    let out = match cmd {
        ":help" | ":h" | ":?" => Output::ok(help()),
        ":vars" => Output::ok(vars(session)),
        ":type" | ":t" if arg.is_empty() => needs_arg(":type EXPR"),
        ":type" | ":t" => session.type_of(arg, color),
        ":limits" => Output::ok(limits(session)),
        ":load" if arg.is_empty() => needs_arg(":load FILE"),
        ":load" => match std::fs::read_to_string(arg) {
            Ok(source) => session.run(&source, arg, color),
            Err(e) => Output::fail(format!("sel: {arg}: {e}\n"), Exit::Usage),
        },
        ":reset" => {
            session.reset();
            Output::ok("variables cleared\n".to_string())
        }
        ":quit" | ":q" | ":exit" => return Flow::Quit,
        _ => Output::fail(
            format!("unknown command {cmd} (:help lists the commands)\n"),
            Exit::Usage,
        ),
    };
    Flow::Continue(out)
}

fn help() -> String {
    let mut s = String::from(
        "Type SEL statements; an entry runs once its braces are closed and it ends with\n\
         `;` or `}`. Variables persist from one entry to the next.\n",
    );
    for (name, what) in COMMANDS {
        s += &format!("  {name:<12} {what}\n");
    }
    s
}

fn vars(session: &Session) -> String {
    let visible = session.visible();
    if visible.is_empty() {
        return "no variables\n".to_string();
    }
    visible
        .iter()
        .map(|(name, v)| format!("{} {name} = {}\n", v.type_name(), v.display()))
        .collect()
}

fn limits(session: &Session) -> String {
    let l = session.limits();
    format!(
        "stack   {}\nloop    {}\narray   {}\nlength  {}\nvisit   {}\nmemory  {}\ntimeout {} ms\n",
        l.stack,
        l.loops,
        l.array,
        l.length,
        l.visits,
        l.memory,
        l.timeout.as_millis()
    )
}
