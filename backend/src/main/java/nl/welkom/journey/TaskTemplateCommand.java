package nl.welkom.journey;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/**
 * Body of {@code POST /api/task-templates} and {@code PUT /api/task-templates/{id}}:
 * {@code {"stage":"HOUSING_AND_REGISTRATION","assignee":"FAMILY","dueOffsetDays":14,
 * "lessonSlug":"bank-account","titles":{"nl":"…","en":"…"}}}.
 *
 * @param dueOffsetDays 0 to 1095
 * @param lessonSlug    a lesson of the content, or null/"" for none
 * @param titles        title per language; {@code nl} required. On an edit the languages sent are the
 *                      template's titles from then on: a changed one counts as written by a person,
 *                      an unchanged one keeps its state, and when the Dutch title changes the
 *                      unchanged others become OUTDATED
 */
@Serdeable
public record TaskTemplateCommand(@Nullable JourneyStage stage, @Nullable TaskAssignee assignee,
                                  @Nullable Integer dueOffsetDays, @Nullable String lessonSlug,
                                  @Nullable Map<String, String> titles) {
}
