package nl.welkom.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a {@link PageException} with the HTML error page for its status. */
@Singleton
final class PageExceptionHandler implements ExceptionHandler<PageException, HttpResponse<?>> {
    private final Pages pages;

    PageExceptionHandler(Pages pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, PageException exception) {
        return pages.error(exception.status(), exception.viewer(), request);
    }
}
