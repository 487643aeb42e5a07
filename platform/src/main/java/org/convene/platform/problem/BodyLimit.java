package org.convene.platform.problem;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused by Quarkus's HTTP layer
 * with a bare 413 before any exception mapper sees the request. An API promises problems, so its requests are
 * refused here first, the same way (the connection closed, the body never read), with one.
 */
@ApplicationScoped
public class BodyLimit {

    void refuseFirst(@Observes Router router, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit)
            throws JsonProcessingException {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        String problem = json.writeValueAsString(new ProblemException(ProblemType.TOO_LARGE,
                "The body is larger than " + max + " bytes").problem());
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && context.request().path().startsWith("/api/") && over(length, max)) {
                context.response().setStatusCode(ProblemType.TOO_LARGE.status())
                        .putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                        .end(problem).onComplete(done -> context.request().connection().close());
                return;
            }
            context.next();
        });
    }

    private static boolean over(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            // Left to the HTTP layer, which refuses it as it would have.
            return false;
        }
    }
}
