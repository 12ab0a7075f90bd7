package nl.welkom.model.content;

import java.util.List;

import nl.welkom.model.journey.JourneyStage;

/**
 * An orientation topic ("Health care", "Getting around") grouping lessons.
 *
 * @param id       topic id
 * @param slug     stable readable key
 * @param position order in the content pack, from 1
 * @param stage    journey stage the topic matters most in
 * @param language language of {@code title}
 * @param title    title
 * @param lessons  lessons in order
 */
public record Topic(
        String id,
        String slug,
        int position,
        JourneyStage stage,
        String language,
        String title,
        List<Lesson> lessons) {
}
