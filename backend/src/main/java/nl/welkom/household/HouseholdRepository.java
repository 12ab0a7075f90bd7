package nl.welkom.household;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface HouseholdRepository extends CrudRepository<HouseholdEntity, String> {
    List<HouseholdEntity> findByMunicipalityIdOrderByReference(String municipalityId);

    List<HouseholdEntity> findByIdInOrderByReference(Collection<String> ids);
}
