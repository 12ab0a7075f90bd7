package nl.welkom.announcement;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.MessageSource;
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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.problem.ProblemException;

/**
 * The officer's announcement pages ({@code /dashboard/announcements}): the list (standing ones first),
 * a form to write one, an announcement's page with its translations, and withdrawing with a
 * confirmation. Plain forms; a form with errors comes back with status 400, values kept and each
 * error beside its field.
 */
@Controller("/dashboard/announcements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AnnouncementPagesController {
    private static final List<String> FIELDS = List.of("title", "text", "target", "stage", "language", "expiresOn");

    private final Dashboard dashboard;
    private final Pages pages;
    private final AnnouncementService service;
    private final MessageSource messages;

    AnnouncementPagesController(Dashboard dashboard, Pages pages, AnnouncementService service,
                                MessageSource messages) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.service = service;
        this.messages = messages;
    }

    /** One field's error, for the summary at the top. */
    record FieldError(String field, String message) {
    }

    /** One offered language on an announcement's page: its translation (or null) and its form's state. */
    record LanguageRow(String code, String name, AnnouncementView.Text text, String title, String body,
                       boolean machineDrafted, Map<String, String> errors) {
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("announcements", service.list(viewer.caller()));
        return pages.ok("announcement/list", model, request);
    }

    @Get("/new")
    HttpResponse<?> form(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, String> values = new HashMap<>();
        values.put("target", "ALL");
        values.put("expiresOn", service.today().plusDays(30).toString());
        return renderForm(viewer, request, HttpStatus.OK, values, new LinkedHashMap<>());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        String target = value(form, "target");
        String targetValue = "STAGE".equals(target) ? value(form, "stage")
                : "LANGUAGE".equals(target) ? value(form, "language") : null;
        AnnouncementCommand command = new AnnouncementCommand(value(form, "title"), value(form, "text"), target,
                targetValue, value(form, "expiresOn"));
        Map<String, String> errors = new LinkedHashMap<>();
        service.check(command, true).forEach(invalid -> errors.putIfAbsent(formField(invalid.field()),
                word(viewer, invalid.key())));
        if (!errors.isEmpty()) {
            Map<String, String> values = new HashMap<>();
            FIELDS.forEach(field -> values.put(field, form.get(field)));
            return renderForm(viewer, request, HttpStatus.BAD_REQUEST, values, errors);
        }
        AnnouncementView made = service.publish(viewer.caller(), command);
        return HttpResponse.seeOther(page(made.id()));
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        return renderPage(viewer, request, HttpStatus.OK, service.read(viewer.caller(), id), null, Map.of(),
                Map.of());
    }

    @Post(value = "/{id}/translations/{lang}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> translate(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @PathVariable String lang, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        AnnouncementView announcement = service.read(viewer.caller(), id);
        TranslationCommand command = new TranslationCommand(value(form, "title"), value(form, "text"),
                form.get("machineDrafted") != null ? TranslationState.MACHINE_DRAFTED.name()
                        : TranslationState.UP_TO_DATE.name());
        Map<String, String> errors = new LinkedHashMap<>();
        service.check(lang, command).forEach(invalid -> errors.putIfAbsent(invalid.field(), word(viewer, invalid.key())));
        if (errors.containsKey("lang")) {
            throw ProblemException.notFound();
        }
        if (!errors.isEmpty()) {
            return renderPage(viewer, request, HttpStatus.BAD_REQUEST, announcement, lang, form, errors);
        }
        service.translate(viewer.caller(), id, lang, command);
        return HttpResponse.seeOther(UriBuilder.of(page(id)).fragment("lang-" + lang).build());
    }

    @Get("/{id}/withdraw")
    HttpResponse<?> confirmWithdraw(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("announcement", service.read(viewer.caller(), id));
        return pages.ok("announcement/withdraw", model, request);
    }

    @Post(value = "/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        service.withdraw(viewer.caller(), id);
        return HttpResponse.seeOther(page(id));
    }

    /** A service's problem (another municipality's announcement, a withdrawn one) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private HttpResponse<?> renderForm(Viewer viewer, HttpRequest<?> request, HttpStatus status,
                                       Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("values", values);
        model.put("errors", errors);
        List<FieldError> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(new FieldError(field, message)));
        model.put("summary", summary);
        model.put("stages", List.of(JourneyStage.values()).stream().map(Enum::name).toList());
        model.put("languages", service.translationLanguages().stream()
                .map(code -> Map.of("code", code, "name", viewer.display().language(code))).toList());
        model.put("today", service.today().toString());
        model.put("latest", service.today().plusYears(1).toString());
        return pages.render(status, "announcement/new", model, request);
    }

    private HttpResponse<?> renderPage(Viewer viewer, HttpRequest<?> request, HttpStatus status,
                                       AnnouncementView announcement, String failedLang, Map<String, String> form,
                                       Map<String, String> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("announcement", announcement);
        List<LanguageRow> rows = new ArrayList<>();
        for (String code : service.translationLanguages()) {
            AnnouncementView.Text text = announcement.in(code);
            boolean failed = code.equals(failedLang);
            String title = failed ? form.get("title") : text == null ? "" : text.title();
            String body = failed ? form.get("text") : text == null ? "" : text.text();
            boolean drafted = failed ? form.get("machineDrafted") != null
                    : text == null || text.state() == TranslationState.MACHINE_DRAFTED;
            rows.add(new LanguageRow(code, viewer.display().language(code), text, title, body, drafted,
                    failed ? errors : Map.of()));
        }
        model.put("rows", rows);
        return pages.render(status, "announcement/page", model, request);
    }

    private static URI page(String id) {
        return UriBuilder.of("/dashboard/announcements").path(id).build();
    }

    private static String formField(String serviceField) {
        return switch (serviceField) {
            case "targetKind" -> "target";
            case "targetStage" -> "stage";
            case "targetLanguage" -> "language";
            default -> serviceField;
        };
    }

    private static String value(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String word(Viewer viewer, String key) {
        return messages.getMessage(key, viewer.locale()).orElse(key);
    }
}
