//! The `sel` command line: argument parsing and exit codes; the work is in the library.

// Every evaluation parses and builds many small short-lived objects; mimalloc serves
// them in a fraction of glibc malloc's instructions (see `sel_cli::alloc` and
// docs/benchmarks.md). The library crates stay allocator-agnostic: this is the
// binary's choice.
#[global_allocator]
static GLOBAL: sel_cli::alloc::Mimalloc = sel_cli::alloc::Mimalloc;

use clap::{Parser, Subcommand};
use sel_cli::conformance::{load_cases, load_known_divergences, Report, Runner};
use sel_cli::diagnostic::Color;
use sel_cli::eval::{self, EvalOptions, Output};
use sel_cli::exit::{self, Exit};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sel",
    version,
    about = "SEL, the expression language of Netflix Maestro",
    after_help = exit::HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate an expression and print `TYPE: value` as the reference shows it.
    ///
    /// The text gets Maestro's sanitize first (trimmed, `;` added when missing), as
    /// Maestro does for param expressions; --raw evaluates it as is.
    #[command(override_usage = "sel eval [OPTIONS] <EXPR | - | -f FILE>")]
    Eval {
        /// The expression; `-` reads standard input (or give a file with -f).
        expr: Option<String>,
        /// Read the expression from a file.
        #[arg(short, long, conflicts_with = "expr")]
        file: Option<PathBuf>,
        #[command(flatten)]
        setup: Setup,
        /// Print {"type": .., "value": ..} instead of `TYPE: value`.
        #[arg(long)]
        json: bool,
        /// Do not apply Maestro's sanitize.
        #[arg(long)]
        raw: bool,
    },
    /// Parse and validate files without evaluating them; print every diagnostic.
    ///
    /// Reports every syntax error, the reference's validation errors, and the type
    /// errors that are certain to fail at run time (the language server's checker). On
    /// a terminal a clean run ends with `N files, no problems`.
    Check {
        /// Files to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also print the params each file reads.
        #[arg(long)]
        refs: bool,
    },
    /// Format files in the canonical layout (in place); comments are kept.
    Fmt {
        /// Files to format; `-` reads standard input and writes standard output.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
    },
    /// An interactive session: variables persist from one entry to the next.
    ///
    /// An entry runs when its braces are closed and it ends with `;` or `}`; until then
    /// Enter continues it on a new line. Type :help for the commands. History is kept
    /// in $SEL_HISTORY, else $XDG_DATA_HOME/sel/history (~/.local/share/sel/history).
    /// When standard input is not a terminal, entries are read from it line by line and
    /// results are printed plainly.
    Repl {
        #[command(flatten)]
        setup: Setup,
    },
    /// Replay a conformance corpus (JSON lines of cases with the reference's results).
    ///
    /// Prints a table by category and ends with `N passed, M failed`; exits 0 only
    /// when nothing failed (cases listed with --known do not count as failed).
    Conformance {
        /// The corpus file, e.g. tests/data/sel-public.jsonl.
        file: PathBuf,
        /// A known-divergences file: one case id per line, then the reason.
        #[arg(long)]
        known: Option<PathBuf>,
        /// Also write every case's outcome as `{"id":..,"actual":{..}}` lines here.
        #[arg(long, value_name = "OUT.jsonl")]
        results: Option<PathBuf>,
        /// List every failing case with its differences.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Evaluations per second of each expression of a benchmark file, then of the mix.
    ///
    /// Every evaluation parses and evaluates afresh, as Maestro does; results are
    /// checked against the file's `expect` first (wrong ones are reported, not timed).
    Bench {
        /// JSON lines with id, name, expr, vars, expect (tests/data/bench-exprs.jsonl).
        file: PathBuf,
        /// Seconds to spend on each expression and on the mix.
        #[arg(long, default_value_t = 1.0)]
        seconds: f64,
        /// Evaluate programs parsed once (measures evaluation alone).
        #[arg(long)]
        preparsed: bool,
        /// Run exactly N evaluations each instead of timing (for profilers).
        #[arg(long, value_name = "N")]
        iterations: Option<u64>,
        /// Measure everything N times, taking turns, and print the medians.
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u32).range(1..=1000))]
        runs: u32,
        /// Leave out the second block of figures, measured with the program cache
        /// (`cached ID NAME: ...`, `cached mix: ...`, after the fresh ones).
        #[arg(long)]
        no_cached: bool,
    },
}

/// What an evaluation starts from (shared by `eval` and `repl`).
#[derive(clap::Args)]
struct Setup {
    /// Params as a JSON object, e.g. '{"RUN_DATE": "20240301", "n": 3}'.
    #[arg(long)]
    vars: Option<String>,
    /// Params from a JSON file.
    #[arg(long, conflicts_with = "vars")]
    vars_file: Option<PathBuf>,
    /// Pin the clock: an RFC 3339 instant (2024-03-01T00:00:00Z) or epoch millis.
    #[arg(long)]
    now: Option<String>,
    /// Override a limit: stack, loop, array, length, visit, memory, timeout (ms).
    #[arg(long = "limit", value_name = "NAME=VALUE")]
    limits: Vec<String>,
}

impl Setup {
    fn options(&self) -> Result<EvalOptions, String> {
        let vars = match &self.vars_file {
            Some(p) => Some(read(p)?),
            None => self.vars.clone(),
        };
        eval::options(vars.as_deref(), self.now.as_deref(), &self.limits).map_err(|e| {
            match &self.vars_file {
                Some(p) => format!("{}: {e}", p.display()),
                None => e,
            }
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = Color::detect(std::io::stderr().is_terminal());
    let result = match cli.command {
        Command::Eval {
            expr,
            file,
            setup,
            json,
            raw,
        } => eval_command(expr, file, &setup, json, raw, color),
        Command::Check { files, refs } => check_command(&files, refs, color),
        Command::Fmt { files, check } => {
            let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
            Ok(sel_cli::fmt::fmt(&paths, check, color))
        }
        Command::Repl { setup } => match setup.options() {
            Ok(opts) => return sel_cli::repl::run(opts).into(),
            Err(e) => Err(e),
        },
        Command::Conformance {
            file,
            known,
            results,
            verbose,
        } => conformance(&file, known.as_deref(), results.as_deref(), verbose),
        Command::Bench {
            file,
            seconds,
            preparsed,
            iterations,
            runs,
            no_cached,
        } => bench_command(
            &file,
            sel_cli::bench::BenchOptions {
                seconds,
                preparsed,
                iterations,
                runs,
                cached: !no_cached,
            },
        ),
    };
    match result {
        Ok(out) => {
            print!("{}", out.stdout);
            eprint!("{}", out.stderr);
            out.exit.into()
        }
        Err(usage) => {
            eprintln!("sel: {usage}");
            Exit::Usage.into()
        }
    }
}

fn read_stdin() -> Result<String, String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| format!("reading standard input: {e}"))?;
    Ok(s)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn eval_command(
    expr: Option<String>,
    file: Option<PathBuf>,
    setup: &Setup,
    json: bool,
    raw: bool,
    color: Color,
) -> Result<Output, String> {
    let (source, name) = match (expr, file) {
        (_, Some(path)) => (read(&path)?, path.display().to_string()),
        (Some(e), None) if e == "-" => (read_stdin()?, "<stdin>".to_string()),
        (Some(e), None) => (e, "<expr>".to_string()),
        (None, None) => {
            return Err(
                "nothing to evaluate: give an expression (sel eval '1 + 2'), \
                        `-` to read it from standard input, or -f FILE"
                    .into(),
            )
        }
    };
    let opts = EvalOptions {
        json,
        raw,
        ..setup.options()?
    };
    Ok(eval::eval(&source, &name, &opts, color))
}

fn check_command(files: &[PathBuf], refs: bool, color: Color) -> Result<Output, String> {
    let mut total = Output::ok(String::new());
    for path in files {
        let (source, name) = if path.as_os_str() == "-" {
            (read_stdin()?, "<stdin>".to_string())
        } else {
            (read(path)?, path.display().to_string())
        };
        let out = sel_cli::check::check(&source, &name, refs, color);
        total.stdout += &out.stdout;
        total.stderr += &out.stderr;
        // The most severe outcome wins (higher codes are more severe here).
        if out.exit.code() > total.exit.code() {
            total.exit = out.exit;
        }
    }
    // Silence is the answer for scripts; a person at a terminal is told it ran.
    if total.exit == Exit::Ok && std::io::stdout().is_terminal() {
        total.stdout += &sel_cli::check::summary(files.len());
    }
    Ok(total)
}

fn conformance(
    file: &Path,
    known: Option<&Path>,
    results: Option<&Path>,
    verbose: bool,
) -> Result<Output, String> {
    let cases = load_cases(&read(file)?).map_err(|e| format!("{}: {e}", file.display()))?;
    let known = match known {
        Some(p) => {
            load_known_divergences(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Default::default(),
    };
    let report = Report::run(&Runner::default(), &cases, &known);
    if let Some(out) = results {
        std::fs::write(out, report.results_jsonl())
            .map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let exit = if report.unexpected_failures().is_empty() {
        Exit::Ok
    } else {
        Exit::Findings
    };
    Ok(Output {
        stdout: report.render(verbose),
        stderr: String::new(),
        exit,
    })
}

fn bench_command(file: &Path, opts: sel_cli::bench::BenchOptions) -> Result<Output, String> {
    let report = sel_cli::bench::bench(&read(file)?, &opts)?;
    let stderr: String = report.wrong.iter().map(|w| format!("{w}\n")).collect();
    let exit = if report.wrong.is_empty() {
        Exit::Ok
    } else {
        Exit::Findings
    };
    Ok(Output {
        stdout: report.text,
        stderr,
        exit,
    })
}
