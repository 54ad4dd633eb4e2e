//! Param values between their three forms: JSON (how Maestro stores and serves an
//! `evaluated_result`), sel-core values (what an expression reads and returns), and text
//! (what string interpolation splices in). Also the conversion of a result to the
//! declared type (SPEC §2.10).

use maestro_model::ParamType;
use sel_core::java::double_to_string;
use sel_core::Value;
use serde_json::{Map, Number, Value as Json};

/// The JSON form of a double, as Jackson writes it (non-finite ones as strings).
pub fn double_json(x: f64) -> Json {
    Number::from_f64(x)
        .map(Json::Number)
        .unwrap_or_else(|| Json::String(double_to_string(x)))
}

/// An evaluation result as JSON, or the name of a type a param cannot hold.
pub fn sel_to_json(v: &Value) -> Result<Json, String> {
    Ok(match v {
        Value::Null | Value::Void | Value::String(None) => Json::Null,
        Value::Long(i) => Json::from(*i),
        Value::Double(x) => double_json(*x),
        Value::Bool(b) => Json::Bool(*b),
        Value::String(Some(s)) => Json::String(s.clone()),
        Value::StringArray(a) => Json::Array(
            a.iter()
                .map(|s| s.clone().map_or(Json::Null, Json::String))
                .collect(),
        ),
        Value::LongArray(a) => Json::Array(a.iter().map(|i| Json::from(*i)).collect()),
        Value::DoubleArray(a) => Json::Array(a.iter().map(|x| double_json(*x)).collect()),
        Value::BoolArray(a) => Json::Array(a.iter().map(|b| Json::Bool(*b)).collect()),
        Value::Map(None) => Json::Null,
        Value::Map(Some(entries)) => {
            let mut m = Map::new();
            for (k, v) in entries {
                m.insert(k.clone(), sel_to_json(v)?);
            }
            Json::Object(m)
        }
        other => return Err(other.type_name().to_string()),
    })
}

/// A stored value as the input an expression reads, typed by its param's type.
pub fn json_to_sel(ty: ParamType, v: &Json) -> Value {
    match ty {
        ParamType::String => match v {
            Json::Null => Value::String(None),
            other => Value::String(Some(render(other))),
        },
        ParamType::Long => v.as_i64().map_or(Value::Null, Value::Long),
        ParamType::Double => v.as_f64().map_or(Value::Null, Value::Double),
        ParamType::Boolean => v.as_bool().map_or(Value::Null, Value::Bool),
        ParamType::StringArray => Value::StringArray(
            items(v)
                .iter()
                .map(|x| (!x.is_null()).then(|| render(x)))
                .collect(),
        ),
        ParamType::LongArray => {
            Value::LongArray(items(v).iter().filter_map(Json::as_i64).collect())
        }
        ParamType::DoubleArray => {
            Value::DoubleArray(items(v).iter().filter_map(Json::as_f64).collect())
        }
        ParamType::BooleanArray => {
            Value::BoolArray(items(v).iter().filter_map(Json::as_bool).collect())
        }
        ParamType::StringMap | ParamType::Map => untyped(v),
    }
}

fn items(v: &Json) -> &[Json] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// A value inside a MAP, typed by what its JSON looks like.
fn untyped(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Long(i),
            None => Value::Double(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => Value::String(Some(s.clone())),
        Json::Array(a) => {
            let ty = match a.first() {
                Some(Json::Number(n)) if n.is_i64() => ParamType::LongArray,
                Some(Json::Number(_)) => ParamType::DoubleArray,
                Some(Json::Bool(_)) => ParamType::BooleanArray,
                _ => ParamType::StringArray,
            };
            json_to_sel(ty, v)
        }
        Json::Object(m) => Value::Map(Some(
            m.iter().map(|(k, v)| (k.clone(), untyped(v))).collect(),
        )),
    }
}

/// The text interpolation splices in (§2.4): scalars in their natural form (doubles as
/// Java prints them), arrays and maps as compact JSON.
pub fn render(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => "null".to_string(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => double_to_string(n.as_f64().unwrap_or(f64::NAN)),
        },
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// A note conversion leaves in the param's `meta` (`info` or `warn`).
pub type Note = Option<(&'static str, String)>;

/// Converts a result to the declared type (§2.10).
pub fn convert(ty: ParamType, v: Json) -> Result<(Json, Note), String> {
    let mismatch = |v: &Json| {
        Err(format!(
            "type mismatch: cannot convert {} to {}",
            kind(v),
            ty.as_str()
        ))
    };
    match ty {
        ParamType::String => match v {
            Json::String(_) | Json::Null => Ok((v, None)),
            Json::Number(_) | Json::Bool(_) => {
                let text = render(&v);
                Ok((
                    Json::String(text),
                    Some(("info", format!("converted {} result to STRING", kind(&v)))),
                ))
            }
            _ => mismatch(&v),
        },
        ParamType::Long => match &v {
            Json::Number(n) if n.is_i64() => Ok((v, None)),
            Json::String(s) => match s.trim().parse::<i64>() {
                Ok(i) => Ok((
                    Json::from(i),
                    Some(("warn", "converted STRING result to LONG".to_string())),
                )),
                Err(_) => Err(format!("cannot convert string [{s}] to LONG")),
            },
            _ => mismatch(&v),
        },
        ParamType::Double => match &v {
            Json::Number(n) => Ok((double_json(n.as_f64().unwrap_or(f64::NAN)), None)),
            Json::String(s) => match s.trim().parse::<f64>() {
                Ok(x) => Ok((double_json(x), None)),
                Err(_) => Err(format!("cannot convert string [{s}] to DOUBLE")),
            },
            _ => mismatch(&v),
        },
        ParamType::Boolean => match &v {
            Json::Bool(_) => Ok((v, None)),
            Json::String(s)
                if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") =>
            {
                Ok((
                    Json::Bool(s.eq_ignore_ascii_case("true")),
                    Some(("warn", "converted STRING result to BOOLEAN".to_string())),
                ))
            }
            _ => mismatch(&v),
        },
        ParamType::StringArray => match v {
            Json::Array(a) => Ok((
                Json::Array(
                    a.into_iter()
                        .map(|x| {
                            if x.is_null() {
                                x
                            } else {
                                Json::String(render(&x))
                            }
                        })
                        .collect(),
                ),
                None,
            )),
            v => mismatch(&v),
        },
        ParamType::LongArray => array_of(v, ty, |x| x.is_i64()),
        ParamType::DoubleArray => match v {
            Json::Array(a) if a.iter().all(Json::is_number) => Ok((
                Json::Array(
                    a.iter()
                        .map(|x| double_json(x.as_f64().unwrap_or(f64::NAN)))
                        .collect(),
                ),
                None,
            )),
            v => mismatch(&v),
        },
        ParamType::BooleanArray => array_of(v, ty, Json::is_boolean),
        ParamType::StringMap => match v {
            Json::Object(m) => Ok((
                Json::Object(
                    m.into_iter()
                        .map(|(k, x)| {
                            let x = if x.is_null() {
                                x
                            } else {
                                Json::String(render(&x))
                            };
                            (k, x)
                        })
                        .collect(),
                ),
                None,
            )),
            v => mismatch(&v),
        },
        ParamType::Map => match v {
            Json::Object(_) => Ok((v, None)),
            v => mismatch(&v),
        },
    }
}

fn array_of(v: Json, ty: ParamType, ok: impl Fn(&Json) -> bool) -> Result<(Json, Note), String> {
    match &v {
        Json::Array(a) if a.iter().all(ok) => Ok((v, None)),
        _ => Err(format!(
            "type mismatch: cannot convert {} to {}",
            kind(&v),
            ty.as_str()
        )),
    }
}

fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "BOOLEAN",
        Json::Number(n) if n.is_i64() => "LONG",
        Json::Number(_) => "DOUBLE",
        Json::String(_) => "STRING",
        Json::Array(_) => "ARRAY",
        Json::Object(_) => "MAP",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_like_maestro() {
        assert_eq!(render(&json!(3.0)), "3.0");
        assert_eq!(render(&json!(0)), "0");
        assert_eq!(render(&json!(["one", "two"])), r#"["one","two"]"#);
        assert_eq!(render(&json!({"key": "v"})), r#"{"key":"v"}"#);
    }

    #[test]
    fn converts_to_declared_types() {
        assert_eq!(convert(ParamType::Long, json!("5")).unwrap().0, json!(5));
        assert_eq!(convert(ParamType::String, json!(5)).unwrap().0, json!("5"));
        assert_eq!(convert(ParamType::Double, json!(2)).unwrap().0, json!(2.0));
        assert_eq!(
            convert(ParamType::Boolean, json!("TRUE")).unwrap().0,
            json!(true)
        );
        assert_eq!(
            convert(ParamType::Long, json!("x")).unwrap_err(),
            "cannot convert string [x] to LONG"
        );
        assert_eq!(
            convert(ParamType::StringArray, json!([1, 2])).unwrap().0,
            json!(["1", "2"])
        );
    }
}
