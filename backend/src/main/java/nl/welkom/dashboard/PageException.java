package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * Ends a dashboard request with an HTML error page ({@code views/error.html}) instead of a problem
 * body: a person with a browser reads it. Carries no stack trace: it is an answer, not a fault.
 */
public final class PageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient Viewer viewer;

    PageException(HttpStatus status, @Nullable Viewer viewer) {
        super(status.getReason(), null, false, false);
        this.status = status;
        this.viewer = viewer;
    }

    /** 403: the caller may not use this page; {@code viewer} is null for callers the dashboard is not for. */
    public static PageException forbidden(@Nullable Viewer viewer) {
        return new PageException(HttpStatus.FORBIDDEN, viewer);
    }

    /** 404: no such household or task, or one outside the viewer's scope; we do not say which. */
    public static PageException notFound(Viewer viewer) {
        return new PageException(HttpStatus.NOT_FOUND, viewer);
    }

    /** 400: a form the dashboard did not produce (a tampered or truncated field). */
    public static PageException badRequest(Viewer viewer) {
        return new PageException(HttpStatus.BAD_REQUEST, viewer);
    }

    HttpStatus status() {
        return status;
    }

    /** Who was signed in, for the page header; null when unknown or not a dashboard user. */
    @Nullable
    Viewer viewer() {
        return viewer;
    }
}
