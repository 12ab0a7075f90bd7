package nl.welkom.client;

import java.util.List;

/**
 * What the reader has seen of one appointment (stored beside it, naming the same household, so it
 * goes with it): the {@code sequence} they last saw and the reminders they dismissed, each as
 * {@code "<kind>@<startsAt>"} so that a moved appointment reminds again.
 */
record AppointmentSeen(String id, String householdId, int sequence, List<String> dismissed) {
}
