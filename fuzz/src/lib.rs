//! Helpers shared by the fuzz targets: the tight limits evaluations run under, and
//! host values built from fuzz bytes.
//!
//! The evaluation target's input is `source \0 tail`: the text before the first NUL
//! byte is the SEL program, the bytes after it drive [`arbitrary`] to build one input
//! value for every name the program reads. Keeping the program as plain text lets the
//! conformance expressions seed the corpus directly and lets libFuzzer's dictionary and
//! text mutations work on it.

use arbitrary::{Arbitrary, Unstructured};
use sel_core::{Extension, Limits, SelError, Value};
use std::time::Duration;

/// Limits small enough that one evaluation takes milliseconds, so libFuzzer explores
/// many programs per second and any run-away growth shows as a hang or OOM report.
pub fn tight_limits() -> Limits {
    Limits {
        stack: 128,
        loops: 1_000,
        array: 1_000,
        length: 10_000,
        visits: 200_000,
        memory: 1_000_000,
        timeout: Duration::from_secs(2),
    }
}

/// A host value shaped by the fuzzer. Mirrors [`Value`] (which does not implement
/// `Arbitrary`), plus a variant that goes through [`Value::from_json`].
#[derive(Arbitrary, Debug)]
pub enum FuzzValue {
    Null,
    Void,
    Long(i64),
    Double(f64),
    Bool(bool),
    Str(Option<String>),
    StrArray(Vec<Option<String>>),
    LongArray(Vec<i64>),
    DoubleArray(Vec<f64>),
    BoolArray(Vec<bool>),
    Map(Option<Vec<(String, FuzzValue)>>),
    Error(Option<String>),
    Uuid(Option<u128>),
    Params,
    Util,
    Misc,
    Math,
    /// JSON text converted the way Maestro-style hosts convert parameters.
    Json(String),
}

impl FuzzValue {
    pub fn into_value(self) -> Value {
        match self {
            FuzzValue::Null => Value::Null,
            FuzzValue::Void => Value::Void,
            FuzzValue::Long(x) => Value::Long(x),
            FuzzValue::Double(x) => Value::Double(x),
            FuzzValue::Bool(x) => Value::Bool(x),
            FuzzValue::Str(s) => Value::String(s),
            FuzzValue::StrArray(v) => Value::StringArray(v),
            FuzzValue::LongArray(v) => Value::LongArray(v),
            FuzzValue::DoubleArray(v) => Value::DoubleArray(v),
            FuzzValue::BoolArray(v) => Value::BoolArray(v),
            FuzzValue::Map(m) => Value::Map(m.map(|entries| {
                entries
                    .into_iter()
                    .map(|(k, v)| (k, v.into_value()))
                    .collect()
            })),
            FuzzValue::Error(m) => Value::Error(m),
            FuzzValue::Uuid(u) => Value::Uuid(u),
            FuzzValue::Params => Value::Params,
            FuzzValue::Util => Value::Util,
            FuzzValue::Misc => Value::Misc,
            FuzzValue::Math => Value::Math,
            FuzzValue::Json(text) => match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(j) => Value::from_json(&j),
                Err(_) => Value::String(Some(text)),
            },
        }
    }
}

/// Builds one value per name from the tail bytes (names past the end of the data get
/// whatever `arbitrary` yields from an empty buffer, i.e. the first variant or zeros).
pub fn vars_for<'a>(
    names: impl IntoIterator<Item = &'a str>,
    u: &mut Unstructured<'_>,
) -> std::collections::HashMap<String, Value> {
    let mut vars = std::collections::HashMap::new();
    for name in names {
        let v = FuzzValue::arbitrary(u).unwrap_or(FuzzValue::Null);
        vars.insert(name.to_string(), v.into_value());
    }
    vars
}

/// A `params.<method>(...)` extension that answers from a fixed list of fuzzed values,
/// picked by the call's method name and arguments, so extension results of every shape
/// reach the interpreter.
pub struct FuzzExtension {
    pub answers: Vec<Value>,
}

impl Extension for FuzzExtension {
    fn call(&self, method: &str, args: &[&str]) -> Result<Value, SelError> {
        if self.answers.is_empty() || method == "fail" {
            return Err(SelError::new(
                sel_core::ErrorKind::IllegalArgumentException,
                format!("no answer for {method}"),
            ));
        }
        let key = method.len() + args.iter().map(|a| a.len()).sum::<usize>();
        Ok(self.answers[key % self.answers.len()].clone())
    }
}

/// Splits an evaluation input at the first NUL byte into program text and tail.
pub fn split_input(data: &[u8]) -> Option<(&str, &[u8])> {
    let (src, tail) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    Some((std::str::from_utf8(src).ok()?, tail))
}
