package nl.welkom.housing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface QuotaLinkRepository extends CrudRepository<QuotaLink, String> {
    Optional<QuotaLink> findByHouseholdId(String householdId);

    List<QuotaLink> findByPeriodId(String periodId);

    /** The links of these periods ({@code periodIds} must not be empty). */
    List<QuotaLink> findByPeriodIdIn(Collection<String> periodIds);

    long countByPeriodId(String periodId);
}
