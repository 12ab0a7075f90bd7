package nl.welkom.announcement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.announcement.AnnouncementEntity.TargetKind;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import nl.welkom.content.ContentPacks;
import nl.welkom.household.ChangeSequence;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.problem.ProblemException;

/**
 * A municipality's announcements (docs/announcements.md): published, edited, translated and withdrawn
 * by its officers; read by its households' phones in the pull. Every write takes a change-sequence
 * value in its transaction so phones pull it. Announcements are about the municipality, not about a
 * household: no household data, so nothing here is audited per household.
 */
@Singleton
public class AnnouncementService {
    static final String DUTCH = "nl";
    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 2000;
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final AnnouncementRepository announcements;
    private final AnnouncementRepository.Translations translations;
    private final ContentPacks packs;
    private final ChangeSequence sequence;
    private final Clock clock;

    AnnouncementService(AnnouncementRepository announcements, AnnouncementRepository.Translations translations,
                        ContentPacks packs, ChangeSequence sequence, Clock clock) {
        this.announcements = announcements;
        this.translations = translations;
        this.packs = packs;
        this.sequence = sequence;
        this.clock = clock;
    }

    /** A field of a command that is not right: {@code key} names the words for the dashboard. */
    public record Invalid(String field, String key, String detail) {
    }

    /** Today in the Netherlands: the day expiry is measured against. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    /** The languages a translation may be in: the offered ones except Dutch, in the usual order. */
    public List<String> translationLanguages() {
        return packs.languages().stream().map(Language::code).filter(code -> !code.equals(DUTCH)).toList();
    }

    /** The officer's municipality's announcements, standing ones first, then newest first. */
    @Transactional(readOnly = true)
    public List<AnnouncementView> list(Caller caller) {
        String municipalityId = officerMunicipality(caller);
        List<AnnouncementEntity> rows = announcements.findByMunicipalityIdOrderByPublishedAtDesc(municipalityId);
        Map<String, List<TranslationRow>> texts = textsOf(rows);
        LocalDate today = today();
        return rows.stream().map(row -> view(row, texts.getOrDefault(row.id(), List.of()), today))
                .sorted(Comparator.comparing(view -> !view.live()))
                .toList();
    }

    /** One announcement of the officer's municipality; 404 otherwise. */
    @Transactional(readOnly = true)
    public AnnouncementView read(Caller caller, String id) {
        AnnouncementEntity row = own(caller, id);
        return view(row, textsOf(List.of(row)).getOrDefault(row.id(), List.of()), today());
    }

    /** What is wrong with a command to publish ({@code publishing}) or edit; empty when it is right. */
    public List<Invalid> check(AnnouncementCommand command, boolean publishing) {
        List<Invalid> invalid = new ArrayList<>();
        checkText(invalid, command.title(), command.text());
        LocalDate expires = null;
        try {
            expires = command.expiresOn() == null ? null : LocalDate.parse(command.expiresOn().strip());
        } catch (DateTimeParseException e) {
            expires = null;
        }
        LocalDate today = today();
        if (expires == null) {
            invalid.add(new Invalid("expiresOn", "announcement.error.expiresOn",
                    "expiresOn must be an ISO date such as 2026-12-31."));
        } else if (expires.isBefore(today) || expires.isAfter(today.plusYears(1))) {
            invalid.add(new Invalid("expiresOn", "announcement.error.expiresOn.range",
                    "expiresOn must lie between today and one year ahead."));
        }
        if (publishing) {
            TargetKind kind = targetKind(command.targetKind());
            String value = trimmed(command.targetValue());
            if (kind == null) {
                invalid.add(new Invalid("targetKind", "announcement.error.target",
                        "targetKind must be ALL, STAGE or LANGUAGE."));
            } else if (kind == TargetKind.STAGE && stage(value) == null) {
                invalid.add(new Invalid("targetStage", "announcement.error.stage",
                        "targetValue must be a journey stage such as ARRIVAL."));
            } else if (kind == TargetKind.LANGUAGE && (value == null || !offered().contains(value))) {
                invalid.add(new Invalid("targetLanguage", "announcement.error.language",
                        "targetValue must be an offered language code such as ar."));
            }
        }
        return invalid;
    }

    /** What is wrong with a translation into {@code lang}; empty when it is right. */
    public List<Invalid> check(String lang, TranslationCommand command) {
        List<Invalid> invalid = new ArrayList<>();
        if (lang == null || !translationLanguages().contains(lang)) {
            invalid.add(new Invalid("lang", "announcement.error.lang",
                    "lang must be an offered language other than nl (Dutch is edited with PUT /api/announcements/{id})."));
        }
        checkText(invalid, command.title(), command.text());
        if (state(command.state()) == null) {
            invalid.add(new Invalid("state", "announcement.error.state", "state must be MACHINE_DRAFTED or UP_TO_DATE."));
        }
        return invalid;
    }

    /** Publishes a new announcement of the officer's municipality, in Dutch. */
    @Transactional
    public AnnouncementView publish(Caller caller, AnnouncementCommand command) {
        String municipalityId = officerMunicipality(caller);
        refuse(check(command, true));
        TargetKind kind = targetKind(command.targetKind());
        String value = switch (kind) {
            case ALL -> null;
            case STAGE -> stage(trimmed(command.targetValue())).name();
            case LANGUAGE -> trimmed(command.targetValue());
        };
        long now = clock.millis();
        AnnouncementEntity row = new AnnouncementEntity(UUID.randomUUID().toString(), municipalityId, kind, value,
                command.expiresOn().strip(), now, caller.userId(), null, 1, sequence.next());
        announcements.save(row);
        translations.insert(row.id(), DUTCH, command.title().strip(), command.text().strip(),
                TranslationState.UP_TO_DATE.name(), now);
        return read(caller, row.id());
    }

    /** Changes the Dutch title and text and the expiry: version raised, pulled again. */
    @Transactional
    public AnnouncementView edit(Caller caller, String id, AnnouncementCommand command) {
        AnnouncementEntity old = standing(caller, id);
        refuse(check(command, false));
        long now = clock.millis();
        announcements.update(old.edited(command.expiresOn().strip(), sequence.next()));
        translations.change(id, DUTCH, command.title().strip(), command.text().strip(),
                TranslationState.UP_TO_DATE.name(), now);
        return read(caller, id);
    }

    /** Adds or replaces the translation into {@code lang} (MACHINE_DRAFTED unless said UP_TO_DATE). */
    @Transactional
    public AnnouncementView translate(Caller caller, String id, String lang, TranslationCommand command) {
        AnnouncementEntity old = standing(caller, id);
        refuse(check(lang, command));
        long now = clock.millis();
        String state = state(command.state()).name();
        announcements.update(old.edited(old.expiresOn(), sequence.next()));
        if (translations.count(id, lang) == 0) {
            translations.insert(id, lang, command.title().strip(), command.text().strip(), state, now);
        } else {
            translations.change(id, lang, command.title().strip(), command.text().strip(), state, now);
        }
        return read(caller, id);
    }

    /** Withdraws it: phones drop it with their next pull. Withdrawing twice changes nothing more. */
    @Transactional
    public AnnouncementView withdraw(Caller caller, String id) {
        AnnouncementEntity old = own(caller, id);
        if (!old.withdrawn()) {
            announcements.update(old.withdrawnAt(clock.millis(), sequence.next()));
        }
        return read(caller, id);
    }

    /**
     * The wire form for a reader: the first language of {@code chain} (Dutch last) with a text. Dutch
     * is {@code UP_TO_DATE} when the reader reads Dutch ({@code readsDutch}), else {@code MISSING}.
     */
    static Announcement resolve(AnnouncementEntity row, List<TranslationRow> texts, List<String> chain,
                                boolean readsDutch) {
        Map<String, TranslationRow> byLang = texts.stream()
                .collect(Collectors.toMap(TranslationRow::lang, t -> t, (a, b) -> a));
        TranslationRow chosen = null;
        for (String lang : chain) {
            chosen = byLang.get(lang);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = byLang.get(DUTCH);
        }
        TranslationState state = chosen.state();
        if (chosen.lang().equals(DUTCH)) {
            state = readsDutch ? TranslationState.UP_TO_DATE : TranslationState.MISSING;
        }
        return new Announcement(row.id(), chosen.title(), chosen.text(), chosen.lang(), state,
                Instant.ofEpochMilli(row.publishedAt()).toString(), row.expiresOn(), row.withdrawn(), row.version());
    }

    Map<String, List<TranslationRow>> textsOf(List<AnnouncementEntity> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, List<TranslationRow>> texts = new LinkedHashMap<>();
        translations.findAll(rows.stream().map(AnnouncementEntity::id).toList())
                .forEach(t -> texts.computeIfAbsent(t.announcementId(), k -> new ArrayList<>()).add(t));
        return texts;
    }

    private static AnnouncementView view(AnnouncementEntity row, List<TranslationRow> texts, LocalDate today) {
        List<AnnouncementView.Text> list = texts.stream()
                .sorted(Comparator.comparing((TranslationRow t) -> !t.lang().equals(DUTCH)).thenComparing(TranslationRow::lang))
                .map(t -> new AnnouncementView.Text(t.lang(), t.title(), t.text(), t.state())).toList();
        boolean live = !row.withdrawn() && !LocalDate.parse(row.expiresOn()).isBefore(today);
        return new AnnouncementView(row.id(), row.targetKind().name(), row.targetValue(), row.expiresOn(),
                Instant.ofEpochMilli(row.publishedAt()).toString(),
                row.withdrawnAt() == null ? null : Instant.ofEpochMilli(row.withdrawnAt()).toString(), live,
                row.version(), list);
    }

    private AnnouncementEntity own(Caller caller, String id) {
        String municipalityId = officerMunicipality(caller);
        AnnouncementEntity row = id == null ? null : announcements.findById(id).orElse(null);
        if (row == null || !Objects.equals(row.municipalityId(), municipalityId)) {
            throw ProblemException.notFound();
        }
        return row;
    }

    private AnnouncementEntity standing(Caller caller, String id) {
        AnnouncementEntity row = own(caller, id);
        if (row.withdrawn()) {
            throw ProblemException.badRequest("A withdrawn announcement cannot be changed; publish a new one.");
        }
        return row;
    }

    private static String officerMunicipality(Caller caller) {
        if (caller.role() != Role.OFFICER || caller.municipalityId() == null) {
            throw ProblemException.notFound();
        }
        return caller.municipalityId();
    }

    private static void refuse(List<Invalid> invalid) {
        if (!invalid.isEmpty()) {
            throw ProblemException.badRequest(invalid.get(0).detail());
        }
    }

    private static void checkText(List<Invalid> invalid, @Nullable String title, @Nullable String text) {
        String t = trimmed(title);
        if (t == null || t.codePointCount(0, t.length()) > MAX_TITLE) {
            invalid.add(new Invalid("title", "announcement.error.title",
                    "title is required and at most " + MAX_TITLE + " characters."));
        }
        String body = trimmed(text);
        if (body == null || body.codePointCount(0, body.length()) > MAX_TEXT) {
            invalid.add(new Invalid("text", "announcement.error.text",
                    "text is required and at most " + MAX_TEXT + " characters."));
        }
    }

    private Set<String> offered() {
        return packs.languages().stream().map(Language::code).collect(Collectors.toSet());
    }

    static @Nullable TargetKind targetKind(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return TargetKind.ALL;
        }
        try {
            return TargetKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable JourneyStage stage(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return JourneyStage.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable TranslationState state(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return TranslationState.MACHINE_DRAFTED;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals("MACHINE_DRAFTED") || name.equals("UP_TO_DATE")) {
            return TranslationState.valueOf(name);
        }
        return null;
    }

    private static @Nullable String trimmed(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() ? null : text;
    }
}
