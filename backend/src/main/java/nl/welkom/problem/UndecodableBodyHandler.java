package nl.welkom.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import jakarta.inject.Singleton;
import nl.welkom.model.Problem;

/**
 * 400 problem for a request body Netty cannot decode before any route sees it: a form with a
 * broken percent-escape ({@code a=%ZZ}), a body declared {@code Content-Encoding: gzip} that is
 * not gzip. Without this handler Micronaut answers such junk with a 500 (found by ApiFuzzTest).
 */
@Produces(Problems.MEDIA_TYPE)
@Singleton
final class UndecodableBodyHandler implements ExceptionHandler<DecoderException, HttpResponse<Problem>> {
    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, DecoderException exception) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                "The request body could not be decoded: a broken form, compression or character encoding."));
    }
}
