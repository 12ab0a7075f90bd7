package nl.welkom.abuse;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.welkom.model.Problem;
import nl.welkom.problem.Problems;

/** {@link Throttled} on the API: 429 problem with {@code Retry-After} in seconds. */
@Produces(Problems.MEDIA_TYPE)
@Singleton
final class ThrottledHandler implements ExceptionHandler<Throttled, HttpResponse<Problem>> {
    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, Throttled exception) {
        return Problems.response(exception.problem()).header("Retry-After", Long.toString(exception.retryAfterSeconds()));
    }
}
