package nl.welkom.journey;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/**
 * A task an officer makes, by hand or from a template ({@link TaskService#create}).
 *
 * @param stage      the journey stage it belongs to
 * @param assignee   who does it
 * @param titles     title per language; Dutch required
 * @param dueDate    ISO-8601 date, or null for none
 * @param note       a first note, or null
 * @param templateId the template it comes from, or null
 * @param lessonSlug the lesson that explains it, or null
 */
public record NewTask(JourneyStage stage, TaskAssignee assignee, Map<String, String> titles, @Nullable String dueDate,
                      @Nullable String note, @Nullable String templateId, @Nullable String lessonSlug) {
}
