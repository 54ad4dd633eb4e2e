//! The exit codes of `sel`, one per kind of outcome, so scripts can tell a typo in the
//! expression from a runaway loop.

/// Documented in `sel --help` (see `main.rs`); keep the two in step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything went fine.
    Ok = 0,
    /// `fmt --check` found files to reformat; `conformance` found failing cases.
    Findings = 1,
    /// Bad arguments, unreadable files, malformed `--vars`.
    Usage = 2,
    /// The expression does not parse.
    Syntax = 3,
    /// The expression parses but is rejected before evaluation (e.g. over the length limit).
    Validation = 4,
    /// Evaluation raised an error, or the program threw one (`throw 'msg'`); for `check`,
    /// a type error that is certain to fail at run time.
    Runtime = 5,
    /// A resource limit stopped the evaluation (loops, steps, memory, stack, time).
    Limit = 6,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e.code())
    }
}

/// The exit-code table for `--help`.
pub const HELP: &str = "\
Exit status:
  0  success
  1  findings: `fmt --check` would reformat, `conformance` has failing cases
  2  usage: bad arguments, unreadable file, malformed --vars
  3  syntax error
  4  validation error (rejected before evaluation, e.g. over the length limit)
  5  run-time error, or the program threw (`throw 'msg'`); for `check`,
     a type error certain to fail when evaluated
  6  a resource limit stopped the evaluation (loop, steps, memory, stack, time)";
