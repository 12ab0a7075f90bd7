-- Issue 11: a municipality's announcements to its households (docs/announcements.md). They are about
-- the municipality, not about a household (no household_id: not personal data of a family).
-- target_kind ALL (target_value NULL), STAGE (a JourneyStage name) or LANGUAGE (a language code).
-- expires_on: the last day it is shown (ISO date, Europe/Amsterdam). Every write takes a change_seq
-- so phones pull announcements by the (municipality_id, change_seq) index.
CREATE TABLE announcement (
    id              TEXT    NOT NULL PRIMARY KEY,
    municipality_id TEXT    NOT NULL REFERENCES municipality (id),
    target_kind     TEXT    NOT NULL,
    target_value    TEXT,
    expires_on      TEXT    NOT NULL,
    published_at    BIGINT  NOT NULL,
    published_by    TEXT    NOT NULL,
    withdrawn_at    BIGINT,
    version         BIGINT  NOT NULL,
    change_seq      BIGINT  NOT NULL
);
CREATE INDEX announcement_municipality_change ON announcement (municipality_id, change_seq);

-- One row per language; nl is the source and always present. state UP_TO_DATE or MACHINE_DRAFTED.
CREATE TABLE announcement_translation (
    announcement_id TEXT    NOT NULL REFERENCES announcement (id),
    lang            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (announcement_id, lang)
);
