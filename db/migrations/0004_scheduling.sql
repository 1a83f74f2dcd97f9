-- Scheduling: what the SchedulingAgent keeps beyond 0002.

-- A job the optimiser could not place without breaking a hard rule goes to a human with the
-- solver's code and reason; a planned one keeps the solver's structured explanation next to the
-- human-readable reasons, so the dashboard can show alternatives without re-solving.
ALTER TABLE maintenance_orders ADD COLUMN unassigned_code text;
ALTER TABLE maintenance_orders ADD COLUMN unassigned_reason text;
ALTER TABLE maintenance_orders ADD COLUMN plan_explanation jsonb;

-- Continuity looks up the last technician on the same equipment.
CREATE INDEX maintenance_orders_equipment ON maintenance_orders (equipment, created_at DESC);
CREATE INDEX maintenance_orders_technician ON maintenance_orders (technician_id, created_at DESC);

-- An order's booking history (released rows included) for GET /maintenance/orders/{id}.
CREATE INDEX technician_bookings_order ON technician_bookings (order_id, created_at);
