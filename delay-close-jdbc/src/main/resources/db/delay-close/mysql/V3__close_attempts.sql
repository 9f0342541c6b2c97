-- delay-close's close-attempt state (JdbcCloseAttemptStore): one row per order whose close did not
-- finish at the first try (waiting in a retry or re-check queue, re-driven, or parked). Rows are
-- deleted when the order closes or is paid; parked rows stay until replayed or discarded.
-- Times are UTC.

CREATE TABLE delay_close_attempt (
    order_id         VARCHAR(64)   NOT NULL,
    epoch            BIGINT        NOT NULL COMMENT 'copy of the timeout message that owns the close',
    state            VARCHAR(16)   NOT NULL COMMENT 'WAITING, PARKED or DISCARDED',
    failed_attempts  INT           NOT NULL,
    rechecks         INT           NOT NULL,
    due_at           DATETIME(3)   NOT NULL COMMENT 'when the waiting copy is due; when parked',
    reason           VARCHAR(32)   NULL,
    last_error       VARCHAR(1000) NULL,
    first_failure_at DATETIME(3)   NULL,
    last_failure_at  DATETIME(3)   NULL,
    version          BIGINT        NOT NULL COMMENT 'optimistic lock: every change increments it',
    PRIMARY KEY (order_id),
    -- serves the watchdog (WAITING, due_at < ?) and the parked list (PARKED, by order id)
    KEY idx_delay_close_attempt_state_due (state, due_at),
    KEY idx_delay_close_attempt_state_order (state, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
