package nl.welkom.config;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.household.FamilyFriend;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.ConflictResolution;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import nl.welkom.model.sync.ResolveConflictRequest;

/**
 * Makes the framework-free wire records of {@code shared-model} (de)serializable with Micronaut
 * Serde. Kept on its own class (STACK.md pitfall 6); add every new wire type here.
 */
@SerdeImport(Problem.class)
@SerdeImport(ActivationCode.class)
@SerdeImport(ActivationRequest.class)
@SerdeImport(DeviceInfo.class)
@SerdeImport(LoginRequest.class)
@SerdeImport(Role.class)
@SerdeImport(Session.class)
@SerdeImport(ContentPack.class)
@SerdeImport(Language.class)
@SerdeImport(Lesson.class)
@SerdeImport(Section.class)
@SerdeImport(TextDirection.class)
@SerdeImport(Topic.class)
@SerdeImport(TranslationState.class)
@SerdeImport(ArrivalPath.class)
@SerdeImport(Household.class)
@SerdeImport(FamilyFriend.class)
@SerdeImport(Meeting.class)
@SerdeImport(Member.class)
@SerdeImport(JourneyStage.class)
@SerdeImport(Task.class)
@SerdeImport(TaskAssignee.class)
@SerdeImport(TaskStatus.class)
@SerdeImport(Mutation.class)
@SerdeImport(MutationOutcome.class)
@SerdeImport(MutationResult.class)
@SerdeImport(MutationType.class)
@SerdeImport(PullResponse.class)
@SerdeImport(PushRequest.class)
@SerdeImport(PushResponse.class)
@SerdeImport(ConflictRecord.class)
@SerdeImport(ConflictResolution.class)
@SerdeImport(ResolveConflictRequest.class)
final class WireFormat {
    private WireFormat() {
    }
}
