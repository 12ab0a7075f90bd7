package nl.welkom.journey;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.content.ContentPacks;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.problem.ProblemException;

/**
 * Task templates per municipality (docs/journey.md): the national defaults ({@link NationalTemplates})
 * are copied into a municipality the first time its templates are used, then its officers list,
 * make, edit, deactivate and apply them. Applying makes ordinary tasks through
 * {@link TaskService#createAll} (titles in every language the template has, except outdated ones;
 * the next change sequence each, so phones pull them). Officers only, their own municipality only:
 * another municipality's template or household is answered 404.
 */
@Singleton
public class TaskTemplates {
    private final TemplateStore.Templates templates;
    private final TemplateStore.Titles titles;
    private final TemplateStore.Seeds seeds;
    private final TemplateStore.Arrivals arrivals;
    private final NationalTemplates national;
    private final TaskService taskService;
    private final HouseholdScope scope;
    private final ContentPacks content;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> seeded = ConcurrentHashMap.newKeySet();

    TaskTemplates(TemplateStore.Templates templates, TemplateStore.Titles titles, TemplateStore.Seeds seeds,
                  TemplateStore.Arrivals arrivals, NationalTemplates national, TaskService taskService,
                  HouseholdScope scope, ContentPacks content, AuditLog audit,
                  TransactionOperations<Connection> transactions, Clock clock,
                  @Value("${welkom.dashboard.time-zone:Europe/Amsterdam}") ZoneId zone) {
        this.templates = templates;
        this.titles = titles;
        this.seeds = seeds;
        this.arrivals = arrivals;
        this.national = national;
        this.taskService = taskService;
        this.scope = scope;
        this.content = content;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    /** The officer's municipality's templates, active and not, in journey order. */
    public List<TaskTemplate> list(Caller officer) {
        String municipalityId = requireOfficer(officer);
        ensureSeeded(municipalityId);
        List<TemplateStore.Template> rows = templates.findByMunicipalityIdOrderBySortOrder(municipalityId);
        return withTitles(rows).stream()
                .sorted(Comparator.comparing(TaskTemplate::stage).thenComparingInt(TaskTemplate::position))
                .toList();
    }

    /** One template of the officer's municipality. @throws ProblemException 404 for another's or none */
    public TaskTemplate get(Caller officer, String templateId) {
        return withTitles(List.of(row(officer, templateId))).get(0);
    }

    /**
     * Makes a template in the officer's municipality (active, last in order); every title counts as
     * written by a person.
     *
     * @throws ProblemException 400 with what is wrong (nothing stored)
     */
    @Transactional
    public TaskTemplate create(Caller officer, TaskTemplateCommand command) {
        String municipalityId = requireOfficer(officer);
        refuse(command);
        ensureSeeded(municipalityId);
        long now = clock.millis();
        int position = templates.findByMunicipalityIdOrderBySortOrder(municipalityId).stream()
                .mapToInt(TemplateStore.Template::sortOrder).max().orElse(0) + 1;
        TemplateStore.Template row = templates.save(new TemplateStore.Template(UUID.randomUUID().toString(),
                municipalityId, null, command.stage(), command.assignee(), command.dueOffsetDays(),
                blankToNull(command.lessonSlug()), position, true, now, now));
        cleanTitles(command.titles()).forEach((lang, title) -> titles.save(new TemplateStore.Title(
                UUID.randomUUID().toString(), row.id(), lang, title, TranslationState.UP_TO_DATE)));
        return get(officer, row.id());
    }

    /**
     * Edits a template of the officer's municipality; its titles become the ones sent (see
     * {@link TaskTemplateCommand#titles}). Tasks made from it earlier stay as they are.
     *
     * @throws ProblemException 400 with what is wrong (nothing stored), 404 for another's or none
     */
    @Transactional
    public TaskTemplate update(Caller officer, String templateId, TaskTemplateCommand command) {
        TemplateStore.Template row = row(officer, templateId);
        refuse(command);
        Map<String, TemplateStore.Title> before = new HashMap<>();
        titles.findByTemplateIdIn(List.of(row.id())).forEach(title -> before.put(title.lang(), title));
        Map<String, String> after = cleanTitles(command.titles());
        boolean dutchChanged = before.get(TaskTitles.DUTCH) == null
                || !before.get(TaskTitles.DUTCH).title().equals(after.get(TaskTitles.DUTCH));
        titles.deleteByTemplateId(row.id());
        after.forEach((lang, title) -> {
            TemplateStore.Title old = before.get(lang);
            TranslationState state;
            if (old == null || !old.title().equals(title) || TaskTitles.DUTCH.equals(lang)) {
                state = TranslationState.UP_TO_DATE;
            } else if (dutchChanged) {
                state = TranslationState.OUTDATED;
            } else {
                state = old.state();
            }
            titles.save(new TemplateStore.Title(UUID.randomUUID().toString(), row.id(), lang, title, state));
        });
        templates.update(new TemplateStore.Template(row.id(), row.municipalityId(), row.sourceKey(), command.stage(),
                command.assignee(), command.dueOffsetDays(), blankToNull(command.lessonSlug()), row.sortOrder(),
                row.active(), row.createdAt(), clock.millis()));
        return get(officer, row.id());
    }

    /** Activates or deactivates a template (a deactivated one is listed but cannot be applied). */
    @Transactional
    public TaskTemplate setActive(Caller officer, String templateId, boolean active) {
        TemplateStore.Template row = row(officer, templateId);
        if (row.active() != active) {
            templates.update(new TemplateStore.Template(row.id(), row.municipalityId(), row.sourceKey(), row.stage(),
                    row.assignee(), row.dueOffsetDays(), row.lessonSlug(), row.sortOrder(), active, row.createdAt(),
                    clock.millis()));
        }
        return get(officer, row.id());
    }

    /**
     * The active templates of {@code stage} as they would be applied to a household: each with the due
     * date its offset gives (from the household's arrival date for stages from ARRIVAL on when that is
     * known, else from today) and whether the household already has a task made from it.
     *
     * @throws ProblemException 404 when the household is out of the officer's scope
     */
    public List<TemplateProposal> proposals(Caller officer, String householdId, JourneyStage stage) {
        requireOfficer(officer);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        Set<String> applied = taskService.liveTasksOf(household.id()).stream()
                .map(TaskEntity::templateId).filter(id -> id != null).collect(Collectors.toSet());
        Optional<LocalDate> arrival = arrivalOf(household.id());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<TemplateProposal> proposals = new ArrayList<>();
        for (TaskTemplate template : list(officer)) {
            if (!template.active() || template.stage() != stage) {
                continue;
            }
            boolean fromArrival = arrival.isPresent() && stage.compareTo(JourneyStage.ARRIVAL) >= 0;
            LocalDate base = fromArrival ? arrival.get() : today;
            proposals.add(new TemplateProposal(template, base.plusDays(template.dueOffsetDays()).toString(), fromArrival,
                    applied.contains(template.id())));
        }
        return proposals;
    }

    /**
     * Makes one task per chosen template for a household of the officer's municipality, all or none:
     * the template's stage, assignee (unless chosen otherwise), lesson and titles (every language
     * but outdated ones), and the chosen due date or the one its offset gives. Audited once.
     *
     * @throws ProblemException 400 when nothing is chosen, a template is inactive or a date is not
     *                          allowed (nothing stored); 404 when the household or a template is out of scope
     */
    @Transactional
    public List<Task> apply(Caller officer, String householdId, @Nullable List<ApplyTemplatesCommand.Choice> choices) {
        requireOfficer(officer);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        if (choices == null || choices.isEmpty()) {
            throw ProblemException.badRequest("Choose at least one template (tasks[].templateId).");
        }
        Map<String, TaskTemplate> byId = list(officer).stream()
                .collect(Collectors.toMap(TaskTemplate::id, template -> template));
        Optional<LocalDate> arrival = arrivalOf(household.id());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<NewTask> tasks = new ArrayList<>();
        for (ApplyTemplatesCommand.Choice choice : choices) {
            TaskTemplate template = choice == null || choice.templateId() == null ? null : byId.get(choice.templateId());
            if (template == null) {
                throw ProblemException.notFound();
            }
            if (!template.active()) {
                throw ProblemException.badRequest("Template " + template.id() + " is deactivated.");
            }
            String dueDate = choice.dueDate();
            if (dueDate == null) {
                boolean fromArrival = arrival.isPresent() && template.stage().compareTo(JourneyStage.ARRIVAL) >= 0;
                dueDate = (fromArrival ? arrival.get() : today).plusDays(template.dueOffsetDays()).toString();
            }
            Map<String, String> taskTitles = new LinkedHashMap<>();
            template.titles().forEach((lang, title) -> {
                if (template.states().get(lang) != TranslationState.OUTDATED) {
                    taskTitles.put(lang, title);
                }
            });
            tasks.add(new NewTask(template.stage(), choice.assignee() == null ? template.assignee() : choice.assignee(),
                    taskTitles, dueDate, null, template.id(), template.lessonSlug()));
        }
        List<Task> made = taskService.createAll(officer, household.id(), tasks);
        audit.record(officer, JourneyAudit.TEMPLATES_APPLY, household.id());
        return made;
    }

    /**
     * What is wrong with a template command, field by field, in the order of the form; empty when
     * nothing is. Fields: {@code stage}, {@code assignee}, {@code dueOffsetDays}, {@code lessonSlug},
     * {@code titles.<lang>}.
     */
    public List<Invalid> check(TaskTemplateCommand command) {
        List<Invalid> invalid = new ArrayList<>();
        if (command.stage() == null) {
            invalid.add(new Invalid("stage", "required", "stage is required."));
        }
        if (command.assignee() == null) {
            invalid.add(new Invalid("assignee", "required", "assignee must be FAMILY, OFFICER or BUDDY."));
        }
        if (command.dueOffsetDays() == null || command.dueOffsetDays() < 0
                || command.dueOffsetDays() > NationalTemplates.MAX_OFFSET) {
            invalid.add(new Invalid("dueOffsetDays", "range",
                    "dueOffsetDays must be a whole number from 0 to " + NationalTemplates.MAX_OFFSET + "."));
        }
        String lesson = blankToNull(command.lessonSlug());
        if (lesson != null && !lessonSlugs().contains(lesson)) {
            invalid.add(new Invalid("lessonSlug", "unknown", "lessonSlug names no lesson: " + shorten(lesson)));
        }
        Map<String, String> given = command.titles() == null ? Map.of() : command.titles();
        if (given.getOrDefault(TaskTitles.DUTCH, "").isBlank()) {
            invalid.add(new Invalid("titles.nl", "required", "titles.nl (the Dutch title) is required."));
        }
        given.forEach((lang, title) -> TaskTitles.refusal(lang, title)
                .filter(problem -> !(TaskTitles.DUTCH.equals(lang) && (title == null || title.isBlank())))
                .ifPresent(problem -> invalid.add(new Invalid("titles." + lang,
                        title != null && title.strip().codePointCount(0, title.strip().length()) > TaskTitles.MAX_LENGTH
                                ? "too-long" : "invalid", problem))));
        return invalid;
    }

    /** The lessons a template may link to: the slugs of the content's lessons. */
    public Set<String> lessonSlugs() {
        return content.pack(List.of(TaskTitles.DUTCH)).topics().stream()
                .flatMap(topic -> topic.lessons().stream())
                .map(lesson -> lesson.slug())
                .collect(Collectors.toSet());
    }

    /**
     * A problem with one field of a command.
     *
     * @param field  which field ({@code titles.nl}, {@code dueOffsetDays}, ...)
     * @param reason {@code required}, {@code range}, {@code unknown}, {@code too-long} or {@code invalid}
     * @param detail the problem in English, for the API
     */
    public record Invalid(String field, String reason, String detail) {
    }

    private void refuse(TaskTemplateCommand command) {
        List<Invalid> invalid = check(command);
        if (!invalid.isEmpty()) {
            throw ProblemException.badRequest(invalid.stream().map(Invalid::detail).collect(Collectors.joining(" ")));
        }
    }

    private TemplateStore.Template row(Caller officer, String templateId) {
        String municipalityId = requireOfficer(officer);
        return templates.findById(templateId)
                .filter(found -> found.municipalityId().equals(municipalityId))
                .orElseThrow(ProblemException::notFound);
    }

    private List<TaskTemplate> withTitles(List<TemplateStore.Template> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> texts = new HashMap<>();
        Map<String, Map<String, TranslationState>> states = new HashMap<>();
        for (TemplateStore.Title title : titles.findByTemplateIdIn(rows.stream().map(TemplateStore.Template::id).toList())) {
            texts.computeIfAbsent(title.templateId(), id -> new LinkedHashMap<>()).put(title.lang(), title.title());
            states.computeIfAbsent(title.templateId(), id -> new LinkedHashMap<>()).put(title.lang(), title.state());
        }
        return rows.stream().map(row -> new TaskTemplate(row.id(), row.sourceKey(), row.stage(), row.assignee(),
                row.dueOffsetDays(), row.lessonSlug(), ordered(texts.getOrDefault(row.id(), Map.of())),
                ordered(states.getOrDefault(row.id(), Map.of())), row.active(), row.sortOrder())).toList();
    }

    /** Dutch first, then English, then by language code. */
    private static <V> Map<String, V> ordered(Map<String, V> byLang) {
        Map<String, V> ordered = new LinkedHashMap<>();
        byLang.keySet().stream()
                .sorted(Comparator.comparing((String lang) -> !TaskTitles.DUTCH.equals(lang))
                        .thenComparing(lang -> !"en".equals(lang)).thenComparing(Comparator.naturalOrder()))
                .forEach(lang -> ordered.put(lang, byLang.get(lang)));
        return ordered;
    }

    private Optional<LocalDate> arrivalOf(String householdId) {
        return arrivals.findById(householdId).flatMap(row -> {
            Optional<LocalDate> arrived = parse(row.arrivedOn());
            return arrived.isPresent() ? arrived : parse(row.expectedArrival());
        });
    }

    private static Optional<LocalDate> parse(@Nullable String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(isoDate.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Copies the national defaults into the municipality once (a marker row in the same transaction
     * says it happened; a municipality that deactivated every template is not filled again).
     */
    private void ensureSeeded(String municipalityId) {
        if (seeded.contains(municipalityId)) {
            return;
        }
        transactions.executeWrite(status -> {
            if (seeds.existsById(municipalityId)) {
                return null;
            }
            long now = clock.millis();
            seeds.save(new TemplateStore.Seed(municipalityId, now));
            int position = templates.countByMunicipalityId(municipalityId);
            for (NationalTemplates.Default template : national.defaults()) {
                TemplateStore.Template row = templates.save(new TemplateStore.Template(UUID.randomUUID().toString(),
                        municipalityId, template.key(), template.stage(), template.assignee(), template.dueDays(),
                        template.lessonSlug(), ++position, true, now, now));
                template.titles().forEach((lang, title) -> titles.save(new TemplateStore.Title(
                        UUID.randomUUID().toString(), row.id(), lang, title, template.states().get(lang))));
            }
            return null;
        });
        seeded.add(municipalityId);
    }

    private static Map<String, String> cleanTitles(@Nullable Map<String, String> given) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((lang, title) -> {
                if (title != null && !title.isBlank()) {
                    clean.put(lang, title.strip());
                }
            });
        }
        return clean;
    }

    private static String requireOfficer(Caller caller) {
        if (caller.role() != Role.OFFICER || caller.municipalityId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an integration officer can use task templates.");
        }
        return caller.municipalityId();
    }

    @Nullable
    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
