package nl.welkom.course;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.course.ProgressEntities.AnswerRepository;
import nl.welkom.course.ProgressEntities.AnswerRow;
import nl.welkom.course.ProgressEntities.CompletionRepository;
import nl.welkom.course.ProgressEntities.CompletionRow;
import nl.welkom.course.ProgressEntities.LessonDoneRepository;
import nl.welkom.course.ProgressEntities.LessonDoneRow;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.auth.Role;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationType;

/**
 * Course progress per household member: records pushed answers and finished lessons, decides
 * completion, and reads progress and certificates.
 *
 * <p>The completion rule: a member has completed the course when every course lesson is done and
 * every quiz question was answered correctly at least once. The server decides whether an answer
 * is correct from the course, never from the phone. The date of completion is the day (UTC) of the
 * first write that met the rule; it is recorded once and never moves.
 */
@Singleton
public class CourseProgressService {
    private final CourseCatalog catalog;
    private final AnswerRepository answers;
    private final LessonDoneRepository lessonsDone;
    private final CompletionRepository completions;
    private final MemberRepository members;
    private final HouseholdRepository households;
    private final ChangeSequence sequence;
    private final Clock clock;

    CourseProgressService(CourseCatalog catalog, AnswerRepository answers, LessonDoneRepository lessonsDone,
                          CompletionRepository completions, MemberRepository members, HouseholdRepository households,
                          ChangeSequence sequence, Clock clock) {
        this.catalog = catalog;
        this.answers = answers;
        this.lessonsDone = lessonsDone;
        this.completions = completions;
        this.members = members;
        this.households = households;
        this.sequence = sequence;
        this.clock = clock;
    }

    /** What applying a course mutation did: the outcome and, when rejected, why. */
    public record Applied(MutationOutcome outcome, String detail) {
    }

    /**
     * Applies a {@link MutationType#COURSE_ANSWER} or {@link MutationType#COURSE_LESSON_DONE} inside
     * the caller's transaction (the one that records the mutation id, so it happens at most once).
     * Only a household's own device may record progress, and only for its own members.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Applied apply(Caller caller, Mutation mutation) {
        Optional<CourseDefinition> found = catalog.definition();
        if (found.isEmpty()) {
            return rejected("There is no course.");
        }
        CourseDefinition course = found.get();
        if (caller.role() != Role.NEWCOMER) {
            return rejected("Only a household's own phone records course progress.");
        }
        Optional<MemberEntity> member = members.findById(mutation.entityId())
                .filter(m -> m.householdId().equals(caller.householdId()));
        if (member.isEmpty()) {
            return rejected("Not a member of this household.");
        }
        String value = mutation.value() == null ? "" : mutation.value();
        String memberId = member.get().id();
        String householdId = member.get().householdId();
        long now = clock.millis();
        if (mutation.type() == MutationType.COURSE_ANSWER) {
            int colon = value.lastIndexOf(':');
            int option;
            try {
                option = colon < 1 ? -1 : Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                option = -1;
            }
            String questionSlug = colon < 1 ? "" : value.substring(0, colon);
            Optional<CourseDefinition.QuestionDef> question = course.questions().stream()
                    .filter(q -> q.slug().equals(questionSlug)).findFirst();
            if (question.isEmpty() || option < 0 || option >= question.get().options().size()) {
                return rejected("Unknown question or option.");
            }
            answers.save(new AnswerRow(mutation.id(), householdId, memberId, course.slug(), questionSlug, option,
                    option == question.get().correct(), now));
        } else {
            boolean inCourse = course.lessons().stream().anyMatch(lesson -> lesson.lessonId().equals(value));
            if (!inCourse) {
                return rejected("Not a lesson of the course.");
            }
            String id = CourseDefinition.uuid("lesson-done:" + memberId + ":" + course.slug() + ":" + value);
            if (lessonsDone.existsById(id)) {
                return new Applied(MutationOutcome.APPLIED, null);
            }
            lessonsDone.save(new LessonDoneRow(id, householdId, memberId, course.slug(), value, now));
        }
        String certificateId = certificateId(memberId, course);
        if (!completions.existsById(certificateId)
                && completes(course, lessonsDone.findByMemberIdAndCourseSlug(memberId, course.slug()),
                answers.findByMemberIdAndCourseSlug(memberId, course.slug()))) {
            completions.save(new CompletionRow(certificateId, householdId, memberId, course.slug(), now));
        }
        households.touch(householdId, sequence.next());
        return new Applied(MutationOutcome.APPLIED, null);
    }

    /** Progress of every member with any, per household, in the order of {@code householdIds}. */
    @Transactional(readOnly = true)
    public List<CourseProgress> progress(Collection<String> householdIds) {
        Optional<CourseDefinition> found = catalog.definition();
        if (householdIds.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Builder>> byHousehold = new LinkedHashMap<>();
        householdIds.forEach(id -> byHousehold.put(id, new LinkedHashMap<>()));
        if (found.isPresent()) {
            String slug = found.get().slug();
            for (MemberEntity member : members.findByHouseholdIdInOrderBySortOrder(householdIds)) {
                byHousehold.get(member.householdId()).put(member.id(), new Builder(member.id()));
            }
            for (LessonDoneRow row : lessonsDone.findByHouseholdIdInAndCourseSlug(householdIds, slug)) {
                builder(byHousehold, row.householdId(), row.memberId()).lessonsDone.add(row.lessonId());
            }
            for (AnswerRow row : answers.findByHouseholdIdInAndCourseSlug(householdIds, slug)) {
                Builder builder = builder(byHousehold, row.householdId(), row.memberId());
                builder.answered.add(row.questionSlug());
                if (row.correct()) {
                    builder.correct.add(row.questionSlug());
                }
            }
            for (CompletionRow row : completions.findByHouseholdIdInAndCourseSlug(householdIds, slug)) {
                builder(byHousehold, row.householdId(), row.memberId()).completedAt = date(row.completedAt());
            }
        }
        List<CourseProgress> result = new ArrayList<>();
        byHousehold.forEach((householdId, builders) -> {
            List<MemberProgress> list = new ArrayList<>();
            builders.values().stream().filter(Builder::any).forEach(builder -> list.add(builder.build()));
            result.add(new CourseProgress(householdId, List.copyOf(list)));
        });
        return result;
    }

    /**
     * The certificate of a member who completed the course, in the first of the member's languages
     * that has the course title (Dutch when none); empty when not completed.
     */
    @Transactional(readOnly = true)
    public Optional<Certificate> certificate(MemberEntity member) {
        Optional<CourseDefinition> found = catalog.definition();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CourseDefinition course = found.get();
        Optional<CompletionRow> completion = completions.findById(certificateId(member.id(), course));
        if (completion.isEmpty()) {
            return Optional.empty();
        }
        List<String> chain = new ArrayList<>(LanguageList.parse(member.languages()));
        chain.add(CourseDefinition.SOURCE);
        String lang = CourseCatalog.first(chain, course.title());
        return Optional.of(new Certificate(completion.get().id(), member.id(), member.displayName(), course.slug(),
                course.title().get(lang), date(completion.get().completedAt()), lang));
    }

    /** The course title in every language it has (for a certificate printed in several). */
    public Map<String, String> courseTitles() {
        return catalog.definition().map(CourseDefinition::title).orElse(Map.of());
    }

    /** How many lessons and quiz questions the course has. */
    public record Size(int lessons, int questions) {
    }

    /** The size of the course; 0 lessons and 0 questions without a course. */
    public Size size() {
        return catalog.definition().map(c -> new Size(c.lessons().size(), c.questions().size()))
                .orElse(new Size(0, 0));
    }

    static boolean completes(CourseDefinition course, List<LessonDoneRow> done, List<AnswerRow> given) {
        Set<String> doneIds = new LinkedHashSet<>();
        done.forEach(row -> doneIds.add(row.lessonId()));
        Set<String> right = new LinkedHashSet<>();
        given.stream().filter(AnswerRow::correct).forEach(row -> right.add(row.questionSlug()));
        return course.lessons().stream().allMatch(lesson -> doneIds.contains(lesson.lessonId()))
                && course.questions().stream().allMatch(question -> right.contains(question.slug()));
    }

    private static String certificateId(String memberId, CourseDefinition course) {
        return CourseDefinition.uuid("certificate:" + memberId + ":" + course.slug());
    }

    private static Applied rejected(String detail) {
        return new Applied(MutationOutcome.REJECTED, detail);
    }

    private static String date(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Builder builder(Map<String, Map<String, Builder>> byHousehold, String householdId, String memberId) {
        return byHousehold.get(householdId).computeIfAbsent(memberId, Builder::new);
    }

    private static final class Builder {
        final String memberId;
        final Set<String> lessonsDone = new LinkedHashSet<>();
        final Set<String> correct = new LinkedHashSet<>();
        final Set<String> answered = new LinkedHashSet<>();
        String completedAt;

        Builder(String memberId) {
            this.memberId = memberId;
        }

        boolean any() {
            return !lessonsDone.isEmpty() || !answered.isEmpty();
        }

        MemberProgress build() {
            return new MemberProgress(memberId, List.copyOf(lessonsDone), List.copyOf(correct), List.copyOf(answered),
                    completedAt);
        }
    }
}
