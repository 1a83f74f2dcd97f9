-- Lineage (issue 19): what fed a prediction and which artifact produced it, recorded when the
-- prediction is stored. Rows written before this migration keep NULLs; the lineage then says the
-- link was not recorded rather than guessing it.
ALTER TABLE predictions
  -- The threshold the probability was compared with (the model card's, at that time).
  ADD COLUMN threshold          double precision,
  -- The ONNX artifact's digest from the registry entry that served the prediction.
  ADD COLUMN artifact_sha256    text,
  -- The readings the features were computed from (Golden Path); NULL when a client sent features.
  ADD COLUMN input_reading_ids  bigint[],
  ADD COLUMN input_from         timestamptz,
  ADD COLUMN input_to           timestamptz,
  -- How each feature value was obtained: {"Torque_Nm": "95th percentile of ...", ...}.
  ADD COLUMN feature_derivation jsonb;

CREATE INDEX predictions_workflow ON predictions (workflow_id);
CREATE INDEX maintenance_orders_workflow ON maintenance_orders (workflow_id);
CREATE INDEX human_decisions_order ON human_decisions (order_id, created_at);
CREATE INDEX notifications_workflow ON notifications (workflow_id, created_at);
CREATE INDEX reports_workflow ON reports (workflow_id);
CREATE INDEX anomalies_workflow ON anomalies (workflow_id);
CREATE INDEX drift_checks_workflow ON drift_checks (workflow_id);

-- Gated promotion (issue 19). A version's stage is the manifest's until a promotion or a rollback
-- moves it; every move is a row here, never updated, naming who asked, who approved and on which
-- shadow report. The version in Production is the one the newest row moved there.
CREATE TABLE model_stage_changes (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model              text NOT NULL,
  version            text NOT NULL,
  from_stage         text NOT NULL,
  to_stage           text NOT NULL CHECK (to_stage IN ('Production', 'Staging', 'None')),
  action             text NOT NULL CHECK (action IN ('promote', 'rollback')),
  -- The Production version this move displaced (what a rollback returns to).
  replaced_version   text,
  evidence_report_id uuid REFERENCES reports (id),
  by_kind            text NOT NULL CHECK (by_kind IN ('api_key', 'system')),
  by_key_id          uuid,
  by_key_name        text,
  justification      text NOT NULL,
  workflow_id        text,
  dedup_key          text UNIQUE,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_stage_changes_model ON model_stage_changes (model, created_at DESC, id DESC);
CREATE TRIGGER model_stage_changes_append_only BEFORE UPDATE OR DELETE ON model_stage_changes
  FOR EACH ROW EXECUTE FUNCTION forbid_decision_changes();

-- A promotion waiting for an engineer's approval; one open request per model at a time.
CREATE TABLE model_promotion_requests (
  id                 text PRIMARY KEY,
  model              text NOT NULL,
  version            text NOT NULL,
  evidence_report_id uuid NOT NULL REFERENCES reports (id),
  status             text NOT NULL CHECK (status IN ('open', 'approved', 'rejected', 'expired')),
  requested_by_kind  text NOT NULL,
  requested_by_key_id uuid,
  requested_by_key_name text,
  justification      text NOT NULL,
  deadline           timestamptz NOT NULL,
  decided_by_kind    text,
  decided_by_key_id  uuid,
  decided_by_key_name text,
  decision_justification text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz
);
CREATE UNIQUE INDEX model_promotion_requests_one_open ON model_promotion_requests (model) WHERE status = 'open';
CREATE INDEX model_promotion_requests_model ON model_promotion_requests (model, created_at DESC);
