//! STRING methods (§7.3). Instance methods and `String.valueOf` follow the reference's
//! reflective "JM" calling convention (§7.0): looked up as `name + argc`, arguments
//! unboxed and cast to the Java parameter types, the receiver omitted when its payload
//! is null, and every failure wrapped in `Failed calling method <name><argc>`.
//! `format`, `join` and `escape` are hand-written helpers matched by name first.

use super::jm::{self, Sig};
use super::{bool_result, long_result, no_method, string_result};
use crate::error::SelError;
use crate::interp::Interp;
use crate::java::format::FormatArg;
use crate::java::text;
use crate::memory::OBJECT_BYTES;
use crate::rt::convert::narrow_long;
use crate::rt::display::{concat_text, display_lossy, no_internal_val};
use crate::rt::{arg_vals, Args, ArrayData, Entry, Str, Val};
use crate::types::Ty;
use crate::value::Value;

/// The method handle of `key`, typed as the reference declares it.
fn signature(key: &str) -> Option<Sig> {
    const S: &str = "String";
    const I: &str = "Integer";
    const O: &str = "Object";
    const B: &str = "Boolean";
    let (params, ret): (&'static [&'static str], &'static str) = match key {
        "split1" => (&[S, S], "String[]"),
        "split2" => (&[S, S, I], "String[]"),
        "toUpperCase0" | "toLowerCase0" | "trim0" => (&[S], S),
        "replaceAll2" | "replace2" => (&[S, S, S], S),
        "valueOf1" => (&[O], S),
        "startsWith1" | "endsWith1" | "contains1" => (&[S, S], B),
        "substring1" => (&[S, I], S),
        "substring2" => (&[S, I, I], S),
        "lastIndexOf1" | "compareTo1" => (&[S, S], I),
        "length0" => (&[S], I),
        "isEmpty0" => (&[S], B),
        "equals1" => (&[S, O], B),
        _ => return None,
    };
    Some(Sig { params, ret })
}

/// Java `String.valueOf(Object)` of the unboxed value.
pub(crate) fn value_of(v: &Val) -> Result<String, SelError> {
    Ok(match v {
        Val::Long(x) => narrow_long(*x).to_string(),
        Val::Array(_) | Val::Map(Some(_)) => java_text(&crate::rt::convert::unbox(v)?),
        other => concat_text(other)?.into_owned(),
    })
}

/// Java `toString()` of an unboxed host object (primitive arrays print as identities).
fn java_text(v: &Value) -> String {
    match v {
        Value::StringArray(_) => "[Ljava.lang.String;@0".into(),
        Value::LongArray(_) => "[J@0".into(),
        Value::DoubleArray(_) => "[D@0".into(),
        Value::BoolArray(_) => "[Z@0".into(),
        Value::Null | Value::String(None) | Value::Map(None) => "null".into(),
        Value::Map(Some(entries)) => {
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{k}={}", java_text(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        other => other.display(),
    }
}

/// An argument cast to a Java parameter type.
enum Arg {
    Str(Option<Str>),
    Int(Option<i32>),
    Obj,
}

fn cast_arg(v: &Val, param: &str) -> Result<Arg, SelError> {
    jm::check_param(v, param)?;
    Ok(match param {
        "String" => Arg::Str(jm::str_param(v)),
        "Integer" => Arg::Int(jm::int_param(v).ok()),
        _ => Arg::Obj,
    })
}

fn npe(what: &str) -> SelError {
    SelError::npe(format!("Cannot invoke \"{what}\" because argument is null"))
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    recv: Option<Str>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    match name {
        "format" => return format(it, &args),
        "join" => return join(it, &args),
        "escape" => return escape(it, recv, &args),
        _ => {}
    }
    let key = format!("{name}{}", args.len());
    let Some(sig) = signature(&key) else {
        return Err(no_method(Ty::String, &key, &args));
    };
    let vals = arg_vals(&args);
    sig.check_invocation(&args, recv.is_some())
        .and_then(|()| jm(it, recv, &key, &sig, &vals))
        .map_err(|e| jm::failed_calling(&key, e))
}

fn jm(
    it: &mut Interp<'_>,
    recv: Option<Str>,
    key: &str,
    sig: &Sig,
    vals: &[Val],
) -> Result<Entry, SelError> {
    if key == "valueOf1" {
        let s = value_of(&vals[0])?;
        return string_result(it, s);
    }
    let Some(s) = recv else {
        return Err(sig.wrong_type(vals.len()));
    };
    let mut a = Vec::with_capacity(vals.len());
    for (v, p) in vals.iter().zip(&sig.params[1..]) {
        a.push(cast_arg(v, p)?);
    }
    let str_arg = |i: usize, what: &str| -> Result<Str, SelError> {
        match &a[i] {
            Arg::Str(Some(t)) => Ok(t.clone()),
            _ => Err(npe(what)),
        }
    };
    let int_arg = |i: usize| -> Result<i32, SelError> {
        match &a[i] {
            Arg::Int(Some(x)) => Ok(*x),
            _ => Err(SelError::npe(
                "Cannot invoke \"java.lang.Integer.intValue()\" because argument is null",
            )),
        }
    };
    match key {
        "length0" => long_result(it, text::utf16_len(&s) as i64),
        "isEmpty0" => bool_result(it, s.is_empty()),
        "trim0" => string_result(it, text::trim(&s)),
        "toUpperCase0" => string_result(it, text::to_upper_case(&s)),
        "toLowerCase0" => string_result(it, text::to_lower_case(&s)),
        "equals1" => {
            let eq = matches!(&vals[0], Val::Str(Some(t)) if **t == *s);
            bool_result(it, eq)
        }
        "compareTo1" => {
            let t = str_arg(0, "String.length()")?;
            long_result(it, text::compare_to(&s, &t) as i64)
        }
        "startsWith1" => {
            let t = str_arg(0, "String.length()")?;
            bool_result(it, s.starts_with(&*t))
        }
        "endsWith1" => {
            let t = str_arg(0, "String.length()")?;
            bool_result(it, s.ends_with(&*t))
        }
        "contains1" => {
            let t = str_arg(0, "java.lang.CharSequence.toString()")?;
            bool_result(it, s.contains(&*t))
        }
        "lastIndexOf1" => {
            let t = str_arg(0, "String.length()")?;
            long_result(it, text::last_index_of(&s, &t) as i64)
        }
        "substring1" => {
            let b = int_arg(0)?;
            let r = text::substring(&s, b, text::utf16_len(&s) as i32)?;
            string_result(it, r)
        }
        "substring2" => {
            let (b, e) = (int_arg(0)?, int_arg(1)?);
            let r = text::substring(&s, b, e)?;
            string_result(it, r)
        }
        "replace2" => {
            let t = str_arg(0, "java.lang.CharSequence.toString()")?;
            let r = str_arg(1, "java.lang.CharSequence.toString()")?;
            // Fail before building a result the memory limit cannot afford
            // (`s.replace('', s)` squares the length).
            let n = s.matches(&*t).count() as u64;
            let units = (text::utf16_len(&s) as u64)
                .saturating_sub(n.saturating_mul(text::utf16_len(&t) as u64))
                .saturating_add(n.saturating_mul(text::utf16_len(&r) as u64));
            it.mem.check_string_fits(units)?;
            string_result(it, s.replace(&*t, &r))
        }
        "replaceAll2" => {
            let re = str_arg(0, "String.length()")?;
            let rep = str_arg(1, "String.length()")?;
            let max = it.mem.max_string_bytes();
            match crate::java::regex::replace_all_bounded(&s, &re, &rep, max)? {
                Some(r) => string_result(it, r),
                None => Err(it.mem.over()),
            }
        }
        "split1" | "split2" => {
            let re = str_arg(0, "String.length()")?;
            let limit = if key == "split2" { int_arg(1)? } else { 0 };
            // Each part and the array cost at least one object: stop splitting once
            // the parts could not be paid for.
            let max_parts = (it.mem.limit.saturating_sub(it.mem.used) / OBJECT_BYTES) as usize;
            match crate::java::regex::split_bounded_ranges(&s, &re, limit, max_parts)? {
                Some(parts) => split_result(it, &s, &parts),
                None => Err(it.mem.over()),
            }
        }
        _ => Err(sig.wrong_type(vals.len() + 1)),
    }
}

/// The STRING_ARRAY of the parts of `s` at byte ranges `parts`.
fn split_result(it: &mut Interp<'_>, s: &str, parts: &[(usize, usize)]) -> Result<Entry, SelError> {
    it.mem.charge_object()?;
    for &(a, b) in parts {
        it.mem.charge_string(&s[a..b])?;
    }
    let data = ArrayData::Str(
        parts
            .iter()
            .map(|&(a, b)| Some(Str::from(&s[a..b])))
            .collect(),
    );
    Ok(Entry::Tmp(Val::new_array(data)))
}

/// The first argument of `format`/`join`, which the reference casts to `SelString`.
fn string_arg(v: &Val) -> Result<Option<Str>, SelError> {
    match v {
        Val::Str(s) => Ok(s.clone()),
        other => Err(crate::interp::cast_error(other.ty(), Ty::String)),
    }
}

/// A `String.format` argument after unboxing (§5.4; arrays and maps are passed as one
/// object each, never spread).
fn format_arg(v: &Val) -> Result<FormatArg, SelError> {
    Ok(match v {
        Val::Null | Val::Void | Val::Str(None) | Val::Map(None) | Val::Error(None) => {
            FormatArg::Null
        }
        Val::Long(x) if *x > i32::MAX as i64 => FormatArg::Long(*x),
        Val::Long(x) => FormatArg::Int(*x as i32),
        Val::Double(x) => FormatArg::Double(*x),
        Val::Bool(b) => FormatArg::Bool(*b),
        Val::Str(Some(s)) | Val::Error(Some(s)) => FormatArg::Str(s.to_string()),
        Val::Array(_) | Val::Map(Some(_)) => FormatArg::Other {
            to_string: value_of(v)?,
            class_name: jm::unboxed_class(v)?.unwrap_or("null").to_string(),
        },
        Val::DateTime(_) | Val::Zone(_) | Val::Formatter(_) | Val::Property(_) | Val::Days(_) => {
            match jm::unboxed_class(v)? {
                Some(class) => FormatArg::Other {
                    to_string: concat_text(v)?.into_owned(),
                    class_name: class.to_string(),
                },
                None => FormatArg::Null,
            }
        }
        Val::Uuid(_) | Val::Params | Val::Util | Val::Misc | Val::Math => {
            return Err(no_internal_val(v.ty()))
        }
    })
}

fn format(it: &mut Interp<'_>, args: &[Entry]) -> Result<Entry, SelError> {
    let Some((first, rest)) = args.split_first() else {
        return Err(SelError::illegal_arg(
            "Invalid empty input args for String.format method",
        ));
    };
    let fmt = string_arg(&first.get())?;
    let fargs = rest
        .iter()
        .map(|a| format_arg(&a.get()))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(fmt) = fmt else {
        return Err(SelError::npe(
            "Cannot invoke \"String.length()\" because \"format\" is null",
        ));
    };
    // An output the memory budget cannot pay for is not built: the reference builds it
    // and then fails on charging it, with the memory-limit error raised here.
    let max_len =
        usize::try_from(it.mem.limit.saturating_sub(it.mem.used) / 2).unwrap_or(usize::MAX);
    match crate::java::format::format(&fmt, &fargs, max_len)? {
        Some(s) => string_result(it, s),
        None => Err(it.mem.over()),
    }
}

fn join(it: &mut Interp<'_>, args: &[Entry]) -> Result<Entry, SelError> {
    let Some((first, rest)) = args.split_first() else {
        return Err(SelError::illegal_arg(
            "Invalid empty input args for String.format method",
        ));
    };
    let sep = string_arg(&first.get())?;
    let items: Vec<Option<Str>> = match rest {
        [one] if matches!(one.get(), Val::Array(_)) => match one.get() {
            Val::Array(a) => match &*a.borrow() {
                ArrayData::Str(v) => v.clone(),
                _ => {
                    let class = jm::unboxed_class(&one.get())?.unwrap_or("null");
                    return Err(SelError::class_cast(class, "[Ljava.lang.String;"));
                }
            },
            _ => Vec::new(),
        },
        _ => rest
            .iter()
            .map(|a| string_arg(&a.get()))
            .collect::<Result<_, _>>()?,
    };
    let Some(sep) = sep else {
        return Err(SelError::npe(
            "Cannot invoke \"java.lang.CharSequence.toString()\" because \"delimiter\" is null",
        ));
    };
    let parts: Vec<&str> = items
        .iter()
        .map(|s| s.as_deref().unwrap_or("null"))
        .collect();
    // A long separator times many parts: fail before building what cannot be charged.
    let units = parts
        .iter()
        .map(|p| text::utf16_len(p) as u64)
        .sum::<u64>()
        .saturating_add(
            (parts.len().saturating_sub(1) as u64).saturating_mul(text::utf16_len(&sep) as u64),
        );
    it.mem.check_string_fits(units)?;
    string_result(it, parts.join(&sep))
}

fn escape(it: &mut Interp<'_>, recv: Option<Str>, args: &[Entry]) -> Result<Entry, SelError> {
    let s: String = match args {
        [] => match recv {
            Some(s) => s.to_string(),
            None => {
                return Err(SelError::npe(
                    "Cannot invoke \"String.replace(java.lang.CharSequence, java.lang.CharSequence)\" because \"<local2>\" is null",
                ))
            }
        },
        [a] if a.ty() == Ty::String => display_lossy(&a.get()),
        _ => {
            return Err(SelError::illegal_arg(
                "Invalid input args for String.escape method",
            ))
        }
    };
    string_result(it, text::escape(&s))
}
