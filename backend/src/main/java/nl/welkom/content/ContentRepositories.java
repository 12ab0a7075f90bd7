package nl.welkom.content;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import nl.welkom.content.ContentEntities.LessonEntity;
import nl.welkom.content.ContentEntities.LessonTranslation;
import nl.welkom.content.ContentEntities.SectionEntity;
import nl.welkom.content.ContentEntities.SectionTranslation;
import nl.welkom.content.ContentEntities.TopicEntity;
import nl.welkom.content.ContentEntities.TopicTranslation;

/** Repositories of the content tables; the content feature is their only user. */
final class ContentRepositories {
    private ContentRepositories() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface LanguageRepository extends CrudRepository<LanguageEntity, String> {
        @Query("SELECT * FROM language ORDER BY sort_order")
        List<LanguageEntity> listInOrder();
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface TopicRepository extends CrudRepository<TopicEntity, String> {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface TopicTranslationRepository extends CrudRepository<TopicTranslation, String> {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface LessonRepository extends CrudRepository<LessonEntity, String> {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface LessonTranslationRepository extends CrudRepository<LessonTranslation, String> {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface SectionRepository extends CrudRepository<SectionEntity, String> {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface SectionTranslationRepository extends CrudRepository<SectionTranslation, String> {
    }
}
