package nl.welkom.volunteer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a volunteer is in the programme's screening, and the one transition table
 * (docs/volunteers.md, "States"). Only {@link #ACTIVE} volunteers can be matched with a household.
 */
public enum VolunteerState {
    APPLIED, INTAKE_DONE, VOG_RECEIVED, TRAINED, ACTIVE, PAUSED, STOPPED, REJECTED;

    private static final Map<VolunteerState, Set<VolunteerState>> NEXT = Map.of(
            APPLIED, EnumSet.of(INTAKE_DONE, REJECTED, STOPPED),
            INTAKE_DONE, EnumSet.of(VOG_RECEIVED, REJECTED, STOPPED),
            VOG_RECEIVED, EnumSet.of(TRAINED, STOPPED),
            TRAINED, EnumSet.of(ACTIVE, STOPPED),
            ACTIVE, EnumSet.of(PAUSED, STOPPED),
            PAUSED, EnumSet.of(ACTIVE, STOPPED),
            STOPPED, EnumSet.noneOf(VolunteerState.class),
            REJECTED, EnumSet.noneOf(VolunteerState.class));

    /** The states this one may move to, in declaration order; empty for STOPPED and REJECTED. */
    public Set<VolunteerState> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(VolunteerState to) {
        return next().contains(to);
    }

    /** True for the states in which a VOG date is on record and its age matters. */
    public boolean vogCounts() {
        return this == VOG_RECEIVED || this == TRAINED || this == ACTIVE || this == PAUSED;
    }
}
