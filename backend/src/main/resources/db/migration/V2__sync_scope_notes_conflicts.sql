-- Welkom schema, version 2: sync for every phone role (docs/sync.md).
--
-- Same portability rules as V1: SQLite and PostgreSQL, one column per ALTER TABLE, no UPSERT,
-- no RETURNING, partial indexes only with plain column predicates (both databases have them).

-- Per-field versions (docs/sync.md, "Merging and conflicts"): the task version at which the field
-- last changed. 0 = never changed since the task was made, so any edit's baseVersion covers it.
-- note: the household's own note on a task, at most 500 characters, NULL when there is none.
ALTER TABLE task ADD COLUMN note TEXT;
ALTER TABLE task ADD COLUMN note_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN due_version BIGINT NOT NULL DEFAULT 0;

-- Every change of a caller's scope is itself a change with its own seq (taken from
-- change_sequence in the writing transaction), so it travels in the pull like any other change:
-- a buddy match started (entered = TRUE) or ended (entered = FALSE). Exactly one subject is set:
-- a person (a buddy's app_user) or a household's phone (device; for a household that is erased
-- or moved). Pull reads the subject's rows after its cursor: (subject, seq) indexes.
CREATE TABLE scope_change (
    seq               BIGINT  NOT NULL PRIMARY KEY,
    subject_user_id   TEXT    REFERENCES app_user (id),
    subject_device_id TEXT    REFERENCES device (id),
    household_id      TEXT    NOT NULL REFERENCES household (id),
    entered           BOOLEAN NOT NULL,
    created_at        BIGINT  NOT NULL,
    CHECK ((subject_user_id IS NULL) <> (subject_device_id IS NULL))
);
CREATE INDEX scope_change_user_seq ON scope_change (subject_user_id, seq);
CREATE INDEX scope_change_device_seq ON scope_change (subject_device_id, seq);

-- At most one active match per buddy and household, also under concurrent officers.
CREATE UNIQUE INDEX buddy_match_active ON buddy_match (buddy_user_id, household_id) WHERE ended_at IS NULL;

-- Buddies push too, and they have no device: applied_mutation gets an actor that is a device or a
-- person, and keeps the detail of a refusal so that a retry hears the same reason. SQLite cannot
-- drop a NOT NULL constraint, so the table is rebuilt (it has no dependants).
CREATE TABLE applied_mutation_v2 (
    mutation_id     TEXT    NOT NULL PRIMARY KEY,
    device_id       TEXT    REFERENCES device (id),
    user_id         TEXT    REFERENCES app_user (id),
    outcome         TEXT    NOT NULL,
    detail          TEXT,
    applied_at      BIGINT  NOT NULL,
    CHECK ((user_id IS NULL) <> (device_id IS NULL))
);
INSERT INTO applied_mutation_v2 (mutation_id, device_id, outcome, applied_at)
    SELECT mutation_id, device_id, outcome, applied_at FROM applied_mutation;
DROP TABLE applied_mutation;
ALTER TABLE applied_mutation_v2 RENAME TO applied_mutation;

-- A conflict is now per field. From V2 on, server_value is the value the edit overwrote (the
-- "other" value of ConflictRecord) and client_value the value it wrote (the "current" one), both
-- as text ('' for no value: a cleared note or due date). V1 wrote only status conflicts, as small
-- JSON objects: they become plain values. resolution (KEEP_CURRENT, RESTORE_OTHER) and
-- resolved_by (the officer) are set together with resolved_at.
ALTER TABLE conflict ADD COLUMN field TEXT NOT NULL DEFAULT 'status';
ALTER TABLE conflict ADD COLUMN resolution TEXT;
ALTER TABLE conflict ADD COLUMN resolved_by TEXT REFERENCES app_user (id);
UPDATE conflict
   SET server_value = CASE WHEN server_value LIKE '%"OPEN"%' THEN 'OPEN' ELSE 'DONE' END,
       client_value = CASE WHEN client_value LIKE '%"OPEN"%' THEN 'OPEN' ELSE 'DONE' END
 WHERE server_value LIKE '{%';

-- Revoking a lost phone revokes every token of its device at once.
CREATE INDEX auth_token_device ON auth_token (device_id);
