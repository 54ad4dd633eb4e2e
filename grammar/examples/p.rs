fn main() {
    for a in std::env::args().skip(1) {
        let p = sel_grammar::parse(&a);
        print!("{}", sel_grammar::dump(&p.program));
        for e in &p.errors {
            println!("ERR {:?} {}", e.span, e);
        }
    }
}
