-- Issue 10, "Staff": an administrator manages municipalities and staff accounts (docs/admin.md).

-- A deactivated account cannot sign in and its tokens are revoked when it is deactivated; its rows
-- (buddy matches, notes, audit events) stay. The CHECK on role and municipality_id is unchanged.
ALTER TABLE app_user ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE app_user ADD COLUMN deactivated_at BIGINT;

-- One-time sign-in codes for a new account's first password and for a password reset.
-- code_hash: HMAC-SHA-256 (server secret) of the normalised code; the code itself is never stored.
-- A code is spent (used_at) when a password is set with it, and withdrawn (withdrawn_at) when a newer
-- code replaces it or the account is deactivated.
CREATE TABLE password_code (
    id              TEXT    NOT NULL PRIMARY KEY,
    code_hash       TEXT    NOT NULL UNIQUE,
    user_id         TEXT    NOT NULL REFERENCES app_user (id),
    created_by      TEXT    NOT NULL REFERENCES app_user (id),
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    used_at         BIGINT,
    withdrawn_at    BIGINT
);
CREATE INDEX password_code_user ON password_code (user_id);

-- Deactivating an account revokes all of its tokens at once.
CREATE INDEX auth_token_user ON auth_token (user_id);

-- The account or municipality an administrator's action concerns (ids only, like the rest of the trail).
ALTER TABLE audit_event ADD COLUMN subject_id TEXT;
