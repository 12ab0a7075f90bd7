-- Who wrote a task's note and when, as its readers may see it (docs/sync.md, "Notes and their authors"):
-- note_by_role: NEWCOMER (the family's phone), BUDDY or OFFICER; note_by_name: the display name of the
-- officer or family friend (NULL for the family: readers say "your family"); note_at: epoch ms.
-- All NULL for a note written before this version and for no note.
ALTER TABLE task ADD COLUMN note_by_role TEXT;
ALTER TABLE task ADD COLUMN note_by_name TEXT;
ALTER TABLE task ADD COLUMN note_at BIGINT;
