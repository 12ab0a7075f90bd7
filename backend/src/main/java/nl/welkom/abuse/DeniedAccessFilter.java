package nl.welkom.abuse;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.reactivestreams.Publisher;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

/**
 * Writes the denied accesses a request noted ({@link DeniedAccesses}) once its answer is made. Only a
 * request that noted one leaves the event loop (the rows are written on the blocking pool before the
 * answer goes out); every other answer passes straight through.
 */
@ServerFilter("/**")
final class DeniedAccessFilter {
    private final DeniedAccesses denied;
    private final ExecutorService blocking;

    DeniedAccessFilter(DeniedAccesses denied, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.denied = denied;
        this.blocking = blocking;
    }

    @ResponseFilter
    Publisher<MutableHttpResponse<?>> recordDenials(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(DeniedAccesses.ATTRIBUTE).isEmpty()) {
            return Publishers.just(response);
        }
        Set<DeniedAccesses.Denial> denials = DeniedAccesses.denialsOf(request);
        List<DeniedAccesses.Denial> copy;
        synchronized (denials) {
            copy = List.copyOf(denials);
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> {
            copy.forEach(denied::record);
            return response;
        }, blocking));
    }
}
