package nl.welkom.message;

import java.util.List;
import java.util.Map;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.message.Message;
import nl.welkom.problem.ProblemException;

/**
 * The messages in the dashboard: the inbox ({@code message/inbox}, unanswered first) and the reply
 * form of a household's conversation (shown in {@link MessageSection}; a reply with an error comes
 * back on {@code message/reply} with status 400, the text kept and the error beside the field).
 */
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MessagePagesController {
    private final Dashboard dashboard;
    private final Pages pages;
    private final HouseholdScope scope;
    private final MessageService service;
    private final MessageSource words;

    MessagePagesController(Dashboard dashboard, Pages pages, HouseholdScope scope, MessageService service,
                           MessageSource words) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.scope = scope;
        this.service = service;
        this.words = words;
    }

    /** One inbox row as the page shows it. */
    record InboxRow(String householdId, String displayName, String link, String lastMessageAt, String lastFrom,
                    boolean unanswered, int unread) {
    }

    @Get("/messages")
    HttpResponse<?> inbox(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.viewer(authentication, request);
        List<InboxRow> rows = service.conversations(viewer.caller()).stream()
                .map(row -> new InboxRow(row.householdId(), row.displayName(),
                        Dashboard.householdPage(row.householdId(), "berichten").toString(),
                        viewer.display().dateTime(row.lastMessageAt()), row.lastFrom().name(), row.unanswered(),
                        row.unread()))
                .toList();
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("conversations", rows);
        model.put("unanswered", rows.stream().filter(InboxRow::unanswered).count());
        model.put("unread", rows.stream().mapToInt(InboxRow::unread).sum());
        return pages.ok("message/inbox", model, request);
    }

    @Post(value = "/households/{id}/messages", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reply(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                          @Body Map<String, String> form) {
        Viewer viewer = dashboard.viewer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        String text = form.get("text");
        if (MessageService.check(text) == null) {
            String plain = text == null ? "" : text.strip();
            String error = plain.isEmpty() ? word(viewer, "message.error.empty")
                    : plain.codePointCount(0, plain.length()) > Message.MAX_LENGTH
                    ? word(viewer, "message.error.long") : word(viewer, "message.error.control");
            Map<String, Object> model = Dashboard.model(viewer);
            model.put("household", household);
            model.put("action", UriBuilder.of("/dashboard/households").path(household.id()).path("messages")
                    .build().toString());
            model.put("back", Dashboard.householdPage(household.id(), "berichten").toString());
            model.put("text", text == null ? "" : text);
            model.put("error", error);
            model.put("maxLength", Message.MAX_LENGTH);
            return pages.render(HttpStatus.BAD_REQUEST, "message/reply", model, request);
        }
        service.send(viewer.caller(), household.id(), text);
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), "berichten"));
    }

    /** A service's problem (out of scope) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private String word(Viewer viewer, String key) {
        return words.getMessage(key, viewer.locale()).orElse(key);
    }
}
