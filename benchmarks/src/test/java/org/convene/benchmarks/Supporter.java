package org.convene.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import org.altcha.altcha.Altcha;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One supporter registering through the API, as the event page's script does: a proof-of-work
 * challenge, its solution, then the registration with it. Each supporter comes from an address of their
 * own (X-Forwarded-For, which registration-service reads as the client's address), as a burst of
 * people from a mailing or a post does, with an address and an email of their own.
 */
final class Supporter {

    private static final String[] COUNTRIES = { "GB", "BO", "ES", "US", "DE" };
    private static final String[] ZONES = { "Europe/London", "America/La_Paz", "Europe/Madrid", "America/New_York" };
    private static final AtomicLong SUPPORTERS = new AtomicLong();

    private Supporter() {
    }

    /** registration-service over HTTP/1.1, a connection per supporter, as browsers come. */
    static HttpProtocolBuilder protocol(String registrationUrl) {
        return http.baseUrl(registrationUrl)
                .acceptHeader("application/json")
                .userAgentHeader("Convene benchmark")
                // Gatling's default warm-up calls a site on the internet.
                .warmUp(registrationUrl + "/q/health/ready");
    }

    /** Hears of each registration answered with success. */
    @FunctionalInterface
    interface Registered {
        /** @param answeredAtMillis when the answer arrived, by this machine's clock (epoch milliseconds) */
        void answered(int step, String email, long answeredAtMillis);
    }

    /**
     * Registers one supporter for the event that {@code eventOfStep} picks for the step they arrive in,
     * counting the arrival and its outcome in {@code steps}; a failed step stops the load at the next arrival.
     */
    static ChainBuilder registers(Steps steps, IntFunction<String> eventOfStep) {
        return registers(steps, eventOfStep, (step, email, answeredAtMillis) -> {
        });
    }

    /** As {@link #registers(Steps, IntFunction)}, telling {@code registered} of each success. */
    static ChainBuilder registers(Steps steps, IntFunction<String> eventOfStep, Registered registered) {
        return exec(session -> session.set("step", steps.arrive()))
                .exec(stopLoadGeneratorIf(session -> steps.stopReason(), session -> steps.stopReason() != null))
                .exec(http("challenge").get("/api/challenge").check(status().is(200), bodyString().saveAs("challenge")))
                .doIf(session -> !session.isFailed()).then(exec(session -> prepare(session,
                                eventOfStep.apply(session.getInt("step"))))
                        .exec(http("register").post(session -> "/api/events/" + session.getString("event")
                                + "/registrations")
                                .header("Altcha", "#{altcha}")
                                .header("X-Forwarded-For", "#{address}")
                                .body(StringBody(session -> session.getString("form"))).asJson()
                                // The clock is read as the checks run, once the whole answer is in.
                                .check(responseTimeInMillis().saveAs("registerMillis"), status().is(201),
                                        bodyString().transform(body -> System.currentTimeMillis())
                                                .saveAs("answeredAt"))))
                .exec(session -> {
                    boolean succeeded = !session.isFailed() && session.contains("registerMillis");
                    steps.answer(session.getInt("step"), session.isFailed(),
                            session.contains("registerMillis") ? session.getInt("registerMillis") : null);
                    if (succeeded) {
                        registered.answered(session.getInt("step"), session.getString("email"),
                                session.getLong("answeredAt"));
                    }
                    return session;
                });
    }

    private static Session prepare(Session session, String event) {
        long n = SUPPORTERS.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "Supporter " + n);
        form.put("email", "supporter-" + n + "@example.org");
        form.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
        form.put("timeZone", ZONES[random.nextInt(ZONES.length)]);
        form.put("language", random.nextBoolean() ? "en" : "es");
        form.put("consentTo", random.nextBoolean() ? List.of(Convene.HOST) : List.of());
        try {
            return session.set("event", event)
                    .set("email", form.get("email"))
                    .set("altcha", solution(session.getString("challenge")))
                    .set("address", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                    .set("form", Convene.JSON.writeValueAsString(form));
        } catch (Exception e) {
            throw new IllegalStateException("could not answer challenge " + session.getString("challenge"), e);
        }
    }

    /** The ALTCHA solution of a challenge from {@code GET /api/challenge}, as the Altcha header carries it. */
    private static String solution(String challengeJson) throws Exception {
        JsonNode challenge = Convene.JSON.readTree(challengeJson);
        String salt = challenge.get("salt").asText();
        String hash = challenge.get("challenge").asText();
        Altcha.Solution solved = Altcha.solveChallenge(hash, salt, Altcha.Algorithm.SHA256,
                challenge.get("maxnumber").asLong(), 0);
        Map<String, Object> payload = Map.of("algorithm", "SHA-256", "challenge", hash, "number", solved.number,
                "salt", salt, "signature", challenge.get("signature").asText());
        return Base64.getEncoder().encodeToString(Convene.JSON.writeValueAsBytes(payload));
    }
}
