package nl.welkom.buddy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.BuddyMatch;
import nl.welkom.household.BuddyMatchRepository;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.ScopeChange;
import nl.welkom.household.ScopeChangeRepository;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;
import nl.welkom.volunteer.Volunteers;

/**
 * The life of a buddy match, for officers of the household's municipality: start it, end it, list
 * it. Starting and ending change the buddy's scope, so each writes a {@link ScopeChange} with the
 * next change sequence in the same transaction: the buddy's phone gets the household (with all its
 * tasks) or is told to drop it on its next pull (docs/sync.md, "Scope changes and revocation"); the
 * household takes the same sequence so that the family's phone pulls it with (or without) its family
 * friend (docs/matching.md). Ending records why ({@link EndReason}).
 */
@Singleton
public class BuddyMatchService {
    private final BuddyMatchRepository matches;
    private final ScopeChangeRepository scopeChanges;
    private final AppUserRepository users;
    private final HouseholdScope scope;
    private final ChangeSequence sequence;
    private final AuditLog audit;
    private final Volunteers volunteers;
    private final HouseholdRepository households;
    private final Clock clock;

    BuddyMatchService(BuddyMatchRepository matches, ScopeChangeRepository scopeChanges, AppUserRepository users,
                      HouseholdScope scope, ChangeSequence sequence, AuditLog audit, Volunteers volunteers,
                      HouseholdRepository households, Clock clock) {
        this.households = households;
        this.volunteers = volunteers;
        this.matches = matches;
        this.scopeChanges = scopeChanges;
        this.users = users;
        this.scope = scope;
        this.sequence = sequence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active family friends of the officer's municipality, by name (a deactivated account cannot be matched). */
    public List<BuddyInfo> buddies(Caller officer) {
        return users.findByMunicipalityIdAndRoleOrderByDisplayName(officer.municipalityId(), Role.BUDDY).stream()
                .filter(AppUser::active)
                .map(BuddyInfo::of)
                .toList();
    }

    /**
     * The household's matches, active and ended, newest first; audited.
     *
     * @throws ProblemException 404 when the household is out of the officer's scope
     */
    @Transactional
    public List<BuddyMatchInfo> matchesOf(Caller officer, String householdId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        List<BuddyMatchInfo> result = matches.findByHouseholdIdOrderByStartedAtDesc(household.id()).stream()
                .map(match -> BuddyMatchInfo.of(match, displayName(match.buddyUserId())))
                .toList();
        audit.record(officer, AuditLog.BUDDY_MATCH_LIST, household.id());
        return result;
    }

    /**
     * Matches a family friend of the officer's municipality with a household of it; the household
     * enters the buddy's scope.
     *
     * @throws ProblemException 404 when the household is out of scope; 400 when {@code buddyUserId}
     *                          is not an active BUDDY of the municipality; 409 {@code buddy-match-exists}
     *                          when the two are matched already; 409 {@code volunteer-not-active} when the
     *                          buddy's volunteer record is not ACTIVE (docs/volunteers.md)
     */
    @Transactional
    public BuddyMatchInfo start(Caller officer, String householdId, String buddyUserId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        AppUser buddy = users.findById(buddyUserId)
                .filter(user -> user.role() == Role.BUDDY && user.active()
                        && Objects.equals(user.municipalityId(), officer.municipalityId()))
                .orElseThrow(() -> ProblemException.badRequest("buddyUserId is not a family friend of your municipality."));
        if (!volunteers.mayBeMatched(buddy.id())) {
            throw new ProblemException(HttpStatus.CONFLICT, "volunteer-not-active", "Volunteer not active",
                    "This family friend is not an active volunteer and cannot be matched now.");
        }
        long seq = sequence.next();
        if (matches.existsByBuddyUserIdAndHouseholdIdAndEndedAtIsNull(buddy.id(), household.id())) {
            throw new ProblemException(HttpStatus.CONFLICT, "buddy-match-exists", "Already matched",
                    "This family friend is matched with this household already.");
        }
        long now = clock.millis();
        BuddyMatch match = matches.save(new BuddyMatch(UUID.randomUUID().toString(), buddy.id(), household.id(), now,
                null, null, null));
        scopeChanges.save(ScopeChange.ofUser(seq, buddy.id(), household.id(), true, now));
        households.touch(household.id(), seq); // the family's phone pulls it again, with its family friend
        audit.record(officer, AuditLog.BUDDY_MATCH_START, household.id());
        return BuddyMatchInfo.of(match, buddy.displayName());
    }

    /**
     * The reason named in a request.
     *
     * @throws ProblemException 400 when it is missing or not an {@link EndReason}
     */
    public static EndReason reason(String name) {
        if (name != null) {
            for (EndReason reason : EndReason.values()) {
                if (reason.name().equals(name)) {
                    return reason;
                }
            }
        }
        throw ProblemException.badRequest("reason is required: one of " + java.util.Arrays.toString(EndReason.values())
                + ".");
    }

    /**
     * Ends a match of a household in the officer's scope, recording why; the household leaves the
     * buddy's scope, and takes a new change sequence so that the family's phone pulls it without its
     * family friend. Ending an ended match changes nothing and answers it as it is.
     *
     * @throws ProblemException 404 when the match does not exist or its household is out of scope;
     *                          400 when the note is longer than {@link EndReason#MAX_NOTE}
     */
    @Transactional
    public BuddyMatchInfo end(Caller officer, String matchId, EndReason reason, String note) {
        BuddyMatch match = matches.findById(matchId)
                .filter(found -> scope.canSee(officer, found.householdId()))
                .orElseThrow(ProblemException::notFound);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.codePointCount(0, cleanNote.length()) > EndReason.MAX_NOTE) {
            throw ProblemException.badRequest("note is longer than " + EndReason.MAX_NOTE + " characters.");
        }
        if (match.endedAt() == null) {
            long seq = sequence.next();
            long now = clock.millis();
            if (matches.end(match.id(), now, reason.name(), cleanNote) == 1) {
                scopeChanges.save(ScopeChange.ofUser(seq, match.buddyUserId(), match.householdId(), false, now));
                households.touch(match.householdId(), seq); // the family's phone pulls it again, without
                audit.record(officer, AuditLog.BUDDY_MATCH_END, match.householdId());
            }
            match = matches.findById(matchId).orElseThrow(ProblemException::notFound);
        }
        return BuddyMatchInfo.of(match, displayName(match.buddyUserId()));
    }

    /**
     * Ends every active match of a family friend (a volunteer who stopped), as {@link #end} does one by one:
     * each household leaves the buddy's scope and device. Only matches the officer can see.
     */
    @Transactional
    public void endAllOf(Caller officer, String buddyUserId) {
        for (String householdId : matches.findActiveHouseholdIds(buddyUserId)) {
            matches.findByHouseholdIdOrderByStartedAtDesc(householdId).stream()
                    .filter(match -> match.buddyUserId().equals(buddyUserId) && match.endedAt() == null)
                    .filter(match -> scope.canSee(officer, match.householdId()))
                    .forEach(match -> end(officer, match.id(), EndReason.VOLUNTEER_STOPPED, null));
        }
    }

    private String displayName(String userId) {
        return users.findById(userId).map(AppUser::displayName).orElse("");
    }
}
