package nl.welkom.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A municipality: the organisation staff, volunteers and households belong to. */
@MappedEntity("municipality")
public record Municipality(@Id String id, String slug, String name, long createdAt) {
}
