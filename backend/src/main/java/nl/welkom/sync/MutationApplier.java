package nl.welkom.sync;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.appointment.AppointmentService;
import nl.welkom.auth.Caller;
import nl.welkom.course.CourseProgressService;
import nl.welkom.feedback.Feedback;
import nl.welkom.journey.TaskField;
import nl.welkom.meeting.MeetingService;
import nl.welkom.message.MessageService;
import nl.welkom.journey.TaskService;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;

/**
 * Applies one pushed mutation in its own short transaction, at most once per mutation id: the
 * outcome is recorded in {@code applied_mutation} in the same transaction as the edit, so a
 * retried push (the phone never heard the answer) finds it and changes nothing. The edit itself
 * follows {@link TaskService}'s rule, the same as an officer's; course progress goes to
 * {@link CourseProgressService}.
 */
@Singleton
class MutationApplier {
    private static final String ID_USED = "Mutation id already used.";

    private final AppliedMutationRepository applied;
    private final TaskService taskService;
    private final CourseProgressService courseProgress;
    private final Feedback feedback;
    private final AppointmentService appointments;
    private final MessageService messages;
    private final MeetingService meetings;
    private final Clock clock;

    MutationApplier(AppliedMutationRepository applied, TaskService taskService, CourseProgressService courseProgress,
                    Feedback feedback, AppointmentService appointments, MessageService messages, MeetingService meetings,
                    Clock clock) {
        this.applied = applied;
        this.meetings = meetings;
        this.messages = messages;
        this.feedback = feedback;
        this.appointments = appointments;
        this.courseProgress = courseProgress;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Transactional
    public MutationResult apply(Caller caller, Mutation mutation) {
        Optional<AppliedMutation> previous = applied.findById(mutation.id());
        if (previous.isPresent()) {
            return repeated(caller, mutation, previous.get());
        }
        if (mutation.type() == MutationType.COURSE_ANSWER || mutation.type() == MutationType.COURSE_LESSON_DONE) {
            CourseProgressService.Applied done = courseProgress.apply(caller, mutation);
            applied.save(new AppliedMutation(mutation.id(), caller.deviceId(), caller.isDevice() ? null : caller.userId(),
                    done.outcome(), done.detail(), clock.millis()));
            return new MutationResult(mutation.id(), done.outcome(), done.detail());
        }
        if (mutation.type() == MutationType.LESSON_FEEDBACK || mutation.type() == MutationType.QUESTION_ASK) {
            Feedback.Pushed pushed = feedback.applyPushed(caller, mutation.id(), mutation.type() == MutationType.QUESTION_ASK,
                    mutation.entityId(), mutation.value());
            MutationOutcome outcome = pushed.applied() ? MutationOutcome.APPLIED : MutationOutcome.REJECTED;
            applied.save(new AppliedMutation(mutation.id(), caller.deviceId(), caller.isDevice() ? null : caller.userId(),
                    outcome, pushed.detail(), clock.millis()));
            return new MutationResult(mutation.id(), outcome, pushed.detail());
        }
        if (mutation.type() == MutationType.APPOINTMENT_ANSWER) {
            AppointmentService.Applied done = appointments.applyAnswer(caller, mutation.entityId(), mutation.value());
            applied.save(new AppliedMutation(mutation.id(), caller.deviceId(), caller.isDevice() ? null : caller.userId(),
                    done.outcome(), done.detail(), clock.millis()));
            return new MutationResult(mutation.id(), done.outcome(), done.detail());
        }
        if (mutation.type() == MutationType.MESSAGE_SEND || mutation.type() == MutationType.MESSAGE_READ) {
            MessageService.Applied done = mutation.type() == MutationType.MESSAGE_SEND
                    ? messages.applySend(caller, mutation.id(), mutation.entityId(), mutation.value())
                    : messages.applyRead(caller, mutation.entityId(), mutation.value());
            applied.save(new AppliedMutation(mutation.id(), caller.deviceId(), caller.isDevice() ? null : caller.userId(),
                    done.outcome(), done.detail(), clock.millis()));
            return new MutationResult(mutation.id(), done.outcome(), done.detail());
        }
        if (mutation.type() == MutationType.MEETING_LOG) {
            MeetingService.Applied done = meetings.applyPushed(caller, mutation.id(), mutation.entityId(), mutation.value());
            applied.save(new AppliedMutation(mutation.id(), caller.deviceId(), caller.isDevice() ? null : caller.userId(),
                    done.outcome(), done.detail(), clock.millis()));
            return new MutationResult(mutation.id(), done.outcome(), done.detail());
        }
        TaskService.Edited edited = taskService.apply(caller, mutation.entityId(), values(mutation),
                mutation.baseVersion(), mutation.id());
        applied.save(new AppliedMutation(mutation.id(), caller.deviceId(), caller.isDevice() ? null : caller.userId(),
                edited.outcome(), edited.detail(), clock.millis()));
        return new MutationResult(mutation.id(), edited.outcome(), edited.detail());
    }

    /** The answer for a mutation applied (or rejected) before, as a retry hears it; empty when it is new. */
    @Transactional
    public Optional<MutationResult> appliedBefore(Caller caller, Mutation mutation) {
        return applied.findById(mutation.id()).map(previous -> repeated(caller, mutation, previous));
    }

    private static MutationResult repeated(Caller caller, Mutation mutation, AppliedMutation previous) {
        boolean sameActor = Objects.equals(previous.deviceId(), caller.deviceId())
                && (caller.isDevice() || Objects.equals(previous.userId(), caller.userId()));
        if (!sameActor) {
            return new MutationResult(mutation.id(), MutationOutcome.REJECTED, ID_USED);
        }
        if (previous.outcome() == MutationOutcome.REJECTED) {
            return new MutationResult(mutation.id(), MutationOutcome.REJECTED,
                    previous.detail() == null ? "Rejected before." : previous.detail());
        }
        return new MutationResult(mutation.id(), MutationOutcome.ALREADY_APPLIED, null);
    }

    /** The field a mutation sets, with its value. */
    private static Map<TaskField, String> values(Mutation mutation) {
        Map<TaskField, String> values = new EnumMap<>(TaskField.class);
        switch (mutation.type()) {
            case TASK_COMPLETE:
                values.put(TaskField.STATUS, TaskStatus.DONE.name());
                break;
            case TASK_REOPEN:
                values.put(TaskField.STATUS, TaskStatus.OPEN.name());
                break;
            case TASK_SET_NOTE:
                values.put(TaskField.NOTE, mutation.value());
                break;
            default:
                throw new IllegalArgumentException("Unsupported mutation type " + mutation.type());
        }
        return values;
    }
}
