-- Issue 11: a household's conversation with its officers and its family friend (docs/messages.md).
-- author is HOUSEHOLD, OFFICER or BUDDY; sent_at and read_at are instants (epoch ms); read_at is set
-- once, by the other side. Every write takes a change_seq so phones pull messages by the
-- (household_id, change_seq) index, like appointments.
CREATE TABLE message (
    id                TEXT    NOT NULL PRIMARY KEY,
    household_id      TEXT    NOT NULL REFERENCES household (id),
    author            TEXT    NOT NULL,
    author_user_id    TEXT,
    author_device_id  TEXT,
    author_name       TEXT,
    text              TEXT    NOT NULL,
    lesson_id         TEXT,
    sent_at           BIGINT  NOT NULL,
    read_at           BIGINT,
    version           BIGINT  NOT NULL,
    change_seq        BIGINT  NOT NULL
);
CREATE INDEX message_household_change ON message (household_id, change_seq);
CREATE INDEX message_change ON message (change_seq);
CREATE INDEX message_household_sent ON message (household_id, sent_at);

-- The newcomers' questions (V3) become the first messages of their households' conversations.
INSERT INTO message (id, household_id, author, author_user_id, author_device_id, author_name, text, lesson_id,
                     sent_at, read_at, version, change_seq)
SELECT id, household_id, 'HOUSEHOLD', NULL, device_id, NULL, text, lesson_id, created_at, NULL, 1, 0
FROM question;

DROP TABLE question;
