package nl.welkom.casefile;

import java.util.List;

/**
 * One wrong value: which field (a command's JSON name such as {@code members[1].birthYear}, or a
 * CSV column), what is wrong with it, and the arguments of its words.
 */
record FieldError(String field, Invalid problem, List<String> args) {

    static FieldError of(String field, Invalid problem, Object... args) {
        return new FieldError(field, problem, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
