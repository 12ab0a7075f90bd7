package nl.welkom.casefile;

import java.util.List;

/**
 * Input that breaks one or more rules, each named by field. The API answers it with a 400 problem
 * whose detail lists every field; a dashboard form shows each message next to its field. Carries
 * no stack trace: it is an answer, not a fault.
 */
final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    InvalidInput(List<FieldError> errors) {
        super("invalid input", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
