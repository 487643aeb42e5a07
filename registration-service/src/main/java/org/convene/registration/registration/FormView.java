package org.convene.registration.registration;

import java.util.List;

/** The registration form as the page shows it: the values typed so far and what is wrong with them. */
public record FormView(String name, String email, List<FieldMessage> errors) {

    public record FieldMessage(String field, String message) {
    }

    static FormView empty() {
        return new FormView("", "", List.of());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The first message for {@code field}, or null when it is fine. */
    public String errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldMessage::message).findFirst()
                .orElse(null);
    }
}
