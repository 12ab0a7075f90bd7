-- Issue 12: the meetings a family friend logs with a matched household (docs/meetings.md). id is the
-- id of the MEETING_LOG mutation (or a server-made UUID for a dashboard/API log), so a meeting pushed
-- twice is stored once. met_on is an ISO date (Europe/Amsterdam); task_ids a comma-separated list of
-- the household's task ids; logged_at an instant (epoch ms). Every write takes a change_seq: the
-- friend's phone pulls its own meetings by (household_id, change_seq); prompts read (buddy_user_id, met_on).
CREATE TABLE meeting (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    buddy_user_id   TEXT    NOT NULL REFERENCES app_user (id),
    met_on          TEXT    NOT NULL,
    what            TEXT    NOT NULL,
    task_ids        TEXT    NOT NULL,
    note            TEXT,
    logged_at       BIGINT  NOT NULL,
    change_seq      BIGINT  NOT NULL
);
CREATE INDEX meeting_household_change ON meeting (household_id, change_seq);
CREATE INDEX meeting_buddy_met ON meeting (buddy_user_id, met_on);
