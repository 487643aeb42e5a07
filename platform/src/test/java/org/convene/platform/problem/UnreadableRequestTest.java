package org.convene.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What RESTEasy Reactive throws for a request it cannot read is the client's fault; anything else is not. */
@Tag("unit")
class UnreadableRequestTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aBrokenEscapeABadMediaTypeOrABrokenMultipartBodyIsAMalformedRequest() {
        assertThat(mappers.unreadableRequest(thrownBy(new IllegalArgumentException("Failed to decode URL %zz"),
                "org.jboss.resteasy.reactive.common.util.URLUtils")).getStatus()).isEqualTo(400);
        assertThat(mappers.unreadableRequest(thrownBy(new IllegalArgumentException("Failed to parse media type ;;"),
                "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate")).getStatus()).isEqualTo(400);
        assertThat(mappers.unreadableRequest(thrownBy(new IOException("Connection terminated parsing multipart"),
                "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition")).getStatus())
                .isEqualTo(400);
    }

    @Test
    void anIllegalArgumentFromAnywhereElseStaysAServerError() {
        var response = mappers.unreadableRequest(thrownBy(new IllegalArgumentException("a bug"),
                "org.convene.events.event.EventLifecycle"));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    }

    @Test
    void aTextTheDatabaseCannotHoldIsInvalidInput() {
        var nul = new PersistenceException("could not execute statement",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        // The request's headers and path matter only when the database is out of reach.
        assertThat(mappers.database(nul, null, null).getStatus()).isEqualTo(400);
    }

    private static <T extends Exception> T thrownBy(T exception, String className) {
        exception.setStackTrace(new StackTraceElement[] { new StackTraceElement(className, "read", null, 1) });
        return exception;
    }
}
