-- A second shop whose names share nothing with the tutorial's, to prove that every name and
-- status code is configurable. The order table is called `order`, a reserved word, so that the
-- quoting of configured names is exercised too.

CREATE TABLE `order` (
    order_no       VARCHAR(40) NOT NULL,
    state          VARCHAR(16) NOT NULL,
    paid_state     VARCHAR(8)  NOT NULL,
    wx_transaction VARCHAR(64) NULL,
    paid_at        DATETIME    NULL,
    closed_at      DATETIME    NULL,
    created_at     DATETIME    NOT NULL,
    modified_at    DATETIME    NULL,
    PRIMARY KEY (order_no),
    KEY idx_order_state_created_at (state, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_line (
    line_id    BIGINT      NOT NULL AUTO_INCREMENT,
    order_no   VARCHAR(40) NOT NULL,
    product_id VARCHAR(40) NOT NULL,
    qty        INT         NOT NULL,
    PRIMARY KEY (line_id),
    KEY idx_order_line_order_no (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE product (
    product_id VARCHAR(40) NOT NULL,
    in_stock   INT         NOT NULL,
    sold       INT         NOT NULL,
    PRIMARY KEY (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_event (
    event_id    VARCHAR(20) NOT NULL,
    actor       VARCHAR(20) NOT NULL,
    happened_at DATETIME    NOT NULL,
    order_no    VARCHAR(40) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    paid_state  VARCHAR(8)  NOT NULL,
    PRIMARY KEY (event_id),
    KEY idx_order_event_order_no (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE stock_given_back (
    order_no VARCHAR(40) NOT NULL,
    given_at DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
