package nl.welkom.volunteer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An application or a step that cannot be accepted: each field with the message key (volunteer bundle) saying why. Nothing was stored. */
final class InvalidApplication extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> fields;

    InvalidApplication(Map<String, String> fields) {
        super("invalid", null, false, false);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    Map<String, String> fields() {
        return fields;
    }

    /** The English detail of the API's problem body: which fields, never their values. */
    String detail() {
        return "Check these fields: " + String.join(", ", fields.keySet()) + ".";
    }
}
