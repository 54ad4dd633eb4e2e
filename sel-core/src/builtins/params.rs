//! `params` (§7.18, §10.5): read-only access to the whole input map, plus forwarding of
//! any other method to the host's [`crate::Extension`].

use super::{bool_result, no_method};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::rt::convert::box_value;
use crate::rt::display::display_list;
use crate::rt::{arg_vals, Args, Entry, Val};
use crate::types::Ty;

fn key(e: &Entry) -> Result<Option<crate::rt::Str>, SelError> {
    match e.get() {
        Val::Str(s) => Ok(s),
        other => Err(cast_error(other.ty(), Ty::String)),
    }
}

impl Interp<'_> {
    /// `params[k]` / `params.k` / `params.get(k)`: a fresh conversion of the input on
    /// every access (§11 Q31), NULL when absent.
    pub fn params_field(&mut self, k: Option<&str>) -> Result<Entry, SelError> {
        let Some(k) = k else {
            return Ok(Entry::Tmp(Val::Null));
        };
        if !self.vars.contains(k) {
            return Ok(Entry::Tmp(Val::Null));
        }
        let host = self.vars.get(k).cloned().unwrap_or(crate::Value::Null);
        Ok(Entry::Tmp(box_value(&host, &mut self.mem)?))
    }
}

pub(crate) fn call(it: &mut Interp<'_>, name: &str, args: Args) -> Result<Entry, SelError> {
    match (name, args.as_slice()) {
        ("get", [k]) => {
            let k = key(k)?;
            it.params_field(k.as_deref())
        }
        ("containsKey", [k]) => {
            let k = key(k)?;
            let found = k.as_deref().is_some_and(|k| it.vars.contains(k));
            bool_result(it, found)
        }
        _ => match it.ext {
            Some(ext) => {
                let vals = arg_vals(&args);
                let texts: Option<Vec<String>> = vals
                    .iter()
                    .map(|v| match v {
                        Val::Str(s) => Some(s.as_deref().unwrap_or("null").to_string()),
                        _ => None,
                    })
                    .collect();
                let texts = match texts {
                    Some(t) if t.len() <= 3 => t,
                    _ => {
                        return Err(SelError::unsupported(format!(
                            "ParamExtension DO NOT support calling method: {name} with args: {}",
                            display_list(&vals)
                        )))
                    }
                };
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let host = ext.call(name, &refs)?;
                Ok(Entry::Tmp(box_value(&host, &mut it.mem)?))
            }
            None => Err(no_method(Ty::PresetParams, name, &args)),
        },
    }
}
