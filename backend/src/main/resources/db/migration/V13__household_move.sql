-- Issue 10: a household moved to another municipality (docs/households.md, "Moving a household").
-- The household row itself changes municipality; this table keeps the trace on both sides: the old
-- municipality can see that its reference left, when, by whom and to where, and the new one where
-- the household came from. Ids and references only, no names.
CREATE TABLE household_move (
    id                      TEXT    NOT NULL PRIMARY KEY,
    household_id            TEXT    NOT NULL REFERENCES household (id),
    from_municipality_id    TEXT    NOT NULL REFERENCES municipality (id),
    to_municipality_id      TEXT    NOT NULL REFERENCES municipality (id),
    from_reference          TEXT    NOT NULL,
    to_reference            TEXT    NOT NULL,
    moved_at                BIGINT  NOT NULL,
    moved_by                TEXT    NOT NULL REFERENCES app_user (id)
);
CREATE INDEX household_move_household ON household_move (household_id);
