package nl.welkom.appointment;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.auth.Role;

/**
 * The appointments part of a household's page ({@code appointment/section}), for the household's
 * officers and its matched family friend: the appointments from today on, earliest first, with the
 * family's answer ("please move it" and "cannot come" stand out). Reading them is audited.
 */
@Singleton
final class AppointmentSection implements HouseholdSection {
    private final AppointmentService service;
    private final AppointmentRepository appointments;
    private final MemberRepository members;
    private final Clock clock;

    AppointmentSection(AppointmentService service, AppointmentRepository appointments, MemberRepository members,
                       Clock clock) {
        this.service = service;
        this.appointments = appointments;
        this.members = members;
        this.clock = clock;
    }

    /**
     * One appointment as the page shows it.
     *
     * @param when      start in Europe/Amsterdam, e.g. "4 december 2026, 14:30"
     * @param type      the type's name (for the word key)
     * @param where     place name, address, or null (by phone: {@code byPhone})
     * @param attention   the family asked to move it or cannot come
     * @param members     names of the members it is for, or null for the whole household
     * @param interpreter the interpreter's language in the viewer's language, or null
     * @param changeable  neither cancelled nor over: it may be moved or cancelled
     */
    record Row(String id, String when, String type, String purpose, @Nullable String where, boolean byPhone,
               boolean cancelled, String answer, @Nullable String answerNote, boolean attention,
               @Nullable String withName, @Nullable String members, @Nullable String interpreter,
               boolean changeable) {
    }

    @Override
    public String template() {
        return "appointment/section";
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (viewer.caller().role() != Role.OFFICER && viewer.caller().role() != Role.BUDDY) {
            return Optional.empty();
        }
        long now = clock.millis();
        long from = now - Duration.ofHours(12).toMillis();
        Map<String, String> names = new HashMap<>();
        members.findByHouseholdIdInOrderBySortOrder(List.of(householdId))
                .forEach(member -> names.put(member.id(), member.displayName()));
        List<Row> rows = service.upcoming(viewer.caller(), householdId, from).stream()
                .map(row -> new Row(row.id(), viewer.display().dateTime(row.startsAt()), row.type().name(),
                        row.purpose(), where(row), row.byPhone(), row.status() == AppointmentStatus.CANCELLED,
                        row.answer().name(), row.answerNote(),
                        row.answer() == AppointmentAnswer.ASK_TO_MOVE || row.answer() == AppointmentAnswer.CANNOT_COME,
                        row.withName(), memberNames(row, names),
                        row.interpreterLanguage() == null ? null : viewer.display().language(row.interpreterLanguage()),
                        row.status() != AppointmentStatus.CANCELLED && row.endsAt() > now))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", householdId);
        model.put("appointments", rows);
        return Optional.of(model);
    }

    @Nullable
    private static String memberNames(AppointmentEntity row, Map<String, String> names) {
        List<String> chosen = row.members().stream().map(names::get).filter(Objects::nonNull).toList();
        return chosen.isEmpty() ? null : String.join(", ", chosen);
    }

    @Nullable
    private String where(AppointmentEntity row) {
        String place = row.placeId() == null ? null : appointments.findPlaceName(row.placeId()).orElse(null);
        if (place != null && row.address() != null) {
            return place + ", " + row.address();
        }
        return place != null ? place : row.address();
    }
}
