-- The table queue that Sluice's `enqueue` pipeline step writes and `sluice queues` watches.
-- Workers claim the oldest ready row of a queue with
--   SELECT … WHERE queue = ? AND status = 'ready' AND run_at <= NOW(6) ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED
-- which the (queue, status, run_at) prefix of the claim index serves without a filesort (a filesort
-- would lock every matching row). The monitor only ever runs plain, non-locking SELECTs against it;
-- the rest of the claim index holds every column its per-cycle conditions read, so a cycle counts
-- a queue's ready, running and failed rows from the index alone and never touches finished rows.
CREATE TABLE IF NOT EXISTS sluice_jobs (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    queue        VARCHAR(191)    NOT NULL,
    -- ready → running → done, or failed once attempts reach max_attempts.
    status       VARCHAR(16)     NOT NULL DEFAULT 'ready',
    payload      JSON            NOT NULL,
    run_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    locked_at    DATETIME(6)     NULL,
    locked_by    VARCHAR(191)    NULL,
    heartbeat_at DATETIME(6)     NULL,
    attempts     INT UNSIGNED    NOT NULL DEFAULT 0,
    max_attempts INT UNSIGNED    NOT NULL DEFAULT 25,
    failed_at    DATETIME(6)     NULL,
    finished_at  DATETIME(6)     NULL,
    last_error   TEXT            NULL,
    created_at   DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY sluice_jobs_claim (queue, status, run_at, locked_at, heartbeat_at, attempts, max_attempts),
    KEY sluice_jobs_finished (queue, finished_at),
    CONSTRAINT sluice_jobs_status CHECK (status IN ('ready', 'running', 'done', 'failed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
