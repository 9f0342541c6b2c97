-- Payments that WeChat Pay reported for orders the shop had already closed (delay-close's
-- LatePaymentEvent). The notification endpoint answers SUCCESS, which stops WeChat's resending,
-- only once the payment's row is here: a late payment is never known only in memory. The unique
-- transaction_id makes a resent notification add nothing. Refunding them is up to the shop's people.
-- Times are DATETIME in the zone of the other tables (delay-close.jdbc.zone, default the JVM's).

CREATE TABLE tb_late_payment (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    order_id       VARCHAR(64) NOT NULL COMMENT 'the closed order; WeChat Pay out_trade_no',
    transaction_id VARCHAR(64) NOT NULL COMMENT 'WeChat Pay transaction_id, to refund',
    total_fee      BIGINT      NOT NULL COMMENT 'amount paid, in fen',
    paid_at        DATETIME    NOT NULL COMMENT 'when WeChat Pay says the payer paid (time_end)',
    recorded_at    DATETIME    NOT NULL COMMENT 'when the shop learnt of it',
    PRIMARY KEY (id),
    UNIQUE KEY uk_tb_late_payment_transaction_id (transaction_id),
    KEY idx_tb_late_payment_order_id (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
