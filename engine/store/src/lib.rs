//! The engine's store: the database is the source of truth (SPEC §6).
//!
//! One schema (`migrations/`) and one set of queries serve SQLite (the embedded default:
//! a file in WAL mode) and PostgreSQL, through sqlx's `Any` driver; the SQL is written in
//! the subset both understand (`$n` placeholders, `ON CONFLICT`, `RETURNING`).
//!
//! Invariant: every state transition of a run is written by [`Store::save`] in one
//! transaction together with the outbox events it causes, so a crash leaves either the
//! transition and its events or neither.

mod error;
mod rows;

pub use error::StoreError;
pub use rows::{StoredVersion, VersionSelector};

use maestro_model::instance::{StepInstance, WorkflowInstance};
use serde_json::{json, Value as Json};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row};

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One outbox event, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxEvent {
    pub event_id: String,
    pub seq: i64,
    pub event: Json,
}

/// A version to push (§1.1).
#[derive(Clone, Copy, Debug)]
pub struct NewVersion<'a> {
    pub workflow_id: &'a str,
    /// The canonical workflow JSON.
    pub definition: &'a Json,
    /// The properties change it comes with (merged into the snapshot).
    pub properties: &'a Json,
    /// Extra keys of the create request, kept in the version's metadata.
    pub extra_metadata: &'a Json,
    pub is_active: bool,
    pub author: &'a str,
    pub now: i64,
}

pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer at a time; taking turns here keeps transactions from
    /// failing with SQLITE_BUSY inside this process.
    writer: Option<tokio::sync::Mutex<()>>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    /// Connects to `sqlite://PATH` (created if missing) or `postgres://...`, and brings
    /// the schema up to date.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::new(format!(
                "unsupported database URL [{url}]: use sqlite://PATH or postgres://..."
            )));
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_string(),
        };
        let mut options = AnyPoolOptions::new().max_connections(match backend {
            Backend::Sqlite => 4,
            Backend::Postgres => 8,
        });
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    Ok(())
                })
            });
        }
        let pool = options
            .connect(&url)
            .await
            .map_err(|e| StoreError::new(format!("cannot open the database [{url}]: {e}")))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::new(format!("cannot migrate the database: {e}")))?;
        Ok(Store {
            pool,
            backend,
            writer: (backend == Backend::Sqlite).then(|| tokio::sync::Mutex::new(())),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.writer {
            Some(m) => Some(m.lock().await),
            None => None,
        }
    }

    /// Stores a new version of a workflow (§1.1, §1.15) and returns it.
    pub async fn push_workflow(&self, v: &NewVersion<'_>) -> Result<StoredVersion> {
        let NewVersion {
            workflow_id,
            definition,
            properties,
            extra_metadata,
            is_active,
            author,
            now,
        } = *v;
        let _turn = self.write_turn().await;
        let mut tx = self.pool.begin().await?;
        let head = sqlx::query(
            "SELECT internal_id, latest_version_id, properties_snapshot, active_version_id FROM maestro_workflow WHERE workflow_id = $1",
        )
        .bind(workflow_id)
        .fetch_optional(&mut *tx)
        .await?;
        let mut snapshot = json!({});
        let (internal_id, version, active) = match head {
            None => {
                let row = sqlx::query(
                    "UPDATE maestro_counter SET value = value + 1 WHERE name = 'workflow_internal_id' RETURNING value",
                )
                .fetch_one(&mut *tx)
                .await?;
                (row.try_get::<i64, _>(0)?, 1, 0)
            }
            Some(r) => {
                snapshot = rows::json_col(&r, 2)?;
                (
                    r.try_get::<i64, _>(0)?,
                    r.try_get::<i64, _>(1)? + 1,
                    r.try_get::<i64, _>(3)?,
                )
            }
        };
        if let (Json::Object(s), Json::Object(p)) = (&mut snapshot, properties) {
            for (k, v) in p {
                if !v.is_null() {
                    s.insert(k.clone(), v.clone());
                }
            }
            s.insert("workflow_id".into(), json!(workflow_id));
            s.insert("create_time".into(), json!(now));
            s.insert("author".into(), json!(author));
        }
        let active = if is_active { version } else { active };
        let mut metadata = json!({
            "workflow_id": workflow_id,
            "workflow_version_id": version,
            "create_time": now,
            "version_author": author,
        });
        if let (Json::Object(m), Json::Object(extra)) = (&mut metadata, extra_metadata) {
            for (k, v) in extra {
                m.entry(k.clone()).or_insert(v.clone());
            }
        }
        sqlx::query(
            "INSERT INTO maestro_workflow (workflow_id, internal_id, active_version_id, latest_version_id, latest_instance_id, properties_snapshot, modify_ts) \
             VALUES ($1, $2, $3, $4, 0, $5, $6) \
             ON CONFLICT (workflow_id) DO UPDATE SET active_version_id = $3, latest_version_id = $4, properties_snapshot = $5, modify_ts = $6",
        )
        .bind(workflow_id)
        .bind(internal_id)
        .bind(active)
        .bind(version)
        .bind(snapshot.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO maestro_workflow_version (workflow_id, version_id, metadata, definition, create_ts) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(workflow_id)
        .bind(version)
        .bind(metadata.to_string())
        .bind(definition.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.version(workflow_id, VersionSelector::Number(version))
            .await?
            .ok_or_else(|| StoreError::new("the version just written is missing"))
    }

    /// A stored version by selector (§1.15).
    pub async fn version(
        &self,
        workflow_id: &str,
        selector: VersionSelector,
    ) -> Result<Option<StoredVersion>> {
        let Some(head) = sqlx::query(
            "SELECT internal_id, active_version_id, latest_version_id, properties_snapshot FROM maestro_workflow WHERE workflow_id = $1",
        )
        .bind(workflow_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let internal_id: i64 = head.try_get(0)?;
        let active: i64 = head.try_get(1)?;
        let latest: i64 = head.try_get(2)?;
        let snapshot = rows::json_col(&head, 3)?;
        let default = if active > 0 { active } else { latest };
        let id = match selector {
            VersionSelector::Active if active == 0 => return Ok(None),
            VersionSelector::Active => active,
            VersionSelector::Latest => latest,
            VersionSelector::Default => default,
            VersionSelector::Number(n) => n,
        };
        let Some(row) = sqlx::query(
            "SELECT metadata, definition FROM maestro_workflow_version WHERE workflow_id = $1 AND version_id = $2",
        )
        .bind(workflow_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        Ok(Some(StoredVersion {
            workflow_id: workflow_id.to_string(),
            version_id: id,
            internal_id,
            metadata: rows::json_col(&row, 0)?,
            workflow: rows::json_col(&row, 1)?,
            properties_snapshot: snapshot,
            is_active: id == active,
            is_latest: id == latest,
            is_default: id == default,
        }))
    }

    /// The next instance id of a workflow (§4.1).
    pub async fn next_instance_id(&self, workflow_id: &str) -> Result<i64> {
        let _turn = self.write_turn().await;
        let row = sqlx::query(
            "UPDATE maestro_workflow SET latest_instance_id = latest_instance_id + 1 WHERE workflow_id = $1 RETURNING latest_instance_id",
        )
        .bind(workflow_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::not_found(format!("workflow [{workflow_id}] does not exist")))?;
        Ok(row.try_get(0)?)
    }

    /// The run that a request id (workflow uuid) already created, if any.
    pub async fn run_by_uuid(&self, workflow_id: &str, uuid: &str) -> Result<Option<(i64, i64)>> {
        let row = sqlx::query(
            "SELECT instance_id, run_id FROM maestro_workflow_instance WHERE workflow_id = $1 AND uuid = $2",
        )
        .bind(workflow_id)
        .bind(uuid)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some(r) => Some((r.try_get(0)?, r.try_get(1)?)),
            None => None,
        })
    }

    /// Writes a run's new state in one transaction: the instance (new or updated), the
    /// attempts that changed, and the outbox events they cause.
    pub async fn save(
        &self,
        instance: Option<&WorkflowInstance>,
        steps: &[StepInstance],
        events: &[OutboxEvent],
    ) -> Result<()> {
        let _turn = self.write_turn().await;
        let mut tx = self.pool.begin().await?;
        if let Some(i) = instance {
            sqlx::query(
                "INSERT INTO maestro_workflow_instance (workflow_id, instance_id, run_id, uuid, status, execution_id, instance, create_ts, modify_ts) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (workflow_id, instance_id, run_id) DO UPDATE SET status = $5, execution_id = $6, instance = $7, modify_ts = $9",
            )
            .bind(&i.workflow_id)
            .bind(i.workflow_instance_id)
            .bind(i.workflow_run_id)
            .bind(&i.workflow_uuid)
            .bind(i.status.as_str())
            .bind(i.execution_id.clone())
            .bind(rows::to_text(i)?)
            .bind(i.create_time)
            .bind(i.modify_time)
            .execute(&mut *tx)
            .await?;
        }
        for s in steps {
            sqlx::query(
                "INSERT INTO maestro_step_instance (workflow_id, instance_id, run_id, step_id, attempt_id, step_uuid, status, instance, modify_ts) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (workflow_id, instance_id, run_id, step_id, attempt_id) DO UPDATE SET status = $7, instance = $8, modify_ts = $9",
            )
            .bind(&s.workflow_id)
            .bind(s.workflow_instance_id)
            .bind(s.workflow_run_id)
            .bind(&s.step_id)
            .bind(s.step_attempt_id)
            .bind(&s.step_uuid)
            .bind(s.status().as_str())
            .bind(rows::to_text(s)?)
            .bind(s.runtime_state.modify_time.unwrap_or(0))
            .execute(&mut *tx)
            .await?;
        }
        for e in events {
            sqlx::query(
                "INSERT INTO maestro_outbox (event_id, workflow_id, instance_id, run_id, seq, event, create_ts) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&e.event_id)
            .bind(e.event["workflow_id"].as_str().unwrap_or(""))
            .bind(e.event["workflow_instance_id"].as_i64().unwrap_or(0))
            .bind(e.event["workflow_run_id"].as_i64().unwrap_or(0))
            .bind(e.seq)
            .bind(e.event.to_string())
            .bind(e.event["sync_time"].as_i64().unwrap_or(0))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// One run's instance document.
    pub async fn instance(
        &self,
        workflow_id: &str,
        instance_id: i64,
        run_id: i64,
    ) -> Result<Option<WorkflowInstance>> {
        let row = sqlx::query(
            "SELECT instance FROM maestro_workflow_instance WHERE workflow_id = $1 AND instance_id = $2 AND run_id = $3",
        )
        .bind(workflow_id)
        .bind(instance_id)
        .bind(run_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| rows::doc_col(&r, 0)).transpose()
    }

    /// The latest run id of an instance.
    pub async fn latest_run_id(&self, workflow_id: &str, instance_id: i64) -> Result<Option<i64>> {
        let row = sqlx::query(
            "SELECT MAX(run_id) FROM maestro_workflow_instance WHERE workflow_id = $1 AND instance_id = $2",
        )
        .bind(workflow_id)
        .bind(instance_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<Option<i64>, _>(0)?)
    }

    /// Every attempt of every step of one run, in (step, attempt) order.
    pub async fn attempts(
        &self,
        workflow_id: &str,
        instance_id: i64,
        run_id: i64,
    ) -> Result<Vec<StepInstance>> {
        let rows = sqlx::query(
            "SELECT instance FROM maestro_step_instance WHERE workflow_id = $1 AND instance_id = $2 AND run_id = $3 ORDER BY step_id, attempt_id",
        )
        .bind(workflow_id)
        .bind(instance_id)
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| rows::doc_col(r, 0)).collect()
    }

    /// The latest attempt of each step across all runs up to `run_id`, newest run first
    /// wins (the aggregated view, §4.7).
    pub async fn latest_attempts(
        &self,
        workflow_id: &str,
        instance_id: i64,
        run_id: i64,
    ) -> Result<Vec<StepInstance>> {
        let rows: Vec<AnyRow> = sqlx::query(
            "SELECT instance FROM maestro_step_instance WHERE workflow_id = $1 AND instance_id = $2 AND run_id <= $3 ORDER BY run_id, attempt_id",
        )
        .bind(workflow_id)
        .bind(instance_id)
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?;
        let mut latest: indexmap::IndexMap<String, StepInstance> = indexmap::IndexMap::new();
        for r in &rows {
            let s: StepInstance = rows::doc_col(r, 0)?;
            latest.insert(s.step_id.clone(), s);
        }
        Ok(latest.into_values().collect())
    }

    /// Runs that have not finished: what a restarted engine resumes (§6.2).
    pub async fn unfinished_runs(&self) -> Result<Vec<(String, i64, i64)>> {
        let rows = sqlx::query(
            "SELECT workflow_id, instance_id, run_id FROM maestro_workflow_instance WHERE status IN ('CREATED', 'IN_PROGRESS', 'PAUSED') ORDER BY create_ts, workflow_id, instance_id, run_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }

    /// Stores a job template version (§7.8).
    pub async fn put_job_template(
        &self,
        job_type: &str,
        version: &str,
        definition: &Json,
        now: i64,
    ) -> Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "INSERT INTO maestro_job_template (job_type, version, definition, create_ts) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (job_type, version) DO UPDATE SET definition = $3, create_ts = $4",
        )
        .bind(job_type)
        .bind(version)
        .bind(definition.to_string())
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every job template version, oldest first.
    pub async fn job_templates(&self) -> Result<Vec<(String, String, Json)>> {
        let rows = sqlx::query(
            "SELECT job_type, version, definition FROM maestro_job_template ORDER BY create_ts",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, rows::json_col(r, 2)?)))
            .collect()
    }

    /// Outbox events in commit order (for delivery, and for tests).
    pub async fn outbox(&self, limit: i64) -> Result<Vec<Json>> {
        let rows = sqlx::query(
            "SELECT event FROM maestro_outbox ORDER BY create_ts, workflow_id, instance_id, run_id, seq LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| rows::json_col(r, 0)).collect()
    }

    /// Instance ids of a workflow, newest first (the latest run of each).
    pub async fn instance_ids(&self, workflow_id: &str, limit: i64) -> Result<Vec<i64>> {
        let rows = sqlx::query(
            "SELECT DISTINCT instance_id FROM maestro_workflow_instance WHERE workflow_id = $1 ORDER BY instance_id DESC LIMIT $2",
        )
        .bind(workflow_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }
}
