//! `sel-lsp`: the SEL language server over stdio.
//!
//! Editors start it with no arguments and speak LSP on stdin/stdout; `--help` and
//! `--version` answer a person at a terminal instead of waiting for protocol input.

use std::process::ExitCode;

const USAGE: &str = "\
sel-lsp: the language server for SEL (Netflix Maestro's expression language) in .sel
files and in Maestro workflow definitions (JSON and YAML).

Usage: sel-lsp [--stdio]

Editors start it and speak the Language Server Protocol over stdin/stdout; it takes no
configuration. See sel-lsp/README.md for editor set-ups (Neovim, VS Code, Helix).

Options:
  --stdio        Speak LSP over stdin/stdout (the default; accepted for clients that pass it)
  -h, --help     Print this help and exit
  -V, --version  Print the version and exit
";

#[tokio::main]
async fn main() -> ExitCode {
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("sel-lsp {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--stdio" => {}
            other => {
                eprintln!("sel-lsp: unknown argument `{other}`\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (service, socket) = sel_lsp::service();
    tower_lsp_server::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
    ExitCode::SUCCESS
}
