-- API keys belong to someone (issue #18): a user, whose role bounds the key's scopes and whose
-- identity a decision made with the key carries, or a named service account (an integration).
-- One of the two. Keys that exist already were made for integrations (API_KEYS seeds,
-- keys created through the API, an earlier bootstrap key) and become service accounts named after
-- the key. A bootstrap admin key generated from now on belongs to the admin user (usecases/apiKeyBootstrap.ts).
ALTER TABLE api_keys
  ADD COLUMN owner_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  ADD COLUMN service_account text;

UPDATE api_keys SET service_account = name WHERE owner_user_id IS NULL AND service_account IS NULL;

-- Never both. Neither is read as the service account of the key's name (db/apiKeys.ts): an API
-- process of the previous version, still running during a rolling upgrade, inserts such rows.
ALTER TABLE api_keys
  ADD CONSTRAINT api_keys_owner_not_both CHECK (owner_user_id IS NULL OR service_account IS NULL);

CREATE INDEX api_keys_owner_user ON api_keys (owner_user_id) WHERE owner_user_id IS NOT NULL;

-- Expired sessions are deleted in bounded batches by the hourly retention run; this index finds them
-- without reading the whole table.
CREATE INDEX user_sessions_expires ON user_sessions (expires_at);
