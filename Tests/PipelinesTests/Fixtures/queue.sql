-- The queue monitor's table queue (infra/queue-schema.sql), for trees where that file is not yet present.
CREATE TABLE IF NOT EXISTS sluice_jobs (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    queue        VARCHAR(191)    NOT NULL,
    status       VARCHAR(16)     NOT NULL DEFAULT 'ready',
    payload      JSON            NOT NULL,
    run_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    attempts     INT UNSIGNED    NOT NULL DEFAULT 0,
    max_attempts INT UNSIGNED    NOT NULL DEFAULT 25,
    created_at   DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY sluice_jobs_claim (queue, status, run_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
