package nl.welkom.journey;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/**
 * A municipality's task template ({@code GET /api/task-templates}).
 *
 * @param id            template id
 * @param key           the national default it was copied from, or null for one the municipality made
 * @param stage         the journey stage whose tasks it makes
 * @param assignee      who does the task
 * @param dueOffsetDays days from applying it or, for the stages from ARRIVAL on, from the household's
 *                      arrival date when known
 * @param lessonSlug    the lesson that explains it, or null
 * @param titles        title per language; always {@code nl}
 * @param states        per language of {@code titles}: UP_TO_DATE, MACHINE_DRAFTED or OUTDATED (the
 *                      Dutch title changed after it; not copied onto new tasks)
 * @param active        whether officers can apply it
 * @param position      order within the municipality's templates
 */
@Serdeable
public record TaskTemplate(String id, @Nullable String key, JourneyStage stage, TaskAssignee assignee, int dueOffsetDays,
                           @Nullable String lessonSlug, Map<String, String> titles,
                           Map<String, TranslationState> states, boolean active, int position) {
}
