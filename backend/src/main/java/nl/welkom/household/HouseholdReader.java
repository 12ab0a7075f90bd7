package nl.welkom.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;

/**
 * Turns household rows into their wire form, members included, with one query for all members,
 * as the viewer may see them: in full for officers, with the minimal fields of {@link MinimalView} for
 * buddies and for the household's own phone, which also gets its family friend ({@link FamilyFriends}).
 * Scope is the caller's business ({@link HouseholdScope}).
 */
@Singleton
public class HouseholdReader {
    private final MemberRepository members;
    private final FamilyFriends familyFriends;

    HouseholdReader(MemberRepository members, FamilyFriends familyFriends) {
        this.members = members;
        this.familyFriends = familyFriends;
    }

    /** The household as its own phone sees it: minimal, with its family friend's first name and languages, if matched. */
    private Household withFamilyFriend(Household household) {
        return familyFriends.of(household.id())
                .map(friend -> new Household(household.id(), household.municipalityId(), household.reference(),
                        household.displayName(), household.nationality(), household.campOfOrigin(),
                        household.arrivalPath(), household.stage(), household.languages(), household.members(),
                        household.version(), friend))
                .orElse(household);
    }

    public Household read(Caller viewer, HouseholdEntity household) {
        return read(viewer, List.of(household)).get(0);
    }

    /** The wire form of each household as {@code viewer} may see it, in the given order. */
    public List<Household> read(Caller viewer, List<HouseholdEntity> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> byHousehold = new LinkedHashMap<>();
        households.forEach(household -> byHousehold.put(household.id(), new ArrayList<>()));
        for (MemberEntity member : members.findByHouseholdIdInOrderBySortOrder(byHousehold.keySet())) {
            byHousehold.get(member.householdId()).add(member.asModel());
        }
        boolean buddy = viewer.role() == Role.BUDDY;
        boolean ownDevice = viewer.role() == Role.NEWCOMER && viewer.isDevice();
        return households.stream()
                .map(household -> household.asModel(byHousehold.get(household.id())))
                .map(household -> buddy || ownDevice ? MinimalView.of(household) : household)
                .map(household -> ownDevice && household.id().equals(viewer.householdId())
                        ? withFamilyFriend(household) : household)
                .toList();
    }
}
