package nl.welkom.journey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.content.ContentPacks;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Display;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.problem.ProblemException;

/**
 * The journey's dashboard pages for officers (docs/journey.md): add, edit and remove a household's
 * tasks, make tasks from templates, and keep the municipality's templates. Every form is
 * post-redirect-get; a form with a mistake comes back (400) with what was typed and the message
 * beside its field. Task edits go through {@link TaskService#change}: only the fields the officer
 * changed are sent, so a field someone else changed meanwhile is overwritten only when the officer
 * changed it too, and then the household page tells them ({@code ?conflict=}).
 */
@Hidden
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class JourneyPages {
    private static final String TASK_FORM = "journey/task-form";
    private static final String TEMPLATE_FORM = "journey/template-form";

    private final Dashboard dashboard;
    private final Pages pages;
    private final HouseholdScope scope;
    private final TaskService taskService;
    private final TaskTemplates templates;
    private final ContentPacks content;

    JourneyPages(Dashboard dashboard, Pages pages, HouseholdScope scope, TaskService taskService,
                 TaskTemplates templates, ContentPacks content) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.scope = scope;
        this.taskService = taskService;
        this.templates = templates;
        this.content = content;
    }

    // ---- Tasks of a household

    @Get("/households/{id}/tasks/new")
    HttpResponse<?> newTask(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        TaskForms.Checked blank = new TaskForms.Checked();
        blank.values.put("stage", household.stage().name());
        blank.values.put("assignee", TaskAssignee.FAMILY.name());
        return taskForm(request, viewer, household, null, blank, HttpStatus.OK);
    }

    @Post(value = "/households/{id}/tasks", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createTask(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        TaskForms.Checked checked = new TaskForms.Checked();
        String titleNl = TaskForms.title(form, "titleNl", TaskTitles.DUTCH, true, checked);
        String titleEn = TaskForms.title(form, "titleEn", "en", false, checked);
        JourneyStage stage = TaskForms.stage(form, "stage", checked);
        TaskAssignee assignee = TaskForms.assignee(form, "assignee", checked);
        String due = TaskForms.isoDate(form, "due", checked);
        String note = TaskForms.note(form, "note", checked);
        if (!checked.ok()) {
            return taskForm(request, viewer, household, null, checked, HttpStatus.BAD_REQUEST);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(TaskTitles.DUTCH, titleNl);
        if (!titleEn.isEmpty()) {
            titles.put("en", titleEn);
        }
        Task made = taskService.create(viewer.caller(), household.id(),
                new NewTask(stage, assignee, titles, due, note, null, null));
        return HttpResponse.seeOther(JourneyLinks.householdPage(household.id(), null, "task-" + made.id()));
    }

    @Get("/households/{id}/tasks/{taskId}/edit")
    HttpResponse<?> editTask(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                             @PathVariable String taskId) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        Task task = taskOf(viewer, household, taskId);
        TaskForms.Checked current = new TaskForms.Checked();
        current.values.put("titleNl", task.titles().getOrDefault(TaskTitles.DUTCH, ""));
        current.values.put("titleEn", task.titles().getOrDefault("en", ""));
        current.values.put("assignee", task.assignee().name());
        current.values.put("due", task.dueDate() == null ? "" : task.dueDate());
        current.values.put("note", task.note() == null ? "" : task.note());
        current.values.put("version", String.valueOf(task.version()));
        current.values.keySet().stream().filter(field -> !field.equals("version")).toList()
                .forEach(field -> current.values.put(field + "Was", current.values.get(field)));
        return taskForm(request, viewer, household, task, current, HttpStatus.OK);
    }

    /**
     * Saves what the officer changed on the edit form: each field whose value differs from the one
     * the form was opened with ({@code <field>Was}), all by the edit rule in one edit.
     */
    @Post(value = "/households/{id}/tasks/{taskId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveTask(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                             @PathVariable String taskId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        Task task = taskOf(viewer, household, taskId);
        long baseVersion = version(form, viewer);
        TaskForms.Checked checked = new TaskForms.Checked();
        String titleNl = TaskForms.title(form, "titleNl", TaskTitles.DUTCH, true, checked);
        String titleEn = TaskForms.title(form, "titleEn", "en", false, checked);
        TaskAssignee assignee = TaskForms.assignee(form, "assignee", checked);
        String due = TaskForms.isoDate(form, "due", checked);
        String note = TaskForms.note(form, "note", checked);
        for (String field : List.of("titleNl", "titleEn", "assignee", "due", "note")) {
            checked.values.put(field + "Was", TaskForms.text(form, field + "Was"));
        }
        checked.values.put("version", String.valueOf(baseVersion));
        if (!checked.ok()) {
            return taskForm(request, viewer, household, task, checked, HttpStatus.BAD_REQUEST);
        }
        Map<TaskField, String> values = new EnumMap<>(TaskField.class);
        if (changed(form, "titleNl") || changed(form, "titleEn")) {
            Map<String, String> titles = new LinkedHashMap<>();
            titles.put(TaskTitles.DUTCH, titleNl);
            titles.put("en", titleEn);
            values.put(TaskField.TITLE, TaskTitles.encode(titles));
        }
        if (changed(form, "assignee")) {
            values.put(TaskField.ASSIGNEE, assignee.name());
        }
        if (changed(form, "due")) {
            values.put(TaskField.DUE_DATE, due);
        }
        if (changed(form, "note")) {
            values.put(TaskField.NOTE, note);
        }
        String conflictId = null;
        if (!values.isEmpty()) {
            conflictId = taskService.change(viewer.caller(), task.id(), values, baseVersion).conflictId();
        }
        return HttpResponse.seeOther(JourneyLinks.householdPage(household.id(), conflictId, "task-" + task.id()));
    }

    /** Removes a task (it stays as a tombstone so that phones drop it), then shows the household's tasks. */
    @Post(value = "/households/{id}/tasks/{taskId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeTask(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String taskId) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        taskService.remove(viewer.caller(), taskOf(viewer, household, taskId).id());
        return HttpResponse.seeOther(JourneyLinks.householdPage(household.id(), null, "tasks"));
    }

    // ---- Templates applied to a household

    @Get("/households/{id}/tasks/from-templates{?stage}")
    HttpResponse<?> chooseTemplates(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                    @Nullable @QueryValue String stage) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        JourneyStage chosen = parseStage(stage, household.stage());
        List<TemplateProposal> proposals = templates.proposals(viewer.caller(), household.id(), chosen);
        Map<String, String> values = new HashMap<>();
        for (TemplateProposal proposal : proposals) {
            values.put("due-" + proposal.template().id(), proposal.dueDate() == null ? "" : proposal.dueDate());
            if (!proposal.alreadyApplied()) {
                values.put("use-" + proposal.template().id(), "on");
            }
        }
        return applyForm(request, viewer, household, chosen, proposals, values, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/households/{id}/tasks/from-templates", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> applyTemplates(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        JourneyStage stage = parseStage(form.get("stage"), household.stage());
        List<TemplateProposal> proposals = templates.proposals(viewer.caller(), household.id(), stage);
        TaskForms.Checked checked = new TaskForms.Checked();
        List<ApplyTemplatesCommand.Choice> choices = new ArrayList<>();
        for (TemplateProposal proposal : proposals) {
            String templateId = proposal.template().id();
            String due = TaskForms.isoDate(form, "due-" + templateId, checked);
            if (form.containsKey("use-" + templateId)) {
                checked.values.put("use-" + templateId, "on");
                choices.add(new ApplyTemplatesCommand.Choice(templateId, due, null));
            } else {
                checked.errors.remove("due-" + templateId);
            }
        }
        if (choices.isEmpty() && checked.ok()) {
            checked.errors.put("templates", "journey.error.templates.none");
        }
        if (!checked.ok()) {
            return applyForm(request, viewer, household, stage, proposals, checked.values, checked.errors,
                    HttpStatus.BAD_REQUEST);
        }
        templates.apply(viewer.caller(), household.id(), choices);
        return HttpResponse.seeOther(JourneyLinks.householdPage(household.id(), null, "tasks"));
    }

    // ---- The municipality's templates

    @Get("/templates")
    HttpResponse<?> templateList(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, String> lessons = lessonTitles(viewer);
        Map<JourneyStage, List<TemplateRow>> byStage = new EnumMap<>(JourneyStage.class);
        for (JourneyStage stage : JourneyStage.values()) {
            byStage.put(stage, new ArrayList<>());
        }
        for (TaskTemplate template : templates.list(viewer.caller())) {
            byStage.get(template.stage()).add(TemplateRow.of(template, viewer.display(), lessons));
        }
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("groups", byStage.entrySet().stream()
                .map(entry -> new TemplateGroup(entry.getKey(), entry.getKey().compareTo(JourneyStage.ARRIVAL) >= 0,
                        entry.getValue()))
                .toList());
        return pages.ok("journey/templates", model, request);
    }

    @Get("/templates/new")
    HttpResponse<?> newTemplate(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        TaskForms.Checked blank = new TaskForms.Checked();
        blank.values.put("stage", JourneyStage.HOUSING_AND_REGISTRATION.name());
        blank.values.put("assignee", TaskAssignee.FAMILY.name());
        blank.values.put("offset", "14");
        return templateForm(request, viewer, null, blank, HttpStatus.OK);
    }

    @Post(value = "/templates", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createTemplate(HttpRequest<?> request, Authentication authentication,
                                   @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        TaskForms.Checked checked = new TaskForms.Checked();
        TaskTemplateCommand command = templateCommand(viewer, form, checked);
        if (!checked.ok()) {
            return templateForm(request, viewer, null, checked, HttpStatus.BAD_REQUEST);
        }
        templates.create(viewer.caller(), command);
        return HttpResponse.seeOther(UriBuilder.of("/dashboard/templates").fragment("stage-" + command.stage()).build());
    }

    @Get("/templates/{templateId}/edit")
    HttpResponse<?> editTemplate(HttpRequest<?> request, Authentication authentication,
                                 @PathVariable String templateId) {
        Viewer viewer = dashboard.officer(authentication, request);
        TaskTemplate template = templates.get(viewer.caller(), templateId);
        TaskForms.Checked current = new TaskForms.Checked();
        current.values.put("stage", template.stage().name());
        current.values.put("assignee", template.assignee().name());
        current.values.put("offset", String.valueOf(template.dueOffsetDays()));
        current.values.put("lesson", template.lessonSlug() == null ? "" : template.lessonSlug());
        template.titles().forEach((lang, title) -> current.values.put("title-" + lang, title));
        return templateForm(request, viewer, template, current, HttpStatus.OK);
    }

    @Post(value = "/templates/{templateId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveTemplate(HttpRequest<?> request, Authentication authentication,
                                 @PathVariable String templateId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        TaskTemplate template = templates.get(viewer.caller(), templateId);
        TaskForms.Checked checked = new TaskForms.Checked();
        TaskTemplateCommand command = templateCommand(viewer, form, checked);
        if (!checked.ok()) {
            return templateForm(request, viewer, template, checked, HttpStatus.BAD_REQUEST);
        }
        templates.update(viewer.caller(), template.id(), command);
        return HttpResponse.seeOther(UriBuilder.of("/dashboard/templates").fragment("template-" + template.id()).build());
    }

    @Post(value = "/templates/{templateId}/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deactivateTemplate(HttpRequest<?> request, Authentication authentication,
                                       @PathVariable String templateId) {
        return setActive(request, authentication, templateId, false);
    }

    @Post(value = "/templates/{templateId}/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activateTemplate(HttpRequest<?> request, Authentication authentication,
                                     @PathVariable String templateId) {
        return setActive(request, authentication, templateId, true);
    }

    /** A service's problem (out of scope, a value refused) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    // ---- helpers

    private HttpResponse<?> setActive(HttpRequest<?> request, Authentication authentication, String templateId,
                                      boolean active) {
        Viewer viewer = dashboard.officer(authentication, request);
        TaskTemplate template = templates.setActive(viewer.caller(), templateId, active);
        return HttpResponse.seeOther(UriBuilder.of("/dashboard/templates").fragment("template-" + template.id()).build());
    }

    private TaskTemplateCommand templateCommand(Viewer viewer, Map<String, String> form, TaskForms.Checked checked) {
        JourneyStage stage = TaskForms.stage(form, "stage", checked);
        TaskAssignee assignee = TaskForms.assignee(form, "assignee", checked);
        Integer offset = TaskForms.offset(form, "offset", checked);
        String lesson = TaskForms.text(form, "lesson");
        checked.values.put("lesson", lesson);
        if (!lesson.isEmpty() && !templates.lessonSlugs().contains(lesson)) {
            checked.errors.put("lesson", "journey.error.lesson.unknown");
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (Language language : content.languages()) {
            String lang = language.code();
            String title = TaskForms.title(form, "title-" + lang, lang, TaskTitles.DUTCH.equals(lang), checked);
            titles.put(lang, title);
        }
        return new TaskTemplateCommand(stage, assignee, offset, lesson, titles);
    }

    private HttpResponse<?> taskForm(HttpRequest<?> request, Viewer viewer, HouseholdEntity household,
                                     @Nullable Task task, TaskForms.Checked form, HttpStatus status) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("values", form.values);
        model.put("errors", form.errors);
        model.put("summary", TaskForms.summary(form));
        model.put("stages", List.of(JourneyStage.values()));
        model.put("assignees", List.of(TaskAssignee.values()));
        if (task != null) {
            model.put("taskId", task.id());
            model.put("taskTitle", viewer.display().title(task.titles()));
            model.put("status", task.status().name());
            model.put("otherLanguages", task.titles().keySet().stream()
                    .filter(lang -> !lang.equals(TaskTitles.DUTCH) && !lang.equals("en"))
                    .sorted()
                    .map(viewer.display()::language)
                    .collect(Collectors.joining(", ")));
        }
        return pages.render(status, TASK_FORM, model, request);
    }

    private HttpResponse<?> applyForm(HttpRequest<?> request, Viewer viewer, HouseholdEntity household,
                                      JourneyStage stage, List<TemplateProposal> proposals, Map<String, String> values,
                                      Map<String, String> errors, HttpStatus status) {
        Map<String, String> lessons = lessonTitles(viewer);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("stage", stage);
        model.put("stages", List.of(JourneyStage.values()));
        model.put("proposals", proposals.stream()
                .map(proposal -> ProposalRow.of(proposal, viewer.display(), lessons))
                .toList());
        model.put("fromArrival", proposals.stream().filter(TemplateProposal::fromArrival).findFirst()
                .map(proposal -> viewer.display().date(LocalDate.parse(proposal.dueDate())
                        .minusDays(proposal.template().dueOffsetDays())))
                .orElse(null));
        model.put("values", values);
        model.put("errors", errors);
        model.put("summary", errors.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return pages.render(status, "journey/apply-templates", model, request);
    }

    private HttpResponse<?> templateForm(HttpRequest<?> request, Viewer viewer, @Nullable TaskTemplate template,
                                         TaskForms.Checked form, HttpStatus status) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("template", template);
        model.put("values", form.values);
        model.put("errors", form.errors);
        model.put("summary", TaskForms.summary(form));
        model.put("stages", List.of(JourneyStage.values()));
        model.put("assignees", List.of(TaskAssignee.values()));
        model.put("lessons", lessonTitles(viewer));
        List<LanguageRow> others = new ArrayList<>();
        for (Language language : content.languages()) {
            if (!language.code().equals(TaskTitles.DUTCH) && !language.code().equals("en")) {
                TranslationState state = template == null ? null : template.states().get(language.code());
                others.add(new LanguageRow(language.code(), viewer.display().language(language.code()),
                        language.direction().name().toLowerCase(Locale.ROOT), state));
            }
        }
        model.put("otherLanguages", others);
        model.put("englishState", template == null ? null : template.states().get("en"));
        return pages.render(status, TEMPLATE_FORM, model, request);
    }

    /** Lesson slug → title in the viewer's language (else Dutch), in content order. */
    private Map<String, String> lessonTitles(Viewer viewer) {
        Map<String, String> titles = new LinkedHashMap<>();
        content.pack(content.chain(viewer.locale().getLanguage(), null)).topics()
                .forEach(topic -> topic.lessons().forEach(lesson -> titles.put(lesson.slug(), lesson.title())));
        return titles;
    }

    private Task taskOf(Viewer viewer, HouseholdEntity household, String taskId) {
        return taskService.task(viewer.caller(), taskId)
                .filter(task -> task.householdId().equals(household.id()))
                .orElseThrow(() -> PageException.notFound(viewer));
    }

    private static boolean changed(Map<String, String> form, String field) {
        return !Objects.equals(TaskForms.text(form, field), TaskForms.text(form, field + "Was"));
    }

    private static long version(Map<String, String> form, Viewer viewer) {
        try {
            return Long.parseLong(TaskForms.text(form, "version"));
        } catch (NumberFormatException e) {
            throw PageException.badRequest(viewer);
        }
    }

    private static JourneyStage parseStage(@Nullable String stage, JourneyStage fallback) {
        if (stage == null || stage.isBlank()) {
            return fallback;
        }
        try {
            return JourneyStage.valueOf(stage.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * The templates of one stage on the templates page.
     *
     * @param fromArrival whether their offsets count from the arrival date (stages from ARRIVAL on)
     */
    public record TemplateGroup(JourneyStage stage, boolean fromArrival, List<TemplateRow> templates) {
    }

    /**
     * A template on the templates page. Public for the template engine.
     *
     * @param title    the title in the viewer's language, else Dutch
     * @param lesson   the lesson's title, its slug when the content lacks it, or null
     * @param machine  how many of its titles are machine-drafted
     * @param outdated how many are outdated
     */
    public record TemplateRow(String id, Display.Text title, TaskAssignee assignee, int offset, @Nullable String lesson,
                              int languages, int machine, int outdated, boolean active) {

        static TemplateRow of(TaskTemplate template, Display display, Map<String, String> lessons) {
            return new TemplateRow(template.id(), display.title(template.titles()), template.assignee(),
                    template.dueOffsetDays(),
                    template.lessonSlug() == null ? null : lessons.getOrDefault(template.lessonSlug(), template.lessonSlug()),
                    template.titles().size(), count(template, TranslationState.MACHINE_DRAFTED),
                    count(template, TranslationState.OUTDATED), template.active());
        }

        private static int count(TaskTemplate template, TranslationState state) {
            return (int) template.states().values().stream().filter(state::equals).count();
        }
    }

    /**
     * A template offered on the household's "tasks from templates" page.
     *
     * @param already whether the household has a task made from it
     */
    public record ProposalRow(String id, Display.Text title, TaskAssignee assignee, @Nullable String lesson,
                              boolean already) {

        static ProposalRow of(TemplateProposal proposal, Display display, Map<String, String> lessons) {
            TaskTemplate template = proposal.template();
            return new ProposalRow(template.id(), display.title(template.titles()), template.assignee(),
                    template.lessonSlug() == null ? null : lessons.getOrDefault(template.lessonSlug(), template.lessonSlug()),
                    proposal.alreadyApplied());
        }
    }

    /** A language field on the template form, with its writing direction and the state of its title. */
    public record LanguageRow(String code, String name, String dir, @Nullable TranslationState state) {
    }
}
