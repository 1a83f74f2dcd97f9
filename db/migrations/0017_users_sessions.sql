-- People (issue #18, sign-in and roles): users with roles and an argon2id password hash, their
-- sessions and one-time sign-in links. Tokens are stored only as SHA-256 hashes: they are 32
-- random bytes, so there is nothing to brute-force, and a copy of the table signs nobody in.
CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  email         text NOT NULL,
  roles         text[] NOT NULL CHECK (roles <@ ARRAY['viewer','operator','engineer','planner','admin'] AND cardinality(roles) > 0),
  -- NULL until an invited user chooses a password (they sign in with their one-time link first).
  password_hash text,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE user_sessions (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_sessions_user ON user_sessions (user_id);

-- One-time sign-in links: the first-run admin link printed by `npm start`, and invitations.
CREATE TABLE user_sign_in_links (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose    text NOT NULL CHECK (purpose IN ('first_run', 'invite')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- A decision or order move may now be made by a signed-in user: kind 'user', the user's id and
-- email in the key columns (copied, not referenced, so the audit outlives the user row).
ALTER TABLE human_decisions
  DROP CONSTRAINT human_decisions_decided_by_kind_check,
  DROP CONSTRAINT human_decisions_identity_complete,
  ADD CONSTRAINT human_decisions_decided_by_kind_check CHECK (decided_by_kind IN ('api_key', 'system', 'user')),
  ADD CONSTRAINT human_decisions_identity_complete
    CHECK (decided_by_kind IS NULL OR decided_by_kind = 'system' OR (decided_by_key_id IS NOT NULL AND decided_by_key_name IS NOT NULL));

ALTER TABLE order_transitions
  DROP CONSTRAINT order_transitions_by_kind_check,
  DROP CONSTRAINT order_transitions_identity_complete,
  ADD CONSTRAINT order_transitions_by_kind_check CHECK (by_kind IN ('api_key', 'system', 'user')),
  ADD CONSTRAINT order_transitions_identity_complete
    CHECK (by_kind IS NULL OR by_kind = 'system' OR (by_key_id IS NOT NULL AND by_key_name IS NOT NULL));

ALTER TABLE model_stage_changes
  DROP CONSTRAINT model_stage_changes_by_kind_check,
  ADD CONSTRAINT model_stage_changes_by_kind_check CHECK (by_kind IN ('api_key', 'system', 'user'));
