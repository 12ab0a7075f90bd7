package nl.welkom.housing;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface HousingOfferRepository extends CrudRepository<HousingOffer, String> {
    /** The household's offers, newest offer first. */
    @Query("SELECT * FROM housing_offer WHERE household_id = :householdId ORDER BY offered_on DESC, created_at DESC")
    List<HousingOffer> findNewestFirst(String householdId);

    /** The accepted offers of the households that are now in {@code municipalityId}. */
    @Query("SELECT o.* FROM housing_offer o JOIN household h ON h.id = o.household_id"
            + " WHERE h.municipality_id = :municipalityId AND o.status = 'ACCEPTED'")
    List<HousingOffer> findAcceptedInMunicipality(String municipalityId);
}
