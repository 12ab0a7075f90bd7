package nl.welkom.meeting;

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
import nl.welkom.model.buddy.Meeting;

/**
 * The meeting log's API (docs/meetings.md): the matched family friend logs and reads their meetings
 * with a household; the household's officers read all of them with the friend's name; both read
 * their prompts (matches without a meeting for too long).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MeetingController {
    private final MeetingService service;

    MeetingController(MeetingService service) {
        this.service = service;
    }

    /** A meeting as the API reads it: the wire form plus the friend's name (for officers; null for the friend). */
    @Serdeable
    record MeetingRow(String id, String householdId, String date, String what, List<String> taskIds,
                      @Nullable String note, String loggedAt, @Nullable String buddyName) {
        static MeetingRow of(Meeting meeting, @Nullable String buddyName) {
            return new MeetingRow(meeting.id(), meeting.householdId(), meeting.date(), meeting.what(),
                    meeting.taskIds(), meeting.note(), meeting.loggedAt(), buddyName);
        }
    }

    /** One prompt of {@code GET /api/meetings/prompts}. */
    @Serdeable
    record PromptRow(String householdId, String displayName, @Nullable String buddyName, @Nullable String lastMet,
                     String since, long days) {
    }

    @Get("/households/{id}/meetings")
    @Secured({"OFFICER", "BUDDY"})
    List<MeetingRow> list(Authentication authentication, @PathVariable String id) {
        return service.list(Caller.of(authentication), id).stream()
                .map(row -> MeetingRow.of(row.meeting().asModel(), row.buddyName())).toList();
    }

    @Post("/households/{id}/meetings")
    @Secured({"OFFICER", "BUDDY"})
    HttpResponse<Meeting> log(Authentication authentication, @PathVariable String id,
                              @Nullable @Body MeetingService.LogRequest request) {
        MeetingService.LogRequest body = request == null ? new MeetingService.LogRequest(null, null, null, null) : request;
        return HttpResponse.created(service.log(Caller.of(authentication), id, body, List.of()));
    }

    @Get("/meetings")
    @Secured({"BUDDY"})
    List<Meeting> own(Authentication authentication) {
        return service.own(Caller.of(authentication)).stream().map(MeetingEntity::asModel).toList();
    }

    @Get("/meetings/prompts")
    @Secured({"OFFICER", "BUDDY"})
    List<PromptRow> prompts(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean officer = caller.role() == nl.welkom.model.auth.Role.OFFICER;
        return service.prompts(caller).stream()
                .map(p -> new PromptRow(p.householdId(), p.displayName(), officer ? p.buddyName() : null,
                        p.lastMet() == null ? null : p.lastMet().toString(), p.since().toString(), p.days()))
                .toList();
    }
}
