package nl.welkom.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import jakarta.inject.Singleton;

/**
 * 400 for a request body Netty cannot decode before any route sees it: a form with a broken
 * percent-escape ({@code a=%ZZ}), a body declared {@code Content-Encoding: gzip} that is not gzip.
 * Without this handler Micronaut answers such junk with a 500 (found by ApiFuzzTest). The API gets a
 * problem body; a page (a dashboard form) gets the "bad request" page in the reader's language.
 */
@Singleton
final class UndecodableBodyHandler implements ExceptionHandler<DecoderException, HttpResponse<?>> {
    private final PageErrors pages;

    UndecodableBodyHandler(PageErrors pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, DecoderException exception) {
        if (PageErrors.isPage(request)) {
            return pages.page(HttpStatus.BAD_REQUEST, request);
        }
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                "The request body could not be decoded: a broken form, compression or character encoding."));
    }
}
