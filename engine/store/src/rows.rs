//! Reading and writing the JSON documents the tables hold.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value as Json;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::{Result, StoreError};

pub(crate) fn json_col(row: &AnyRow, i: usize) -> Result<Json> {
    let text: String = row.try_get(i)?;
    serde_json::from_str(&text).map_err(|e| StoreError::new(format!("corrupt JSON column: {e}")))
}

pub(crate) fn doc_col<T: DeserializeOwned>(row: &AnyRow, i: usize) -> Result<T> {
    let text: String = row.try_get(i)?;
    serde_json::from_str(&text).map_err(|e| StoreError::new(format!("corrupt document: {e}")))
}

pub(crate) fn to_text<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::new(e.to_string()))
}

/// `active`, `latest`, `default` or a number (§1.15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionSelector {
    Active,
    Latest,
    Default,
    Number(i64),
}

impl VersionSelector {
    pub fn parse(s: &str) -> Option<VersionSelector> {
        match s.to_ascii_lowercase().as_str() {
            "active" => Some(VersionSelector::Active),
            "latest" => Some(VersionSelector::Latest),
            "default" => Some(VersionSelector::Default),
            n => n
                .parse()
                .ok()
                .filter(|v| *v > 0)
                .map(VersionSelector::Number),
        }
    }
}

/// A stored version with its head's facts.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredVersion {
    pub workflow_id: String,
    pub version_id: i64,
    pub internal_id: i64,
    pub metadata: Json,
    /// The canonical workflow JSON.
    pub workflow: Json,
    pub properties_snapshot: Json,
    pub is_active: bool,
    pub is_latest: bool,
    pub is_default: bool,
}

impl StoredVersion {
    /// The GET versions response (§1.15).
    pub fn to_json(&self) -> Json {
        serde_json::json!({
            "properties_snapshot": self.properties_snapshot,
            "metadata": self.metadata,
            "workflow": self.workflow,
            "is_active": self.is_active,
            "is_latest": self.is_latest,
            "is_default": self.is_default,
            "internal_id": self.internal_id,
        })
    }
}
