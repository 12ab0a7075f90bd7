package nl.welkom.journey;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/** The rows behind task templates (V8) and their repositories; only {@link TaskTemplates} uses them. */
final class TemplateStore {
    private TemplateStore() {
    }

    /**
     * A municipality's template.
     *
     * @param sourceKey     the national default it was copied from, or null for one made here
     * @param dueOffsetDays days from applying it, or from the arrival date for stages from ARRIVAL on
     * @param lessonSlug    the lesson that explains it, or null
     */
    @MappedEntity("task_template")
    record Template(@Id String id, String municipalityId, @Nullable String sourceKey, JourneyStage stage,
                    TaskAssignee assignee, int dueOffsetDays, @Nullable String lessonSlug, int sortOrder,
                    boolean active, long createdAt, long updatedAt) {
    }

    /** A template's title in one language, with how far to trust it. */
    @MappedEntity("task_template_title")
    record Title(@Id String id, String templateId, String lang, String title, TranslationState state) {
    }

    /** A municipality whose templates were copied from the national defaults. */
    @MappedEntity("task_template_seed")
    record Seed(@Id String municipalityId, long seededAt) {
    }

    /** The household's arrival dates (V7 columns), read-only: where due dates count from. */
    @MappedEntity("household")
    record Arrival(@Id String id, String municipalityId, @Nullable String arrivedOn, @Nullable String expectedArrival) {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Templates extends CrudRepository<Template, String> {
        List<Template> findByMunicipalityIdOrderBySortOrder(String municipalityId);

        int countByMunicipalityId(String municipalityId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Titles extends CrudRepository<Title, String> {
        List<Title> findByTemplateIdIn(Collection<String> templateIds);

        void deleteByTemplateId(String templateId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Seeds extends CrudRepository<Seed, String> {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Arrivals extends GenericRepository<Arrival, String> {
        Optional<Arrival> findById(String id);
    }
}
