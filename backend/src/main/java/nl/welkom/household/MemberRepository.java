package nl.welkom.household;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MemberRepository extends CrudRepository<MemberEntity, String> {
    List<MemberEntity> findByHouseholdIdInOrderBySortOrder(Collection<String> householdIds);
}
