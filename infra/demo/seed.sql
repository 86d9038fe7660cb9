-- Deterministic demo data: the same rows on every machine, generated inside MariaDB from its
-- Sequence engine (seq_1_to_N), so loading needs no client-side tooling and takes a second or two.
-- 2,000 customers, 400 products, 30,000 orders, about 75,000 order items, 24,000 payments.
-- Only loaded into an empty database.

INSERT INTO customers (id, name, email, created_at)
SELECT seq,
       CONCAT(ELT(1 + seq % 12, 'Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances',
                  'Ken', 'Margaret', 'Niklaus', 'Radia', 'Tony'),
              ' ',
              ELT(1 + (seq DIV 12) % 10, 'Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth',
                  'Allen', 'Thompson', 'Hamilton', 'Wirth')),
       CONCAT('customer', seq, '@example.com'),
       TIMESTAMP('2024-01-01 08:00:00') + INTERVAL (seq * 3607) SECOND
FROM seq_1_to_2000;

INSERT INTO products (id, sku, name, category, price, stock)
SELECT seq,
       CONCAT('SKU-', LPAD(seq, 5, '0')),
       CONCAT(ELT(1 + seq % 8, 'Walnut', 'Copper', 'Linen', 'Granite', 'Maple', 'Cobalt', 'Amber', 'Slate'),
              ' ',
              ELT(1 + (seq DIV 8) % 10, 'Kettle', 'Lamp', 'Chair', 'Mug', 'Notebook', 'Backpack', 'Clock',
                  'Speaker', 'Blanket', 'Planter')),
       ELT(1 + seq % 5, 'kitchen', 'lighting', 'furniture', 'stationery', 'travel'),
       ROUND(4.99 + (seq * 37 % 2000) / 10, 2),
       seq * 13 % 250
FROM seq_1_to_400;

INSERT INTO orders (id, customer_id, status, total, created_at)
SELECT seq,
       1 + (seq * 7919) % 2000,
       ELT(1 + (seq * 31) % 10, 'NEW', 'PAID', 'PAID', 'SHIPPED', 'SHIPPED', 'SHIPPED', 'SHIPPED',
           'SHIPPED', 'CANCELLED', 'PAID'),
       0,
       TIMESTAMP('2025-01-01 00:00:00') + INTERVAL (seq * 1013) SECOND + INTERVAL (seq % 1000000) MICROSECOND
FROM seq_1_to_30000;

-- Between 1 and 4 items per order.
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.seq, p.id, 1 + (o.seq + line.seq) % 3, p.price
FROM seq_1_to_30000 AS o
JOIN seq_1_to_4 AS line ON line.seq <= 1 + o.seq % 4
JOIN products AS p ON p.id = 1 + (o.seq * 131 + line.seq * 17) % 400;

UPDATE orders AS o
JOIN (SELECT order_id, SUM(quantity * unit_price) AS total FROM order_items GROUP BY order_id) AS t
  ON t.order_id = o.id
SET o.total = t.total;

-- Paid and shipped orders have one payment; every seventh is a bank transfer.
INSERT INTO payments (order_id, method, amount, card_last4, reference, paid_at)
SELECT o.id,
       IF(o.id % 7 = 0, 'BANK_TRANSFER', 'CARD'),
       o.total,
       IF(o.id % 7 = 0, NULL, LPAD(o.id * 7 % 10000, 4, '0')),
       IF(o.id % 7 = 0, CONCAT('TRX-', o.id), NULL),
       o.created_at + INTERVAL 90 SECOND
FROM orders AS o
WHERE o.status IN ('PAID', 'SHIPPED');
