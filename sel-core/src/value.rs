//! The host-facing value: owned, `Send + Sync`, one variant per SEL type. Evaluation
//! results are converted to it, input variables are given as it.

use crate::java::double_to_string;
use crate::joda::{days_display, DateTime, Formatter, Property, Zone};
use serde_json::{json, Map as JsonMap, Value as Json};

/// A SEL value outside the interpreter.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Void,
    Long(i64),
    Double(f64),
    Bool(bool),
    /// `None` = a declared-but-unset String (Java null).
    String(Option<String>),
    StringArray(Vec<Option<String>>),
    LongArray(Vec<i64>),
    DoubleArray(Vec<f64>),
    BoolArray(Vec<bool>),
    /// Entries in Java `HashMap` iteration order; `None` = uninitialised map.
    Map(Option<Vec<(String, Value)>>),
    /// The value of `throw` (its message).
    Error(Option<String>),
    Uuid(Option<u128>),
    Params,
    Util,
    Misc,
    Math,
    /// The Joda objects; `None` = a null payload.
    DateTime(Option<DateTime>),
    DateTimeZone(Option<Zone>),
    DateTimeFormatter(Option<Formatter>),
    DateTimeProperty(Option<Property>),
    /// A Joda `Days` (its number of days).
    DateTimeDays(Option<i32>),
}

impl Value {
    /// The `SelTypes` name of the value's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Void => "VOID",
            Value::Long(_) => "LONG",
            Value::Double(_) => "DOUBLE",
            Value::Bool(_) => "BOOLEAN",
            Value::String(_) => "STRING",
            Value::StringArray(_) => "STRING_ARRAY",
            Value::LongArray(_) => "LONG_ARRAY",
            Value::DoubleArray(_) => "DOUBLE_ARRAY",
            Value::BoolArray(_) => "BOOLEAN_ARRAY",
            Value::Map(_) => "MAP",
            Value::Error(_) => "ERROR",
            Value::Uuid(_) => "UUID",
            Value::Params => "PRESET_PARAMS",
            Value::Util => "PRESET_UTIL_FUNCTION",
            Value::Misc => "PRESET_MISC_FUNC_FIELDS",
            Value::Math => "MATH",
            Value::DateTime(_) => "DATETIME",
            Value::DateTimeZone(_) => "DATETIME_ZONE",
            Value::DateTimeFormatter(_) => "DATETIME_FORMATTER",
            Value::DateTimeProperty(_) => "DATETIME_PROPERTY",
            Value::DateTimeDays(_) => "DATETIME_DAYS",
        }
    }

    /// The Java `toString()` of the SEL object (§5.7).
    pub fn display(&self) -> String {
        let mut out = String::new();
        self.write_display(&mut out);
        out
    }

    fn write_display(&self, out: &mut String) {
        fn join<T>(out: &mut String, items: &[T], f: impl Fn(&mut String, &T)) {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                f(out, x);
            }
            out.push(']');
        }
        match self {
            Value::Null => out.push_str("NULL"),
            Value::Void => out.push_str("VOID"),
            Value::Long(x) => out.push_str(&x.to_string()),
            Value::Double(x) => out.push_str(&double_to_string(*x)),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::String(s) => out.push_str(s.as_deref().unwrap_or("null")),
            Value::StringArray(v) => {
                join(out, v, |o, s| o.push_str(s.as_deref().unwrap_or("null")))
            }
            Value::LongArray(v) => join(out, v, |o, x| o.push_str(&x.to_string())),
            Value::DoubleArray(v) => join(out, v, |o, x| o.push_str(&double_to_string(*x))),
            Value::BoolArray(v) => join(out, v, |o, x| o.push_str(&x.to_string())),
            Value::Map(None) => out.push_str("null"),
            Value::Map(Some(entries)) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(k);
                    out.push('=');
                    v.write_display(out);
                }
                out.push('}');
            }
            Value::Error(m) => {
                out.push_str("ERROR: ");
                out.push_str(m.as_deref().unwrap_or("null"));
            }
            Value::Uuid(_) => out.push_str("com.netflix.sel.type.SelJavaUUID@0"),
            Value::Params => out.push_str("PRESET_PARAMS"),
            Value::Util => out.push_str("Preset SEL Utility Function Class"),
            Value::Misc => out.push_str("SEL Miscellaneous Function Class"),
            Value::Math => out.push_str("Java Math Class"),
            Value::DateTime(Some(dt)) => dt.push_iso(out),
            Value::DateTimeZone(Some(z)) => out.push_str(&z.id()),
            Value::DateTimeProperty(Some(p)) => out.push_str(&p.display()),
            Value::DateTimeDays(Some(d)) => out.push_str(&days_display(*d)),
            Value::DateTime(None)
            | Value::DateTimeZone(None)
            | Value::DateTimeProperty(None)
            | Value::DateTimeDays(None) => out.push_str("null"),
            // Java's identity text, with a deterministic hash (§5.7).
            Value::DateTimeFormatter(_) => {
                out.push_str("com.netflix.sel.type.SelJodaDateTimeFormatter@0")
            }
        }
    }

    /// The conformance corpus rendering (`expect.value`).
    pub fn to_json(&self) -> Json {
        fn double(x: f64) -> Json {
            if x.is_nan() {
                json!("NaN")
            } else if x.is_infinite() {
                json!(if x > 0.0 { "Infinity" } else { "-Infinity" })
            } else {
                json!(x)
            }
        }
        match self {
            Value::Long(x) => json!(x),
            Value::Double(x) => double(*x),
            Value::Bool(b) => json!(b),
            Value::String(s) => json!(s),
            Value::StringArray(v) => json!(v),
            Value::LongArray(v) => json!(v),
            Value::DoubleArray(v) => Json::Array(v.iter().map(|x| double(*x)).collect()),
            Value::BoolArray(v) => json!(v),
            Value::Map(None) => Json::Null,
            Value::Map(Some(entries)) => {
                let mut m = JsonMap::new();
                for (k, v) in entries {
                    let jv = if v.is_data() || *v == Value::Null {
                        v.to_json()
                    } else {
                        json!({"@type": v.type_name(), "@display": v.display()})
                    };
                    m.insert(k.clone(), jv);
                }
                Json::Object(m)
            }
            Value::Error(m) => json!(m),
            // Dates are rendered by their display text; a null payload and the
            // formatter (whose text is an identity) have no value.
            Value::DateTime(Some(_))
            | Value::DateTimeZone(Some(_))
            | Value::DateTimeProperty(Some(_))
            | Value::DateTimeDays(Some(_)) => json!(self.display()),
            Value::DateTime(None)
            | Value::DateTimeZone(None)
            | Value::DateTimeProperty(None)
            | Value::DateTimeDays(None)
            | Value::DateTimeFormatter(_) => Json::Null,
            Value::Null
            | Value::Void
            | Value::Uuid(_)
            | Value::Params
            | Value::Util
            | Value::Misc
            | Value::Math => Json::Null,
        }
    }

    /// Whether this is one of the data types a map entry can hold in Maestro.
    fn is_data(&self) -> bool {
        matches!(
            self,
            Value::Long(_)
                | Value::Double(_)
                | Value::Bool(_)
                | Value::String(_)
                | Value::StringArray(_)
                | Value::LongArray(_)
                | Value::DoubleArray(_)
                | Value::BoolArray(_)
                | Value::Map(_)
        )
    }

    /// An input value from JSON, with Maestro's type inference (§10.1): integers are
    /// `Long`, other numbers `Double`, arrays take the type of their elements (empty →
    /// `String[]`), objects are maps, `null` is null.
    pub fn from_json(v: &Json) -> Value {
        match v {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => match n.as_i64() {
                Some(i) if n.is_i64() => Value::Long(i),
                _ => Value::Double(n.as_f64().unwrap_or(f64::NAN)),
            },
            Json::String(s) => Value::String(Some(s.clone())),
            Json::Array(items) => {
                if items.iter().all(|x| x.is_boolean()) && !items.is_empty() {
                    Value::BoolArray(items.iter().filter_map(|x| x.as_bool()).collect())
                } else if items.iter().all(|x| x.is_i64()) && !items.is_empty() {
                    Value::LongArray(items.iter().filter_map(|x| x.as_i64()).collect())
                } else if items.iter().all(|x| x.is_number()) && !items.is_empty() {
                    Value::DoubleArray(items.iter().filter_map(|x| x.as_f64()).collect())
                } else {
                    Value::StringArray(
                        items
                            .iter()
                            .map(|x| match x {
                                Json::String(s) => Some(s.clone()),
                                Json::Null => None,
                                other => Some(other.to_string()),
                            })
                            .collect(),
                    )
                }
            }
            Json::Object(m) => Value::Map(Some(
                m.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            )),
        }
    }

    /// An input value of an explicit Java type: `long`, `double`, `string`, `boolean`,
    /// `string[]`, `long[]`, `double[]`, `boolean[]` or `map`.
    pub fn from_json_typed(v: &Json, java_type: &str) -> Result<Value, String> {
        let bad = || format!("cannot convert {v} to {java_type}");
        let items = || v.as_array().ok_or_else(bad);
        Ok(match java_type {
            _ if v.is_null() => Value::Null,
            "long" => Value::Long(match v {
                Json::Number(n) if n.is_i64() => n.as_i64().ok_or_else(bad)?,
                Json::Number(n) => n.as_f64().ok_or_else(bad)? as i64,
                _ => return Err(bad()),
            }),
            "double" => Value::Double(v.as_f64().ok_or_else(bad)?),
            "string" => Value::String(Some(v.as_str().ok_or_else(bad)?.to_string())),
            "boolean" => Value::Bool(v.as_bool().ok_or_else(bad)?),
            "string[]" => Value::StringArray(
                items()?
                    .iter()
                    .map(|x| match x {
                        Json::Null => Ok(None),
                        Json::String(s) => Ok(Some(s.clone())),
                        _ => Err(bad()),
                    })
                    .collect::<Result<_, _>>()?,
            ),
            "long[]" => Value::LongArray(
                items()?
                    .iter()
                    .map(|x| x.as_i64().ok_or_else(bad))
                    .collect::<Result<_, _>>()?,
            ),
            "double[]" => Value::DoubleArray(
                items()?
                    .iter()
                    .map(|x| x.as_f64().ok_or_else(bad))
                    .collect::<Result<_, _>>()?,
            ),
            "boolean[]" => Value::BoolArray(
                items()?
                    .iter()
                    .map(|x| x.as_bool().ok_or_else(bad))
                    .collect::<Result<_, _>>()?,
            ),
            "map" => match Value::from_json(v) {
                m @ Value::Map(_) => m,
                _ => return Err(bad()),
            },
            other => return Err(format!("unknown java type '{other}'")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_forms() {
        assert_eq!(Value::Double(1e10).display(), "1.0E10");
        assert_eq!(Value::Null.display(), "NULL");
        assert_eq!(Value::Error(Some("boom".into())).display(), "ERROR: boom");
        let m = Value::Map(Some(vec![
            ("a".into(), Value::Long(1)),
            ("b".into(), Value::StringArray(vec![Some("x".into()), None])),
        ]));
        assert_eq!(m.display(), "{a=1, b=[x, null]}");
        assert_eq!(Value::String(None).display(), "null");
    }

    #[test]
    fn json_round_trip() {
        let v = Value::from_json(&json!({"a": 1, "b": [1.5, 2], "c": [], "d": null}));
        assert_eq!(
            v,
            Value::Map(Some(vec![
                ("a".into(), Value::Long(1)),
                ("b".into(), Value::DoubleArray(vec![1.5, 2.0])),
                ("c".into(), Value::StringArray(vec![])),
                ("d".into(), Value::Null),
            ]))
        );
        assert_eq!(Value::Double(f64::NAN).to_json(), json!("NaN"));
        assert_eq!(
            Value::from_json_typed(&json!(5), "double").unwrap(),
            Value::Double(5.0)
        );
        assert!(Value::from_json_typed(&json!("x"), "long").is_err());
    }
}
