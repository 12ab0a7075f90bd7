package nl.welkom.client;

/**
 * When a household first arrived on this family friend's phone (ISO date, Europe/Amsterdam): the
 * start of the "quiet" clock while no meeting is logged ({@link Meetings#quiet}). Kept until the
 * household leaves the phone, so a new match starts a new clock.
 */
record HouseholdArrival(String householdId, String arrivedOn) {
}
