-- The sample shop's own columns, added to the reference schema (classpath:db/delay-close/mysql).
-- Sample migrations are numbered from 100 so they never clash with the reference ones.
-- Every column has a default: the JDBC OrderRepository and StockRestorer never write them.

ALTER TABLE tb_sku
    ADD COLUMN name  VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'what buyers see',
    ADD COLUMN price INT          NOT NULL DEFAULT 0  COMMENT 'unit price in fen';

ALTER TABLE tb_order
    ADD COLUMN total_money BIGINT NOT NULL DEFAULT 0 COMMENT 'amount in fen; WeChat Pay total_fee',
    -- serves the page's "latest orders first"
    ADD KEY idx_tb_order_create_time (create_time);

ALTER TABLE tb_order_item
    ADD COLUMN name  VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'SKU name when ordered',
    ADD COLUMN price INT          NOT NULL DEFAULT 0  COMMENT 'unit price in fen when ordered',
    ADD COLUMN money BIGINT       NOT NULL DEFAULT 0  COMMENT 'price * num, in fen';
