//! Prints the tree and the errors of each program given as an argument:
//! `cargo run --example dump -p sel-grammar -- 'x = 1 + 2;'`.
fn main() {
    for src in std::env::args().skip(1) {
        let p = sel_grammar::parse(&src);
        print!("{}", sel_grammar::dump(&p.program));
        for e in &p.errors {
            println!("error at {:?}: {e}", e.span);
        }
    }
}
