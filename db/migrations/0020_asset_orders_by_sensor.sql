-- An asset's orders include those raised on its sensors (issue 15: the asset list's next
-- maintenance, the detail page's orders): look them up by sensor instead of scanning every order.
CREATE INDEX maintenance_orders_sensor ON maintenance_orders (sensor_id, created_at DESC);
