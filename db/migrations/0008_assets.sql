-- Assets (issue 15): machines people reason about, each with sensors attached by role; the health
-- the asset evaluator records; the degradation episodes that start maintenance once each.
-- Sensors and readings are untouched: a sensor on no asset works as before.

-- An asset type says which model applies and how its roles feed the model's features.
--   roles:       { "<role>": "<model feature>" }, every role the model needs
--   kind:        'failure' (a classifier's probability from the latest role readings) or
--                'rul' (a regressor's remaining life from the roles' aligned windows)
--   typical_life_cycles / hours_per_cycle: the health index's scale and the days an RUL means
--   planning_horizon_cycles: maintenance starts when the RUL interval's lower bound drops below it
--   stale_after_seconds: a role whose latest reading is older than this is reported stale
CREATE TABLE asset_types (
  id                      text PRIMARY KEY,
  name                    text NOT NULL,
  description             text NOT NULL DEFAULT '',
  kind                    text NOT NULL CHECK (kind IN ('failure', 'rul')),
  model_name              text NOT NULL,
  roles                   jsonb NOT NULL,
  typical_life_cycles     integer CHECK (typical_life_cycles > 0),
  hours_per_cycle         double precision NOT NULL DEFAULT 24 CHECK (hours_per_cycle > 0),
  planning_horizon_cycles integer CHECK (planning_horizon_cycles >= 0),
  stale_after_seconds     integer NOT NULL DEFAULT 3600 CHECK (stale_after_seconds > 0),
  created_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE assets (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  type_id     text NOT NULL REFERENCES asset_types (id),
  site        text NOT NULL DEFAULT '',
  criticality smallint NOT NULL DEFAULT 3 CHECK (criticality BETWEEN 1 AND 5),
  metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assets_site_type ON assets (site, type_id);

-- Attachment history: a row per (sensor, asset, role) period. The open row (detached_at NULL) is
-- the current one; re-attaching closes it and opens another, so "from when" is never lost.
CREATE TABLE asset_sensors (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  asset_id    text NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  sensor_id   text NOT NULL REFERENCES sensors (id),
  role        text NOT NULL,
  attached_at timestamptz NOT NULL DEFAULT now(),
  detached_at timestamptz,
  CHECK (detached_at IS NULL OR detached_at >= attached_at)
);
-- A sensor is on one asset at a time, and a role of an asset has one sensor at a time.
CREATE UNIQUE INDEX asset_sensors_current_sensor ON asset_sensors (sensor_id) WHERE detached_at IS NULL;
CREATE UNIQUE INDEX asset_sensors_current_role ON asset_sensors (asset_id, role) WHERE detached_at IS NULL;
CREATE INDEX asset_sensors_asset ON asset_sensors (asset_id, attached_at DESC);

-- Degradation episodes: opened when the asset crosses its trigger, closed when it is clearly back
-- (hysteresis). One open episode per asset; the maintenance flow it starts is named after it.
CREATE TABLE asset_episodes (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  asset_id                text NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  opened_at               timestamptz NOT NULL,
  closed_at               timestamptz,
  trigger                 jsonb NOT NULL,
  -- Set once the flow is started; while NULL, gate_reason says why it was not (drifted inputs).
  maintenance_workflow_id text,
  started_at              timestamptz,
  gate_reason             text,
  gate_evidence           jsonb
);
CREATE UNIQUE INDEX asset_episodes_one_open ON asset_episodes (asset_id) WHERE closed_at IS NULL;
CREATE INDEX asset_episodes_asset ON asset_episodes (asset_id, opened_at DESC);

-- Every evaluation, newest last: the health trend and the RUL band on the detail page.
-- dedup_key (evaluator workflow + iteration) keeps a retried evaluation from recording twice.
CREATE TABLE asset_health (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  asset_id            text NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  evaluated_at        timestamptz NOT NULL DEFAULT now(),
  data_until          timestamptz,
  health              double precision,
  rul                 double precision,
  rul_lower           double precision,
  rul_upper           double precision,
  rul_level           double precision,
  failure_probability double precision,
  drifted             boolean NOT NULL DEFAULT false,
  model_name          text,
  model_version       text,
  status              text NOT NULL,
  reasons             jsonb NOT NULL DEFAULT '[]'::jsonb,
  episode_id          uuid REFERENCES asset_episodes (id),
  dedup_key           text UNIQUE
);
CREATE INDEX asset_health_asset ON asset_health (asset_id, evaluated_at DESC);

-- The two types the shipped models serve.
INSERT INTO asset_types (id, name, description, kind, model_name, roles, typical_life_cycles, hours_per_cycle, planning_horizon_cycles, stale_after_seconds)
VALUES
  ('milling_machine', 'Milling machine', 'AI4I 2020 machine: failure probability from five process sensors',
   'failure', 'ai4i_classifier_randomforest_baseline',
   '{"air_temperature":"Air_temperature_K","process_temperature":"Process_temperature_K","rotational_speed":"Rotational_speed_rpm","torque":"Torque_Nm","tool_wear":"Tool_wear_min"}',
   NULL, 1, NULL, 3600),
  ('turbofan', 'Turbofan engine', 'C-MAPSS FD001-like engine: remaining useful life in cycles from fourteen channels',
   'rul', 'cmapss_rul_regressor',
   '{"s2":"s2","s3":"s3","s4":"s4","s7":"s7","s8":"s8","s9":"s9","s11":"s11","s12":"s12","s13":"s13","s14":"s14","s15":"s15","s17":"s17","s20":"s20","s21":"s21"}',
   125, 24, 30, 7 * 86400);
