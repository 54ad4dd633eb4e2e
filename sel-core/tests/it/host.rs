//! The host API: `params` extensions, `Util` functions, clocks, inputs.

use crate::common;
use common::show;
use sel_core::{maestro, Evaluator, Extension, FixedClock, Limits, SelError, UtilFunction, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// Records calls and answers with the joined arguments.
struct Recorder(Mutex<Vec<String>>);

impl Extension for Recorder {
    fn call(&self, method: &str, args: &[&str]) -> Result<Value, SelError> {
        self.0
            .lock()
            .unwrap()
            .push(format!("{method}({})", args.join(",")));
        Ok(match method {
            "nextUniqueId" => Value::Long(42),
            "list" => Value::Uuid(None),
            _ => Value::String(Some(args.join("+"))),
        })
    }
}

#[test]
fn params_extension() {
    let ev = Evaluator::new(Limits::default());
    let ext = Recorder(Mutex::new(Vec::new()));
    let run = |src: &str| show(ev.evaluate(src, &(), Some(&ext)));
    assert_eq!(run("params.nextUniqueId() + 1;"), "LONG: 43");
    assert_eq!(run("params.getFromStep('a', 'b');"), "STRING: a+b");
    assert_eq!(run("String s; params.getFromSignal(s);"), "STRING: null");
    // `get` with other than one argument goes to the extension too.
    assert_eq!(run("params.get('x', 'y');"), "STRING: x+y");
    assert_eq!(
        run("params.getFromStep(1);"),
        "java.lang.UnsupportedOperationException: ParamExtension DO NOT support calling method: getFromStep with args: [1]"
    );
    assert_eq!(
        run("params.f('a', 'b', 'c', 'd');"),
        "java.lang.UnsupportedOperationException: ParamExtension DO NOT support calling method: f with args: [a, b, c, d]"
    );
    assert_eq!(
        run("params.list();"),
        "java.lang.UnsupportedOperationException: Return type class java.util.UUID is not supported."
    );
    assert_eq!(
        ext.0.lock().unwrap().join(" "),
        "nextUniqueId() getFromStep(a,b) getFromSignal(null) get(x,y) list()"
    );
    assert_eq!(
        show(ev.evaluate("params.nextUniqueId();", &(), None)),
        "java.lang.UnsupportedOperationException: PRESET_PARAMS DO NOT support calling method: nextUniqueId with args: []"
    );
}

struct Echo;

impl UtilFunction for Echo {
    fn call(&self, args: &[Value]) -> Result<Value, SelError> {
        Ok(Value::String(Some(
            args.iter()
                .map(|a| a.display())
                .collect::<Vec<_>>()
                .join("|"),
        )))
    }
}

#[test]
fn util_functions() {
    let ev = Evaluator::new(Limits::default())
        .with_util_function("echo", Arc::new(Echo))
        .with_util_function("intsBetween", Arc::new(Echo))
        .with_util_function("toJson", maestro::to_json());
    let run = |src: &str| show(ev.evaluate(src, &(), None));
    // Arguments are unboxed the Java way: LONGs below Integer.MIN_VALUE are truncated.
    assert_eq!(
        run("Util.echo(1, -3000000000, 'a', null);"),
        "STRING: 1|1294967296|a|NULL"
    );
    // A registered name shadows the built-in.
    assert_eq!(run("Util.intsBetween(1, 3, 1);"), "STRING: 1|3|1");
    assert_eq!(
        run("m = new Map(); m.put('a', 1); m.put('b', 'x'); m.put('c', 1.5); m.put('d', true); Util.toJson(m);"),
        "STRING: {\"a\":1,\"b\":\"x\",\"c\":1.5,\"d\":true}"
    );
    assert_eq!(run("Util.toJson(new long[]{10, 20});"), "STRING: [10,20]");
    assert_eq!(
        run("Util.toJson(params);"),
        "java.lang.UnsupportedOperationException: class com.netflix.sel.type.SelParams does not support getInternalVal operation."
    );
    assert_eq!(
        run("m = new Map(); m.put('a', null); Util.toJson(m);"),
        "java.lang.UnsupportedOperationException: Invalid type, not support having map entry value a=NULL"
    );
}

#[test]
fn clock_and_inputs() {
    let ev = Evaluator::new(Limits::default()).with_clock(Arc::new(FixedClock(1234)));
    assert_eq!(
        show(ev.evaluate("System.currentTimeMillis();", &(), None)),
        "LONG: 1234"
    );
    let mut vars = BTreeMap::new();
    vars.insert(
        "cfg".to_string(),
        Value::from_json(&serde_json::json!({"cluster": "spark-prod", "retries": 3})),
    );
    assert_eq!(
        show(ev.evaluate(
            "cfg.get('cluster') + ':' + cfg.get('retries');",
            &vars,
            None
        )),
        "STRING: spark-prod:3"
    );
    // A null map entry cannot be converted (lazily: only when referenced).
    let mut bad: HashMap<String, Value> = HashMap::new();
    bad.insert(
        "m".into(),
        Value::Map(Some(vec![("k".into(), Value::Null)])),
    );
    assert_eq!(show(ev.evaluate("1;", &bad, None)), "LONG: 1");
    assert_eq!(
        show(ev.evaluate("m;", &bad, None)),
        "java.lang.IllegalArgumentException: Invalid map entry type (null) for Map constructor"
    );
    // Statics shadow inputs; `params` still sees them.
    let mut shadow: HashMap<String, Value> = HashMap::new();
    shadow.insert("Math".into(), Value::Long(5));
    assert_eq!(
        show(ev.evaluate("Math;", &shadow, None)),
        "MATH: Java Math Class"
    );
    assert_eq!(
        show(ev.evaluate("params['Math'];", &shadow, None)),
        "LONG: 5"
    );
}
