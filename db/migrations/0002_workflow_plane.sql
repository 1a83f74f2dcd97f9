-- Workflow plane: what the agents produce. Every table an activity writes has a business or
-- workflow+activity key with a unique constraint, so a retried activity writes once.

CREATE TABLE anomalies (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sensor_id     text NOT NULL,
  reading_id    bigint,
  ts            timestamptz NOT NULL,
  value         double precision NOT NULL,
  score         double precision NOT NULL,
  method        text NOT NULL,
  reason        text NOT NULL,
  credible      boolean,
  workflow_id   text,
  correlation_id uuid,
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX anomalies_sensor_ts ON anomalies (sensor_id, ts DESC);

CREATE TABLE drift_checks (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sensor_id     text NOT NULL,
  window_minutes integer NOT NULL,
  reference_count integer NOT NULL,
  recent_count  integer NOT NULL,
  ks_statistic  double precision,
  p_value       double precision,
  psi           double precision,
  drift_detected boolean NOT NULL,
  status        text NOT NULL,
  workflow_id   text,
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drift_checks_sensor ON drift_checks (sensor_id, created_at DESC);

CREATE TABLE predictions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model         text NOT NULL,
  version       text NOT NULL,
  stage         text,
  sensor_id     text,
  features      jsonb NOT NULL,
  probability   double precision NOT NULL,
  prediction    smallint NOT NULL,
  explanation   jsonb,
  latency_ms    double precision,
  workflow_id   text,
  correlation_id uuid,
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX predictions_sensor ON predictions (sensor_id, created_at DESC);

CREATE TABLE technicians (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  site          text NOT NULL,
  -- [{"skill": "vibration", "level": 3}, ...]
  skills        jsonb NOT NULL,
  -- Weekly pattern in the site's local time: [{"weekday": 1, "start": "06:00", "end": "14:00"}, ...]
  shifts        jsonb NOT NULL,
  -- The site's offset from UTC, so shift times mean local hours (no DST modelled).
  utc_offset_minutes integer NOT NULL DEFAULT 0,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE maintenance_orders (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sensor_id     text NOT NULL,
  equipment     text,
  prediction_id uuid REFERENCES predictions (id),
  status        text NOT NULL CHECK (status IN ('proposed','awaiting_approval','approved','rejected','escalated','scheduled','in_progress','completed','closed','cancelled')),
  priority      text NOT NULL CHECK (priority IN ('low','medium','high','urgent','very_urgent')),
  required_skill text NOT NULL,
  required_level integer NOT NULL DEFAULT 1,
  duration_minutes integer NOT NULL,
  failure_probability double precision,
  deadline      timestamptz,
  technician_id text REFERENCES technicians (id),
  window_start  timestamptz,
  window_end    timestamptz,
  reasons       jsonb NOT NULL DEFAULT '[]'::jsonb,
  workflow_id   text,
  correlation_id uuid,
  -- One order per workflow (a retried "propose" activity finds the existing one).
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX maintenance_orders_status ON maintenance_orders (status, created_at DESC);

CREATE TABLE order_transitions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES maintenance_orders (id),
  from_status   text,
  to_status     text NOT NULL,
  actor         text NOT NULL,
  note          text,
  ts            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_transitions_order ON order_transitions (order_id, ts);

-- Bookings hold a technician's time. The exclusion constraint makes a double booking impossible
-- even for two workers deciding at the same instant.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE technician_bookings (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technicians (id),
  order_id      uuid NOT NULL REFERENCES maintenance_orders (id),
  period        tstzrange NOT NULL,
  status        text NOT NULL CHECK (status IN ('tentative','firm','released')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  released_at   timestamptz,
  EXCLUDE USING gist (technician_id WITH =, period WITH &&) WHERE (status <> 'released')
);
CREATE UNIQUE INDEX technician_bookings_one_live_per_order ON technician_bookings (order_id) WHERE status <> 'released';

CREATE TABLE human_decisions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id    text NOT NULL,
  decision      text NOT NULL CHECK (decision IN ('approved','rejected','escalated')),
  operator_id   text NOT NULL,
  justification text NOT NULL,
  workflow_id   text,
  correlation_id uuid,
  order_id      uuid REFERENCES maintenance_orders (id),
  source        text NOT NULL DEFAULT 'api',
  -- A correction is a new row pointing at the one it supersedes; rows are never updated.
  supersedes    uuid REFERENCES human_decisions (id),
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX human_decisions_request ON human_decisions (request_id, created_at);
CREATE INDEX human_decisions_created ON human_decisions (created_at DESC);

-- Append-only: the audit trail cannot be edited, only superseded.
CREATE FUNCTION forbid_decision_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'human_decisions is append-only; record a correction instead';
END
$$;
CREATE TRIGGER human_decisions_append_only BEFORE UPDATE OR DELETE ON human_decisions
  FOR EACH ROW EXECUTE FUNCTION forbid_decision_changes();

CREATE TABLE notifications (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel       text NOT NULL,
  recipient     text NOT NULL,
  subject       text NOT NULL,
  body          jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('sent','failed','deduplicated','rate_limited','skipped')),
  attempt       integer NOT NULL DEFAULT 1,
  error         text,
  dedup_key     text NOT NULL,
  workflow_id   text,
  correlation_id uuid,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_dedup ON notifications (dedup_key, created_at DESC);
CREATE INDEX notifications_recipient ON notifications (recipient, created_at DESC);

CREATE TABLE reports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_type   text NOT NULL,
  parameters    jsonb NOT NULL DEFAULT '{}'::jsonb,
  body          jsonb NOT NULL,
  csv_artifact  text,
  pdf_artifact  bytea,
  workflow_id   text,
  correlation_id uuid,
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE knowledge (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL,
  sensor_id     text,
  features      jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- A numeric vector over the features, for similarity search.
  vector        double precision[] NOT NULL DEFAULT '{}',
  prediction    jsonb,
  decision      text,
  outcome       text,
  summary       text NOT NULL,
  workflow_id   text,
  dedup_key     text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_kind ON knowledge (kind, created_at DESC);

-- Validation quarantines readings (below the quality threshold, out of range, stale, duplicated)
-- without deleting them: they stay for audit, and later stages skip them.
ALTER TABLE sensor_readings ADD COLUMN quarantine_reason text;

-- A workflow waiting for a human opens a request; the REST path finds the workflow through it.
CREATE TABLE decision_requests (
  request_id    text PRIMARY KEY,
  workflow_id   text NOT NULL,
  order_id      uuid REFERENCES maintenance_orders (id),
  correlation_id uuid,
  status        text NOT NULL CHECK (status IN ('open','decided','expired')),
  deadline      timestamptz NOT NULL,
  context       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz
);
CREATE INDEX decision_requests_workflow ON decision_requests (workflow_id);
