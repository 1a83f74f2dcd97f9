-- Tenants (issue #18): every business row carries one, and PostgreSQL row-level security enforces
-- it, so a query that forgets a WHERE still cannot read or write another tenant's rows.
--
-- How it is enforced: the API's tenant connections log in as the owner but run as the role sm_app
-- (a startup parameter, db/tenantSql.ts), with app.tenant_id set for the connection's whole life.
-- sm_app is neither a superuser nor the tables' owner, so the policies below apply to it. Superusers
-- (tests and dev connect as `postgres`) bypass RLS whatever FORCE says, which is why sm_app exists.
--
-- Not FORCEd, on purpose: the owner's connection is the platform's (migrations, bootstrap, retention,
-- and for now the workers and connectors, which do not run as a tenant yet). Forced, a deployment
-- whose owner is not a superuser would see no rows on those connections and stop working.
--
-- Existing rows become the tenant 'default'. A row inserted without a tenant gets the connection's
-- tenant (app.tenant_id), or 'default' on a connection with none (the owner's): code written
-- before tenants keeps working on 'default'.
CREATE TABLE tenants (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name       text NOT NULL CHECK (name <> ''),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO tenants (id, name) VALUES ('default', 'Default');

-- Roles are cluster-wide and several databases (test projects, helpers) share one cluster: create
-- it once, tolerating a concurrent creator. NOLOGIN: it is only ever reached through SET ROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sm_app') THEN
    CREATE ROLE sm_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The login role must be able to become sm_app. A superuser already can; a non-superuser owner
-- needs membership, which only a role with the right to grant it can give: say so, do not fail.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT sm_app TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege OR duplicate_object THEN
  RAISE WARNING 'cannot grant sm_app to %: grant it as an administrator, or the API cannot connect', current_user;
END $$;

-- The built-in asset types are a catalog every tenant reads; a tenant's own types are its own.
ALTER TABLE asset_types ADD COLUMN builtin boolean NOT NULL DEFAULT false;
UPDATE asset_types SET builtin = true WHERE id IN ('milling_machine', 'turbofan');

DO $$
DECLARE
  t text;
  business text[] := ARRAY[
    'users', 'api_keys', 'sites',
    'sensors', 'sensor_readings', 'reading_aggregates', 'sensor_detector_state', 'idempotency_records',
    'csv_uploads', 'events', 'anomalies', 'drift_checks', 'predictions', 'knowledge', 'reports',
    'technicians', 'maintenance_orders', 'order_transitions', 'technician_bookings',
    'human_decisions', 'decision_requests', 'notifications',
    'alarms', 'alarm_events',
    'asset_types', 'assets', 'asset_sensors', 'asset_episodes', 'asset_health',
    'connectors', 'connector_status', 'connector_sensor_state', 'connector_committed_packets',
    'legal_holds', 'governance_audit'];
BEGIN
  FOREACH t IN ARRAY business LOOP
    -- ADD COLUMN with a volatile default would evaluate it per existing row (and rewrite the
    -- table): add it as 'default' first, then switch the default to the connection's tenant.
    EXECUTE format('ALTER TABLE %I ADD COLUMN tenant_id text NOT NULL DEFAULT %L REFERENCES tenants (id)', t, 'default');
    EXECUTE format($f$ALTER TABLE %I ALTER COLUMN tenant_id SET DEFAULT coalesce(nullif(current_setting('app.tenant_id', true), ''), 'default')$f$, t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    IF t <> 'asset_types' THEN
      EXECUTE format($f$CREATE POLICY tenant_isolation ON %I
        USING (tenant_id = current_setting('app.tenant_id', true))
        WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$f$, t);
    END IF;
  END LOOP;
END $$;

-- asset_types: the built-in catalog is readable by all, writable by none of them.
CREATE POLICY tenant_read ON asset_types FOR SELECT
  USING (builtin OR tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_insert ON asset_types FOR INSERT
  WITH CHECK (NOT builtin AND tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_update ON asset_types FOR UPDATE
  USING (NOT builtin AND tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (NOT builtin AND tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_delete ON asset_types FOR DELETE
  USING (NOT builtin AND tenant_id = current_setting('app.tenant_id', true));

-- Platform-wide tables stay without a tenant: the tenant list, sessions and sign-in links (found by
-- a secret token hash before anyone is known; they point at a user, who has a tenant), the model
-- lifecycle (the models are shared artifacts) and the retention policies. Every tenant reads the
-- last two; only the operator's tenant, 'default', changes them: a tenant's admin must not shorten
-- the retention of another tenant's data nor promote the model that serves everyone.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['retention_policies', 'model_stage_changes', 'model_promotion_requests'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY platform_read ON %I FOR SELECT USING (true)', t);
    EXECUTE format($f$CREATE POLICY operator_insert ON %I FOR INSERT
      WITH CHECK (current_setting('app.tenant_id', true) = 'default')$f$, t);
    EXECUTE format($f$CREATE POLICY operator_update ON %I FOR UPDATE
      USING (current_setting('app.tenant_id', true) = 'default') WITH CHECK (current_setting('app.tenant_id', true) = 'default')$f$, t);
    EXECUTE format($f$CREATE POLICY operator_delete ON %I FOR DELETE
      USING (current_setting('app.tenant_id', true) = 'default')$f$, t);
  END LOOP;
END $$;

GRANT USAGE ON SCHEMA public TO sm_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sm_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO sm_app;
-- A tenant's connection reads the tenant list but never changes it, nor the migration ledger.
REVOKE INSERT, UPDATE, DELETE ON tenants, schema_migrations FROM sm_app;
-- Tables later migrations create are reachable too (their migration adds the tenant and policy).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sm_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO sm_app;

-- Most reads filter by tenant implicitly now; the tenant leads no index yet because every table
-- still has one tenant's worth of ids in its natural keys (composite keys come with identical ids).
