package nl.welkom.household;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import nl.welkom.abuse.DeniedAccesses;
import nl.welkom.auth.Caller;
import nl.welkom.problem.ProblemException;

/**
 * The one place that decides which households a caller may see:
 * <ul>
 *   <li>OFFICER: every household of the officer's municipality;</li>
 *   <li>BUDDY: households with an active match to this buddy;</li>
 *   <li>NEWCOMER (a device): its own household;</li>
 *   <li>EDITOR and ADMIN: none (editors work on content, admins on accounts).</li>
 * </ul>
 * Anything outside the scope is answered as if it did not exist (404). An erased household (its
 * blank tombstone, docs/gdpr.md) is in nobody's scope: its buddy matches are ended and its devices
 * revoked by the erasure, and officers no longer see it.
 */
@Singleton
public class HouseholdScope {
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");

    private final HouseholdRepository households;
    private final BuddyMatchRepository matches;
    private final DeniedAccesses denied;

    HouseholdScope(HouseholdRepository households, BuddyMatchRepository matches, DeniedAccesses denied) {
        this.households = households;
        this.matches = matches;
        this.denied = denied;
    }

    /** The households the caller may see, ordered by reference. */
    public List<HouseholdEntity> visibleHouseholds(Caller caller) {
        switch (caller.role()) {
            case OFFICER:
                return households.findByMunicipalityIdOrderByReference(caller.municipalityId()).stream()
                        .filter(HouseholdScope::notErased)
                        .toList();
            case BUDDY:
                List<String> matched = matches.findActiveHouseholdIds(caller.userId());
                return matched.isEmpty() ? List.of() : households.findByIdInOrderByReference(matched).stream()
                        .filter(HouseholdScope::notErased)
                        .toList();
            case NEWCOMER:
                return households.findById(caller.householdId()).filter(HouseholdScope::notErased).stream().toList();
            default:
                return List.of();
        }
    }

    /**
     * The ids of the households the caller may see, in no particular order: what a pull covers. One
     * indexed query for a buddy, none for a device.
     */
    public List<String> visibleHouseholdIds(Caller caller) {
        switch (caller.role()) {
            case OFFICER:
                return households.findByMunicipalityIdOrderByReference(caller.municipalityId()).stream()
                        .filter(HouseholdScope::notErased)
                        .map(HouseholdEntity::id)
                        .toList();
            case BUDDY:
                return matches.findActiveHouseholdIds(caller.userId());
            case NEWCOMER:
                return caller.householdId() == null ? List.of() : List.of(caller.householdId());
            default:
                return List.of();
        }
    }

    /**
     * The caller's scope as a SQL condition on the {@code household} table under {@code alias}, for
     * queries that filter, sort and page in the database (the caseload): the same rule as
     * {@link #canSee}, written once more here so that it stays beside it. Parameters are bound.
     *
     * @param alias the household table's alias in the caller's query, a plain lower-case identifier
     */
    public Condition condition(Caller caller, String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias");
        }
        switch (caller.role()) {
            case OFFICER:
                return new Condition(alias + ".municipality_id = ? AND " + alias + ".erased_at IS NULL",
                        List.of(caller.municipalityId()));
            case BUDDY:
                return new Condition(alias + ".id IN (SELECT scope_match.household_id FROM buddy_match scope_match"
                        + " WHERE scope_match.buddy_user_id = ? AND scope_match.ended_at IS NULL)",
                        List.of(caller.userId()));
            case NEWCOMER:
                return caller.householdId() == null ? Condition.NOTHING
                        : new Condition(alias + ".id = ?", List.of(caller.householdId()));
            default:
                return Condition.NOTHING;
        }
    }

    /**
     * A SQL condition with its parameters, in order.
     *
     * @param sql        a boolean expression to AND into a WHERE clause
     * @param parameters the values of its {@code ?} placeholders
     */
    public record Condition(String sql, List<Object> parameters) {
        /** No household at all (editors, administrators). */
        static final Condition NOTHING = new Condition("1 = 0", List.of());

        public Condition {
            parameters = List.copyOf(parameters);
        }
    }

    /** Whether the caller may see the household with this id (false when there is none). */
    public boolean canSee(Caller caller, String householdId) {
        switch (caller.role()) {
            case OFFICER:
                return households.findById(householdId).filter(household -> canSee(caller, household)).isPresent();
            case BUDDY:
                return matches.existsByBuddyUserIdAndHouseholdIdAndEndedAtIsNull(caller.userId(), householdId);
            case NEWCOMER:
                return Objects.equals(householdId, caller.householdId());
            default:
                return false;
        }
    }

    /**
     * The household, if the caller may see it. A household that exists but lies out of scope is a
     * denied access: written to the audit log and counted ({@link DeniedAccesses}).
     *
     * @throws ProblemException 404 when it does not exist or is out of scope
     */
    public HouseholdEntity requireVisible(Caller caller, String householdId) {
        HouseholdEntity household = households.findById(householdId).orElseThrow(ProblemException::notFound);
        if (!canSee(caller, household)) {
            denied.note(caller, household.id());
            throw ProblemException.notFound();
        }
        return household;
    }

    /** Whether the caller may see this household. */
    public boolean canSee(Caller caller, HouseholdEntity household) {
        if (!notErased(household)) {
            return false;
        }
        switch (caller.role()) {
            case OFFICER:
                return Objects.equals(household.municipalityId(), caller.municipalityId());
            case BUDDY:
                return matches.existsByBuddyUserIdAndHouseholdIdAndEndedAtIsNull(caller.userId(), household.id());
            case NEWCOMER:
                return Objects.equals(household.id(), caller.householdId());
            default:
                return false;
        }
    }

    /** An erased household (a blank tombstone, docs/gdpr.md) is in nobody's scope. */
    private static boolean notErased(HouseholdEntity household) {
        return household.erasedAt() == null;
    }
}
