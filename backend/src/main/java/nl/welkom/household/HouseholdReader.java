package nl.welkom.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;

/** Turns household rows into their wire form, members included, with one query for all members. */
@Singleton
public class HouseholdReader {
    private final MemberRepository members;

    HouseholdReader(MemberRepository members) {
        this.members = members;
    }

    public Household read(HouseholdEntity household) {
        return read(List.of(household)).get(0);
    }

    /** The wire form of each household, in the given order. */
    public List<Household> read(List<HouseholdEntity> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> byHousehold = new LinkedHashMap<>();
        households.forEach(household -> byHousehold.put(household.id(), new ArrayList<>()));
        for (MemberEntity member : members.findByHouseholdIdInOrderBySortOrder(byHousehold.keySet())) {
            byHousehold.get(member.householdId()).add(member.asModel());
        }
        return households.stream().map(household -> household.asModel(byHousehold.get(household.id()))).toList();
    }
}
