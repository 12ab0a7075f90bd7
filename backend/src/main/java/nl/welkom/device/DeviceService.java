package nl.welkom.device;

import java.util.List;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AuthService;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Device;
import nl.welkom.auth.DeviceRepository;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.problem.ProblemException;

/**
 * The phones activated for a household, for officers of its municipality: list them and revoke a
 * lost one. A revoked device keeps its row (the list shows when it was revoked); its tokens are
 * refused from then on with 401 {@code device-revoked}, and the phone wipes its copy.
 */
@Singleton
public class DeviceService {
    private final DeviceRepository devices;
    private final AuthService authService;
    private final HouseholdScope scope;
    private final AuditLog audit;

    DeviceService(DeviceRepository devices, AuthService authService, HouseholdScope scope, AuditLog audit) {
        this.devices = devices;
        this.authService = authService;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * The household's devices, oldest first, revoked ones included; audited.
     *
     * @throws ProblemException 404 when the household is out of the caller's scope
     */
    @Transactional
    public List<DeviceInfo> devicesOf(Caller officer, String householdId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        List<DeviceInfo> list = devices.findByHouseholdIdOrderByCreatedAt(household.id()).stream()
                .map(Device::asModel)
                .toList();
        audit.record(officer, AuditLog.DEVICE_LIST, household.id());
        return list;
    }

    /**
     * One device of a household in the officer's scope (for the page that asks to confirm revoking it).
     * Not audited: the household page that lists it is.
     *
     * @throws ProblemException 404 when the device does not exist or its household is out of scope
     */
    public DeviceInfo device(Caller officer, String deviceId) {
        return devices.findById(deviceId)
                .filter(found -> scope.canSee(officer, found.householdId()))
                .map(Device::asModel)
                .orElseThrow(ProblemException::notFound);
    }

    /**
     * Revokes a device and all its tokens; revoking a revoked device changes nothing. Audited.
     *
     * @throws ProblemException 404 when the device does not exist or its household is out of scope
     */
    @Transactional
    public DeviceInfo revoke(Caller officer, String deviceId) {
        Device device = devices.findById(deviceId)
                .filter(found -> scope.canSee(officer, found.householdId()))
                .orElseThrow(ProblemException::notFound);
        if (authService.revokeDevice(device.id())) {
            audit.record(officer, AuditLog.DEVICE_REVOKE, device.householdId());
        }
        return devices.findById(device.id()).map(Device::asModel).orElseThrow(ProblemException::notFound);
    }
}
