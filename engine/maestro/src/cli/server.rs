//! `maestro server`: Maestro's REST API over the engine, on SQLite by default.

use std::path::PathBuf;

use clap::Args;

use super::exit;
use crate::engine::time::Timekeeper;
use crate::engine::{Engine, EngineConfig};

#[derive(Args)]
pub struct ServerArgs {
    /// The port to listen on.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// The database: `sqlite://PATH` or `postgres://USER@HOST:PORT/DB`.
    #[arg(long, default_value = "sqlite://maestro.db", value_name = "URL")]
    pub database: String,
    /// Where shell steps get their working directories.
    #[arg(long, default_value = "maestro-work", value_name = "DIR")]
    pub work_dir: PathBuf,
}

pub fn main(a: ServerArgs) -> i32 {
    let Some(rt) = super::runtime() else {
        return exit::ENGINE;
    };
    rt.block_on(async {
        let config = EngineConfig {
            database_url: a.database.clone(),
            work_dir: a.work_dir.clone(),
            timekeeper: Timekeeper::real(),
        };
        let engine = match Engine::open(config).await {
            Ok(e) => e,
            Err(e) => {
                eprintln!("maestro: {e}");
                return exit::ENGINE;
            }
        };
        let addr = format!("{}:{}", a.host, a.port);
        let listener = match tokio::net::TcpListener::bind(&addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("maestro: cannot listen on {addr}: {e}");
                return exit::ENGINE;
            }
        };
        let local = listener.local_addr().map(|a| a.to_string()).unwrap_or(addr);
        eprintln!(
            "maestro server listening on http://{local}/api/v3 (database {})",
            a.database
        );
        let app = crate::api::router(engine);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        match axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            Ok(()) => exit::SUCCEEDED,
            Err(e) => {
                eprintln!("maestro: server error: {e}");
                exit::ENGINE
            }
        }
    })
}
