//! Maestro's host pieces that are not part of SEL itself (§10.5): the `Util.toJson`
//! function Maestro registers at start-up.

use crate::error::SelError;
use crate::host::UtilFunction;
use crate::java::double_to_string;
use crate::value::Value;
use std::sync::Arc;

/// Maestro's `Util.toJson(x)`: compact Jackson JSON of the unboxed argument.
pub fn to_json() -> Arc<dyn UtilFunction> {
    Arc::new(ToJson)
}

struct ToJson;

impl UtilFunction for ToJson {
    fn call(&self, args: &[Value]) -> Result<Value, SelError> {
        let [v] = args else {
            // Maestro's argument check (`Checks.checkTrue`): an IllegalArgumentException
            // whatever the count.
            return Err(SelError::illegal_arg(
                "toJson function requires exactly one argument",
            ));
        };
        let mut out = String::new();
        write_json(&mut out, v).map_err(|msg| {
            SelError::illegal_state(format!(
                "Failed to write an object to json string due to [{msg}]"
            ))
        })?;
        Ok(Value::String(Some(out)))
    }
}

/// Jackson's string escaping: quotes, backslash and control characters.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_double(out: &mut String, x: f64) {
    if x.is_finite() {
        out.push_str(&double_to_string(x));
    } else {
        // Jackson quotes non-numeric doubles by default.
        out.push('"');
        out.push_str(&double_to_string(x));
        out.push('"');
    }
}

fn write_list<T>(out: &mut String, items: &[T], f: impl Fn(&mut String, &T)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        f(out, x);
    }
    out.push(']');
}

/// Jackson's refusal of Joda objects (it needs the joda datatype module).
fn joda_unsupported(class: &str) -> String {
    format!(
        "Joda date/time type `{class}` not supported by default: add Module \"com.fasterxml.jackson.datatype:jackson-datatype-joda\" to enable handling"
    )
}

fn write_json(out: &mut String, v: &Value) -> Result<(), String> {
    match v {
        Value::Null | Value::Void | Value::String(None) | Value::Map(None) => out.push_str("null"),
        Value::Long(x) => out.push_str(&x.to_string()),
        Value::Double(x) => write_double(out, *x),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::String(Some(s)) | Value::Error(Some(s)) => write_str(out, s),
        Value::Error(None) => out.push_str("null"),
        Value::StringArray(items) => write_list(out, items, |o, s| match s {
            Some(s) => write_str(o, s),
            None => o.push_str("null"),
        }),
        Value::LongArray(items) => write_list(out, items, |o, x| o.push_str(&x.to_string())),
        Value::DoubleArray(items) => write_list(out, items, |o, x| write_double(o, *x)),
        Value::BoolArray(items) => write_list(out, items, |o, x| o.push_str(&x.to_string())),
        Value::Map(Some(entries)) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write_json(out, v)?;
            }
            out.push('}');
        }
        Value::Uuid(_) | Value::Params | Value::Util | Value::Misc | Value::Math => {
            out.push_str("{}")
        }
        Value::DateTime(None)
        | Value::DateTimeZone(None)
        | Value::DateTimeFormatter(None)
        | Value::DateTimeProperty(None)
        | Value::DateTimeDays(None) => out.push_str("null"),
        Value::DateTime(Some(_)) => return Err(joda_unsupported("org.joda.time.DateTime")),
        Value::DateTimeProperty(Some(_)) => {
            return Err(joda_unsupported("org.joda.time.DateTime$Property"))
        }
        Value::DateTimeZone(Some(z)) => {
            return Err(joda_unsupported(crate::rt::convert::zone_class(z)))
        }
        Value::DateTimeFormatter(Some(_)) => {
            return Err(joda_unsupported("org.joda.time.format.DateTimeFormatter"))
        }
        Value::DateTimeDays(Some(_)) => return Err(joda_unsupported("org.joda.time.Days")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jackson_shapes() {
        let f = to_json();
        let s = |v: Value| f.call(&[v]).unwrap();
        assert_eq!(
            s(Value::String(Some("10".into()))),
            Value::String(Some("\"10\"".into()))
        );
        assert_eq!(s(Value::Double(1e20)), Value::String(Some("1.0E20".into())));
        assert_eq!(
            s(Value::LongArray(vec![10, 20])),
            Value::String(Some("[10,20]".into()))
        );
        let m = Value::Map(Some(vec![("foo".into(), Value::Long(10))]));
        assert_eq!(s(m), Value::String(Some("{\"foo\":10}".into())));
        for args in [vec![], vec![Value::Long(1), Value::Long(2)]] {
            let e = f.call(&args).unwrap_err();
            assert_eq!(
                e.to_string(),
                "java.lang.IllegalArgumentException: toJson function requires exactly one argument"
            );
        }
    }
}
