package nl.welkom.casefile;

import java.util.List;
import java.util.Locale;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

/**
 * The bundle's words for what Java hands to a page or an API answer: error messages in the
 * viewer's language on the dashboard, in English in API problem details.
 */
@Singleton
final class Words {
    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    String text(FieldError error, Locale locale) {
        return text(error.problem().key(), locale, error.args());
    }

    String text(String key, Locale locale, List<String> args) {
        return messages.getMessage(key, locale, args.toArray()).orElse(key);
    }

    /** {@code field: message; field: message} in English, for a problem's detail. */
    String detail(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            if (detail.length() > 0) {
                detail.append(' ');
            }
            detail.append(error.field()).append(": ").append(text(error, Locale.ENGLISH));
        }
        return detail.toString();
    }
}
