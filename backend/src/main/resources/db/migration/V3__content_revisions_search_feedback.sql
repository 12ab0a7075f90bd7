-- Welkom schema, version 3: per-language, append-only lesson revisions (the Integreat model),
-- failed searches, lesson feedback and newcomers' questions. Same portability rules as V1.
--
-- A lesson revision is the whole text of one lesson in one language (title, summary and its
-- sections' headings and bodies in lesson_revision_section). Its text, author and flags never
-- change once written; only its status moves forward DRAFT -> IN_REVIEW -> PUBLISHED, with who
-- and when. Readers get the highest-numbered PUBLISHED revision per lesson and language, projected
-- into lesson_translation / section_translation (with its translation state) by the publisher's
-- transaction, so content packs read what they always read.
-- source_revision_id: for a translation, the Dutch revision it was translated from; NULL for Dutch.
-- minor_edit: only for Dutch; a minor source edit does not make translations outdated.
-- author_id, created_at = NULL, 0: text imported from the bundled YAML before revisions existed.
CREATE TABLE lesson_revision (
    id                  TEXT    NOT NULL PRIMARY KEY,
    lesson_id           TEXT    NOT NULL REFERENCES lesson (id),
    lang                TEXT    NOT NULL REFERENCES language (code),
    number              INTEGER NOT NULL,
    title               TEXT    NOT NULL,
    summary             TEXT,
    status              TEXT    NOT NULL,
    machine_drafted     BOOLEAN NOT NULL,
    minor_edit          BOOLEAN NOT NULL,
    source_revision_id  TEXT,
    author_id           TEXT    REFERENCES app_user (id),
    created_at          BIGINT  NOT NULL,
    submitted_by        TEXT    REFERENCES app_user (id),
    submitted_at        BIGINT,
    published_by        TEXT    REFERENCES app_user (id),
    published_at        BIGINT,
    UNIQUE (lesson_id, lang, number)
);

CREATE TABLE lesson_revision_section (
    revision_id         TEXT    NOT NULL REFERENCES lesson_revision (id),
    section_id          TEXT    NOT NULL REFERENCES section (id),
    heading             TEXT,
    body                TEXT    NOT NULL,
    PRIMARY KEY (revision_id, section_id)
);

-- The translation rows that exist become revision 1, published. Run again by the content loader
-- after it imports the bundled YAML into an empty database (same statements, idempotent).
INSERT INTO lesson_revision (id, lesson_id, lang, number, title, summary, status, machine_drafted, minor_edit,
                             source_revision_id, author_id, created_at)
SELECT 'rev1:' || lt.id, lt.lesson_id, lt.lang, 1, lt.title, lt.summary, 'PUBLISHED',
       CASE WHEN lt.state = 'MACHINE_DRAFTED' THEN TRUE ELSE FALSE END, FALSE,
       CASE WHEN lt.lang = 'nl' THEN NULL
            ELSE (SELECT 'rev1:' || src.id FROM lesson_translation src WHERE src.lesson_id = lt.lesson_id AND src.lang = 'nl')
       END,
       NULL, 0
FROM lesson_translation lt
WHERE NOT EXISTS (SELECT 1 FROM lesson_revision r WHERE r.lesson_id = lt.lesson_id AND r.lang = lt.lang);

INSERT INTO lesson_revision_section (revision_id, section_id, heading, body)
SELECT 'rev1:' || lt.id, st.section_id, st.heading, st.body
FROM section_translation st
JOIN section s ON s.id = st.section_id
JOIN lesson_translation lt ON lt.lesson_id = s.lesson_id AND lt.lang = st.lang
WHERE EXISTS (SELECT 1 FROM lesson_revision r WHERE r.id = 'rev1:' || lt.id)
  AND NOT EXISTS (SELECT 1 FROM lesson_revision_section x WHERE x.revision_id = 'rev1:' || lt.id AND x.section_id = st.section_id);

-- A search that found nothing: normalized query text, the reader's first language and, when the
-- caller is known, its municipality. Never a user or device id.
CREATE TABLE failed_search (
    id              TEXT    NOT NULL PRIMARY KEY,
    query           TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    municipality_id TEXT    REFERENCES municipality (id),
    created_at      BIGINT  NOT NULL
);
CREATE INDEX failed_search_query ON failed_search (query);

-- "Was this helpful?": one vote per device and lesson, changeable.
CREATE TABLE lesson_feedback (
    device_id       TEXT    NOT NULL REFERENCES device (id),
    lesson_id       TEXT    NOT NULL REFERENCES lesson (id),
    helpful         BOOLEAN NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (device_id, lesson_id)
);
CREATE INDEX lesson_feedback_lesson ON lesson_feedback (lesson_id);

-- A newcomer's free-text question, routed to the household's active buddy when matched
-- (buddy_user_id set), else to the municipality's officers (buddy_user_id NULL).
CREATE TABLE question (
    id              TEXT    NOT NULL PRIMARY KEY,
    household_id    TEXT    NOT NULL REFERENCES household (id),
    device_id       TEXT    NOT NULL REFERENCES device (id),
    lesson_id       TEXT    REFERENCES lesson (id),
    text            TEXT    NOT NULL,
    buddy_user_id   TEXT    REFERENCES app_user (id),
    created_at      BIGINT  NOT NULL
);
CREATE INDEX question_household ON question (household_id);
CREATE INDEX question_buddy ON question (buddy_user_id);
