package nl.welkom.casefile;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.welkom.household.HouseholdEntity;

/** Case references within a municipality: unique there ({@code UNIQUE (municipality_id, reference)}). */
@JdbcRepository(dialect = Dialect.ANSI)
interface HouseholdReferences extends GenericRepository<HouseholdEntity, String> {

    boolean existsByMunicipalityIdAndReference(String municipalityId, String reference);

    boolean existsByMunicipalityIdAndReferenceAndIdNotEqual(String municipalityId, String reference, String id);

    /** The municipality's references that start with {@code prefix} (no LIKE wildcards in it). */
    @Query("SELECT reference FROM household WHERE municipality_id = :municipalityId AND reference LIKE :pattern")
    List<String> findLike(String municipalityId, String pattern);
}
