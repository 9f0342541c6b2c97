-- delay-close reference schema: the tutorial shop's order tables, reduced to the columns that
-- JdbcOrderRepository and JdbcStockRestorer use (a shop may have many more).
-- MySQL 8 / MariaDB 10.6+ (FOR UPDATE SKIP LOCKED). Time columns are DATETIME without a zone:
-- write them in the zone configured for the repository (default: the JVM's zone).

CREATE TABLE tb_order (
    id             VARCHAR(64) NOT NULL COMMENT 'order id; WeChat Pay out_trade_no',
    order_status   CHAR(1)     NOT NULL DEFAULT '0' COMMENT '0 unpaid, 1 paid, 4 closed',
    pay_status     CHAR(1)     NOT NULL DEFAULT '0' COMMENT '0 unpaid, 1 paid',
    transaction_id VARCHAR(64) NULL COMMENT 'payment provider transaction id',
    pay_time       DATETIME    NULL,
    close_time     DATETIME    NULL,
    create_time    DATETIME    NOT NULL,
    update_time    DATETIME    NULL,
    PRIMARY KEY (id),
    -- serves the overdue search: WHERE order_status = ? AND create_time < ? ORDER BY create_time
    KEY idx_tb_order_status_create_time (order_status, create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tb_order_item (
    id       VARCHAR(64) NOT NULL,
    order_id VARCHAR(64) NOT NULL,
    sku_id   VARCHAR(64) NOT NULL,
    num      INT         NOT NULL COMMENT 'units taken from stock',
    PRIMARY KEY (id),
    KEY idx_tb_order_item_order_id (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tb_order_log (
    id           VARCHAR(32) NOT NULL COMMENT 'time-ordered id, at most 19 digits by default',
    operater     VARCHAR(50) NULL COMMENT 'sic, the tutorial spelling; system for automatic changes',
    operate_time DATETIME    NULL,
    order_id     VARCHAR(64) NOT NULL,
    order_status CHAR(1)     NULL,
    pay_status   CHAR(1)     NULL,
    PRIMARY KEY (id),
    KEY idx_tb_order_log_order_id (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tb_sku (
    id       VARCHAR(64) NOT NULL,
    num      INT         NOT NULL DEFAULT 0 COMMENT 'units in stock',
    sale_num INT         NOT NULL DEFAULT 0 COMMENT 'units sold',
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
