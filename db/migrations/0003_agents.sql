-- Agents: what the notification, learning and decision-audit agents need beyond 0002.

-- The learning agent compares only vectors built from the same feature names; the space is the
-- sorted feature names joined by commas, so "same space" is an indexed equality.
ALTER TABLE knowledge ADD COLUMN feature_space text NOT NULL DEFAULT '';
CREATE INDEX knowledge_space ON knowledge (feature_space, created_at DESC);

-- A decision is corrected at most once: corrections form a chain, never a fork, even when two
-- operators correct the same row at the same instant.
CREATE UNIQUE INDEX human_decisions_one_correction ON human_decisions (supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX human_decisions_operator ON human_decisions (operator_id, created_at DESC);
CREATE INDEX human_decisions_correlation ON human_decisions (correlation_id, created_at DESC);

-- The dedup window looks up "sent on this channel for this key"; reports filter by time.
CREATE INDEX notifications_dedup_channel ON notifications (dedup_key, channel, created_at DESC) WHERE status = 'sent';
CREATE INDEX notifications_created ON notifications (created_at DESC);
CREATE INDEX reports_created ON reports (created_at DESC);
CREATE INDEX anomalies_ts ON anomalies (ts DESC);
