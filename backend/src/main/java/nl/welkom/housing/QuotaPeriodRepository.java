package nl.welkom.housing;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface QuotaPeriodRepository extends CrudRepository<QuotaPeriod, String> {
    List<QuotaPeriod> findByMunicipalityIdOrderByStartsOn(String municipalityId);
}
