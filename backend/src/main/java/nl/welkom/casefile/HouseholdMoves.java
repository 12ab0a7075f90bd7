package nl.welkom.casefile;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.buddy.BuddyMatchService;
import nl.welkom.buddy.EndReason;
import nl.welkom.household.BuddyMatch;
import nl.welkom.household.BuddyMatchRepository;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.problem.ProblemException;

/**
 * Moves a household to another municipality (it happens: a family is placed elsewhere, or moves on).
 * In one transaction:
 * <ul>
 *   <li>the household row gets the new municipality and the next version and change sequence, so its
 *       phones pull it again and keep working (a device's token names the household, and the
 *       device's municipality is read through the household on every request);</li>
 *   <li>its tasks, members, phones, needs and everything else hanging off the household follow it;
 *       the old municipality's officers lose access at once ({@code HouseholdScope} answers 404);</li>
 *   <li>each active match with a family friend of another municipality is ended through
 *       {@link BuddyMatchService#end}, whose scope change makes the buddy's phone drop it;</li>
 *   <li>the reference is kept, with a suffix ({@code -2}, {@code -3}...) when the new municipality
 *       uses it already;</li>
 *   <li>a {@link HouseholdMove} row and two audit events ({@link CaseFileAudit#MOVE_OUT},
 *       {@link CaseFileAudit#MOVE_IN}) record it for both sides.</li>
 * </ul>
 */
@Singleton
class HouseholdMoves {
    private final CaseFiles caseFiles;
    private final HouseholdRepository households;
    private final HouseholdReferences references;
    private final MunicipalityRepository municipalities;
    private final BuddyMatchRepository matches;
    private final BuddyMatchService buddyMatches;
    private final AppUserRepository users;
    private final HouseholdMove.Repository moves;
    private final ChangeSequence sequence;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdMoves(CaseFiles caseFiles, HouseholdRepository households, HouseholdReferences references,
                   MunicipalityRepository municipalities, BuddyMatchRepository matches, BuddyMatchService buddyMatches,
                   AppUserRepository users, HouseholdMove.Repository moves, ChangeSequence sequence, AuditLog audit,
                   Clock clock) {
        this.caseFiles = caseFiles;
        this.households = households;
        this.references = references;
        this.municipalities = municipalities;
        this.matches = matches;
        this.buddyMatches = buddyMatches;
        this.users = users;
        this.moves = moves;
        this.sequence = sequence;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every municipality except the officer's own, by name: where a household can move to. */
    List<Municipality> targets(Caller officer) {
        return municipalities.listOrderByName().stream()
                .filter(municipality -> !municipality.id().equals(officer.municipalityId()))
                .toList();
    }

    /** The municipality with this id, if any. */
    @Nullable
    Municipality municipality(String id) {
        return municipalities.findById(id).orElse(null);
    }

    /**
     * Moves the household of the officer's municipality to the municipality with {@code slug}.
     *
     * @throws ProblemException 404 when the household is out of the officer's scope; 400 when the
     *                          slug is missing, unknown or the officer's own municipality
     */
    @Transactional
    MoveResult move(Caller officer, String householdId, @Nullable String slug) {
        // First the change sequence: it serializes writers, so the household read below is current.
        long seq = sequence.next();
        HouseholdEntity household = caseFiles.requireOfficerScope(officer, householdId);
        Municipality target = target(officer, slug);
        List<BuddyMatch> ending = matchesToEnd(household.id(), target);
        for (BuddyMatch match : ending) {
            buddyMatches.end(officer, match.id(), EndReason.MOVED, null);
        }
        String reference = freeReference(target.id(), household.reference());
        households.update(household.movedTo(target.id(), reference, seq));
        HouseholdMove move = moves.save(new HouseholdMove(UUID.randomUUID().toString(), household.id(),
                household.municipalityId(), target.id(), household.reference(), reference, clock.millis(),
                officer.userId()));
        audit.record(officer, CaseFileAudit.MOVE_OUT, household.id());
        audit.record(officer, CaseFileAudit.MOVE_IN, household.id());
        return MoveResult.of(move, ending.size());
    }

    /** The household's active matches with family friends who are not of {@code target}: a move ends them. */
    List<BuddyMatch> matchesToEnd(String householdId, Municipality target) {
        return matches.findByHouseholdIdOrderByStartedAtDesc(householdId).stream()
                .filter(match -> match.endedAt() == null)
                .filter(match -> !target.id().equals(buddyMunicipality(match.buddyUserId())))
                .toList();
    }

    /** A move the officer's municipality was a side of; audited. @throws ProblemException 404 otherwise */
    HouseholdMove seenBy(Caller officer, String moveId) {
        HouseholdMove move = moves.findById(moveId)
                .filter(found -> Objects.equals(officer.municipalityId(), found.fromMunicipalityId())
                        || Objects.equals(officer.municipalityId(), found.toMunicipalityId()))
                .orElseThrow(ProblemException::notFound);
        audit.record(officer, CaseFileAudit.MOVE_READ, move.householdId());
        return move;
    }

    /** The target municipality for a slug. @throws ProblemException 400 */
    Municipality target(Caller officer, @Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            throw ProblemException.badRequest("municipalitySlug: is required.");
        }
        Municipality target = municipalities.findBySlug(slug.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.badRequest("municipalitySlug: there is no municipality with this slug."));
        if (target.id().equals(officer.municipalityId())) {
            throw ProblemException.badRequest("municipalitySlug: the household belongs to this municipality already.");
        }
        return target;
    }

    private String freeReference(String municipalityId, String reference) {
        String candidate = reference;
        for (int suffix = 2; references.existsByMunicipalityIdAndReference(municipalityId, candidate); suffix++) {
            String tail = "-" + suffix;
            String base = reference.length() + tail.length() > CaseFileRules.REFERENCE_MAX
                    ? reference.substring(0, CaseFileRules.REFERENCE_MAX - tail.length()) : reference;
            candidate = base + tail;
        }
        return candidate;
    }

    @Nullable
    private String buddyMunicipality(String userId) {
        return users.findById(userId).map(AppUser::municipalityId).orElse(null);
    }
}
