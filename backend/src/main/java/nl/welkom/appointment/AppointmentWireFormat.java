package nl.welkom.appointment;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.appointment.AppointmentType;

/** The shared-model appointment types on the wire (JSON in and out). */
@SerdeImport(Appointment.class)
@SerdeImport(AppointmentType.class)
@SerdeImport(AppointmentStatus.class)
@SerdeImport(AppointmentAnswer.class)
final class AppointmentWireFormat {
    private AppointmentWireFormat() {
    }
}
