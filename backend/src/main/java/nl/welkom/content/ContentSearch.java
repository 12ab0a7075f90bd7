package nl.welkom.content;

import java.sql.Connection;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.SearchHit;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;

/**
 * Search over published lessons along the reader's chain and then Dutch: newcomers type the Dutch
 * words of their official letters ("toeslag", "huisarts"). A lesson matches in a language when
 * every word of the query occurs in its text in that language (case and accents ignored); the
 * first language along the chain that matches is the one returned. Searches with no hit are kept
 * (normalized text, the reader's first language, the municipality when known; never who) so
 * editors see what is missing.
 */
@Singleton
public class ContentSearch {
    public static final int MAX_QUERY = 100;
    private static final int MAX_HITS = 20;
    private static final int SNIPPET = 140;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ContentPacks packs;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ContentSearch(ContentPacks packs, TransactionOperations<Connection> transactions, Clock clock) {
        this.packs = packs;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A failed search and how often it was made. */
    public record FailedRow(String query, String lang, long count) {
    }

    /** Lowercase, accents and other combining marks removed, whitespace collapsed. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    public List<SearchHit> search(String query, @Nullable String lang, @Nullable String acceptLanguage,
                                  @Nullable String municipalityId) {
        String normalized = normalize(query);
        if (normalized.length() > MAX_QUERY) {
            normalized = normalized.substring(0, MAX_QUERY);
        }
        List<String> chain = packs.chain(lang, acceptLanguage);
        if (normalized.isEmpty()) {
            return List.of();
        }
        String[] terms = normalized.split(" ");
        List<SearchHit> hits = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (String language : chain) {
            List<String> packChain = language.equals(ContentLoader.SOURCE) ? List.of(language) : List.of(language, ContentLoader.SOURCE);
            ContentPack pack = packs.pack(packChain);
            for (Topic topic : pack.topics()) {
                for (Lesson lesson : topic.lessons()) {
                    if (hits.size() < MAX_HITS && !found.contains(lesson.id())) {
                        SearchHit hit = match(topic, lesson, language, terms);
                        if (hit != null) {
                            hits.add(hit);
                            found.add(lesson.id());
                        }
                    }
                }
            }
        }
        if (hits.isEmpty()) {
            String logged = normalized;
            transactions.executeWrite(status -> Sql.update(status.getConnection(),
                    "INSERT INTO failed_search (id, query, lang, municipality_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), logged, chain.get(0), municipalityId, clock.millis()));
        }
        return hits;
    }

    /**
     * The most frequent failed searches made in {@code municipalityId} or without signing in, most
     * frequent first. Newcomers may type names into a search box, so an editor never sees the
     * searches of another municipality's readers.
     */
    public List<FailedRow> topFailed(String municipalityId, int limit) {
        return transactions.executeRead(status -> Sql.query(status.getConnection(), """
                SELECT query, lang, COUNT(*) AS n FROM failed_search
                WHERE municipality_id = ? OR municipality_id IS NULL
                GROUP BY query, lang ORDER BY n DESC, query LIMIT ?""",
                rows -> new FailedRow(rows.getString(1), rows.getString(2), rows.getLong(3)), municipalityId, limit));
    }

    private static @Nullable SearchHit match(Topic topic, Lesson lesson, String language, String[] terms) {
        List<String> texts = new ArrayList<>();
        if (lesson.language().equals(language)) {
            texts.add(lesson.title());
            if (lesson.summary() != null) {
                texts.add(lesson.summary());
            }
        }
        for (Section section : lesson.sections()) {
            if (section.language().equals(language)) {
                if (section.heading() != null) {
                    texts.add(section.heading());
                }
                texts.add(section.body());
            }
        }
        String all = normalize(String.join(" \n ", texts));
        for (String term : terms) {
            if (!all.contains(term)) {
                return null;
            }
        }
        String snippet = "";
        for (String text : texts) {
            String normal = normalize(text);
            int at = normal.indexOf(terms[0]);
            if (at >= 0) {
                String flat = SPACES.matcher(text).replaceAll(" ").trim();
                int start = flat.length() == normal.length() ? Math.max(0, at - SNIPPET / 3) : 0;
                int end = Math.min(flat.length(), start + SNIPPET);
                snippet = (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
                break;
            }
        }
        return new SearchHit(lesson.id(), topic.id(), lesson.title(), language, snippet, lesson.state());
    }
}
