package org.convene.events.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An http or https link to a host, that {@link URI} reads as it is: no javascript:, data: or other
 * schemes in what registrants are sent, and nothing the services that follow the link later cannot
 * parse (a {@code |} or {@code {}} pasted from a meeting invitation made the join page answer 500 at
 * the event's start). Null and blank pass: {@code @NotBlank} says so where a link is required.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebLink.Validator.class)
public @interface WebLink {
    String message() default "must be an http or https link, with any spaces or characters such as | { } encoded";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebLink, String> {
        private static final Set<String> SCHEMES = Set.of("http", "https");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                URI uri = new URI(value);
                return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
