package nl.welkom.message;

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
 * The conversation on a household's page ({@code message/section}, "Berichten"), for its officers and
 * its matched family friend (only from the match on): oldest at the top, with a reply form. Opening
 * the page marks the household's messages read for the staff side. Reading is audited.
 */
@Singleton
final class MessageSection implements HouseholdSection {
    private final MessageService service;
    private final MessageRepository messages;

    MessageSection(MessageService service, MessageRepository messages) {
        this.service = service;
        this.messages = messages;
    }

    /**
     * One message as the page shows it.
     *
     * @param from     HOUSEHOLD, OFFICER or BUDDY (for the word key)
     * @param read     the other side has read it
     * @param fresh    a household message the staff side had not read before this page
     */
    record Row(String id, String from, @Nullable String authorName, String text, String when, boolean read,
               boolean fresh, @Nullable String lessonTitle) {
    }

    @Override
    public String template() {
        return "message/section";
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (viewer.caller().role() != Role.OFFICER && viewer.caller().role() != Role.BUDDY) {
            return Optional.empty();
        }
        List<Row> rows = service.entries(viewer.caller(), householdId).stream()
                .map(row -> new Row(row.id(), row.author().name(), row.authorName(), row.text(),
                        viewer.display().dateTime(row.sentAt()), row.readAt() != null,
                        !row.author().staff() && row.readAt() == null,
                        row.lessonId() == null ? null : messages.findLessonTitle(row.lessonId()).stream().findFirst()
                                .orElse(null)))
                .toList();
        service.markAllRead(viewer.caller(), householdId);
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", householdId);
        model.put("messages", rows);
        model.put("maxLength", nl.welkom.model.message.Message.MAX_LENGTH);
        return Optional.of(model);
    }
}
