package nl.welkom.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.welkom.problem.PageErrors;

/**
 * Answers a {@link PageException} with the HTML error page for its status; and gives the same pages to
 * errors answered before any page controller ran ({@link PageErrors}).
 */
@Singleton
final class PageExceptionHandler implements ExceptionHandler<PageException, HttpResponse<?>>, PageErrors {
    private final Pages pages;

    PageExceptionHandler(Pages pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, PageException exception) {
        return pages.error(exception.status(), exception.viewer(), request);
    }

    @Override
    public MutableHttpResponse<?> page(HttpStatus status, HttpRequest<?> request) {
        return pages.error(status, null, request);
    }
}
