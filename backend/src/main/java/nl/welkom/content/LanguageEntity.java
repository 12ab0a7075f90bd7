package nl.welkom.content;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.TextDirection;

/** A language Welkom offers; seeded by the schema migration. */
@MappedEntity("language")
record LanguageEntity(@Id String code, String name, String nativeName, TextDirection direction, int sortOrder) {

    Language asModel() {
        return new Language(code, name, nativeName, direction);
    }
}
