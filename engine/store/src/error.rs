//! The store's error: a message, and whether the thing asked for is missing.

use std::fmt;

#[derive(Debug)]
pub struct StoreError {
    pub message: String,
    pub not_found: bool,
}

impl StoreError {
    pub fn new(message: impl Into<String>) -> StoreError {
        StoreError {
            message: message.into(),
            not_found: false,
        }
    }

    pub fn not_found(message: impl Into<String>) -> StoreError {
        StoreError {
            message: message.into(),
            not_found: true,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "database error: {}", self.message)
    }
}

impl std::error::Error for StoreError {}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        StoreError::new(e.to_string())
    }
}
