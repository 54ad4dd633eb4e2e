//! Reads NUL-separated programs on stdin and prints, NUL-separated, `OK` or the first
//! error as the reference would report it (`<java class>: <message>`). Used to compare
//! the front end with the reference implementation on generated inputs.
use std::io::{Read, Write};

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    let mut out = String::new();
    for src in input.split('\0') {
        let p = sel_grammar::parse(src);
        match p.errors.first() {
            Some(e) => out.push_str(&e.to_string()),
            None => out.push_str("OK"),
        }
        out.push('\0');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("stdout");
}
