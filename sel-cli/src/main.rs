//! The `sel` command line: argument parsing and exit codes; the work is in the library.

use clap::{Parser, Subcommand};
use sel_cli::conformance::{load_cases, load_known_divergences, Report, Runner};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sel",
    version,
    about = "SEL, the expression language of Netflix Maestro"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Conformance {
            file,
            known,
            results,
            verbose,
        } => conformance(&file, known.as_deref(), results.as_deref(), verbose),
    }
}

fn read(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn conformance(
    file: &std::path::Path,
    known: Option<&std::path::Path>,
    results: Option<&std::path::Path>,
    verbose: bool,
) -> ExitCode {
    let run = || -> Result<bool, String> {
        let cases = load_cases(&read(file)?).map_err(|e| format!("{}: {e}", file.display()))?;
        let known = match known {
            Some(p) => {
                load_known_divergences(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?
            }
            None => Default::default(),
        };
        let report = Report::run(&Runner::default(), &cases, &known);
        print!("{}", report.render(verbose));
        if let Some(out) = results {
            std::fs::write(out, report.results_jsonl())
                .map_err(|e| format!("{}: {e}", out.display()))?;
        }
        Ok(report.unexpected_failures().is_empty())
    };
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("sel: {e}");
            ExitCode::from(2)
        }
    }
}
