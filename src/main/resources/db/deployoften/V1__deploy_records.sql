-- DeployOften shared ledger, schema version 1: one row per deploy attempt, shared by every controller.
-- Instants are kept as timestamptz (microseconds, for indexes and people) plus their nano-of-second, so a
-- record reads back exactly as it was appended.
CREATE TABLE deployoften_deploy (
    id                BIGSERIAL    PRIMARY KEY,
    service           TEXT         NOT NULL,
    controller        TEXT         NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    environment       VARCHAR(64)  NOT NULL,
    job               TEXT         NOT NULL,
    build_number      INTEGER      NOT NULL CHECK (build_number >= 1),
    build_url         TEXT,
    commit_id         TEXT,
    commit_time       TIMESTAMPTZ,
    commit_time_nanos INTEGER      CHECK (commit_time_nanos BETWEEN 0 AND 999999999),
    artifact          TEXT,
    outcome           VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'ABORTED', 'SKIPPED')),
    reason            TEXT,
    started_at        TIMESTAMPTZ  NOT NULL,
    started_nanos     INTEGER      NOT NULL CHECK (started_nanos BETWEEN 0 AND 999999999),
    duration_ms       BIGINT       NOT NULL CHECK (duration_ms >= 0),
    trigger_text      TEXT,
    message           TEXT,
    -- the natural key of a deploy attempt: a retried or replayed append of the same attempt is dropped
    CONSTRAINT deployoften_deploy_attempt
        UNIQUE (service, controller, job, build_number, environment, started_at, started_nanos, outcome)
);

-- windowed reads: WHERE service = ? AND started_at >= ?
CREATE INDEX deployoften_deploy_window ON deployoften_deploy (service, started_at);
-- newest-first pages, findLast and version(): WHERE service = ? ORDER BY id DESC
CREATE INDEX deployoften_deploy_newest ON deployoften_deploy (service, id);
