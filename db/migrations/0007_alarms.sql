-- Alarms (issue 14): the streaming detector's per-sensor state, and alarms as one list a person
-- works (streaming detections and monitoring incidents alike), each with its timeline.

-- One row per sensor: the causal detector's state and the alarm grouper's, both plain JSON that
-- only mean something with the code version that wrote them (state_version). `cursor_id` is the
-- last sensor_readings.id scored: readings are scored once, in timestamp order per batch.
CREATE TABLE sensor_detector_state (
  sensor_id      text PRIMARY KEY REFERENCES sensors (id),
  state_version  integer NOT NULL DEFAULT 1,
  detector       jsonb,
  grouper        jsonb,
  cursor_id      bigint NOT NULL DEFAULT 0,
  readings       bigint NOT NULL DEFAULT 0,
  last_ts        timestamptz,
  -- The operator's dial: 0.5 is the default threshold; higher flags more (see thresholdFor).
  sensitivity    real NOT NULL DEFAULT 0.5 CHECK (sensitivity >= 0 AND sensitivity <= 1),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alarms (
  id                 uuid PRIMARY KEY,
  sensor_id          text NOT NULL,
  -- streaming: raised by the detector from readings; monitoring: a drift or burst incident.
  source             text NOT NULL CHECK (source IN ('streaming', 'monitoring')),
  kind               text NOT NULL,
  severity           text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  state              text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
  -- Times of the readings themselves (a backfill raises alarms in the past).
  start_ts           timestamptz NOT NULL,
  end_ts             timestamptz,
  last_anomalous_ts  timestamptz NOT NULL,
  peak_score         double precision NOT NULL,
  peak_value         double precision,
  peak_ts            timestamptz,
  readings           integer NOT NULL DEFAULT 1,
  -- Created already resolved from readings whose stretch ended long ago: nobody is paged.
  historical         boolean NOT NULL DEFAULT false,
  assigned_to        text,
  escalation_level   integer NOT NULL DEFAULT 0,
  acknowledged_at    timestamptz,
  acknowledged_by    text,
  resolved_at        timestamptz,
  resolved_by        text,
  resolution_cause   text,
  maintenance_workflow_id text,
  workflow_id        text,
  -- A business key, so a retried activity or a re-scored stretch never raises twice.
  dedup_key          text UNIQUE NOT NULL,
  details            jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alarms_state_start ON alarms (state, start_ts DESC);
CREATE INDEX alarms_sensor_start ON alarms (sensor_id, start_ts DESC);
CREATE INDEX alarms_start ON alarms (start_ts DESC);

-- What happened to an alarm, in order: raised, escalated, acknowledged, note, resolved, converted.
CREATE TABLE alarm_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alarm_id   uuid NOT NULL REFERENCES alarms (id),
  type       text NOT NULL,
  actor      text,
  at         timestamptz NOT NULL DEFAULT now(),
  details    jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedup_key  text UNIQUE
);
CREATE INDEX alarm_events_alarm ON alarm_events (alarm_id, id);

-- The scorer reads a sensor's readings after its cursor: without this it would walk the sensor's
-- whole (sensor_id, ts) index on every call.
CREATE INDEX sensor_readings_sensor_id_id ON sensor_readings (sensor_id, id);
