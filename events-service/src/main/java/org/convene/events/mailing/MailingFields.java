package org.convene.events.mailing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convene.contracts.mailing.MailingAudience;
import org.convene.contracts.mailing.MailingRequested;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an organiser writes to an event's registrants, to create a mailing or to edit it. The audience
 * is read as text so that an unknown one is named as an invalid field, not as an unreadable body.
 *
 * @param subject one line, as the email's subject
 * @param body    plain text; a blank line separates paragraphs
 */
public record MailingFields(
        @NotBlank @Size(max = MailingRequested.MAX_SUBJECT_LENGTH)
        @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String subject,
        @NotBlank @Size(max = MailingRequested.MAX_BODY_LENGTH) String body,
        @NotNull @Pattern(regexp = "REGISTERED|WAITLISTED|EVERYONE", message = "must be REGISTERED, WAITLISTED or EVERYONE")
        @Schema(enumeration = { "REGISTERED", "WAITLISTED", "EVERYONE" }) String audience) {

    /** Valid by now: the subject trimmed, the body with one kind of line break and no space around it. */
    String cleanSubject() {
        return subject.strip();
    }

    String cleanBody() {
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    MailingAudience chosenAudience() {
        return MailingAudience.valueOf(audience);
    }
}
