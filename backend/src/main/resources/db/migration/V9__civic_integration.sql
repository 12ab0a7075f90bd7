-- Issue 10: civic integration under the Wet inburgering 2021 (docs/integration.md).
-- Officers only: nothing here travels to a buddy or a phone. Every table names its household, so
-- export and erasure reach it. Dates are ISO TEXT (2026-12-04), instants epoch millis (*_at),
-- enums TEXT by name; *_by columns hold app_user ids.

-- Which members the officer marked as inburgeringsplichtig; a member without a row is not marked.
CREATE TABLE integration_obligation (
    member_id       TEXT    NOT NULL PRIMARY KEY REFERENCES member (id),
    household_id    TEXT    NOT NULL REFERENCES household (id),
    obliged         BOOLEAN NOT NULL,
    changed_at      BIGINT  NOT NULL,
    changed_by      TEXT    NOT NULL
);
CREATE INDEX integration_obligation_household ON integration_obligation (household_id);

-- The broad intake (brede intake), one per member. summary is free text for officers only.
-- education: NONE, PRIMARY, SECONDARY, VOCATIONAL, HIGHER or UNKNOWN.
-- health_affects_learning, needs_literacy: TRUE, FALSE, or NULL when not known.
CREATE TABLE integration_intake (
    id                      TEXT    NOT NULL PRIMARY KEY,
    household_id            TEXT    NOT NULL REFERENCES household (id),
    member_id               TEXT    NOT NULL UNIQUE REFERENCES member (id),
    held_on                 TEXT    NOT NULL,
    conducted_by            TEXT    NOT NULL REFERENCES app_user (id),
    summary                 TEXT    NOT NULL,
    education               TEXT    NOT NULL,
    work_experience         TEXT,
    health_affects_learning BOOLEAN,
    needs_literacy          BOOLEAN,
    created_at              BIGINT  NOT NULL,
    created_by              TEXT    NOT NULL,
    updated_at              BIGINT  NOT NULL,
    updated_by              TEXT    NOT NULL
);
CREATE INDEX integration_intake_household ON integration_intake (household_id);

-- The personal plan for integration and participation (PIP), one per member.
-- route: B1, ONDERWIJS or Z. established_on: the PIP's date (dagtekening) or NULL while it is a
-- draft; the three-year term starts the next day. version counts edits (optimistic locking).
CREATE TABLE integration_plan (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    member_id       TEXT    NOT NULL UNIQUE REFERENCES member (id),
    route           TEXT    NOT NULL,
    established_on  TEXT,
    language_school TEXT,
    version         BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    updated_by      TEXT    NOT NULL
);
CREATE INDEX integration_plan_household ON integration_plan (household_id);

-- The plan's components: LANGUAGE, KNM, MAP, PVT; status NOT_STARTED, IN_PROGRESS, DONE or
-- NOT_APPLICABLE (MAP in the onderwijsroute; KNM outside the B1-route).
CREATE TABLE integration_plan_component (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    plan_id         TEXT    NOT NULL REFERENCES integration_plan (id),
    component       TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    started_on      TEXT,
    completed_on    TEXT,
    UNIQUE (plan_id, component)
);
CREATE INDEX integration_plan_component_household ON integration_plan_component (household_id);

-- Extensions of the term (DUO decides them; the municipality records them). Append-only.
CREATE TABLE integration_plan_extension (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    plan_id         TEXT    NOT NULL REFERENCES integration_plan (id),
    months          INTEGER NOT NULL,
    decided_on      TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL
);
CREATE INDEX integration_plan_extension_plan ON integration_plan_extension (plan_id);
CREATE INDEX integration_plan_extension_household ON integration_plan_extension (household_id);

-- Every change to a plan, one row per field (docs/integration.md, "History"). Append-only: rows
-- are inserted in the transaction that changes the plan and never updated or deleted.
-- change_id groups the rows of one edit; ordinal orders them within it.
CREATE TABLE integration_plan_change (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    plan_id         TEXT    NOT NULL REFERENCES integration_plan (id),
    change_id       TEXT    NOT NULL,
    ordinal         INTEGER NOT NULL,
    changed_at      BIGINT  NOT NULL,
    changed_by      TEXT    NOT NULL,
    field           TEXT    NOT NULL,
    old_value       TEXT,
    new_value       TEXT
);
CREATE INDEX integration_plan_change_plan ON integration_plan_change (plan_id, changed_at);
CREATE INDEX integration_plan_change_household ON integration_plan_change (household_id);

-- Progress meetings (voortgangsgesprekken) with a member: when, with which officer, what was said,
-- and when the next one is planned.
CREATE TABLE integration_meeting (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    member_id       TEXT    NOT NULL REFERENCES member (id),
    held_on         TEXT    NOT NULL,
    conducted_by    TEXT    NOT NULL REFERENCES app_user (id),
    summary         TEXT    NOT NULL,
    next_meeting_on TEXT,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    updated_by      TEXT    NOT NULL
);
CREATE INDEX integration_meeting_member ON integration_meeting (member_id, held_on);
CREATE INDEX integration_meeting_household ON integration_meeting (household_id);
