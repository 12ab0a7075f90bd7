package nl.welkom.problem;

import java.util.stream.Collectors;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import nl.welkom.model.Problem;

/**
 * Replaces Micronaut's error bodies (unknown route, 405, 415, unreadable JSON, missing body,
 * constraint violations, unhandled exceptions) with problem answers. Framework messages are not
 * copied into the answer, since they may echo request content or internals; only constraint
 * violations, whose messages name a field and a rule, are passed on. A full or failing disk
 * ({@link StorageTrouble}) is answered 503 "storage full, try again later" instead of 500. A form
 * that a browser posted to one of the pages and that cannot be read (400, 415) gets the "bad request"
 * page in the reader's language instead ({@link PageErrors}).
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    private final BeanProvider<PageErrors> pages;

    ProblemErrorResponseProcessor(BeanProvider<PageErrors> pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        HttpStatus status = response.status();
        if (status.getCode() >= 500 && context.getRootCause().filter(StorageTrouble::isStorageFailure).isPresent()) {
            // A full or failing disk: the transaction was rolled back; tell the client to come back later.
            return response.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, StorageTrouble.RETRY_AFTER_SECONDS)
                    .body(StorageTrouble.storageFull())
                    .contentType(Problems.MEDIA_TYPE);
        }
        if (status.getCode() >= 500 && context.getRootCause().filter(StorageTrouble::isRefusedValue).isPresent()) {
            // A value the database cannot hold (PostgreSQL: a NUL character, a number out of range): bad input.
            status = HttpStatus.BAD_REQUEST;
            response.status(status);
        }
        if ((status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                && PageErrors.isPage(context.getRequest())) {
            MutableHttpResponse<?> page = pages.get().page(HttpStatus.BAD_REQUEST, context.getRequest());
            MutableHttpResponse<Object> answer = response.status(HttpStatus.BAD_REQUEST).body(page.getBody().orElse(null));
            page.getContentType().ifPresent(answer::contentType);
            return (MutableHttpResponse<Problem>) (MutableHttpResponse<?>) answer;
        }
        Problem problem = Problems.forStatus(status, detail(context, status));
        return response.body(problem).contentType(Problems.MEDIA_TYPE);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (status.getCode() >= 500) {
            return "The server could not complete the request.";
        }
        switch (status) {
            case BAD_REQUEST:
                return context.getRootCause()
                        .filter(ConstraintViolationException.class::isInstance)
                        .map(cause -> ((ConstraintViolationException) cause).getConstraintViolations().stream()
                                .map(violation -> lastNode(violation.getPropertyPath().toString()) + " " + violation.getMessage())
                                .sorted()
                                .collect(Collectors.joining("; ")))
                        .orElse(context.getRootCause().filter(StorageTrouble::isRefusedValue).isPresent()
                                ? "A value in the request cannot be stored: a NUL character, a number out of range "
                                        + "or a text that is too long."
                                : "The request could not be read: malformed JSON, an unknown value or a missing field.");
            case UNAUTHORIZED:
                return "Sign in or send a valid bearer token.";
            case FORBIDDEN:
                return "Your role may not do this.";
            case NOT_FOUND:
                return "No such resource.";
            case METHOD_NOT_ALLOWED:
                return "This resource does not accept that method.";
            case UNSUPPORTED_MEDIA_TYPE:
                return "Send the request body as application/json.";
            default:
                return status.getReason();
        }
    }

    /** {@code create.command.status} → {@code status}: the field, without Java method names. */
    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
