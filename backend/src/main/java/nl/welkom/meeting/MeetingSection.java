package nl.welkom.meeting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;
import nl.welkom.model.auth.Role;

/**
 * The meetings on a household's page ({@code meeting/section}, "Ontmoetingen"): for the matched family
 * friend the form to log one and their own meetings; for the household's officers every meeting with
 * the friend's name and the note for the coordinator. Reading is audited.
 */
@Singleton
final class MeetingSection implements HouseholdSection {
    private final MeetingService service;
    private final MeetingForm form;

    MeetingSection(MeetingService service, MeetingForm form) {
        this.service = service;
        this.form = form;
    }

    /** One meeting as the page shows it. */
    record Row(String id, String date, String what, @Nullable String note, @Nullable String buddyName,
               List<String> taskTitles) {
    }

    @Override
    public String template() {
        return "meeting/section";
    }

    @Override
    public int order() {
        return 125;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        Role role = viewer.caller().role();
        if (role != Role.OFFICER && role != Role.BUDDY) {
            return Optional.empty();
        }
        Map<String, String> titles = form.titles(viewer, householdId);
        List<MeetingService.Row> meetings = service.list(viewer.caller(), householdId);
        List<Row> rows = meetings.stream()
                .map(row -> new Row(row.meeting().id(), viewer.display().isoDate(row.meeting().metOn()),
                        row.meeting().what(), row.meeting().note(),
                        row.buddyName(), row.meeting().taskIdList().stream()
                                .map(id -> titles.getOrDefault(id, "")).filter(t -> !t.isEmpty()).toList()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", householdId);
        model.put("meetings", rows);
        model.put("buddy", role == Role.BUDDY);
        if (role == Role.BUDDY) {
            model.put("form", form.model(viewer, householdId, null, Map.of()));
        }
        return Optional.of(model);
    }
}
