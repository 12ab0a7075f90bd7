package nl.welkom.phrasebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.welkom.config.BoundedCache;
import nl.welkom.config.ResourceFiles;
import nl.welkom.config.YamlNode;
import nl.welkom.content.ContentPacks;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.PhraseCategory;
import nl.welkom.model.phrasebook.Phrasebook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled phrasebook (docs/content-format.md), read once, resolved per language chain: a
 * phrase's translation and note in the first language of the chain that has them (state
 * {@link TranslationState#MISSING} on fallback; the Dutch itself when nothing else exists),
 * {@code say} only in the reader's first language (a transliteration is for one script). The
 * version is a hash of the resolved book.
 */
@Singleton
public class Phrasebooks implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Phrasebooks.class);
    private static final String SOURCE = "nl";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_CACHED = 256;

    private final PhrasebookProperties properties;
    private final ContentPacks packs;
    private final JsonMapper json;
    private final BoundedCache<List<String>, Phrasebook> cache = new BoundedCache<>(MAX_CACHED);
    private volatile Book book;

    Phrasebooks(PhrasebookProperties properties, ContentPacks packs, JsonMapper json) {
        this.properties = properties;
        this.packs = packs;
        this.json = json;
    }

    /** Reads the file on start, so that a malformed one stops the start with the file and field named. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        book();
    }

    /** The chain for a request: {@code lang} first, else {@code Accept-Language}; always ends in Dutch. */
    public List<String> chain(@Nullable String lang, @Nullable String acceptLanguage) {
        return packs.chain(lang, acceptLanguage);
    }

    /** The phrasebook version for {@code lang} ({@code ar,en}). */
    public String version(String lang) {
        return phrasebook(chain(lang, null)).version();
    }

    /** The phrasebook for a chain ending in Dutch, from cache. */
    public Phrasebook phrasebook(List<String> chain) {
        return cache.get(chain, key -> resolve(book(), key));
    }

    private Book book() {
        Book read = book;
        if (read == null) {
            Optional<YamlNode> file = ResourceFiles.find(properties.location()).map(YamlNode::read);
            if (file.isEmpty()) {
                LOG.warn("No phrasebook found at {}", properties.location());
            }
            List<String> offered = packs.languages().stream().map(language -> language.code()).toList();
            read = file.map(node -> Book.parse(node, offered)).orElse(new Book(Map.of(), List.of()));
            book = read;
        }
        return read;
    }

    private Phrasebook resolve(Book source, List<String> chain) {
        List<PhraseCategory> categories = new ArrayList<>();
        String first = chain.get(0);
        for (CategoryDef category : source.categories()) {
            String titleLang = firstIn(chain, category.title());
            List<Phrase> phrases = new ArrayList<>();
            for (PhraseDef phrase : category.phrases()) {
                String lang = firstIn(chain, phrase.texts());
                String note = phrase.note().get(firstIn(chain, phrase.note()));
                phrases.add(new Phrase(phrase.slug(), phrase.texts().get(SOURCE), lang, phrase.texts().get(lang),
                        source.state(chain, lang), phrase.say().get(first), note));
            }
            categories.add(new PhraseCategory(category.slug(), titleLang, category.title().get(titleLang),
                    source.state(chain, titleLang), List.copyOf(phrases)));
        }
        Phrasebook unversioned = new Phrasebook(chain, null, List.copyOf(categories));
        return new Phrasebook(chain, hash(unversioned), unversioned.categories());
    }

    private static String firstIn(List<String> chain, Map<String, String> texts) {
        for (String lang : chain) {
            if (texts.containsKey(lang)) {
                return lang;
            }
        }
        return SOURCE;
    }

    private String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record PhraseDef(String slug, Map<String, String> texts, Map<String, String> say, Map<String, String> note) {
    }

    private record CategoryDef(String slug, Map<String, String> title, List<PhraseDef> phrases) {
    }

    private record Book(Map<String, TranslationState> states, List<CategoryDef> categories) {
        TranslationState state(List<String> chain, String lang) {
            if (!lang.equals(chain.get(0))) {
                return TranslationState.MISSING;
            }
            return SOURCE.equals(lang) ? TranslationState.UP_TO_DATE : states.getOrDefault(lang, TranslationState.UP_TO_DATE);
        }

        static Book parse(YamlNode file, List<String> offered) {
            Map<String, TranslationState> states = new HashMap<>();
            file.textMap("states").forEach((lang, state) -> {
                try {
                    states.put(lang, TranslationState.valueOf(state));
                } catch (IllegalArgumentException e) {
                    throw file.fail("states." + lang, "must be UP_TO_DATE, OUTDATED or MACHINE_DRAFTED");
                }
            });
            Set<String> categorySlugs = new HashSet<>();
            List<CategoryDef> categories = new ArrayList<>();
            for (YamlNode category : file.children("categories")) {
                String slug = slug(category, categorySlugs);
                Map<String, String> title = category.textMap("title");
                if (!title.containsKey(SOURCE)) {
                    throw category.fail("title.nl", "is required: Dutch is the source language");
                }
                Set<String> phraseSlugs = new HashSet<>();
                List<PhraseDef> phrases = new ArrayList<>();
                for (YamlNode phrase : category.children("phrases")) {
                    String phraseSlug = slug(phrase, phraseSlugs);
                    phrase.text(SOURCE);
                    Map<String, String> texts = new HashMap<>();
                    for (String key : offered) {
                        phrase.optionalText(key).ifPresent(text -> texts.put(key, text));
                    }
                    phrases.add(new PhraseDef(phraseSlug, Map.copyOf(texts), phrase.textMap("say"),
                            phrase.textMap("note")));
                }
                categories.add(new CategoryDef(slug, title, List.copyOf(phrases)));
            }
            return new Book(Map.copyOf(states), List.copyOf(categories));
        }

        private static String slug(YamlNode node, Set<String> used) {
            String slug = node.text("slug");
            if (!SLUG.matcher(slug).matches()) {
                throw node.fail("slug", "must be lowercase letters, digits and single dashes");
            }
            if (!used.add(slug)) {
                throw node.fail("slug", "'" + slug + "' is used twice");
            }
            return slug;
        }
    }
}
