package nl.welkom.client;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.SearchHit;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.Topic;

/**
 * Search in the stored content pack, offline, by the server's rule (docs/api.md, search): every
 * word of the query must occur (case and accents ignored) in a lesson's text in one language;
 * languages are tried along the reader's chain, then Dutch. The pack holds each text in one
 * language only, so a Dutch word finds a lesson offline only where the pack shows Dutch text;
 * the server's {@code GET /api/search} also searches the Dutch originals of translated lessons.
 */
final class LocalSearch {
    static final int MAX_HITS = 20;
    private static final int SNIPPET = 140;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private LocalSearch() {
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    static List<SearchHit> search(ContentPack pack, List<String> chain, String query) {
        String normalized = normalize(query == null ? "" : query);
        if (normalized.isEmpty() || pack == null || pack.topics() == null) {
            return Collections.emptyList();
        }
        String[] terms = normalized.split(" ");
        List<String> languages = new ArrayList<>(chain);
        if (!languages.contains("nl")) {
            languages.add("nl");
        }
        List<SearchHit> hits = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (String language : languages) {
            for (Topic topic : pack.topics()) {
                if (topic.lessons() == null) {
                    continue;
                }
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
        return Collections.unmodifiableList(hits);
    }

    private static SearchHit match(Topic topic, Lesson lesson, String language, String[] terms) {
        List<String> texts = new ArrayList<>();
        if (language.equals(lesson.language())) {
            texts.add(lesson.title());
            if (lesson.summary() != null) {
                texts.add(lesson.summary());
            }
        }
        if (lesson.sections() != null) {
            for (Section section : lesson.sections()) {
                if (language.equals(section.language())) {
                    if (section.heading() != null) {
                        texts.add(section.heading());
                    }
                    if (section.body() != null) {
                        texts.add(section.body());
                    }
                }
            }
        }
        StringBuilder joined = new StringBuilder();
        for (String text : texts) {
            joined.append(text).append(" \n ");
        }
        String all = normalize(joined.toString());
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
