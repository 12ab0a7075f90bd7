package nl.welkom.report;

import java.util.Optional;

import nl.welkom.model.journey.JourneyStage;
import nl.welkom.report.ReportTable.Message;

/** Journey stages as report rows: the stored name read leniently, the label from the dashboard's bundle. */
final class Stages {
    private Stages() {
    }

    /** The stage stored as {@code name}; empty for a value that is not a stage (it is then not counted). */
    static Optional<JourneyStage> parse(String name) {
        try {
            return Optional.of(JourneyStage.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** {@code stage.ARRIVAL}, the dashboard's word for the stage. */
    static Message label(JourneyStage stage) {
        return new Message("stage." + stage.name());
    }
}
