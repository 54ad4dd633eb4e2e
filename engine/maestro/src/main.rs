//! `maestro`: run, serve or check Maestro workflows. See `maestro --help`.

use clap::Parser;

fn main() {
    let cli = maestro::cli::Cli::parse();
    std::process::exit(maestro::cli::main(cli));
}
