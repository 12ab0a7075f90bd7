package nl.welkom.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.content.ContentPacks;
import nl.welkom.course.CourseProgressService;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.problem.ProblemException;

/** The course part of the dashboard: progress per member on the household page, and certificates. */
@Singleton
class CoursePages {
    static final String CERTIFICATE_READ = "course.certificate.read";
    private static final String PROGRESS_READ = "course.progress.read";

    private final CourseProgressService progress;
    private final HouseholdScope scope;
    private final MemberRepository members;
    private final ContentPacks packs;
    private final AuditLog audit;

    CoursePages(CourseProgressService progress, HouseholdScope scope, MemberRepository members, ContentPacks packs,
                AuditLog audit) {
        this.progress = progress;
        this.scope = scope;
        this.members = members;
        this.packs = packs;
        this.audit = audit;
    }

    /** One row per member (also without progress) of a household the caller may see; empty without a course. */
    List<CourseRow> rows(Viewer viewer, String householdId) {
        Caller caller = viewer.caller();
        HouseholdEntity household = scope.requireVisible(caller, householdId);
        CourseProgressService.Size size = progress.size();
        if (size.lessons() == 0) {
            return List.of();
        }
        CourseProgress found = progress.progress(List.of(household.id())).get(0);
        Map<String, MemberProgress> byMember = new LinkedHashMap<>();
        found.members().forEach(member -> byMember.put(member.memberId(), member));
        List<CourseRow> rows = new ArrayList<>();
        for (MemberEntity member : members.findByHouseholdIdInOrderBySortOrder(List.of(household.id()))) {
            MemberProgress p = byMember.get(member.id());
            rows.add(new CourseRow(member.id(), member.displayName(), p == null ? 0 : p.lessonsDone().size(), size.lessons(),
                    p == null ? 0 : p.correctAnswers().size(), size.questions(),
                    p == null || p.completedAt() == null ? null : viewer.display().isoDate(p.completedAt())));
        }
        audit.record(caller, PROGRESS_READ, household.id());
        return rows;
    }

    /**
     * The certificate page's model: the member's certificate and the course title in Dutch, English
     * and the member's own language (each once).
     *
     * @throws nl.welkom.problem.ProblemException 404 when the household is out of scope, the member
     *                                            not in it, or the course not complete
     */
    Map<String, Object> certificate(Viewer viewer, String householdId, String memberId) {
        Caller caller = viewer.caller();
        HouseholdEntity household = scope.requireVisible(caller, householdId);
        MemberEntity member = members.findById(memberId)
                .filter(m -> m.householdId().equals(household.id()))
                .orElseThrow(ProblemException::notFound);
        Optional<Certificate> certificate = progress.certificate(member);
        Certificate found = certificate.orElseThrow(ProblemException::notFound);
        Map<String, String> titles = progress.courseTitles();
        List<Map<String, String>> lines = new ArrayList<>();
        List<String> languages = new ArrayList<>(List.of("nl", "en"));
        LanguageList.parse(member.languages()).stream().filter(lang -> !languages.contains(lang)).findFirst()
                .ifPresent(languages::add);
        List<String> rightToLeft = packs.languages().stream().filter(l -> l.direction() == TextDirection.RTL)
                .map(Language::code).toList();
        for (String lang : languages) {
            if (titles.containsKey(lang)) {
                lines.add(Map.of("lang", lang, "title", titles.get(lang),
                        "dir", rightToLeft.contains(lang) ? "rtl" : "ltr"));
            }
        }
        audit.record(caller, CERTIFICATE_READ, household.id());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("certificate", found);
        model.put("titles", lines);
        model.put("completed", viewer.display().isoDate(found.completedAt()));
        model.put("householdId", household.id());
        return model;
    }

}
