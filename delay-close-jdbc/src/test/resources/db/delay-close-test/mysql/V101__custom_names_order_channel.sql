-- The payment channel of an order in the custom-names shop (delay-close.jdbc.order-table.channel-column),
-- NULL until the payer chooses one.

ALTER TABLE `order`
    ADD COLUMN pay_by VARCHAR(16) NULL COMMENT 'payment channel: wxpay, alipay';
