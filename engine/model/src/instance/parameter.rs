//! `Parameter` (§2.2): a param definition, and once evaluated its `evaluated_result`.
//!
//! One type serves both: run params and definitions have no result yet; instance params
//! carry it. MAP values hold nested definitions; `meta` keeps the keys Maestro's
//! any-setter collects (`source`, `internal_mode`, `info`, `warn`, ...).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::{ParamMode, ParamType};

/// An ordered map name → parameter (serde_json keeps insertion order in this workspace).
pub type ParameterMap = indexmap::IndexMap<String, Parameter>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Json>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    #[serde(rename = "type")]
    pub ty: ParamType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ParamMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<Json>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Json>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluated_result: Option<Json>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluated_time: Option<i64>,
    /// Every other key of the definition.
    #[serde(flatten)]
    pub meta: Map<String, Json>,
}

impl Parameter {
    /// A literal definition.
    pub fn literal(ty: ParamType, value: Json) -> Parameter {
        Parameter {
            value: Some(value),
            expression: None,
            ty,
            mode: None,
            validator: None,
            tags: None,
            evaluated_result: None,
            evaluated_time: None,
            meta: Map::new(),
        }
    }

    /// An expression definition.
    pub fn expression(ty: ParamType, expr: impl Into<String>) -> Parameter {
        Parameter {
            expression: Some(expr.into()),
            value: None,
            ..Parameter::literal(ty, Json::Null)
        }
    }

    pub fn with_mode(mut self, mode: ParamMode) -> Parameter {
        self.mode = Some(mode);
        self
    }

    pub fn with_meta(mut self, key: &str, value: impl Into<Json>) -> Parameter {
        self.meta.insert(key.to_string(), value.into());
        self
    }

    /// `meta.source`, when set.
    pub fn source(&self) -> Option<&str> {
        self.meta.get("source").and_then(Json::as_str)
    }

    /// `meta.internal_mode`, when set.
    pub fn internal_mode(&self) -> Option<&str> {
        self.meta.get("internal_mode").and_then(Json::as_str)
    }

    pub fn is_evaluated(&self) -> bool {
        self.evaluated_result.is_some()
    }

    /// Reads a parameter from a model definition (the positioned reader's form).
    pub fn from_model(p: &crate::Param) -> Parameter {
        let json = crate::canonical::param_to_json(p);
        serde_json::from_value(json).unwrap_or_else(|_| {
            // A definition the reader already reported (no type, say): keep what there is
            // as a STRING literal so the caller's validation, not this conversion, speaks.
            Parameter::literal(ParamType::String, Json::Null)
        })
    }
}
