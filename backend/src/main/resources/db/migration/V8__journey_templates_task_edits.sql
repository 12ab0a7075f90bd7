-- Issue 10, the journey (docs/journey.md): task templates per stage and municipality, the title and
-- the assignee as editable task fields with their own versions, who wrote what a conflict is about,
-- and activation codes an officer withdraws.
--
-- Same portability rules as V1: SQLite and PostgreSQL, one column per ALTER TABLE, no UPSERT,
-- no RETURNING, application-made ids.

-- The task version at which the title (its titles in every language, one field) and the assignee
-- last changed; 0 = never since the task was made (docs/sync.md, "Merging and conflicts").
ALTER TABLE task ADD COLUMN title_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN assignee_version BIGINT NOT NULL DEFAULT 0;
-- The template a task was made from (NULL for a task made by hand or before V8) and the lesson that
-- explains it (a lesson slug from the content, NULL for none). Dashboard only; not on the wire.
ALTER TABLE task ADD COLUMN template_id TEXT;
ALTER TABLE task ADD COLUMN lesson_slug TEXT;

-- Who last changed each field of a task, and when, so that a conflict can say who wrote the value
-- it overwrote. id = '<task id>:<field>'; author_role: NEWCOMER (the family's phone), BUDDY or
-- OFFICER; author_name: the officer's or family friend's display name, NULL for the family.
CREATE TABLE task_field_author (
    id              TEXT    NOT NULL PRIMARY KEY,
    task_id         TEXT    NOT NULL REFERENCES task (id),
    household_id    TEXT    NOT NULL REFERENCES household (id),
    field           TEXT    NOT NULL,
    author_role     TEXT    NOT NULL,
    author_name     TEXT,
    changed_at      BIGINT  NOT NULL
);
CREATE INDEX task_field_author_household ON task_field_author (household_id);

-- A conflict says who made the edit that won (actor_*) and who wrote the value it overwrote, and
-- when (other_*; NULL when unknown: a value written before V8 or when the task was made).
ALTER TABLE conflict ADD COLUMN actor_role TEXT;
ALTER TABLE conflict ADD COLUMN actor_name TEXT;
ALTER TABLE conflict ADD COLUMN other_role TEXT;
ALTER TABLE conflict ADD COLUMN other_name TEXT;
ALTER TABLE conflict ADD COLUMN other_at BIGINT;

-- Task templates: the national defaults (resources/journey/templates.yaml) copied into a
-- municipality on its first use, then edited there. source_key names the national default a row came
-- from (NULL for a template the municipality made itself). due_offset_days counts from the day the
-- template is applied or, for the stages from ARRIVAL on, from the household's arrival date when known.
-- Templates hold no household data.
CREATE TABLE task_template (
    id              TEXT    NOT NULL PRIMARY KEY,
    municipality_id TEXT    NOT NULL REFERENCES municipality (id),
    source_key      TEXT,
    stage           TEXT    NOT NULL,
    assignee        TEXT    NOT NULL,
    due_offset_days INTEGER NOT NULL,
    lesson_slug     TEXT,
    sort_order      INTEGER NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    UNIQUE (municipality_id, source_key)
);
CREATE INDEX task_template_municipality ON task_template (municipality_id, stage);

-- A template's title per language. state: UP_TO_DATE (Dutch, or written or checked by a person),
-- MACHINE_DRAFTED, or OUTDATED (the Dutch title changed after it; not copied onto new tasks).
CREATE TABLE task_template_title (
    id              TEXT    NOT NULL PRIMARY KEY,
    template_id     TEXT    NOT NULL REFERENCES task_template (id),
    lang            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    UNIQUE (template_id, lang)
);

-- The municipalities whose templates were copied from the national defaults (once each).
CREATE TABLE task_template_seed (
    municipality_id TEXT    NOT NULL PRIMARY KEY REFERENCES municipality (id),
    seeded_at       BIGINT  NOT NULL
);

-- An officer withdraws an unused code (a printout went missing): it can no longer activate a phone.
ALTER TABLE activation_code ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE activation_code ADD COLUMN withdrawn_by TEXT REFERENCES app_user (id);
CREATE INDEX activation_code_household ON activation_code (household_id);
