-- The engine's tables. Portable SQL: the same text runs on SQLite and PostgreSQL.
-- Documents are JSON text; times are epoch milliseconds.

CREATE TABLE maestro_workflow (
    workflow_id TEXT PRIMARY KEY,
    internal_id BIGINT NOT NULL,
    active_version_id BIGINT NOT NULL DEFAULT 0,
    latest_version_id BIGINT NOT NULL,
    latest_instance_id BIGINT NOT NULL DEFAULT 0,
    properties_snapshot TEXT NOT NULL,
    modify_ts BIGINT NOT NULL
);

CREATE TABLE maestro_workflow_version (
    workflow_id TEXT NOT NULL,
    version_id BIGINT NOT NULL,
    metadata TEXT NOT NULL,
    definition TEXT NOT NULL,
    create_ts BIGINT NOT NULL,
    PRIMARY KEY (workflow_id, version_id)
);

-- One row per run. group_id and generation say which engine node owns a running
-- execution (SPEC 6.3): a node writes a run only while its generation matches.
CREATE TABLE maestro_workflow_instance (
    workflow_id TEXT NOT NULL,
    instance_id BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    uuid TEXT NOT NULL,
    status TEXT NOT NULL,
    execution_id TEXT,
    instance TEXT NOT NULL,
    group_id BIGINT NOT NULL DEFAULT 0,
    generation BIGINT NOT NULL DEFAULT 0,
    create_ts BIGINT NOT NULL,
    modify_ts BIGINT NOT NULL,
    PRIMARY KEY (workflow_id, instance_id, run_id),
    UNIQUE (workflow_id, uuid)
);

CREATE INDEX maestro_workflow_instance_status ON maestro_workflow_instance (status, group_id);

-- One row per step attempt.
CREATE TABLE maestro_step_instance (
    workflow_id TEXT NOT NULL,
    instance_id BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    step_id TEXT NOT NULL,
    attempt_id BIGINT NOT NULL,
    step_uuid TEXT NOT NULL,
    status TEXT NOT NULL,
    instance TEXT NOT NULL,
    modify_ts BIGINT NOT NULL,
    PRIMARY KEY (workflow_id, instance_id, run_id, step_id, attempt_id)
);

-- The transactional outbox: events written with the change they report, delivered
-- at least once in (instance, seq) order.
CREATE TABLE maestro_outbox (
    event_id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    instance_id BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    event TEXT NOT NULL,
    create_ts BIGINT NOT NULL
);

CREATE INDEX maestro_outbox_order ON maestro_outbox (create_ts, seq);

CREATE TABLE maestro_job_template (
    job_type TEXT NOT NULL,
    version TEXT NOT NULL,
    definition TEXT NOT NULL,
    create_ts BIGINT NOT NULL,
    PRIMARY KEY (job_type, version)
);

-- Ownership of groups of executions by engine nodes (SPEC 6.3).
CREATE TABLE maestro_flow_group (
    group_id BIGINT PRIMARY KEY,
    generation BIGINT NOT NULL,
    address TEXT NOT NULL,
    heartbeat_ts BIGINT NOT NULL
);

CREATE TABLE maestro_counter (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

INSERT INTO maestro_counter (name, value) VALUES ('workflow_internal_id', 10000);
