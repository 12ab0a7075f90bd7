package nl.welkom.device;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.DeviceInfo;

@SecurityRequirement(name = "bearer")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
final class DeviceController {
    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    /** The phones activated for a household of the officer's municipality, revoked ones included. */
    @Get("/households/{id}/devices")
    List<DeviceInfo> devices(Authentication authentication, @PathVariable String id) {
        return devices.devicesOf(Caller.of(authentication), id);
    }

    /** Revokes a lost phone: its requests get 401 {@code device-revoked} from now on. */
    @Post("/devices/{id}/revoke")
    DeviceInfo revoke(Authentication authentication, @PathVariable String id) {
        return devices.revoke(Caller.of(authentication), id);
    }
}
