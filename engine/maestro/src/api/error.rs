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

/// axum's `Path` with Maestro's envelope (400) when a segment does not parse (an instance
/// id that is not a number), instead of axum's plain-text rejection.
pub struct ApiPath<T>(pub T);

impl<S, T> axum::extract::FromRequestParts<S> for ApiPath<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(t)) => Ok(ApiPath(t)),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}
