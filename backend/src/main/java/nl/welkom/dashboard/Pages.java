package nl.welkom.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import nl.welkom.problem.ProblemException;
import jakarta.inject.Singleton;

/**
 * Renders the dashboard's Thymeleaf templates ({@code resources/views}) into HTML responses.
 * Rendering is explicit rather than through {@code @View}, so that error pages from exception
 * handlers and filters come out exactly like the pages of controllers. A page is rendered to a
 * string before the response starts: a template failure then becomes an ordinary 500 answer
 * instead of a connection that breaks off mid-page.
 */
@Singleton
public final class Pages {
    static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    static final String ERROR = "error";

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    Pages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    /** {@code view} with {@code model}, answered with {@code status}. */
    public MutableHttpResponse<String> render(HttpStatus status, String view, Map<String, Object> model,
                                       HttpRequest<?> request) {
        Map<String, Object> withPlace = new HashMap<>(model);
        // Where the language switch brings the browser back: this page when it can be fetched again.
        withPlace.putIfAbsent("here", request.getMethod() == HttpMethod.GET ? request.getUri().toString() : "/");
        Writable page = renderer.render(view, withPlace, request);
        StringWriter html = new StringWriter(8192);
        try {
            page.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).contentType(HTML).body(html.toString());
    }

    public MutableHttpResponse<String> ok(String view, Map<String, Object> model, HttpRequest<?> request) {
        return render(HttpStatus.OK, view, model, request);
    }

    /** The error page for {@code status}; with the viewer's header when someone known is signed in. */
    public MutableHttpResponse<String> error(HttpStatus status, @Nullable Viewer viewer, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        if (viewer != null) {
            model.put("viewer", viewer);
        }
        return render(status, ERROR, model, request);
    }

    /**
     * A service's refusal, for a page controller's {@code @Error(exception = ProblemException.class)}
     * handler: not signed in → the sign-in page (303); not found or forbidden → that error page;
     * anything else → the "bad request" page. Never the problem's English detail.
     */
    public MutableHttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        HttpStatus status = HttpStatus.valueOf(exception.problem().status());
        if (status == HttpStatus.UNAUTHORIZED) {
            return HttpResponse.seeOther(SessionController.LOGIN);
        }
        return error(status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN ? status : HttpStatus.BAD_REQUEST,
                null, request);
    }
}
