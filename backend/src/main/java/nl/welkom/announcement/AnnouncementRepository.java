package nl.welkom.announcement;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AnnouncementRepository extends CrudRepository<AnnouncementEntity, String> {

    /** All of a municipality's announcements, newest first (the dashboard's list). */
    List<AnnouncementEntity> findByMunicipalityIdOrderByPublishedAtDesc(String municipalityId);

    /**
     * The municipality's announcements written with {@code after < change_seq <= upTo} that target a
     * household in {@code stage} speaking one of {@code languages} and last until {@code today} or
     * later, oldest change first, at most {@code limit}: what a pull reads, by the
     * {@code (municipality_id, change_seq)} index.
     */
    @Query("SELECT * FROM announcement WHERE municipality_id = :municipalityId AND change_seq > :after"
            + " AND change_seq <= :upTo AND expires_on >= :today AND (target_kind = 'ALL'"
            + " OR (target_kind = 'STAGE' AND target_value = :stage)"
            + " OR (target_kind = 'LANGUAGE' AND target_value IN (:languages)))"
            + " ORDER BY change_seq LIMIT :limit")
    List<AnnouncementEntity> findChangedFor(String municipalityId, String stage, Collection<String> languages,
                                            String today, long after, long upTo, int limit);

    /** The municipality's standing announcements that last until {@code today} or later. */
    @Query("SELECT * FROM announcement WHERE municipality_id = :municipalityId AND withdrawn_at IS NULL"
            + " AND expires_on >= :today ORDER BY published_at")
    List<AnnouncementEntity> findLive(String municipalityId, String today);

    /** The texts of announcements, by language. */
    @JdbcRepository(dialect = Dialect.ANSI)
    interface Translations extends GenericRepository<TranslationRow, String> {
        @Query("SELECT * FROM announcement_translation WHERE announcement_id IN (:announcementIds) ORDER BY lang")
        List<TranslationRow> findAll(Collection<String> announcementIds);

        @Query("SELECT COUNT(*) FROM announcement_translation WHERE announcement_id = :announcementId AND lang = :lang")
        long count(String announcementId, String lang);

        @Query("INSERT INTO announcement_translation (announcement_id, lang, title, text, state, updated_at)"
                + " VALUES (:announcementId, :lang, :title, :text, :state, :updatedAt)")
        void insert(String announcementId, String lang, String title, String text, String state, long updatedAt);

        @Query("UPDATE announcement_translation SET title = :title, text = :text, state = :state,"
                + " updated_at = :updatedAt WHERE announcement_id = :announcementId AND lang = :lang")
        void change(String announcementId, String lang, String title, String text, String state, long updatedAt);
    }
}
