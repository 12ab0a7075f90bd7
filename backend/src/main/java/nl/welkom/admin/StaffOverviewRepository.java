package nl.welkom.admin;

import java.util.List;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.welkom.auth.Municipality;

/**
 * What the administration pages count. Counts only: an administrator sees how many households a
 * municipality has, never which (HouseholdScope keeps admins out of household data).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface StaffOverviewRepository extends GenericRepository<Municipality, String> {

    /** Every municipality, by name, with its households and its active staff counted per role. */
    @Query("SELECT m.id AS id, m.slug AS slug, m.name AS name, m.created_at AS created_at,"
            + " (SELECT COUNT(*) FROM household h WHERE h.municipality_id = m.id) AS households,"
            + " (SELECT COUNT(*) FROM app_user u WHERE u.municipality_id = m.id AND u.role = 'OFFICER'"
            + " AND u.active = TRUE) AS officers,"
            + " (SELECT COUNT(*) FROM app_user u WHERE u.municipality_id = m.id AND u.role = 'EDITOR'"
            + " AND u.active = TRUE) AS editors,"
            + " (SELECT COUNT(*) FROM app_user u WHERE u.municipality_id = m.id AND u.role = 'BUDDY'"
            + " AND u.active = TRUE) AS buddies,"
            + " (SELECT COUNT(*) FROM app_user u WHERE u.municipality_id = m.id AND u.active = FALSE) AS deactivated"
            + " FROM municipality m ORDER BY m.name, m.slug")
    List<MunicipalityCounts> municipalities();

    /** The codes of the languages Welkom offers, in their order: what a staff member may list as spoken. */
    @Query("SELECT code FROM language ORDER BY sort_order")
    List<String> languageCodes();

    /** A municipality with its counts. */
    @Introspected
    record MunicipalityCounts(String id, String slug, String name, long createdAt, long households, long officers,
                              long editors, long buddies, long deactivated) {
    }
}
