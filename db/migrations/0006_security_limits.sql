-- Security limits (issue 22): Idempotency-Key scoped by API key, and CSV uploads owned by a key
-- (daily byte quota) whose stored file is released once ingested.

-- An Idempotency-Key belongs to the API key that sent it: two clients may use the same key
-- without seeing each other's answers. Rows stored before this migration have no owner (NULL);
-- they stay, still unique among themselves, and are never replayed to a keyed request.
ALTER TABLE idempotency_records ADD COLUMN api_key_id uuid;
ALTER TABLE idempotency_records DROP CONSTRAINT idempotency_records_pkey;
CREATE UNIQUE INDEX idempotency_records_owner_key ON idempotency_records (api_key_id, key) NULLS NOT DISTINCT;

-- The uploading key (NULL for uploads stored before this migration: they count against no quota).
ALTER TABLE csv_uploads ADD COLUMN api_key_id uuid;
CREATE INDEX csv_uploads_owner_created ON csv_uploads (api_key_id, created_at);
-- The file is dropped once its workflow has ingested it (or after the retention time); the row,
-- with its size, hash and line count, stays as the record of the upload.
ALTER TABLE csv_uploads ALTER COLUMN content DROP NOT NULL;
ALTER TABLE csv_uploads ADD COLUMN content_released_at timestamptz;
