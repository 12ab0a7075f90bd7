package nl.welkom.casefile;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.LanguageList;
import nl.welkom.household.SelectionRoute;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.problem.ProblemException;

/**
 * The officer's case-file pages (docs/households.md): a new household, editing it and its members,
 * special needs, moving it to another municipality, and importing a list from CSV. Plain HTML forms
 * (the pages allow no script); a form with broken rules comes back with status 400, the values kept
 * and each message beside its field and in a summary at the top; a saved form redirects (303) to the
 * household page's case-file section. Officers only: anyone else signed in gets the 403 page, a
 * household of another municipality the 404 page.
 */
@Hidden
@Controller("/dashboard/households")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseFilePages {
    static final String SECTION = "casefile";
    private static final String LANGUAGE_BOX = "language-";

    private final Dashboard dashboard;
    private final Pages pages;
    private final CaseFiles caseFiles;
    private final CaseFileRules rules;
    private final HouseholdMoves moves;
    private final HouseholdImport importer;
    private final Words words;

    CaseFilePages(Dashboard dashboard, Pages pages, CaseFiles caseFiles, CaseFileRules rules, HouseholdMoves moves,
                  HouseholdImport importer, Words words) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.caseFiles = caseFiles;
        this.rules = rules;
        this.moves = moves;
        this.importer = importer;
        this.words = words;
    }

    // ---- The household

    @Get("/new")
    HttpResponse<?> newHousehold(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, String> form = new HashMap<>();
        form.put("reference", caseFiles.suggestReference(viewer.caller()));
        form.put("stage", JourneyStage.SELECTED.name());
        return householdForm(viewer, null, form, List.of(), false, HttpStatus.OK, request);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createHousehold(HttpRequest<?> request, Authentication authentication,
                                    @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            HouseholdDetails created = caseFiles.create(viewer.caller(), householdCommand(form, null));
            return HttpResponse.seeOther(Dashboard.householdPage(created.id(), SECTION));
        } catch (InvalidInput invalid) {
            return householdForm(viewer, null, form, invalid.errors(), false, HttpStatus.BAD_REQUEST, request);
        }
    }

    @Get("/{id}/edit")
    HttpResponse<?> editHousehold(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdDetails details = caseFiles.details(viewer.caller(), id);
        return householdForm(viewer, details, householdValues(details), List.of(), false, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateHousehold(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                    @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        Long version = version(form.get("version"), viewer);
        HouseholdDetails current = caseFiles.read(caseFiles.requireOfficerScope(viewer.caller(), id));
        try {
            caseFiles.update(viewer.caller(), id, householdCommand(form, version));
            return HttpResponse.seeOther(Dashboard.householdPage(id, SECTION));
        } catch (InvalidInput invalid) {
            return householdForm(viewer, current, form, invalid.errors(), false, HttpStatus.BAD_REQUEST, request);
        } catch (StaleVersion stale) {
            Map<String, String> again = new HashMap<>(form);
            again.put("version", String.valueOf(stale.currentVersion()));
            return householdForm(viewer, current, again, List.of(), true, HttpStatus.CONFLICT, request);
        }
    }

    // ---- Members

    @Get("/{id}/members/new")
    HttpResponse<?> newMember(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), id);
        Map<String, String> form = new HashMap<>();
        List<String> languages = LanguageList.parse(household.languages());
        if (!languages.isEmpty()) {
            form.put("firstLanguage", languages.get(0));
        }
        return memberForm(viewer, household, null, form, List.of(), HttpStatus.OK, request);
    }

    @Post(value = "/{id}/members/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addMember(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), id);
        List<FieldError> errors = new ArrayList<>();
        MemberCommand command = memberCommand(form, errors);
        try {
            if (!errors.isEmpty()) {
                throw invalidMember(command, errors);
            }
            caseFiles.addMember(viewer.caller(), id, command);
            return HttpResponse.seeOther(Dashboard.householdPage(id, SECTION));
        } catch (InvalidInput invalid) {
            return memberForm(viewer, household, null, form, invalid.errors(), HttpStatus.BAD_REQUEST, request);
        }
    }

    @Get("/{id}/members/{memberId}/edit")
    HttpResponse<?> editMember(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdDetails details = caseFiles.details(viewer.caller(), id);
        HouseholdDetails.MemberDetails member = member(details, memberId, viewer);
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), id);
        return memberForm(viewer, household, member.id(), memberValues(member), List.of(), HttpStatus.OK, request);
    }

    @Post(value = "/{id}/members/{memberId}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateMember(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @PathVariable String memberId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), id);
        caseFiles.requireMember(household, memberId);
        List<FieldError> errors = new ArrayList<>();
        MemberCommand command = memberCommand(form, errors);
        try {
            if (!errors.isEmpty()) {
                throw invalidMember(command, errors);
            }
            caseFiles.updateMember(viewer.caller(), id, memberId, command);
            return HttpResponse.seeOther(Dashboard.householdPage(id, SECTION));
        } catch (InvalidInput invalid) {
            return memberForm(viewer, household, memberId, form, invalid.errors(), HttpStatus.BAD_REQUEST, request);
        }
    }

    /** Asks before a member is removed. */
    @Get("/{id}/members/{memberId}/remove")
    HttpResponse<?> confirmRemoveMember(HttpRequest<?> request, Authentication authentication,
                                        @PathVariable String id, @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        return removeMemberPage(viewer, id, memberId, false, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/members/{memberId}/remove",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> removeMember(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            caseFiles.removeMember(viewer.caller(), id, memberId);
        } catch (ProblemException problem) {
            if (problem.problem().status() != HttpStatus.CONFLICT.getCode()) {
                throw problem;
            }
            return removeMemberPage(viewer, id, memberId, true, HttpStatus.CONFLICT, request);
        }
        return HttpResponse.seeOther(Dashboard.householdPage(id, SECTION));
    }

    // ---- Special needs

    @Get("/{id}/special-needs/new")
    HttpResponse<?> newNeed(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        return needForm(viewer, id, new HashMap<>(), List.of(), HttpStatus.OK, request);
    }

    @Post(value = "/{id}/special-needs/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addNeed(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                            @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            caseFiles.addNeed(viewer.caller(), id,
                    new SpecialNeedCommand(form.get("kind"), form.get("memberId"), form.get("note")));
            return HttpResponse.seeOther(Dashboard.householdPage(id, "special-needs"));
        } catch (InvalidInput invalid) {
            return needForm(viewer, id, form, invalid.errors(), HttpStatus.BAD_REQUEST, request);
        }
    }

    @Post(value = "/{id}/special-needs/{needId}/remove",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> removeNeed(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String needId) {
        Viewer viewer = dashboard.officer(authentication, request);
        caseFiles.removeNeed(viewer.caller(), id, needId);
        return HttpResponse.seeOther(Dashboard.householdPage(id, "special-needs"));
    }

    // ---- Moving to another municipality

    @Get("/{id}/move")
    HttpResponse<?> moveForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), id);
        return movePage(viewer, household, null, null, List.of(), HttpStatus.OK, request);
    }

    /** Without {@code confirmed=yes}: the confirmation page. With it: the move, then the move's page (303). */
    @Post(value = "/{id}/move", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> move(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), id);
        String slug = CaseFileRules.clean(form.get("municipality"));
        Municipality target = slug == null ? null : moves.targets(viewer.caller()).stream()
                .filter(municipality -> municipality.slug().equals(slug))
                .findFirst().orElse(null);
        if (target == null) {
            FieldError error = FieldError.of("municipality", slug == null ? Invalid.REQUIRED : Invalid.CHOICE,
                    moves.targets(viewer.caller()).stream().map(Municipality::name).reduce((a, b) -> a + ", " + b)
                            .orElse(""));
            return movePage(viewer, household, slug, null, List.of(error), HttpStatus.BAD_REQUEST, request);
        }
        if (!"yes".equals(form.get("confirmed"))) {
            return movePage(viewer, household, slug, target, List.of(), HttpStatus.OK, request);
        }
        MoveResult moved = moves.move(viewer.caller(), id, target.slug());
        return HttpResponse.seeOther(URI.create("/dashboard/households/moves/" + moved.moveId()));
    }

    /** A move, as the old or the new municipality sees it. */
    @Get("/moves/{moveId}")
    HttpResponse<?> moved(HttpRequest<?> request, Authentication authentication, @PathVariable String moveId) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdMove move = moves.seenBy(viewer.caller(), moveId);
        boolean out = move.fromMunicipalityId().equals(viewer.caller().municipalityId());
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("out", out);
        model.put("householdId", move.householdId());
        model.put("fromReference", move.fromReference());
        model.put("toReference", move.toReference());
        model.put("otherSide", municipalityName(out ? move.toMunicipalityId() : move.fromMunicipalityId()));
        model.put("movedAt", viewer.display().dateTime(move.movedAt()));
        return pages.ok("household/moved", model, request);
    }

    // ---- Import

    @Get("/import")
    HttpResponse<?> importForm(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        return importPage(viewer, null, "all", List.of(), HttpStatus.OK, request);
    }

    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> importFile(HttpRequest<?> request, Authentication authentication,
                               @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("mode") String mode) {
        Viewer viewer = dashboard.officer(authentication, request);
        String chosen = "valid".equals(mode) ? "valid" : "all";
        byte[] content = bytes(file);
        if (content.length == 0) {
            return importPage(viewer, null, chosen, List.of(FieldError.of("file", Invalid.NO_FILE)),
                    HttpStatus.BAD_REQUEST, request);
        }
        HouseholdImport.Outcome outcome;
        try {
            outcome = importer.run(viewer.caller(), content, HouseholdImport.Mode.parse(chosen));
        } catch (InvalidInput raced) {
            return importPage(viewer, null, chosen, raced.errors(), HttpStatus.CONFLICT, request);
        }
        boolean refused = outcome.imported().isEmpty() && !outcome.errors().isEmpty();
        return importPage(viewer, outcome, chosen, List.of(), refused ? HttpStatus.BAD_REQUEST : HttpStatus.OK,
                request);
    }

    /** The template: Dutch headers, one example row, {@code ;}, UTF-8 with a byte order mark so that Excel reads it right. */
    @Get("/import/template.csv")
    HttpResponse<?> template(HttpRequest<?> request, Authentication authentication) {
        dashboard.officer(authentication, request);
        return HttpResponse.ok(HouseholdCsv.template())
                .contentType(MediaType.of("text/csv;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"welkom-huishoudens.csv\"");
    }

    /** A service's problem (out of scope, wrong role) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    // ---- Forms

    private HttpResponse<?> householdForm(Viewer viewer, @Nullable HouseholdDetails existing, Map<String, String> form,
                                          List<FieldError> errors, boolean changed, HttpStatus status,
                                          HttpRequest<?> request) {
        Map<String, Object> model = formModel(viewer, form, errors);
        model.put("existing", existing);
        model.put("changed", changed);
        model.put("countries", CaseFileView.countries(viewer.display()));
        model.put("languages", CaseFileView.languages(rules.languageNames(), viewer.display()));
        model.put("stages", JourneyStage.values());
        model.put("paths", ArrivalPath.values());
        model.put("routes", SelectionRoute.values());
        model.put("action", existing == null ? "/dashboard/households/new"
                : "/dashboard/households/" + existing.id() + "/edit");
        model.put("cancel", existing == null ? "/dashboard" : Dashboard.householdPage(existing.id(), SECTION).toString());
        return pages.render(status, "household/form", model, request);
    }

    private HttpResponse<?> memberForm(Viewer viewer, HouseholdEntity household, @Nullable String memberId,
                                       Map<String, String> form, List<FieldError> errors, HttpStatus status,
                                       HttpRequest<?> request) {
        Map<String, Object> model = formModel(viewer, form, errors);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("memberId", memberId);
        model.put("countries", CaseFileView.countries(viewer.display()));
        model.put("languages", CaseFileView.languages(rules.languageNames(), viewer.display()));
        model.put("action", "/dashboard/households/" + household.id() + "/members/"
                + (memberId == null ? "new" : memberId + "/edit"));
        model.put("cancel", Dashboard.householdPage(household.id(), SECTION).toString());
        return pages.render(status, "household/member", model, request);
    }

    private HttpResponse<?> removeMemberPage(Viewer viewer, String householdId, String memberId, boolean hasRecords,
                                             HttpStatus status, HttpRequest<?> request) {
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), householdId);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("memberId", memberId);
        model.put("memberName", caseFiles.requireMember(household, memberId).displayName());
        model.put("hasRecords", hasRecords);
        model.put("cancel", Dashboard.householdPage(household.id(), SECTION).toString());
        return pages.render(status, "household/member-remove", model, request);
    }

    private HttpResponse<?> needForm(Viewer viewer, String householdId, Map<String, String> form,
                                     List<FieldError> errors, HttpStatus status, HttpRequest<?> request) {
        HouseholdEntity household = caseFiles.requireOfficerScope(viewer.caller(), householdId);
        Map<String, Object> model = formModel(viewer, form, errors);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("kinds", SpecialNeedKind.values());
        model.put("members", caseFiles.membersOf(household.id()).stream()
                .map(member -> new CaseFileView.Option(member.id(), member.displayName())).toList());
        model.put("cancel", Dashboard.householdPage(household.id(), "special-needs").toString());
        return pages.render(status, "household/need", model, request);
    }

    private HttpResponse<?> movePage(Viewer viewer, HouseholdEntity household, @Nullable String slug,
                                     @Nullable Municipality target, List<FieldError> errors, HttpStatus status,
                                     HttpRequest<?> request) {
        Map<String, String> form = new HashMap<>();
        if (slug != null) {
            form.put("municipality", slug);
        }
        Map<String, Object> model = formModel(viewer, form, errors);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("reference", household.reference());
        model.put("targets", moves.targets(viewer.caller()).stream()
                .map(municipality -> new CaseFileView.Option(municipality.slug(), municipality.name())).toList());
        model.put("target", target == null ? null : new CaseFileView.Option(target.slug(), target.name()));
        model.put("endingMatches", target == null ? 0 : moves.matchesToEnd(household.id(), target).size());
        model.put("cancel", Dashboard.householdPage(household.id(), SECTION).toString());
        return pages.render(status, "household/move", model, request);
    }

    private HttpResponse<?> importPage(Viewer viewer, @Nullable HouseholdImport.Outcome outcome, String mode,
                                       List<FieldError> errors, HttpStatus status, HttpRequest<?> request) {
        Map<String, Object> model = formModel(viewer, Map.of("mode", mode), errors);
        model.put("columns", Stream.of(HouseholdCsv.Column.values())
                .map(column -> new ColumnDoc(column.header, column.required, column.householdLevel)).toList());
        model.put("maxRows", HouseholdCsv.MAX_ROWS);
        if (outcome != null) {
            model.put("report", ImportReport.of(outcome, words, viewer.locale()));
        }
        return pages.render(status, "household/import", model, request);
    }

    /** The model of a form page: the values as entered, each field's first message, and the summary. */
    private Map<String, Object> formModel(Viewer viewer, Map<String, String> form, List<FieldError> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.putIfAbsent(error.field(), words.text(error, viewer.locale()));
        }
        List<CaseFileView.ErrorLink> summary = new ArrayList<>();
        messages.forEach((field, message) -> summary.add(new CaseFileView.ErrorLink(
                "languages".equals(field) ? "f-firstLanguage" : "f-" + field, message)));
        model.put("form", form);
        model.put("errors", messages);
        model.put("summary", summary);
        return model;
    }

    /** A column of the import file, for the page that documents them. Public for the template engine. */
    public record ColumnDoc(String header, boolean required, boolean householdLevel) {
    }

    // ---- Form values to commands and back

    private HouseholdCommand householdCommand(Map<String, String> form, @Nullable Long version) {
        return new HouseholdCommand(form.get("reference"), form.get("displayName"), form.get("nationality"),
                form.get("campOfOrigin"), form.get("selectionRoute"), form.get("expectedArrival"),
                form.get("arrivedOn"), form.get("arrivalPath"), form.get("receptionLocation"), form.get("stage"),
                chosenLanguages(form), version, null);
    }

    private MemberCommand memberCommand(Map<String, String> form, List<FieldError> errors) {
        Integer birthYear = null;
        String year = CaseFileRules.clean(form.get("birthYear"));
        if (year != null) {
            try {
                birthYear = Integer.valueOf(year);
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("birthYear", Invalid.NUMBER));
            }
        }
        return new MemberCommand(form.get("displayName"), birthYear, form.get("birthDate"), form.get("nationality"),
                chosenLanguages(form));
    }

    /** The first errors (an unreadable year) and whatever else the rules find in the rest of the form. */
    private InvalidInput invalidMember(MemberCommand command, List<FieldError> first) {
        List<FieldError> all = new ArrayList<>(first);
        rules.member(command, "", Set.copyOf(rules.knownLanguages()), all);
        return new InvalidInput(all);
    }

    /** The preferred language, then the other ticked ones, in the table's order. */
    private List<String> chosenLanguages(Map<String, String> form) {
        List<String> chosen = new ArrayList<>();
        String first = CaseFileRules.clean(form.get("firstLanguage"));
        if (first != null) {
            chosen.add(first);
        }
        for (String code : rules.knownLanguages()) {
            if (form.containsKey(LANGUAGE_BOX + code) && !chosen.contains(code)) {
                chosen.add(code);
            }
        }
        return chosen;
    }

    private static Map<String, String> householdValues(HouseholdDetails details) {
        Map<String, String> form = new HashMap<>();
        put(form, "reference", details.reference());
        put(form, "displayName", details.displayName());
        put(form, "nationality", details.nationality());
        put(form, "campOfOrigin", details.campOfOrigin());
        put(form, "selectionRoute", details.selectionRoute() == null ? null : details.selectionRoute().name());
        put(form, "expectedArrival", details.expectedArrival());
        put(form, "arrivedOn", details.arrivedOn());
        put(form, "arrivalPath", details.arrivalPath().name());
        put(form, "receptionLocation", details.receptionLocation());
        put(form, "stage", details.stage().name());
        putLanguages(form, details.languages());
        form.put("version", String.valueOf(details.version()));
        return form;
    }

    private static Map<String, String> memberValues(HouseholdDetails.MemberDetails member) {
        Map<String, String> form = new HashMap<>();
        put(form, "displayName", member.displayName());
        put(form, "birthYear", member.birthYear() == null ? null : String.valueOf(member.birthYear()));
        put(form, "birthDate", member.birthDate());
        put(form, "nationality", member.nationality());
        putLanguages(form, member.languages());
        return form;
    }

    private static void putLanguages(Map<String, String> form, List<String> languages) {
        for (int i = 0; i < languages.size(); i++) {
            form.put(i == 0 ? "firstLanguage" : LANGUAGE_BOX + languages.get(i), i == 0 ? languages.get(0) : "on");
        }
    }

    private static void put(Map<String, String> form, String key, @Nullable String value) {
        if (value != null) {
            form.put(key, value);
        }
    }

    private static HouseholdDetails.MemberDetails member(HouseholdDetails details, String memberId, Viewer viewer) {
        return details.members().stream().filter(member -> member.id().equals(memberId)).findFirst()
                .orElseThrow(() -> PageException.notFound(viewer));
    }

    @Nullable
    private static Long version(@Nullable String value, Viewer viewer) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw PageException.badRequest(viewer);
        }
    }

    /**
     * The uploaded file's bytes as sent (a file upload, not a byte[] parameter: that would be
     * decoded and re-encoded as text, breaking a Windows-1252 file). A browser sends a form without
     * a file as an empty upload with an empty file name.
     */
    private static byte[] bytes(@Nullable CompletedFileUpload file) {
        if (file == null) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    private String municipalityName(String id) {
        Municipality municipality = moves.municipality(id);
        return municipality == null ? "" : municipality.name();
    }
}
