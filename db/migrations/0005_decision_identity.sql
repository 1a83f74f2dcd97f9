-- Who decided (issue #22): the authenticated identity beside the operator text a body carries.
-- `*_kind` is 'api_key' (key id and name set) or 'system' (a timeout, the scheduler); NULL marks
-- rows written before this migration, whose identity was never recorded. No foreign key to
-- api_keys: the audit trail must outlive any key row, and the name is copied for the same reason.
ALTER TABLE human_decisions
  ADD COLUMN decided_by_kind     text CHECK (decided_by_kind IN ('api_key', 'system')),
  ADD COLUMN decided_by_key_id   uuid,
  ADD COLUMN decided_by_key_name text,
  ADD CONSTRAINT human_decisions_identity_complete
    CHECK (decided_by_kind IS DISTINCT FROM 'api_key' OR (decided_by_key_id IS NOT NULL AND decided_by_key_name IS NOT NULL));

ALTER TABLE order_transitions
  ADD COLUMN by_kind     text CHECK (by_kind IN ('api_key', 'system')),
  ADD COLUMN by_key_id   uuid,
  ADD COLUMN by_key_name text,
  ADD CONSTRAINT order_transitions_identity_complete
    CHECK (by_kind IS DISTINCT FROM 'api_key' OR (by_key_id IS NOT NULL AND by_key_name IS NOT NULL));

-- PATCH on an order asks whether a workflow holds it for a decision; this keeps that a lookup.
CREATE INDEX decision_requests_open_order ON decision_requests (order_id) WHERE status = 'open';
