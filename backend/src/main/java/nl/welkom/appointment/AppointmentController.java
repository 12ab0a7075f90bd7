package nl.welkom.appointment;

import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.welkom.auth.Caller;
import nl.welkom.model.appointment.Appointment;

/** The appointments API (docs/appointments.md). */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AppointmentController {
    private final AppointmentService service;

    AppointmentController(AppointmentService service) {
        this.service = service;
    }

    @Get("/households/{id}/appointments")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    List<Appointment> list(Authentication authentication, @PathVariable String id) {
        return service.list(Caller.of(authentication), id);
    }

    @Post("/households/{id}/appointments")
    @Secured({"OFFICER", "BUDDY"})
    HttpResponse<Appointment> create(Authentication authentication, @PathVariable String id,
                                     @Body AppointmentCommand command) {
        return HttpResponse.created(service.create(Caller.of(authentication), id, command));
    }

    @Put("/appointments/{id}")
    @Secured({"OFFICER", "BUDDY"})
    Appointment update(Authentication authentication, @PathVariable String id, @Body AppointmentCommand command) {
        return service.update(Caller.of(authentication), id, command);
    }

    @Post("/appointments/{id}/cancel")
    @Secured({"OFFICER", "BUDDY"})
    Appointment cancel(Authentication authentication, @PathVariable String id) {
        return service.cancel(Caller.of(authentication), id);
    }
}
