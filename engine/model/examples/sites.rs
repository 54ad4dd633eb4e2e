//! Prints the diagnostics and SEL sites of a workflow file: `cargo run -p maestro-model
//! --example sites -- FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: sites FILE");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = maestro_model::load(&src, maestro_model::Format::from_path(&path));
    println!("shape: {:?}", doc.shape);
    for d in &doc.diagnostics {
        println!(
            "{:?} {}..{}: {}",
            d.severity, d.span.start, d.span.end, d.message
        );
    }
    for s in maestro_model::sel_sites(&doc) {
        let refs: Vec<String> = s
            .references
            .iter()
            .map(|r| format!("{}@{}..{}", r.name, r.span.start, r.span.end))
            .collect();
        println!(
            "{:?} {:?} span {}..{} content {}..{} text {:?} refs {:?}",
            s.kind,
            s.owner,
            s.span.start,
            s.span.end,
            s.map.content().start,
            s.map.content().end,
            s.text,
            refs
        );
    }
}
