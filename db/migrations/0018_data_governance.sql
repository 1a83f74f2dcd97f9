-- Data governance (issue 18): retention policies per data class, legal holds, and the audit of
-- every change to either. A class without a row keeps its default from the configuration
-- (RAW_READINGS_RETENTION_DAYS, ...): a row exists once someone has set the class by hand.
CREATE TABLE retention_policies (
  data_class   text PRIMARY KEY CHECK (data_class IN
                 ('raw_readings', 'minute_aggregates', 'hour_aggregates', 'events', 'predictions', 'notifications', 'reports')),
  retain_days  integer NOT NULL CHECK (retain_days BETWEEN 1 AND 36500),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by_kind     text NOT NULL CHECK (updated_by_kind IN ('api_key', 'system')),
  updated_by_key_id   uuid,
  updated_by_key_name text
);

-- A hold keeps the readings of its sensors within [window_from, window_to] out of the roll-up and
-- out of every deletion, whatever the policies say. The sensors and the window are resolved from
-- the held record when the hold is placed and stored here, so the roll-up's check is a plain
-- range test and a later edit of the record does not shrink what is held.
CREATE TABLE legal_holds (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_kind  text NOT NULL CHECK (subject_kind IN ('decision', 'order', 'alarm')),
  subject_id    text NOT NULL,
  reason        text NOT NULL,
  sensor_ids    text[] NOT NULL CHECK (cardinality(sensor_ids) > 0),
  window_from   timestamptz NOT NULL,
  window_to     timestamptz NOT NULL CHECK (window_to >= window_from),
  placed_at     timestamptz NOT NULL DEFAULT now(),
  placed_by_kind     text NOT NULL CHECK (placed_by_kind IN ('api_key', 'system')),
  placed_by_key_id   uuid,
  placed_by_key_name text,
  released_at   timestamptz,
  released_by_kind     text CHECK (released_by_kind IN ('api_key', 'system')),
  released_by_key_id   uuid,
  released_by_key_name text
);
-- One active hold per record: placing it again is a conflict, not a second row.
CREATE UNIQUE INDEX legal_holds_active_subject ON legal_holds (subject_kind, subject_id) WHERE released_at IS NULL;
CREATE INDEX legal_holds_active ON legal_holds USING gin (sensor_ids) WHERE released_at IS NULL;

-- Who changed what, when, with the value before and after. Append-only, like human_decisions.
CREATE TABLE governance_audit (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action      text NOT NULL CHECK (action IN ('policy_changed', 'hold_placed', 'hold_released')),
  subject     text NOT NULL,
  old_value   jsonb,
  new_value   jsonb,
  by_kind     text NOT NULL CHECK (by_kind IN ('api_key', 'system')),
  by_key_id   uuid,
  by_key_name text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX governance_audit_created ON governance_audit (created_at DESC, id DESC);
CREATE TRIGGER governance_audit_append_only BEFORE UPDATE OR DELETE ON governance_audit
  FOR EACH ROW EXECUTE FUNCTION forbid_decision_changes();

-- Retention counts from ingestion (README "Retention"): the roll-up selects by ingested_at, which
-- only grows, so a BRIN index serves it at almost no cost to ingestion.
CREATE INDEX sensor_readings_ingested_brin ON sensor_readings USING brin (ingested_at);
-- The other classes are deleted by age in bounded batches.
CREATE INDEX events_ts ON events (ts);
CREATE INDEX predictions_created ON predictions (created_at);

-- When an aggregate bucket was last written by the roll-up: its age for retention, so the minute
-- buckets of a backfill of last year live as long after their roll-up as those of yesterday.
ALTER TABLE reading_aggregates ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX reading_aggregates_stored ON reading_aggregates (bucket_width, stored_at);
