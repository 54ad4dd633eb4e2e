//! `sel-lsp`: the SEL language server over stdio.

fn main() {
    eprintln!("sel-lsp: not built yet");
    std::process::exit(2);
}
