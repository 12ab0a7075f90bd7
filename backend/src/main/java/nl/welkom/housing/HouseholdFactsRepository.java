package nl.welkom.housing;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/**
 * Read-only facts of households for housing ({@link HouseholdFacts}). Callers check scope with
 * {@code HouseholdScope} first; these queries only shape what the scope allowed.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface HouseholdFactsRepository extends GenericRepository<QuotaLink, String> {
    String COLUMNS = "SELECT h.id AS id, h.municipality_id AS municipality_id, h.reference AS reference,"
            + " h.display_name AS display_name, h.nationality AS nationality, h.camp_of_origin AS camp_of_origin,"
            + " h.expected_arrival AS expected_arrival, h.arrived_on AS arrived_on,"
            + " (SELECT count(*) FROM member m WHERE m.household_id = h.id) AS persons FROM household h";

    @Query(COLUMNS + " WHERE h.municipality_id = :municipalityId AND h.erased_at IS NULL ORDER BY h.reference")
    List<HouseholdFacts> findInMunicipality(String municipalityId);

    @Query(COLUMNS + " WHERE h.id = :id")
    Optional<HouseholdFacts> findFacts(String id);

    /** Households of the municipality with this nationality, for group settlement; camp compared by the caller. */
    @Query(COLUMNS + " WHERE h.municipality_id = :municipalityId AND h.erased_at IS NULL AND h.nationality = :nationality"
            + " ORDER BY h.reference")
    List<HouseholdFacts> findByNationality(String municipalityId, String nationality);
}
