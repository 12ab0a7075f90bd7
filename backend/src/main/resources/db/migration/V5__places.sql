-- Welkom schema, version 5: local information, the places that matter in a municipality
-- (docs/content-format.md, "Places"). Same portability rules as V1-V4: SQLite and PostgreSQL,
-- no UPSERT, no RETURNING.

-- id = name-based UUID of (municipality slug, place slug). Address, phone and coordinates are
-- null for a place described only generically ("your GP practice").
CREATE TABLE place (
    id              TEXT    NOT NULL PRIMARY KEY,
    municipality_id TEXT    NOT NULL REFERENCES municipality (id),
    slug            TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    address         TEXT,
    postcode        TEXT,
    city            TEXT,
    phone           TEXT,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    updated_at      BIGINT  NOT NULL,
    UNIQUE (municipality_id, slug),
    CHECK ((latitude IS NULL AND longitude IS NULL) OR (latitude IS NOT NULL AND longitude IS NOT NULL))
);
CREATE INDEX place_municipality ON place (municipality_id, category, position);

-- A place's text per language: what it is for and its opening hours. Dutch is the source; other
-- languages carry their translation state (MACHINE_DRAFTED until a translator reviewed them).
CREATE TABLE place_text (
    place_id        TEXT    NOT NULL REFERENCES place (id),
    lang            TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    opening_hours   TEXT,
    state           TEXT    NOT NULL,
    PRIMARY KEY (place_id, lang)
);
