-- Matching (docs/matching.md). Why a match ended: a code (FAMILY_SETTLED, VOLUNTEER_STOPPED, NO_CONTACT,
-- MISMATCH, MOVED, OTHER) and an optional note of at most 500 characters; NULL for matches ended before V19.
ALTER TABLE buddy_match ADD COLUMN end_reason TEXT;
ALTER TABLE buddy_match ADD COLUMN end_note TEXT;

-- The officer-set wish of a household for its family friend: WOMAN or MAN (no row = no preference).
CREATE TABLE household_buddy_preference (
    household_id    TEXT    NOT NULL PRIMARY KEY REFERENCES household (id),
    prefers         TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL
);

-- The current load of every volunteer in one query: active matches by buddy.
CREATE INDEX buddy_match_buddy_active ON buddy_match (buddy_user_id, ended_at);
