-- Optional: a payment deadline per order, for per-order deadlines and moving them
-- (delay-close.jdbc.order-table.deadline-column=deadline). delay-close writes it when an order is
-- scheduled or rescheduled; the overdue search reads it. Existing rows keep NULL: schedule them
-- again, or set their deadline, before turning the column on.

ALTER TABLE tb_order
    ADD COLUMN deadline DATETIME(3) NULL COMMENT 'payment deadline, in the repository zone',
    ADD KEY idx_tb_order_status_deadline (order_status, deadline);
