package nl.welkom.abuse;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** One throttling counter: failures (or attempts) counted for a key since {@code windowStart} (epoch ms). */
@MappedEntity("throttle")
record ThrottleEntry(@Id @MappedProperty("throttle_key") String key, long windowStart, int failures) {
}
