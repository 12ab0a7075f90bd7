package nl.welkom.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;

/**
 * The content tables: language-neutral nodes (topic → lesson → section) and one translation row
 * per node and language. Ids derive from slugs (see {@link ContentIds}).
 */
final class ContentEntities {
    private ContentEntities() {
    }

    @MappedEntity("topic")
    record TopicEntity(@Id String id, String slug, int sortOrder, JourneyStage stage) {
    }

    @MappedEntity("topic_translation")
    record TopicTranslation(@Id String id, String topicId, String lang, String title, TranslationState state) {
    }

    @MappedEntity("lesson")
    record LessonEntity(@Id String id, String topicId, String slug, int sortOrder) {
    }

    @MappedEntity("lesson_translation")
    record LessonTranslation(@Id String id, String lessonId, String lang, String title, @Nullable String summary,
                             TranslationState state) {
    }

    @MappedEntity("section")
    record SectionEntity(@Id String id, String lessonId, int sortOrder) {
    }

    @MappedEntity("section_translation")
    record SectionTranslation(@Id String id, String sectionId, String lang, @Nullable String heading, String body,
                              TranslationState state) {
    }
}
