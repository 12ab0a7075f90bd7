package nl.welkom.household;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Special needs; read and written for officers only (see {@link SpecialNeed}). */
@JdbcRepository(dialect = Dialect.ANSI)
public interface SpecialNeedRepository extends CrudRepository<SpecialNeed, String> {
    List<SpecialNeed> findByHouseholdIdOrderByCreatedAt(String householdId);

    void deleteByMemberId(String memberId);
}
