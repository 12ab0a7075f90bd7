package nl.welkom.journey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A template as it would be applied to one household ({@code GET /api/households/{id}/task-proposals}).
 *
 * @param template       the template
 * @param dueDate        the due date its offset gives for this household (ISO-8601)
 * @param fromArrival    whether {@code dueDate} counts from the household's arrival date (else from today)
 * @param alreadyApplied whether the household has a live task made from it
 */
@Serdeable
public record TemplateProposal(TaskTemplate template, @Nullable String dueDate, boolean fromArrival,
                               boolean alreadyApplied) {
}
