//! Prints everything `parse` returns (tree, comments, errors) for every expression of
//! JSON-lines files (field `expr`), for each of their prefixes and for each of their
//! one-character deletions: a large set of valid and broken programs. Diffing the
//! output of two builds checks that a parser change altered no behaviour, error
//! recovery and messages included:
//! `cargo run --release -p sel-grammar --example parse_digest -- FILE... > out.txt`.

use sel_grammar::ast::{ExprKind, Literal, Program};

fn main() {
    for file in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&file).expect("readable file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let j: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let Some(expr) = j["expr"].as_str() else {
                continue;
            };
            let cuts: Vec<usize> = expr.char_indices().map(|(i, _)| i).collect();
            let mut variants = vec![expr.to_string()];
            for &i in &cuts {
                variants.push(expr[..i].to_string());
                let next = expr[i..].chars().next().map_or(0, char::len_utf8);
                variants.push(format!("{}{}", &expr[..i], &expr[i + next..]));
            }
            for v in &variants {
                let p = sel_grammar::parse(v);
                println!("{v:?}\n{}\n{:?}", program(&p.program), p.errors);
                println!("{:?}", sel_grammar::token_image(v));
            }
        }
    }
}

/// The program's `Debug` text with each string literal's value in place of its
/// reference into the program's text buffer (which the printout leaves out).
fn program(p: &Program) -> String {
    const REF: &str = "Str(StrRef { start: ";
    let debug = format!("{p:?}");
    let mut values = p.exprs.iter().filter_map(|e| match e.kind {
        ExprKind::Literal(Literal::Str(s)) => Some(p.string(s)),
        _ => None,
    });
    let mut out = String::with_capacity(debug.len());
    let mut rest = &debug[..];
    while let Some(i) = rest.find(REF) {
        let close = i + rest[i..].find("})").expect("closed reference") + 2;
        out.push_str(&rest[..i]);
        out.push_str(&format!(
            "Str({:?})",
            values.next().expect("a literal per reference")
        ));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}
