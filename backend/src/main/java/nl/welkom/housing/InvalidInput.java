package nl.welkom.housing;

import java.util.ArrayList;
import java.util.List;

/**
 * Input housing refuses, with what is wrong per field: the API answers it as one 400 problem, a
 * dashboard form shows each message beside its field. Thrown before anything is written.
 */
final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    InvalidInput(List<FieldError> errors) {
        super("invalid input", null, false, false);
        this.errors = List.copyOf(errors);
    }

    static InvalidInput of(String field, String key, Object... arguments) {
        return new InvalidInput(List.of(new FieldError(field, key, List.of(arguments))));
    }

    List<FieldError> errors() {
        return errors;
    }

    /**
     * One wrong field.
     *
     * @param field     the field's name in the API and the form
     * @param key       the message key in the housing bundle ({@code housing.error.*})
     * @param arguments the message's {@code {0}}, {@code {1}}, ...
     */
    record FieldError(String field, String key, List<Object> arguments) {
    }

    /** Collects errors while checking a form; {@link #throwIfAny()} ends the check. */
    static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        void add(String field, String key, Object... arguments) {
            if (errors.stream().noneMatch(error -> error.field().equals(field))) {
                errors.add(new FieldError(field, key, List.of(arguments)));
            }
        }

        boolean has(String field) {
            return errors.stream().anyMatch(error -> error.field().equals(field));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
