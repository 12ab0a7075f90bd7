package nl.welkom.model.course;

import java.util.List;

import nl.welkom.model.content.TranslationState;

/**
 * {@code GET /api/course?lang=ar,en}: the pre-departure course for one reader's language chain.
 * Every text is resolved along the chain and then Dutch and says which language it is in.
 *
 * @param id          course id (from its slug; the same on every installation)
 * @param slug        stable readable key ({@code pre-departure})
 * @param languages   the chain that was applied, requested languages first, Dutch last
 * @param version     opaque version; also the {@code ETag}
 * @param language    language of {@code title} and {@code description}
 * @param title       title
 * @param description one or two sentences
 * @param state       translation state of title and description
 * @param lessons     lessons in course order
 */
public record Course(
        String id,
        String slug,
        List<String> languages,
        String version,
        String language,
        String title,
        String description,
        TranslationState state,
        List<CourseLesson> lessons) {
}
