package org.convene.events.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/** An http or https link: no javascript:, data: or other schemes in what registrants are sent. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = "https?://\\S+")
public @interface WebLink {
    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "must be an http or https link";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
