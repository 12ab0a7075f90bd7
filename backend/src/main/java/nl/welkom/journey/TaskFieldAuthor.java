package nl.welkom.journey;

import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/**
 * Who last changed one field of a task, and when: what a later conflict on that field names as the
 * author of the value it overwrote. One row per task and field ({@code id = <task id>:<field>}).
 *
 * @param authorRole NEWCOMER (the family's phone), BUDDY or OFFICER
 * @param authorName the officer's or family friend's display name; null for the family
 */
@MappedEntity("task_field_author")
record TaskFieldAuthor(@Id String id, String taskId, String householdId, String field, String authorRole,
                       @Nullable String authorName, long changedAt) {

    static String idOf(String taskId, TaskField field) {
        return taskId + ":" + field.wireName();
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Authors extends CrudRepository<TaskFieldAuthor, String> {
        default void record(TaskFieldAuthor author) {
            Optional<TaskFieldAuthor> previous = findById(author.id());
            if (previous.isPresent()) {
                update(author);
            } else {
                save(author);
            }
        }
    }
}
