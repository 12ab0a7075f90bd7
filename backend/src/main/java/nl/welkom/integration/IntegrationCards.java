package nl.welkom.integration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.dashboard.Display;
import nl.welkom.integration.IntegrationViews.ChangeView;
import nl.welkom.integration.IntegrationViews.ComponentView;
import nl.welkom.integration.IntegrationViews.IntakeView;
import nl.welkom.integration.IntegrationViews.MeetingView;
import nl.welkom.integration.IntegrationViews.MemberView;
import nl.welkom.integration.IntegrationViews.PlanView;
import nl.welkom.integration.IntegrationViews.TermView;

/**
 * What the integration templates show, made from the API's views with the viewer's {@link Display}:
 * dates already written the viewer's way, enums left as names for the templates to word from the
 * bundle. Public records because the template engine reads them.
 */
final class IntegrationCards {
    private IntegrationCards() {
    }

    /**
     * A member on the household page and at the head of the member's file.
     *
     * @param canUnmark obliged, but nothing recorded yet: the mark may still be removed
     */
    public record MemberCard(String memberId, String name, @Nullable Integer birthYear, boolean obliged,
                             @Nullable String intakeOn, @Nullable String route, List<ComponentRow> components,
                             @Nullable TermRow term, @Nullable String lastMeeting, @Nullable String nextMeeting,
                             boolean nextMeetingPassed, boolean hasIntake, boolean hasPlan, boolean canUnmark) {
    }

    /** A component with its status and dates (written out), for badges and the plan's table. */
    public record ComponentRow(String component, String status, @Nullable String startedOn,
                               @Nullable String completedOn) {
    }

    /**
     * The term as shown; {@code badge} is the CSS class of its status badge, or null when nothing needs
     * saying ({@code overdue} for the last three months and after, {@code soon} from six months).
     */
    public record TermRow(String status, @Nullable String start, @Nullable String deadline,
                          @Nullable String baseDeadline, int extensionMonths, int monthsLeft, long daysLeft,
                          boolean warning, @Nullable String badge) {
    }

    public record IntakeRow(String heldOn, String conductedBy, String summary, String education,
                            @Nullable String workExperience, @Nullable Boolean healthAffectsLearning,
                            @Nullable Boolean needsLiteracy, @Nullable String updated) {
    }

    public record PlanRow(String route, @Nullable String establishedOn, @Nullable String languageSchool,
                          List<ComponentRow> components, List<ExtensionRow> extensions) {
    }

    public record ExtensionRow(int months, @Nullable String decidedOn, String reason, @Nullable String recorded,
                               String by) {
    }

    public record MeetingRow(String id, @Nullable String heldOn, String by, String summary,
                             @Nullable String nextMeetingOn) {
    }

    /** One change to the plan: when, by whom, and its fields; {@code created} for the change that drew the plan up. */
    public record HistoryGroup(@Nullable String at, String by, boolean created, List<HistoryRow> rows) {
    }

    /**
     * One field of a change: {@code field} names the word ({@code integration.field.<field>}),
     * {@code component} the component it belongs to, if any; {@code kind} says how to word the values
     * ({@code route}, {@code status}, {@code months}, or plain {@code text}, dates written out already).
     */
    public record HistoryRow(String field, @Nullable String component, String kind, @Nullable String oldValue,
                             @Nullable String newValue) {
    }

    static MemberCard card(MemberView member, Display display, LocalDate today) {
        PlanView plan = member.plan();
        List<ComponentRow> components = plan == null ? List.of() : components(plan, display);
        MeetingView last = member.meetings().isEmpty() ? null : member.meetings().get(0);
        LocalDate next = last == null ? null : Display.parseDate(last.nextMeetingOn());
        return new MemberCard(member.memberId(), member.displayName(), member.birthYear(), member.obliged(),
                member.intake() == null ? null : display.isoDate(member.intake().heldOn()),
                plan == null ? null : plan.route().name(), components,
                plan == null ? null : term(plan.term(), display),
                last == null ? null : display.isoDate(last.heldOn()), display.date(next),
                next != null && next.isBefore(today), member.intake() != null, plan != null,
                member.obliged() && member.intake() == null && plan == null && member.meetings().isEmpty());
    }

    static List<ComponentRow> components(PlanView plan, Display display) {
        return plan.components().stream().map(component -> row(component, display)).toList();
    }

    static TermRow term(TermView term, Display display) {
        String badge = switch (term.status()) {
            case OVERDUE, DUE_IN_3_MONTHS -> "overdue";
            case DUE_IN_6_MONTHS -> "soon";
            case COMPLETED -> "done";
            case DRAFT -> "open";
            case RUNNING -> null;
        };
        return new TermRow(term.status().name(), display.isoDate(term.start()), display.isoDate(term.deadline()),
                display.isoDate(term.baseDeadline()), term.extensionMonths(), term.monthsLeft(), term.daysLeft(),
                term.status().warning(), badge);
    }

    static IntakeRow intake(IntakeView intake, Display display) {
        return new IntakeRow(display.isoDate(intake.heldOn()), intake.conductedByName(), intake.summary(),
                intake.education().name(), intake.workExperience(), intake.healthAffectsLearning(),
                intake.needsLiteracy(), display.dateTime(intake.updatedAt()));
    }

    static PlanRow plan(PlanView plan, Display display) {
        return new PlanRow(plan.route().name(), display.isoDate(plan.establishedOn()), plan.languageSchool(),
                components(plan, display),
                plan.extensions().stream()
                        .map(extension -> new ExtensionRow(extension.months(), display.isoDate(extension.decidedOn()),
                                extension.reason(), display.dateTime(extension.recordedAt()),
                                extension.recordedByName()))
                        .toList());
    }

    static MeetingRow meeting(MeetingView meeting, Display display) {
        return new MeetingRow(meeting.id(), display.isoDate(meeting.heldOn()), meeting.conductedByName(),
                meeting.summary(), display.isoDate(meeting.nextMeetingOn()));
    }

    /** The history (newest change first, as the service gives it) grouped by change. */
    static List<HistoryGroup> history(List<ChangeView> changes, Display display) {
        List<HistoryGroup> groups = new ArrayList<>();
        String current = null;
        List<HistoryRow> rows = null;
        ChangeView head = null;
        boolean created = false;
        for (ChangeView change : changes) {
            if (!change.changeId().equals(current)) {
                if (head != null) {
                    groups.add(new HistoryGroup(display.dateTime(head.changedAt()), head.changedByName(), created,
                            List.copyOf(rows)));
                }
                current = change.changeId();
                head = change;
                rows = new ArrayList<>();
                created = false;
            }
            if ("plan".equals(change.field())) {
                created = true;
            } else {
                rows.add(historyRow(change, display));
            }
        }
        if (head != null) {
            groups.add(new HistoryGroup(display.dateTime(head.changedAt()), head.changedByName(), created,
                    List.copyOf(rows)));
        }
        return groups;
    }

    private static HistoryRow historyRow(ChangeView change, Display display) {
        String field = change.field();
        String component = null;
        if (field.startsWith("components.")) {
            String[] parts = field.split("\\.");
            component = parts[1];
            field = parts[2];
        } else if (field.startsWith("extension.")) {
            field = field.substring("extension.".length());
        }
        String kind = switch (field) {
            case "route" -> "route";
            case "status" -> "status";
            case "months" -> "months";
            case "establishedOn", "deadline", "startedOn", "completedOn", "decidedOn" -> "date";
            default -> "text";
        };
        String oldValue = change.oldValue();
        String newValue = change.newValue();
        if ("date".equals(kind)) {
            oldValue = display.isoDate(oldValue);
            newValue = display.isoDate(newValue);
            kind = "text";
        }
        return new HistoryRow(field, component, kind, oldValue, newValue);
    }

    private static ComponentRow row(ComponentView component, Display display) {
        return new ComponentRow(component.component().name(), component.status().name(),
                display.isoDate(component.startedOn()), display.isoDate(component.completedOn()));
    }
}
