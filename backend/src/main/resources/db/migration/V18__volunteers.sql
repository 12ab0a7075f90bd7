-- Volunteers of the family-friend programme (docs/volunteers.md). A volunteer is a person who applied on
-- the public page; an officer of their municipality screens them. Personal data of the volunteer, not of
-- a household: no household_id here.
CREATE TABLE volunteer (
    id              TEXT    NOT NULL PRIMARY KEY,
    municipality_id TEXT    NOT NULL REFERENCES municipality (id),
    first_name      TEXT    NOT NULL,
    last_name       TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    phone           TEXT    NOT NULL,
    -- Dutch postcode "1234AB" (no space), or NULL when not given.
    postcode        TEXT,
    hours_per_week  INTEGER NOT NULL,
    interests       TEXT    NOT NULL,
    -- Comma list of FAMILY, SINGLE_PARENT, YOUNG_PEOPLE, WOMAN, MAN; empty = no preference.
    prefers         TEXT    NOT NULL,
    -- WOMAN, MAN, OTHER or UNSAID.
    gender          TEXT    NOT NULL,
    max_households  INTEGER NOT NULL,
    -- APPLIED, INTAKE_DONE, VOG_RECEIVED, TRAINED, ACTIVE, PAUSED, STOPPED, REJECTED.
    state           TEXT    NOT NULL,
    -- ISO date of the certificate of conduct (VOG), NULL until received.
    vog_date        TEXT,
    -- The BUDDY app_user made when the volunteer first became ACTIVE.
    user_id         TEXT    REFERENCES app_user (id),
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);
CREATE INDEX volunteer_municipality_state ON volunteer (municipality_id, state);
CREATE INDEX volunteer_user ON volunteer (user_id);

-- Languages a volunteer speaks, with a level: BASIC, GOOD, FLUENT or NATIVE.
CREATE TABLE volunteer_language (
    volunteer_id    TEXT    NOT NULL REFERENCES volunteer (id),
    lang            TEXT    NOT NULL,
    level           TEXT    NOT NULL,
    PRIMARY KEY (volunteer_id, lang)
);

-- Every screening step: from which state to which, when, by whom (NULL for the application itself).
CREATE TABLE volunteer_event (
    id              TEXT    NOT NULL PRIMARY KEY,
    volunteer_id    TEXT    NOT NULL REFERENCES volunteer (id),
    from_state      TEXT,
    to_state        TEXT    NOT NULL,
    at              BIGINT  NOT NULL,
    by_user_id      TEXT,
    note            TEXT
);
CREATE INDEX volunteer_event_volunteer ON volunteer_event (volunteer_id, at);
