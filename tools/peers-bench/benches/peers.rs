//! SEL against Rhai and CEL on the 20 benchmark expressions of
//! `tests/data/bench-exprs.jsonl`, in two modes: **prepared** (the program parsed once,
//! evaluation alone timed) and **fresh** (parse + evaluate every time, as Maestro calls
//! SEL). Rhai is a default `Engine` (its optimiser folds constants at compile time);
//! CEL is the `cel` crate with its hand-written Pratt parser and the strings extension.
//!
//! Each translation says the same thing in the peer's own terms, reading the same
//! inputs (the file's `vars`, bound as the peer's variables); an expression a peer
//! cannot say (no loops in CEL, no dates in either, no zero-padded format in CEL, no
//! array join in Rhai) is left out of its column. Before anything is timed, every
//! translation's result is checked against the file's expected value: a wrong
//! translation stops the benchmark.
//!
//! Options (after `--`): `--seconds S` per measurement (default 0.3), `--runs N`
//! (default 3; the median is printed). Prints a Markdown table of nanoseconds per
//! evaluation and SEL's speed-up over each peer, with geometric means.

use serde_json::{json, Value as Json};
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// `(id, rhai, cel)`; `None` where the peer cannot express the expression.
const TRANSLATIONS: &[(&str, Option<&str>, Option<&str>)] = &[
    (
        "bench-01",
        Some("(1 + 2) * 3 - 4 / 2 + 10 % 3"),
        Some("(1 + 2) * 3 - 4 / 2 + 10 % 3"),
    ),
    (
        "bench-02",
        Some("1.5 * 2.0 + 3.25 / 0.5"),
        Some("1.5 * 2.0 + 3.25 / 0.5"),
    ),
    (
        "bench-03",
        Some(r#""dateint=" + 20240301 + "/hour=" + 7 + "/region=" + "us-east-1""#),
        Some("'dateint=' + string(20240301) + '/hour=' + string(7) + '/region=' + 'us-east-1'"),
    ),
    (
        "bench-04",
        Some(r#""prod_db.fact_playback".split(".")[1].to_upper()"#),
        Some("'prod_db.fact_playback'.split('.')[1].upperAscii()"),
    ),
    ("bench-05", None, None),
    ("bench-06", None, Some("['a', 'b', 'c', 'd'].join(',')")),
    (
        "bench-07",
        Some("let s = 0; for i in 0..1000 { s += i; } s"),
        None,
    ),
    (
        "bench-08",
        Some(r#"let x = 42; if x > 40 { "high" } else { "low" }"#),
        Some("42 > 40 ? 'high' : 'low'"),
    ),
    ("bench-09", None, None),
    ("bench-10", None, None),
    ("bench-11", None, None),
    ("bench-12", None, None),
    (
        "bench-13",
        Some(r#"let m = #{}; m.a = 1; m.b = "x"; m.c = [1, 2]; m"#),
        Some("{'a': 1, 'b': 'x', 'c': [1, 2]}"),
    ),
    (
        "bench-14",
        Some(r#"cfg.cluster + ":" + cfg.retries"#),
        Some("cfg.cluster + ':' + string(cfg.retries)"),
    ),
    (
        "bench-15",
        Some("let a = []; a.pad(100, 0); for i in 0..100 { a[i] = i * i; } a"),
        None,
    ),
    (
        "bench-16",
        Some(r#"params["RUN_DATE"] + "-" + RUN_HOUR"#),
        Some("params['RUN_DATE'] + '-' + RUN_HOUR"),
    ),
    ("bench-17", None, Some("regions.join(',')")),
    ("bench-18", None, None),
    ("bench-19", None, None),
    (
        "bench-20",
        Some("n > 40 && d < 3.0 && !b || n == 0"),
        Some("n > 40 && d < 3.0 && !b || n == 0"),
    ),
];

struct Case {
    id: String,
    name: String,
    expr: String,
    vars: serde_json::Map<String, Json>,
    expect: Json,
}

fn load() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/bench-exprs.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("reading bench-exprs.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let j: Json = serde_json::from_str(l).expect("a JSON line");
            Case {
                id: j["id"].as_str().unwrap_or_default().to_string(),
                name: j["name"].as_str().unwrap_or_default().to_string(),
                expr: j["expr"].as_str().unwrap_or_default().to_string(),
                vars: j["vars"].as_object().cloned().unwrap_or_default(),
                expect: j["expect"]["value"].clone(),
            }
        })
        .collect()
}

/// The peers' results as JSON, to compare with the file's expected values.
fn rhai_json(d: &rhai::Dynamic) -> Json {
    if let Some(x) = d.clone().try_cast::<i64>() {
        json!(x)
    } else if let Some(x) = d.clone().try_cast::<f64>() {
        json!(x)
    } else if let Some(x) = d.clone().try_cast::<bool>() {
        json!(x)
    } else if let Some(s) = d.clone().try_cast::<rhai::ImmutableString>() {
        json!(s.as_str())
    } else if let Some(a) = d.clone().try_cast::<rhai::Array>() {
        Json::Array(a.iter().map(rhai_json).collect())
    } else if let Some(m) = d.clone().try_cast::<rhai::Map>() {
        Json::Object(
            m.iter()
                .map(|(k, v)| (k.to_string(), rhai_json(v)))
                .collect(),
        )
    } else {
        json!(format!("<{}>", d.type_name()))
    }
}

fn cel_json(v: &cel::Value) -> Json {
    use cel::objects::Key;
    match v {
        cel::Value::Int(x) => json!(x),
        cel::Value::UInt(x) => json!(x),
        cel::Value::Float(x) => json!(x),
        cel::Value::Bool(x) => json!(x),
        cel::Value::String(s) => json!(s.as_str()),
        cel::Value::List(items) => Json::Array(items.iter().map(cel_json).collect()),
        cel::Value::Map(m) => Json::Object(
            m.map
                .iter()
                .map(|(k, v)| {
                    let k = match k {
                        Key::String(s) => s.to_string(),
                        Key::Int(i) => i.to_string(),
                        Key::Uint(u) => u.to_string(),
                        Key::Bool(b) => b.to_string(),
                    };
                    (k, cel_json(v))
                })
                .collect(),
        ),
        cel::Value::Null => Json::Null,
        other => json!(format!("{other:?}")),
    }
}

fn rhai_value(j: &Json) -> rhai::Dynamic {
    match j {
        Json::Null => rhai::Dynamic::UNIT,
        Json::Bool(b) => (*b).into(),
        Json::Number(n) if n.is_i64() => n.as_i64().unwrap_or_default().into(),
        Json::Number(n) => n.as_f64().unwrap_or_default().into(),
        Json::String(s) => s.clone().into(),
        Json::Array(a) => rhai::Dynamic::from_array(a.iter().map(rhai_value).collect()),
        Json::Object(m) => rhai::Dynamic::from_map(
            m.iter()
                .map(|(k, v)| (k.as_str().into(), rhai_value(v)))
                .collect(),
        ),
    }
}

fn cel_value(j: &Json) -> cel::Value {
    match j {
        Json::Null => cel::Value::Null,
        Json::Bool(b) => cel::Value::Bool(*b),
        Json::Number(n) if n.is_i64() => cel::Value::Int(n.as_i64().unwrap_or_default()),
        Json::Number(n) => cel::Value::Float(n.as_f64().unwrap_or_default()),
        Json::String(s) => cel::Value::String(Arc::new(s.clone())),
        Json::Array(a) => cel::Value::List(Arc::new(a.iter().map(cel_value).collect())),
        Json::Object(m) => {
            let map: HashMap<cel::objects::Key, cel::Value> = m
                .iter()
                .map(|(k, v)| (cel::objects::Key::from(k.as_str()), cel_value(v)))
                .collect();
            cel::Value::Map(cel::objects::Map { map: Arc::new(map) })
        }
    }
}

struct Opts {
    seconds: f64,
    runs: usize,
}

fn opts() -> Opts {
    let args: Vec<String> = std::env::args().collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<f64>().ok())
    };
    Opts {
        seconds: get("--seconds").unwrap_or(0.3),
        runs: get("--runs").map_or(3, |r| r.max(1.0) as usize),
    }
}

/// Nanoseconds per call of `f`: the median of `runs` timings of `seconds` each.
fn time(o: &Opts, mut f: impl FnMut()) -> f64 {
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(30) {
        f();
    }
    let mut runs: Vec<f64> = (0..o.runs)
        .map(|_| {
            let budget = Duration::from_secs_f64(o.seconds);
            let start = Instant::now();
            let (mut n, mut batch) = (0u64, 1u64);
            while start.elapsed() < budget {
                for _ in 0..batch {
                    f();
                }
                n += batch;
                batch = (batch * 2).min(4096);
            }
            start.elapsed().as_nanos() as f64 / n as f64
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

/// One row: ns per evaluation, prepared then fresh, for SEL, Rhai, CEL.
type Row = [Option<f64>; 6];

fn main() {
    let o = opts();
    let cases = load();
    assert_eq!(
        cases.len(),
        TRANSLATIONS.len(),
        "one translation row per expression"
    );

    let sel = sel_core::Evaluator::new(sel_core::Limits::default())
        .with_default_zone("UTC")
        .with_util_function("toJson", sel_core::maestro::to_json());
    let rhai = rhai::Engine::new();
    let mut env = cel::Env::stdlib();
    env.add_extension(cel::extensions::strings)
        .expect("the strings extension");
    let env = Arc::new(env);

    let mut rows: Vec<(String, Row)> = Vec::new();
    for (case, (id, rhai_src, cel_src)) in cases.iter().zip(TRANSLATIONS) {
        assert_eq!(&case.id, id, "translations are in file order");
        let mut row: Row = [None; 6];

        // SEL.
        let vars: HashMap<String, sel_core::Value> = case
            .vars
            .iter()
            .map(|(k, v)| (k.clone(), sel_core::Value::from_json(v)))
            .collect();
        let got = sel
            .evaluate(&case.expr, &vars, None)
            .expect("SEL evaluates");
        assert_eq!(got.to_json(), case.expect, "SEL on {id}");
        let prepared = sel.prepare(&case.expr).expect("SEL prepares");
        row[0] = Some(time(&o, || {
            let _ = black_box(sel.evaluate_prepared(&prepared, &vars, None));
        }));
        row[1] = Some(time(&o, || {
            let _ = black_box(sel.evaluate(black_box(&case.expr), &vars, None));
        }));

        // Rhai: the inputs as scope variables (and `params`, the map of all of them).
        if let Some(src) = rhai_src {
            let mut scope = rhai::Scope::new();
            for (k, v) in &case.vars {
                scope.push_dynamic(k.as_str(), rhai_value(v));
            }
            if !case.vars.is_empty() {
                scope.push_dynamic("params", rhai_value(&Json::Object(case.vars.clone())));
            }
            let base = scope.len();
            let ast = rhai.compile(src).expect("Rhai compiles");
            let got: rhai::Dynamic = rhai
                .eval_ast_with_scope(&mut scope, &ast)
                .expect("Rhai evaluates");
            scope.rewind(base);
            assert_eq!(rhai_json(&got), case.expect, "Rhai on {id}: {src}");
            row[2] = Some(time(&o, || {
                let r = rhai.eval_ast_with_scope::<rhai::Dynamic>(&mut scope, &ast);
                scope.rewind(base);
                let _ = black_box(r);
            }));
            row[3] = Some(time(&o, || {
                let r = rhai.eval_with_scope::<rhai::Dynamic>(&mut scope, black_box(src));
                scope.rewind(base);
                let _ = black_box(r);
            }));
        }

        // CEL: the inputs as context variables (and `params`).
        if let Some(src) = cel_src {
            let mut ctx = cel::Context::with_env(env.clone());
            for (k, v) in &case.vars {
                ctx.add_variable_from_value(k.as_str(), cel_value(v));
            }
            if !case.vars.is_empty() {
                ctx.add_variable_from_value("params", cel_value(&Json::Object(case.vars.clone())));
            }
            let parse = |s: &str| {
                cel::parser::PrattParser::new()
                    .parse(s)
                    .expect("CEL parses")
            };
            let ast = parse(src);
            let got = cel::Value::resolve(&ast, &ctx).expect("CEL evaluates");
            assert_eq!(cel_json(&got), case.expect, "CEL on {id}: {src}");
            row[4] = Some(time(&o, || {
                let _ = black_box(cel::Value::resolve(&ast, &ctx));
            }));
            row[5] = Some(time(&o, || {
                let ast = parse(black_box(src));
                let _ = black_box(cel::Value::resolve(&ast, &ctx));
            }));
        }
        rows.push((format!("{} {}", case.id, case.name), row));
    }
    print!("{}", table(&rows));
}

/// The Markdown table: ns per evaluation, then SEL's speed-up over each peer in each
/// mode (peer time / SEL time: above 1 means SEL is faster), geometric means last.
fn table(rows: &[(String, Row)]) -> String {
    let ns = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{v:.0}"));
    let ratio = |peer: Option<f64>, sel: Option<f64>| match (peer, sel) {
        (Some(p), Some(s)) => Some(p / s),
        _ => None,
    };
    let shown = |r: Option<f64>| r.map_or("–".to_string(), |v| format!("{v:.2}x"));
    let mut out = String::from(
        "| expression | SEL prep ns | Rhai prep ns | CEL prep ns | SEL fresh ns | Rhai fresh ns | CEL fresh ns | vs Rhai prep | vs CEL prep | vs Rhai fresh | vs CEL fresh |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut logs = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    for (name, r) in rows {
        let q = [
            ratio(r[2], r[0]),
            ratio(r[4], r[0]),
            ratio(r[3], r[1]),
            ratio(r[5], r[1]),
        ];
        for (l, x) in logs.iter_mut().zip(q) {
            if let Some(x) = x {
                l.push(x.ln());
            }
        }
        out += &format!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            ns(r[0]),
            ns(r[2]),
            ns(r[4]),
            ns(r[1]),
            ns(r[3]),
            ns(r[5]),
            shown(q[0]),
            shown(q[1]),
            shown(q[2]),
            shown(q[3])
        );
    }
    let geo = |l: &Vec<f64>| {
        let n = l.len().max(1) as f64;
        format!(
            "{:.2}x ({} rows)",
            (l.iter().sum::<f64>() / n).exp(),
            l.len()
        )
    };
    out += &format!(
        "| geometric mean | | | | | | | {} | {} | {} | {} |\n",
        geo(&logs[0]),
        geo(&logs[1]),
        geo(&logs[2]),
        geo(&logs[3])
    );
    out
}
