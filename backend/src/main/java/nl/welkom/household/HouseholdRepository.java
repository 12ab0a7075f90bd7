package nl.welkom.household;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface HouseholdRepository extends CrudRepository<HouseholdEntity, String> {
    List<HouseholdEntity> findByMunicipalityIdOrderByReference(String municipalityId);

    Optional<HouseholdEntity> findByMunicipalityIdAndReference(String municipalityId, String reference);

    /** A household by its municipality's slug and its reference (how demo files name households). */
    @Query("SELECT h.* FROM household h JOIN municipality m ON m.id = h.municipality_id"
            + " WHERE m.slug = :municipalitySlug AND h.reference = :reference")
    Optional<HouseholdEntity> findByMunicipalitySlugAndReference(String municipalitySlug, String reference);

    List<HouseholdEntity> findByIdInOrderByReference(Collection<String> ids);

    /**
     * Households among {@code ids} written with {@code after < change_seq <= upTo}, oldest change
     * first, at most {@code limit}: a primary-key lookup per id ({@code ids} must not be empty).
     */
    @Query("SELECT * FROM household WHERE id IN (:ids) AND change_seq > :after AND change_seq <= :upTo"
            + " ORDER BY change_seq LIMIT :limit")
    List<HouseholdEntity> findChanged(Collection<String> ids, long after, long upTo, int limit);

    /**
     * Marks the household changed at {@code seq} without changing its record, so that its phones
     * pull it again: used when data that travels beside it (course progress) changed.
     */
    @Query("UPDATE household SET change_seq = :seq WHERE id = :id")
    void touch(String id, long seq);
}
