-- Issue 10: housing, the half-yearly quota (taakstelling) and group settlement (docs/housing.md).
-- Officer-only data: none of it travels to a buddy or a phone.

-- A municipality's taakstelling for one period (normally a half-year): how many persons it must house.
-- starts_on/ends_on are ISO dates, both inclusive; periods of one municipality do not overlap
-- (checked by the application).
CREATE TABLE quota_period (
    id              TEXT    NOT NULL PRIMARY KEY,
    municipality_id TEXT    NOT NULL REFERENCES municipality (id),
    label           TEXT    NOT NULL,
    starts_on       TEXT    NOT NULL,
    ends_on         TEXT    NOT NULL,
    target_persons  INTEGER NOT NULL CHECK (target_persons > 0),
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    UNIQUE (municipality_id, label)
);

-- A household counted towards a period. A household counts towards one period at most.
CREATE TABLE quota_link (
    id              TEXT    NOT NULL PRIMARY KEY,
    period_id       TEXT    NOT NULL REFERENCES quota_period (id),
    household_id    TEXT    NOT NULL UNIQUE REFERENCES household (id),
    linked_at       BIGINT  NOT NULL,
    linked_by       TEXT    NOT NULL
);
CREATE INDEX quota_link_period ON quota_link (period_id);

-- A house offered to a household. status: OFFERED, ACCEPTED, DECLINED, WITHDRAWN. decline_reason
-- (TOO_SMALL, NOT_ACCESSIBLE, TOO_FAR, CONDITION, HOUSED_ELSEWHERE, OTHER) only with DECLINED.
-- Dates are ISO dates; move_in_on is when the household moves (or moved) in.
CREATE TABLE housing_offer (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    street          TEXT    NOT NULL,
    house_number    TEXT    NOT NULL,
    postcode        TEXT    NOT NULL,
    city            TEXT    NOT NULL,
    offered_on      TEXT    NOT NULL,
    rooms           INTEGER,
    status          TEXT    NOT NULL,
    decline_reason  TEXT,
    note            TEXT,
    move_in_on      TEXT,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    updated_by      TEXT    NOT NULL
);
CREATE INDEX housing_offer_household ON housing_offer (household_id);
-- At most one accepted offer per household (SQLite and PostgreSQL both know partial indexes).
CREATE UNIQUE INDEX housing_offer_one_accepted ON housing_offer (household_id) WHERE status = 'ACCEPTED';

-- Group settlement compares nationality and camp within a municipality.
CREATE INDEX household_municipality_nationality ON household (municipality_id, nationality);
