package nl.welkom.abuse;

import java.util.List;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Writes the denied accesses a request noted ({@link DeniedAccesses}) once its answer is made. */
@ServerFilter("/**")
final class DeniedAccessFilter {
    private final DeniedAccesses denied;

    DeniedAccessFilter(DeniedAccesses denied) {
        this.denied = denied;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void recordDenials(HttpRequest<?> request) {
        if (request.getAttribute(DeniedAccesses.ATTRIBUTE).isEmpty()) {
            return;
        }
        Set<DeniedAccesses.Denial> denials = DeniedAccesses.denialsOf(request);
        List<DeniedAccesses.Denial> copy;
        synchronized (denials) {
            copy = List.copyOf(denials);
        }
        copy.forEach(denied::record);
    }
}
