-- Issue 13, abuse (docs/abuse.md).
--
-- 1. Throttling counts, shared by every server instance: failures (or attempts) per key in a fixed
--    window. throttle_key is "<kind>:<keyed hash>" (login-pair, login-source, activation-source,
--    application): no username or address is stored in clear. Rows older than a day are pruned.
CREATE TABLE throttle (
    throttle_key    TEXT    NOT NULL PRIMARY KEY,
    window_start    BIGINT  NOT NULL,
    failures        INTEGER NOT NULL
);
CREATE INDEX throttle_window ON throttle (window_start);

-- 2. The audit log also records refusals (a failed login, a refused activation code) for which no
--    one is signed in: role becomes optional. SQLite cannot drop a NOT NULL constraint, so the
--    table is rebuilt the portable way (create, copy, drop, rename).
CREATE TABLE audit_event_v21 (
    id              TEXT    NOT NULL PRIMARY KEY,
    occurred_at     BIGINT  NOT NULL,
    actor_user_id   TEXT,
    actor_device_id TEXT,
    role            TEXT,
    action          TEXT    NOT NULL,
    household_id    TEXT,
    subject_id      TEXT
);
INSERT INTO audit_event_v21 (id, occurred_at, actor_user_id, actor_device_id, role, action, household_id, subject_id)
    SELECT id, occurred_at, actor_user_id, actor_device_id, role, action, household_id, subject_id FROM audit_event;
DROP TABLE audit_event;
ALTER TABLE audit_event_v21 RENAME TO audit_event;
CREATE INDEX audit_event_household ON audit_event (household_id);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at);
