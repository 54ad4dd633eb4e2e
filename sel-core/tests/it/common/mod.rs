//! Helpers shared by the integration tests.
#![allow(dead_code)]

use sel_core::{Evaluator, Limits, Value};
use std::collections::HashMap;

/// `TYPE: display` on success, `<java class>: <message>` on failure.
pub fn show(r: Result<Value, sel_core::SelError>) -> String {
    match r {
        Ok(v) => format!("{}: {}", v.type_name(), v.display()),
        Err(e) => e.to_string(),
    }
}

pub fn eval_with(limits: Limits, src: &str) -> String {
    show(Evaluator::new(limits).evaluate(src, &(), None))
}

pub fn eval(src: &str) -> String {
    eval_with(Limits::default(), src)
}

/// The inputs of §13.4: `foo="bar"`, `i=10`, `la=[1,2]`, `sa=["a","b"]`, `m={k=v, n=1}`,
/// `nul=null`.
pub fn vars() -> HashMap<String, Value> {
    let mut v = HashMap::new();
    v.insert("foo".into(), Value::String(Some("bar".into())));
    v.insert("i".into(), Value::Long(10));
    v.insert("la".into(), Value::LongArray(vec![1, 2]));
    v.insert(
        "sa".into(),
        Value::StringArray(vec![Some("a".into()), Some("b".into())]),
    );
    v.insert(
        "m".into(),
        Value::Map(Some(vec![
            ("k".into(), Value::String(Some("v".into()))),
            ("n".into(), Value::Long(1)),
        ])),
    );
    v.insert("nul".into(), Value::Null);
    v
}

pub fn eval_vars(src: &str) -> String {
    show(Evaluator::new(Limits::default()).evaluate(src, &vars(), None))
}

/// Limits with one field changed.
pub fn limits(name: &str, value: u64) -> Limits {
    let mut l = Limits::default();
    l.set(name, &value.to_string()).unwrap();
    l
}
