-- Welkom schema, version 4: pre-departure course progress per household member (docs/sync.md,
-- COURSE_ANSWER and COURSE_LESSON_DONE). The course itself is bundled YAML read on start, not
-- stored here. Same portability rules as V1/V2: SQLite and PostgreSQL, no UPSERT, no RETURNING.

-- Every answer a member gave, once per pushed mutation id (the mutation id is the primary key, so
-- a retried push cannot record it twice). correct is decided by the server from the course.
CREATE TABLE course_answer (
    mutation_id     TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    member_id       TEXT    NOT NULL REFERENCES member (id),
    course_slug     TEXT    NOT NULL,
    question_slug   TEXT    NOT NULL,
    option_index    INTEGER NOT NULL,
    correct         BOOLEAN NOT NULL,
    answered_at     BIGINT  NOT NULL
);
CREATE INDEX course_answer_household ON course_answer (household_id, member_id);

-- A lesson a member marked done; id = name-based UUID of (member, course, lesson): once per lesson.
CREATE TABLE course_lesson_done (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    member_id       TEXT    NOT NULL REFERENCES member (id),
    course_slug     TEXT    NOT NULL,
    lesson_id       TEXT    NOT NULL,
    done_at         BIGINT  NOT NULL
);
CREATE INDEX course_lesson_done_household ON course_lesson_done (household_id, member_id);

-- The moment a member first met the completion rule; id = the certificate id (member, course).
CREATE TABLE course_completion (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    member_id       TEXT    NOT NULL REFERENCES member (id),
    course_slug     TEXT    NOT NULL,
    completed_at    BIGINT  NOT NULL
);
CREATE INDEX course_completion_household ON course_completion (household_id);
