-- The table queue `enqueue` writes, with the default names of sluice.yaml's `queue` section.
CREATE TABLE IF NOT EXISTS sluice_messages (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    queue        VARCHAR(120)    NOT NULL,
    payload      JSON            NOT NULL,
    request_id   VARCHAR(64)     NOT NULL DEFAULT '',
    status       VARCHAR(20)     NOT NULL DEFAULT 'ready',
    run_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    attempts     INT             NOT NULL DEFAULT 0,
    max_attempts INT             NOT NULL DEFAULT 5,
    created_at   DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY sluice_messages_ready (queue, status, run_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
