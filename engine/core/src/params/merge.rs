//! Layering param definitions (SPEC §2.6–2.8): a later layer overrides an earlier one
//! within what the earlier one's mode allows; the result keeps the baseline's type.

use maestro_model::instance::{Parameter, ParameterMap};
use maestro_model::{ParamMode, ParamType};
use serde_json::Value as Json;

/// Where a layer of definitions comes from (`meta.source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    SystemDefault,
    System,
    TemplateSchema,
    Definition,
    Launch,
    Restart,
    Subworkflow,
    Foreach,
    While,
    OutputParameter,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::SystemDefault => "SYSTEM_DEFAULT",
            Source::System => "SYSTEM",
            Source::TemplateSchema => "TEMPLATE_SCHEMA",
            Source::Definition => "DEFINITION",
            Source::Launch => "LAUNCH",
            Source::Restart => "RESTART",
            Source::Subworkflow => "SUBWORKFLOW",
            Source::Foreach => "FOREACH",
            Source::While => "WHILE",
            Source::OutputParameter => "OUTPUT_PARAMETER",
        }
    }

    fn is_system(self) -> bool {
        matches!(
            self,
            Source::SystemDefault | Source::System | Source::TemplateSchema
        )
    }

    /// Parents pass params down with extra rights (§2.8).
    fn is_upstream(self) -> bool {
        matches!(self, Source::Subworkflow | Source::Foreach | Source::While)
    }

    /// Whether a param of `mode` may be changed by this source (§2.3).
    fn may_change(self, mode: ParamMode) -> bool {
        match mode {
            ParamMode::Mutable => true,
            ParamMode::MutableOnStartRestart => self != Source::OutputParameter,
            ParamMode::MutableOnStart => !matches!(self, Source::OutputParameter | Source::Restart),
            ParamMode::Immutable | ParamMode::Constant => false,
        }
    }
}

/// The mode an internal mode implies (§2.3).
fn implied_mode(p: &Parameter) -> Option<ParamMode> {
    match p.internal_mode()? {
        "RESERVED" => Some(ParamMode::Constant),
        _ => Some(ParamMode::Mutable),
    }
}

fn effective_mode(p: &Parameter) -> ParamMode {
    let m = p.mode.unwrap_or(ParamMode::Mutable);
    implied_mode(p).map_or(m, |i| m.max(i))
}

fn same_definition(a: &Parameter, b: &Parameter) -> bool {
    a.value == b.value && a.expression == b.expression && a.mode == b.mode
}

/// Merges `incoming` (from `source`) into `base`.
pub fn merge_params(
    base: &mut ParameterMap,
    incoming: &ParameterMap,
    source: Source,
) -> Result<(), String> {
    for (name, inc) in incoming {
        if !source.is_system() {
            if inc.internal_mode().is_some() {
                return Err(format!(
                    "param [{name}] must not set internal_mode: only the system may"
                ));
            }
            if source != Source::OutputParameter && inc.source().is_some() && !source.is_upstream()
            {
                return Err(format!("param [{name}] must not set its source"));
            }
        }
        let merged = match base.get(name) {
            None => {
                let mut p = inc.clone();
                p.meta.insert("source".into(), source.as_str().into());
                p
            }
            Some(b) => merge_one(name, b, inc, source)?,
        };
        base.insert(name.clone(), merged);
    }
    Ok(())
}

fn merge_one(
    name: &str,
    base: &Parameter,
    inc: &Parameter,
    source: Source,
) -> Result<Parameter, String> {
    let base_mode = effective_mode(base);
    if !source.is_system() && !same_definition(base, inc) {
        if base.internal_mode() == Some("RESERVED") {
            return Err(format!(
                "Cannot modify reserved param [{name}]: it is owned by the system"
            ));
        }
        if !source.is_upstream() && !source.may_change(base_mode) {
            return Err(format!(
                "Cannot modify param [{name}] with mode [{}] from source [{}]",
                base_mode.as_str(),
                source.as_str()
            ));
        }
        if let Some(m) = inc.mode {
            if m < base_mode && !source.is_upstream() {
                return Err(format!(
                    "Cannot change param [{name}] mode from [{}] to the less strict [{}]",
                    base_mode.as_str(),
                    m.as_str()
                ));
            }
        }
    }
    let mut out = base.clone();
    out.evaluated_result = None;
    out.evaluated_time = None;
    match (&inc.expression, &inc.value) {
        (Some(e), _) => {
            out.expression = Some(e.clone());
            out.value = None;
        }
        (None, Some(v)) => {
            out.expression = None;
            out.value = Some(merge_literal(name, base, v)?);
        }
        (None, None) => {}
    }
    let mut mode = inc.mode.or(base.mode);
    if let Some(implied) = implied_mode(base) {
        mode = Some(mode.map_or(implied, |m| m.max(implied)));
    }
    if source.is_upstream() {
        mode = mode.map(|m| m.max(base_mode)).or(base.mode);
    }
    out.mode = mode;
    if inc.validator.is_some() {
        out.validator = inc.validator.clone();
    }
    if inc.tags.is_some() {
        out.tags = inc.tags.clone();
    }
    let keep_source = source.is_system() || source.is_upstream();
    let base_source = base.meta.get("source").cloned();
    let internal = base.meta.get("internal_mode").cloned();
    out.meta = inc.meta.clone();
    let new_source = match (keep_source, base_source) {
        (true, Some(s)) if same_definition(base, inc) => s,
        _ => Json::String(source.as_str().into()),
    };
    out.meta.insert("source".into(), new_source);
    if let Some(i) = internal {
        out.meta.insert("internal_mode".into(), i);
    }
    Ok(out)
}

/// An incoming literal in the baseline's type: maps merge key by key, the rest converts.
fn merge_literal(name: &str, base: &Parameter, v: &Json) -> Result<Json, String> {
    match (base.ty, &base.value, v) {
        (ParamType::Map | ParamType::StringMap, Some(Json::Object(b)), Json::Object(i))
            if base.expression.is_none() =>
        {
            let mut m = b.clone();
            for (k, x) in i {
                let merged = match (base.ty, m.get(k), x) {
                    (ParamType::Map, Some(Json::Object(bd)), Json::Object(id)) => {
                        let mut d = bd.clone();
                        for (dk, dv) in id {
                            d.insert(dk.clone(), dv.clone());
                        }
                        Json::Object(d)
                    }
                    _ => x.clone(),
                };
                m.insert(k.clone(), merged);
            }
            Ok(Json::Object(m))
        }
        (ParamType::Map | ParamType::StringMap, _, Json::Object(_)) => Ok(v.clone()),
        (ParamType::Map | ParamType::StringMap, _, _) => Err(format!(
            "type mismatch: param [{name}] is a {} and cannot take a non-map value",
            base.ty.as_str()
        )),
        (ty, _, _) => {
            if ty.is_interpolated() && v.is_string() {
                return Ok(v.clone());
            }
            crate::value::convert(ty, v.clone())
                .map(|(x, _)| x)
                .map_err(|e| format!("type mismatch for param [{name}]: {e}"))
        }
    }
}

/// After merging: drops OPTIONAL params without a value, fails on REQUIRED ones without
/// one, and strips `internal_mode` (§2.3).
pub fn cleanup(params: &mut ParameterMap) -> Result<(), String> {
    let mut missing = None;
    params.retain(|name, p| {
        let empty = p.value.is_none() && p.expression.is_none()
            || (p.ty == ParamType::Map
                && p.expression.is_none()
                && p.value
                    .as_ref()
                    .is_some_and(|v| v.as_object().is_some_and(|o| o.is_empty())));
        match p.internal_mode() {
            Some("OPTIONAL") if empty => false,
            Some("REQUIRED") if p.value.is_none() && p.expression.is_none() => {
                missing.get_or_insert_with(|| {
                    format!(
                        "[{name}] is a required parameter (type=[{}])",
                        p.ty.as_str()
                    )
                });
                true
            }
            _ => true,
        }
    });
    if let Some(m) = missing {
        return Err(m);
    }
    for p in params.values_mut() {
        if let Some(Json::String(i)) = p.meta.remove("internal_mode") {
            let implied = if i == "RESERVED" {
                ParamMode::Constant
            } else {
                ParamMode::Mutable
            };
            p.mode = Some(p.mode.map_or(implied, |m| m.max(implied)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lit(ty: ParamType, v: Json) -> Parameter {
        Parameter::literal(ty, v)
    }

    #[test]
    fn later_layers_override_within_their_rights() {
        let mut base = ParameterMap::new();
        base.insert("x".into(), lit(ParamType::Long, json!(1)));
        let mut inc = ParameterMap::new();
        inc.insert("x".into(), lit(ParamType::String, json!("5")));
        merge_params(&mut base, &inc, Source::Launch).unwrap();
        assert_eq!(base["x"].ty, ParamType::Long);
        assert_eq!(base["x"].value, Some(json!(5)));
        assert_eq!(base["x"].source(), Some("LAUNCH"));

        let mut base = ParameterMap::new();
        base.insert(
            "c".into(),
            lit(ParamType::Long, json!(1)).with_mode(ParamMode::Constant),
        );
        let err = merge_params(&mut base, &inc_of("c", json!(2)), Source::Launch).unwrap_err();
        assert_eq!(
            err,
            "Cannot modify param [c] with mode [CONSTANT] from source [LAUNCH]"
        );
        let mut base = ParameterMap::new();
        base.insert(
            "s".into(),
            lit(ParamType::Long, json!(1)).with_mode(ParamMode::MutableOnStart),
        );
        assert!(merge_params(&mut base, &inc_of("s", json!(2)), Source::Restart).is_err());
        assert!(merge_params(&mut base, &inc_of("s", json!(2)), Source::Launch).is_ok());
    }

    fn inc_of(name: &str, v: Json) -> ParameterMap {
        let mut m = ParameterMap::new();
        m.insert(name.into(), lit(ParamType::Long, v));
        m
    }

    #[test]
    fn required_and_optional() {
        let mut m = ParameterMap::new();
        let mut opt = lit(ParamType::String, Json::Null).with_meta("internal_mode", "OPTIONAL");
        opt.value = None;
        m.insert("o".into(), opt);
        cleanup(&mut m).unwrap();
        assert!(m.is_empty());
        let mut req = lit(ParamType::String, Json::Null).with_meta("internal_mode", "REQUIRED");
        req.value = None;
        m.insert("script".into(), req);
        assert_eq!(
            cleanup(&mut m).unwrap_err(),
            "[script] is a required parameter (type=[STRING])"
        );
    }
}
