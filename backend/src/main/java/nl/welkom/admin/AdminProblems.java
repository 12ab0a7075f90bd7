package nl.welkom.admin;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.welkom.model.Problem;
import nl.welkom.problem.Problems;

/**
 * {@link InvalidInput} as a problem body for the API: the detail names each field with the English
 * words of the admin bundle, the same sentences the pages show next to the fields.
 */
@Singleton
final class AdminProblems {
    private final MessageSource messages;

    AdminProblems(@Named(AdminMessages.NAME) MessageSource messages) {
        this.messages = messages;
    }

    HttpResponse<Problem> response(InvalidInput invalid) {
        String detail = invalid.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + ": " + words(entry.getValue()))
                .collect(Collectors.joining(" "));
        String title = invalid.status() == HttpStatus.CONFLICT ? "Conflict" : "Bad Request";
        return Problems.response(Problems.of(invalid.status(), invalid.slug(), title, detail));
    }

    private String words(String key) {
        return messages.getMessage(key, Locale.ENGLISH, PasswordRules.MIN_LENGTH, PasswordRules.MAX_LENGTH).orElse(key);
    }
}
