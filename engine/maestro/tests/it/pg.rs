//! PostgreSQL for the tests: a fresh, uniquely named database per test (created and
//! dropped with `psql`), on the server named by `MAESTRO_TEST_POSTGRES_URL`.
//!
//! Without a server the tests say so in one line and skip, except under `CI`, where a
//! missing server fails the test: a skip must never look like a pass there.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A database that exists for the life of this value.
pub struct Database {
    admin: String,
    name: String,
    pub url: String,
}

/// The URL with its database name replaced.
fn with_db(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match base[authority_end..].find('/') {
        Some(i) => &base[..authority_end + i],
        None => base,
    };
    format!("{root}/{db}{query}")
}

fn psql(admin: &str, sql: &str) -> Result<(), String> {
    let out = Command::new("psql")
        .args([admin, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run psql: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// A fresh database, or None after saying why (panics instead under `CI`).
pub fn fresh(test: &str) -> Option<Database> {
    static SEQ: AtomicU32 = AtomicU32::new(0);
    let url = std::env::var("MAESTRO_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_URL.into());
    let admin = with_db(&url, "postgres");
    let name = format!(
        "maestro_e2e_{}_{}_{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed),
        test.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    );
    match psql(&admin, &format!("CREATE DATABASE {name}")) {
        Ok(()) => Some(Database {
            url: with_db(&url, &name),
            admin,
            name,
        }),
        Err(why) => {
            let why = why.lines().next().unwrap_or_default();
            let line = format!("SKIPPED {test}: no PostgreSQL at {url} ({why})");
            if std::env::var_os("CI").is_some() {
                panic!("{line}; CI requires PostgreSQL");
            }
            // Written around the test harness's capture, so the skip shows in `cargo test`.
            let _ = writeln!(std::io::stdout(), "{line}");
            None
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = psql(
            &self.admin,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

#[test]
fn database_urls_keep_the_server_and_options() {
    assert_eq!(
        with_db("postgres://postgres@127.0.0.1:5432/test", "postgres"),
        "postgres://postgres@127.0.0.1:5432/postgres"
    );
    assert_eq!(
        with_db("postgresql://u:p@h/x?sslmode=disable", "y"),
        "postgresql://u:p@h/y?sslmode=disable"
    );
    assert_eq!(with_db("postgres://h:5432", "z"), "postgres://h:5432/z");
}
