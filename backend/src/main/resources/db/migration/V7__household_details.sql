-- Issue 10: what an officer records about a household and its members (docs/households.md).
-- Officer-only: none of these columns travels to a buddy or a phone (HouseholdReader, BuddyView).

-- DOSSIER (selected from a UNHCR dossier) or SELECTION_MISSION (interviewed on a Dutch mission).
ALTER TABLE household ADD COLUMN selection_route TEXT;
-- ISO dates (2026-12-04): when the household is expected, and when it actually arrived in the Netherlands.
ALTER TABLE household ADD COLUMN expected_arrival TEXT;
ALTER TABLE household ADD COLUMN arrived_on TEXT;
-- Where the household stays first (the COA location for RECEPTION_CENTRE), free text.
ALTER TABLE household ADD COLUMN reception_location TEXT;

-- A member's date of birth when known (ISO date); birth_year stays for when only the year is known.
ALTER TABLE member ADD COLUMN birth_date TEXT;
-- A member's nationality when it differs from the household's (ISO 3166 alpha-2).
ALTER TABLE member ADD COLUMN nationality TEXT;

-- Special needs (medical, trauma, disability, unaccompanied minor, single parent, ...): officers only.
-- member_id is null when the need concerns the household as a whole.
CREATE TABLE special_need (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    member_id       TEXT    REFERENCES member (id),
    kind            TEXT    NOT NULL,
    note            TEXT,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL
);
CREATE INDEX special_need_household ON special_need (household_id);

-- The caseload filters by these (docs/performance.md, caseload benchmark).
CREATE INDEX household_municipality_stage ON household (municipality_id, stage);
CREATE INDEX household_municipality_arrived ON household (municipality_id, arrived_on);
