-- delay-close: one row per order whose stock JdbcStockRestorer gave back, written in the same
-- transaction as the stock updates. The primary key is what makes restoring idempotent: a second
-- restore of the same order meets a duplicate key and changes nothing. Shops that already have the
-- tutorial's tables need only this script. restored_at is for operators and uses the server clock.

CREATE TABLE tb_stock_restore (
    order_id    VARCHAR(64) NOT NULL,
    restored_at DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
