-- Issue 11: appointments of a household (docs/appointments.md). Times are instants (epoch ms);
-- member_ids is a comma-separated list of member ids (empty = the whole household). Every write
-- takes a change_seq (like task) so phones pull appointments by the (household_id, change_seq) index.
CREATE TABLE appointment (
    id                   TEXT    NOT NULL PRIMARY KEY,
    household_id         TEXT    NOT NULL REFERENCES household (id),
    member_ids           TEXT    NOT NULL,
    type                 TEXT    NOT NULL,
    purpose              TEXT    NOT NULL,
    starts_at            BIGINT  NOT NULL,
    ends_at              BIGINT  NOT NULL,
    place_id             TEXT,
    address              TEXT,
    by_phone             BOOLEAN NOT NULL,
    bring                TEXT,
    interpreter_language TEXT,
    with_user_id         TEXT,
    with_name            TEXT,
    status               TEXT    NOT NULL,
    answer               TEXT    NOT NULL,
    answer_note          TEXT,
    answered_at          BIGINT,
    sequence             INTEGER NOT NULL,
    version              BIGINT  NOT NULL,
    change_seq           BIGINT  NOT NULL,
    created_at           BIGINT  NOT NULL,
    created_by           TEXT    NOT NULL,
    updated_at           BIGINT  NOT NULL
);
CREATE INDEX appointment_household_change ON appointment (household_id, change_seq);
CREATE INDEX appointment_change ON appointment (change_seq);

-- A staff member's calendar feed: the secret token only as its HMAC (auth/SecretHasher).
CREATE TABLE calendar_feed (
    user_id     TEXT    NOT NULL PRIMARY KEY REFERENCES app_user (id),
    token_hash  TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX calendar_feed_token ON calendar_feed (token_hash);
