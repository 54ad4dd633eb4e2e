//! Maestro's REST API (SPEC §7), base `/api/v3`: the endpoints to push, start, watch and
//! act on workflows. Handlers translate requests into engine calls and engine results
//! into Maestro's JSON; errors use Maestro's envelope `{status, message, errors}`.

mod error;
mod handlers;

pub use error::ApiError;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use axum::Router;

use crate::engine::Engine;

/// The largest request body accepted (Maestro's create-request limit, §1.1).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The API's routes.
pub fn router(engine: Arc<Engine>) -> Router {
    use handlers::*;
    let api = Router::new()
        .route("/workflows", post(push_json))
        .route("/workflows/yaml", post(push_yaml))
        .route("/workflows/actions/validate", put(validate_json))
        .route("/workflows/actions/validate/yaml", put(validate_yaml))
        .route("/workflows/{id}/versions/{version}", get(get_version))
        .route(
            "/workflows/{id}/versions/{version}/actions/start",
            post(start),
        )
        .route("/workflows/{id}/instances/{instance}", get(get_instance))
        .route(
            "/workflows/{id}/instances/{instance}/runs/{run}",
            get(get_run),
        )
        .route("/workflows/{id}/instances/{instance}/steps", get(get_steps))
        .route(
            "/workflows/{id}/instances/{instance}/steps/{step}",
            get(get_step),
        )
        .route(
            "/workflows/{id}/instances/{instance}/runs/{run}/steps",
            get(get_run_steps),
        )
        .route(
            "/workflows/{id}/instances/{instance}/runs/{run}/steps/{step}/attempts/{attempt}",
            get(get_step_attempt),
        )
        .route(
            "/workflows/{id}/instances/{instance}/actions/stop",
            put(stop_instance),
        )
        .route(
            "/workflows/{id}/instances/{instance}/actions/kill",
            put(kill_instance),
        )
        .route(
            "/workflows/{id}/instances/{instance}/actions/restart",
            post(restart_instance),
        )
        .route(
            "/workflows/{id}/instances/{instance}/steps/{step}/actions/stop",
            put(stop_step),
        )
        .route(
            "/workflows/{id}/instances/{instance}/steps/{step}/actions/kill",
            put(kill_step),
        )
        .route(
            "/workflows/{id}/instances/{instance}/steps/{step}/actions/skip",
            put(skip_step),
        )
        .route(
            "/workflows/{id}/instances/{instance}/steps/{step}/actions/restart",
            post(restart_step),
        )
        .route(
            "/workflows/steps/instances/action-map",
            get(step_action_map),
        )
        .route("/workflows/instances/action-map", get(instance_action_map))
        .route("/job-templates", post(push_template_json))
        .route("/job-templates/yaml", post(push_template_yaml))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(engine);
    Router::new()
        .nest("/api/v3", api)
        .fallback(handlers::not_found)
}
