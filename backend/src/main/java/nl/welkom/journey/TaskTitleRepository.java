package nl.welkom.journey;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface TaskTitleRepository extends CrudRepository<TaskTitle, String> {
    List<TaskTitle> findByTaskIdIn(Collection<String> taskIds);

    List<TaskTitle> findByTaskId(String taskId);

    void deleteByTaskId(String taskId);
}
