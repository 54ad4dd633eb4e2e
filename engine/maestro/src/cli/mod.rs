//! The command line: argument parsing and the exit codes shared by every command.

mod run;
mod server;
mod validate;

use clap::{Parser, Subcommand};

/// Exit codes (also listed in `maestro --help`).
pub mod exit {
    pub const SUCCEEDED: i32 = 0;
    pub const FAILED: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const INVALID: i32 = 3;
    pub const STOPPED: i32 = 4;
    pub const TIMED_OUT: i32 = 5;
    pub const ENGINE: i32 = 6;
}

const AFTER_HELP: &str = "\
Examples:
  maestro run sample-dag-test-1.json
  maestro run wf.json --param foo=bar --json
  maestro run sample-shell-wf.json --job-template sample-job-template-1.json
  maestro run parent.json --push child.json --database sqlite://runs.db
  maestro server --port 8080
  maestro validate wf.json wf.yaml

Exit codes:
  0  the run SUCCEEDED (run), no problems (validate)
  1  the run FAILED
  2  wrong command-line usage
  3  invalid input: a definition, a param or a file that cannot be used
  4  the run was STOPPED
  5  the run TIMED_OUT
  6  an engine or database error";

/// Run, serve or check Maestro workflows.
#[derive(Parser)]
#[command(name = "maestro", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run one workflow to its end in this process.
    Run(run::RunArgs),
    /// Serve Maestro's REST API.
    Server(server::ServerArgs),
    /// Check workflow definitions without running them.
    Validate(validate::ValidateArgs),
}

pub fn main(cli: Cli) -> i32 {
    match cli.command {
        Command::Run(a) => run::main(a),
        Command::Server(a) => server::main(a),
        Command::Validate(a) => validate::main(a),
    }
}

/// A multi-threaded runtime for the commands.
pub(crate) fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("maestro: cannot start the async runtime: {e}");
            None
        }
    }
}

/// Prints an engine error with its list of problems.
pub(crate) fn report(e: &maestro_core::EngineError) {
    eprintln!("error: {}", e.message);
    for p in &e.errors {
        eprintln!("  {p}");
    }
}

/// The exit code of an engine error.
pub(crate) fn code_of(e: &maestro_core::EngineError) -> i32 {
    use maestro_core::error::ErrorKind;
    match e.kind {
        ErrorKind::Internal => exit::ENGINE,
        _ => exit::INVALID,
    }
}
