package org.convene.registration.registration;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;

import org.convene.platform.problem.FieldErrors;
import org.convene.platform.problem.Problem;

/**
 * Validation messages in the page's language. Bean Validation follows the request's
 * {@code Accept-Language}; a page follows the language the visitor chose with its switch, which may
 * differ, so its messages are looked up again from their keys ({@code {registration.name.required}}).
 */
final class ValidationMessages {

    private static final Pattern KEY = Pattern.compile("\\{([\\w.]+)}");

    private ValidationMessages() {
    }

    static List<Problem.FieldError> in(Set<? extends ConstraintViolation<?>> violations, Locale language) {
        ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return FieldErrors.of(violations, violation -> {
            Matcher key = KEY.matcher(violation.getMessageTemplate());
            try {
                return key.matches() ? bundle.getString(key.group(1)) : violation.getMessage();
            } catch (MissingResourceException e) {
                return violation.getMessage();
            }
        });
    }
}
