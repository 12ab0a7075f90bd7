package nl.welkom.message;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.auth.Caller;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;

/** The messages API (docs/messages.md). */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MessageController {
    private final MessageService service;

    MessageController(MessageService service) {
        this.service = service;
    }

    /** {@code {"text": "…"}} */
    @Serdeable
    record Send(@Nullable String text) {
    }

    /** {@code {"upTo": "message id"}} */
    @Serdeable
    record Read(@Nullable String upTo) {
    }

    /** One row of {@code GET /api/conversations}. */
    @Serdeable
    record ConversationRow(String householdId, String displayName, String lastMessageAt, MessageAuthor lastFrom,
                           boolean unanswered, int unread) {
    }

    @Get("/households/{id}/messages")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    List<Message> list(Authentication authentication, @PathVariable String id) {
        return service.conversation(Caller.of(authentication), id);
    }

    @Post("/households/{id}/messages")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    HttpResponse<Message> send(Authentication authentication, @PathVariable String id, @Nullable @Body Send send) {
        return HttpResponse.created(service.send(Caller.of(authentication), id, send == null ? null : send.text()));
    }

    @Post("/households/{id}/messages/read")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    HttpResponse<Void> read(Authentication authentication, @PathVariable String id, @Nullable @Body Read read) {
        service.markRead(Caller.of(authentication), id, read == null ? null : read.upTo());
        return HttpResponse.noContent();
    }

    @Get("/conversations")
    @Secured({"OFFICER", "BUDDY"})
    List<ConversationRow> conversations(Authentication authentication) {
        return service.conversations(Caller.of(authentication)).stream()
                .map(row -> new ConversationRow(row.householdId(), row.displayName(),
                        Instant.ofEpochMilli(row.lastMessageAt()).toString(), row.lastFrom(), row.unanswered(),
                        row.unread()))
                .toList();
    }
}
