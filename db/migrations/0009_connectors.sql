-- Plant connectivity: MQTT and OPC UA connectors configured in the database, their live status
-- (written by the connector process, read by the API), and which sensors a source declared dead.

CREATE TABLE connectors (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('mqtt', 'opcua')),
  enabled     boolean NOT NULL DEFAULT true,
  -- Endpoint, subscriptions and the topic/node -> sensor mapping; never a secret.
  config      jsonb NOT NULL,
  -- Passwords and the like: written by the API, read by the connector process, never returned.
  secrets     jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Bumped on every change, so a running connector notices and reconnects with the new settings.
  revision    integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE connector_status (
  connector_id     uuid PRIMARY KEY REFERENCES connectors (id) ON DELETE CASCADE,
  connected        boolean NOT NULL DEFAULT false,
  -- Back-pressure: messages held unacknowledged in memory, and whether the source is paused.
  buffered         integer NOT NULL DEFAULT 0,
  paused           boolean NOT NULL DEFAULT false,
  messages_total   bigint NOT NULL DEFAULT 0,
  rejected_total   bigint NOT NULL DEFAULT 0,
  messages_per_s   double precision NOT NULL DEFAULT 0,
  last_message_at  timestamptz,
  last_error       text,
  last_error_at    timestamptz,
  -- The last few messages as received and as parsed, for the mapping editor's preview.
  recent           jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A source that announced its own death (Sparkplug NDEATH/DDEATH) marks its sensors stale until
-- the next birth or value, so monitoring does not read silence as a flat line.
CREATE TABLE connector_sensor_state (
  connector_id  uuid NOT NULL REFERENCES connectors (id) ON DELETE CASCADE,
  sensor_id     text NOT NULL,
  source        text NOT NULL,
  stale         boolean NOT NULL DEFAULT false,
  changed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector_id, sensor_id)
);
CREATE INDEX connector_sensor_state_stale ON connector_sensor_state (sensor_id) WHERE stale;
