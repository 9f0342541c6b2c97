-- A handful of SKUs to sell. Prices in fen (100 fen = 1 yuan). Stock is small on purpose,
-- so that it visibly goes down when orders are created and comes back when they are closed.

INSERT INTO tb_sku (id, name, price, num, sale_num) VALUES
    ('1001', 'Mechanical keyboard',          29900, 20, 0),
    ('1002', 'Wireless mouse',                9900, 30, 0),
    ('1003', 'USB-C cable',                   1990, 50, 0),
    ('1004', 'Noise-cancelling headphones',  89900,  5, 0),
    ('1005', 'Coffee mug',                    3500, 12, 0);
