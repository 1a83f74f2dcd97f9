-- Data plane: sensors, readings, the domain event log, API keys, idempotency records, CSV uploads.

CREATE TABLE sensors (
  id            text PRIMARY KEY,
  type          text NOT NULL,
  unit          text,
  equipment     text,
  location      text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  -- Maintained by ingestion in the same transaction as the readings, so listing sensors
  -- never scans sensor_readings.
  reading_count bigint NOT NULL DEFAULT 0,
  first_ts      timestamptz,
  last_ts       timestamptz
);

CREATE TABLE sensor_readings (
  id              bigint GENERATED ALWAYS AS IDENTITY,
  sensor_id       text NOT NULL REFERENCES sensors (id),
  ts              timestamptz NOT NULL,
  value           double precision NOT NULL,
  unit            text,
  quality         real NOT NULL DEFAULT 1,
  sensor_type     text NOT NULL,
  metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
  correlation_id  uuid,
  idempotency_key text,
  ingested_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, ts)
);

CREATE INDEX sensor_readings_sensor_ts ON sensor_readings (sensor_id, ts DESC);

-- TimescaleDB when the server has it; otherwise a BRIN index keeps time-range scans cheap on an
-- append-mostly table. A hypertable's unique indexes must contain the partition column.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
    PERFORM create_hypertable('sensor_readings', 'ts');
    CREATE UNIQUE INDEX sensor_readings_idempotency ON sensor_readings (idempotency_key, ts);
  ELSE
    CREATE INDEX sensor_readings_ts_brin ON sensor_readings USING brin (ts);
    CREATE UNIQUE INDEX sensor_readings_idempotency ON sensor_readings (idempotency_key);
  END IF;
END
$$;

-- The PostgreSQL side of Idempotency-Key: kept forever, so a replay is recognised even when Redis
-- has forgotten it or is down.
CREATE TABLE idempotency_records (
  key           text PRIMARY KEY,
  route         text NOT NULL,
  request_hash  text NOT NULL,
  status        integer NOT NULL,
  response      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type            text NOT NULL,
  correlation_id  uuid,
  workflow_id     text,
  payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Activities write events keyed by workflow and activity, so a retried activity writes once.
  dedup_key       text UNIQUE,
  ts              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_correlation ON events (correlation_id, ts);
CREATE INDEX events_workflow ON events (workflow_id, ts);
CREATE INDEX events_type_ts ON events (type, ts DESC);

CREATE TABLE api_keys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  key_hash      text NOT NULL UNIQUE,
  key_prefix    text NOT NULL,
  scopes        text[] NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);

CREATE TABLE csv_uploads (
  id            uuid PRIMARY KEY,
  filename      text,
  content       text NOT NULL,
  size_bytes    integer NOT NULL,
  sha256        text NOT NULL,
  line_count    integer NOT NULL,
  correlation_id uuid,
  workflow_id   text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
