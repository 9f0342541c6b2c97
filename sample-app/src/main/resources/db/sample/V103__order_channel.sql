-- The payment channel the payer chose at checkout (delay-close.jdbc.order-table.channel-column):
-- wxpay or alipay, NULL while not chosen. delay-close checks an order on its channel's gateway only.

ALTER TABLE tb_order
    ADD COLUMN pay_channel VARCHAR(16) NULL COMMENT 'wxpay, alipay; NULL until chosen';
