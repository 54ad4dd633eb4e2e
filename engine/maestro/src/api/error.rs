//! Maestro's error envelope and the HTTP status of each error kind (§7).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use maestro_core::error::ErrorKind;
use maestro_core::EngineError;
use serde_json::json;

pub struct ApiError(pub EngineError);

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        ApiError(e)
    }
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError(EngineError::invalid(message))
    }
}

fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::Invalid => StatusCode::BAD_REQUEST,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
        ErrorKind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(self.0.kind);
        let name = status
            .canonical_reason()
            .unwrap_or("ERROR")
            .to_ascii_uppercase()
            .replace(' ', "_");
        let mut body = json!({"status": name, "message": self.0.message});
        if !self.0.errors.is_empty() {
            body["errors"] = json!(self.0.errors);
        }
        (status, Json(body)).into_response()
    }
}
