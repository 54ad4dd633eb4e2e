//! The `sel` command line.

fn main() {
    eprintln!("sel: not built yet");
    std::process::exit(2);
}
