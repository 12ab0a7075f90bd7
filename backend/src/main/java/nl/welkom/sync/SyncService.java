package nl.welkom.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.content.ContentPacks;
import nl.welkom.course.CourseCatalog;
import nl.welkom.phrasebook.Phrasebooks;
import nl.welkom.place.LocalPlaces;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import nl.welkom.problem.ProblemException;

/**
 * Sync for a phone — a household's device or a buddy's — in the manner of git: push sends the
 * outbox of offline edits ({@link MutationApplier}), pull fetches what changed in the caller's
 * scope after the phone's cursor ({@link ChangeFeed}) and the version of its content pack.
 */
@Singleton
class SyncService {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    static final int MAX_MUTATIONS = 500;
    private static final int MAX_ID_LENGTH = 100;

    private final MutationApplier applier;
    private final ChangeFeed feed;
    private final ContentPacks packs;
    private final CourseCatalog courses;
    private final Phrasebooks phrasebooks;
    private final LocalPlaces places;
    private final AuditLog audit;

    SyncService(MutationApplier applier, ChangeFeed feed, ContentPacks packs, CourseCatalog courses,
                Phrasebooks phrasebooks, LocalPlaces places, AuditLog audit) {
        this.places = places;
        this.courses = courses;
        this.phrasebooks = phrasebooks;
        this.applier = applier;
        this.feed = feed;
        this.packs = packs;
        this.audit = audit;
    }

    /**
     * Applies the mutations in order, each in its own transaction; one result per mutation. A
     * mutation that cannot be applied (out of scope, a value not allowed) is {@code REJECTED} on its
     * own; the others still apply.
     *
     * @throws ProblemException 400 when the list is missing or too long, or a mutation lacks its id,
     *                          type or entity id
     */
    public PushResponse push(Caller caller, PushRequest request) {
        List<Mutation> mutations = request.mutations();
        if (mutations == null || mutations.size() > MAX_MUTATIONS) {
            throw ProblemException.badRequest("mutations must be a list of at most " + MAX_MUTATIONS + " items.");
        }
        for (Mutation mutation : mutations) {
            if (mutation == null || !validId(mutation.id()) || mutation.type() == null || !validEntity(mutation)) {
                throw ProblemException.badRequest("Every mutation needs an id, a type and an entityId.");
            }
        }
        List<MutationResult> results = new ArrayList<>(mutations.size());
        for (Mutation mutation : mutations) {
            results.add(applyOnce(caller, mutation));
        }
        return new PushResponse(results);
    }

    /**
     * Applies one mutation. When the same mutation is being applied at the same moment elsewhere (a
     * phone's retry that reached another backend instance, docs/postgresql.md), the second transaction
     * fails on the {@code applied_mutation} key and rolls back: its answer is then the first one's.
     */
    private MutationResult applyOnce(Caller caller, Mutation mutation) {
        try {
            return applier.apply(caller, mutation);
        } catch (RuntimeException e) {
            return applier.appliedBefore(caller, mutation).orElseThrow(() -> e);
        }
    }

    /**
     * One page of changes after {@code after} (see {@link ChangeFeed}), with the content version of
     * the {@code lang} chain (null without {@code lang}). Audited per household that the page
     * brings data of. {@code probed}: the answer of {@link PullProbeQuestion} when the token check
     * asked it.
     *
     * @throws ProblemException 400 when {@code after} is negative or {@code limit} below 1
     */
    public PullResponse pull(Caller caller, long after, int limit, @Nullable String lang,
                             @Nullable ChangeProbe.Answer probed) {
        if (after < 0 || limit < 1) {
            throw ProblemException.badRequest("after must be 0 or more and limit 1 or more.");
        }
        String contentVersion = lang == null || lang.isBlank() ? null : contentVersion(caller, lang);
        PullResponse quiet = feed.quiet(caller, after, contentVersion, probed);
        if (quiet != null) {
            return quiet;
        }
        PullResponse page = feed.page(caller, after, Math.min(limit, MAX_LIMIT), contentVersion, lang);
        Set<String> read = new LinkedHashSet<>();
        page.households().stream().map(Household::id).forEach(read::add);
        page.tasks().stream().map(Task::householdId).forEach(read::add);
        if (page.messages() != null) {
            page.messages().stream().map(Message::householdId).forEach(read::add);
        }
        read.forEach(householdId -> audit.record(caller, AuditLog.SYNC_PULL, householdId));
        return page;
    }

    /**
     * One version for everything a phone reads for its chain: a hash of the content pack's, the
     * course's, the phrasebook's and the caller's municipality's places' versions, so one string in
     * the pull says whether any of the four moved (docs/sync.md).
     */
    String contentVersion(Caller caller, String lang) {
        String pack = packs.version(lang);
        String course = courses.version(lang).orElse("");
        String phrasebook = phrasebooks.version(lang);
        String local = places.version(caller.municipalityId(), lang);
        return Versions.combine(pack, course, phrasebook, local);
    }

    /** Every mutation names its entity; a general question (not about a lesson) names none: {@code ""}. */
    private static boolean validEntity(Mutation mutation) {
        return validId(mutation.entityId())
                || (mutation.type() == MutationType.QUESTION_ASK && "".equals(mutation.entityId()));
    }

    private static boolean validId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }
}
