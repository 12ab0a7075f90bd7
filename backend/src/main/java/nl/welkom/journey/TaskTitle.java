package nl.welkom.journey;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A task's title in one language; every task has one in {@code nl}. */
@MappedEntity("task_title")
public record TaskTitle(@Id String id, String taskId, String lang, String title) {
}
