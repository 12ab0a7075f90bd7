package nl.welkom.integration;

import java.time.LocalDate;

/**
 * A member whose inburgeringstermijn ends soon or has ended while the plan is unfinished
 * ({@link IntegrationService#deadlinesDueWithin}). Ids and dates only: whoever shows it reads the
 * names through the household scope and audits that.
 *
 * @param deadline the last day of the term, with extensions
 */
public record DeadlineDue(String householdId, String memberId, String planId, LocalDate deadline,
                          TermStatus status) {
}
