package nl.welkom.content;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes every translation row without a revision its published revision 1: the same statements
 * as migration V3, run again after the content loader imports the bundled YAML into an empty
 * database (the migration ran before there was content). Idempotent.
 */
final class RevisionBackfill {
    private static final String REVISIONS = """
            INSERT INTO lesson_revision (id, lesson_id, lang, number, title, summary, status, machine_drafted, minor_edit,
                                         source_revision_id, author_id, created_at)
            SELECT 'rev1:' || lt.id, lt.lesson_id, lt.lang, 1, lt.title, lt.summary, 'PUBLISHED',
                   CASE WHEN lt.state = 'MACHINE_DRAFTED' THEN TRUE ELSE FALSE END, FALSE,
                   CASE WHEN lt.lang = 'nl' THEN NULL
                        ELSE (SELECT 'rev1:' || src.id FROM lesson_translation src
                              WHERE src.lesson_id = lt.lesson_id AND src.lang = 'nl')
                   END,
                   NULL, 0
            FROM lesson_translation lt
            WHERE NOT EXISTS (SELECT 1 FROM lesson_revision r WHERE r.lesson_id = lt.lesson_id AND r.lang = lt.lang)""";
    private static final String SECTIONS = """
            INSERT INTO lesson_revision_section (revision_id, section_id, heading, body)
            SELECT 'rev1:' || lt.id, st.section_id, st.heading, st.body
            FROM section_translation st
            JOIN section s ON s.id = st.section_id
            JOIN lesson_translation lt ON lt.lesson_id = s.lesson_id AND lt.lang = st.lang
            WHERE EXISTS (SELECT 1 FROM lesson_revision r WHERE r.id = 'rev1:' || lt.id)
              AND NOT EXISTS (SELECT 1 FROM lesson_revision_section x
                              WHERE x.revision_id = 'rev1:' || lt.id AND x.section_id = st.section_id)""";

    private RevisionBackfill() {
    }

    static void run(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(REVISIONS);
            statement.executeUpdate(SECTIONS);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create revision 1 of the imported content", e);
        }
    }
}
