package nl.welkom.announcement;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.announcement.AnnouncementEntity.TargetKind;
import nl.welkom.auth.Caller;
import nl.welkom.content.ContentPacks;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.journey.JourneyStage;

/**
 * Announcements as the pull brings them to a household's phone (docs/announcements.md, docs/sync.md):
 * the sync's change feed reads them as one more source by {@code (municipality_id, change_seq)} and
 * asks here which of them the household receives, in the reader's language. Called inside the
 * pull's read transaction.
 */
@Singleton
public class AnnouncementFeed {
    private final AnnouncementRepository announcements;
    private final AnnouncementService service;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final ContentPacks packs;

    AnnouncementFeed(AnnouncementRepository announcements, AnnouncementService service, HouseholdRepository households,
                     MemberRepository members, ContentPacks packs) {
        this.announcements = announcements;
        this.service = service;
        this.households = households;
        this.members = members;
        this.packs = packs;
    }

    /**
     * Who reads: a household's phone's household as it is now (municipality, stage, its and its
     * members' languages), the reader's chain and today. Null for every other caller (buddies and staff
     * receive no announcements).
     */
    public record Audience(String householdId, String municipalityId, JourneyStage stage, Set<String> languages,
                           List<String> chain, boolean readsDutch, LocalDate today) {
    }

    /** The audience of a pull by {@code caller} with {@code lang} ({@code ar,en}), or null. */
    public @Nullable Audience audience(Caller caller, @Nullable String lang) {
        if (!caller.isDevice() || caller.householdId() == null) {
            return null;
        }
        HouseholdEntity household = households.findById(caller.householdId()).orElse(null);
        if (household == null) {
            return null;
        }
        Set<String> languages = new LinkedHashSet<>(LanguageList.parse(household.languages()));
        members.findByHouseholdIdInOrderBySortOrder(List.of(household.id()))
                .forEach(member -> languages.addAll(LanguageList.parse(member.languages())));
        boolean readsDutch = lang == null || lang.isBlank();
        if (!readsDutch) {
            for (String tag : lang.split(",")) {
                String code = tag.strip().toLowerCase(Locale.ROOT);
                if (code.equals(AnnouncementService.DUTCH) || code.startsWith(AnnouncementService.DUTCH + "-")) {
                    readsDutch = true;
                }
            }
        }
        return new Audience(household.id(), household.municipalityId(), household.stage(), Set.copyOf(languages),
                packs.chain(lang, null), readsDutch, service.today());
    }

    /**
     * The announcements for the audience written after {@code after} up to {@code upTo}, oldest change
     * first, at most {@code limit}: those of its municipality that target it now and have not expired,
     * withdrawn ones included (so the phone drops them). Announcements for others never reach the
     * page, so they neither weigh nor move the cursor.
     */
    public List<AnnouncementEntity> changed(Audience audience, long after, long upTo, int limit) {
        List<String> languages = audience.languages().isEmpty() ? List.of("") : List.copyOf(audience.languages());
        return announcements.findChangedFor(audience.municipalityId(), audience.stage().name(), languages,
                audience.today().toString(), after, upTo, limit);
    }

    /** A changed announcement as the audience reads it (withdrawn or not). */
    public Announcement asRead(Audience audience, AnnouncementEntity row) {
        return resolve(audience, row);
    }

    /** Every standing, unexpired announcement that targets the household: what its snapshot brings. */
    public List<Announcement> live(Audience audience) {
        List<AnnouncementEntity> rows = announcements.findLive(audience.municipalityId(), audience.today().toString())
                .stream().filter(row -> targets(audience, row)).toList();
        Map<String, List<TranslationRow>> texts = service.textsOf(rows);
        return rows.stream().map(row -> AnnouncementService.resolve(row, texts.getOrDefault(row.id(), List.of()),
                audience.chain(), audience.readsDutch())).toList();
    }

    private Announcement resolve(Audience audience, AnnouncementEntity row) {
        return AnnouncementService.resolve(row, service.textsOf(List.of(row)).getOrDefault(row.id(), List.of()),
                audience.chain(), audience.readsDutch());
    }

    private static boolean targets(Audience audience, AnnouncementEntity row) {
        return row.targetKind() == TargetKind.ALL
                || (row.targetKind() == TargetKind.STAGE && audience.stage().name().equals(row.targetValue()))
                || (row.targetKind() == TargetKind.LANGUAGE && audience.languages().contains(row.targetValue()));
    }
}
