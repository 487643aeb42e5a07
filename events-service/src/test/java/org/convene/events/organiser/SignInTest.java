package org.convene.events.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convene.localstack.LogCapture;
import org.convene.platform.security.SecurityEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a sign-in gives away (nothing about which addresses are accounts) and what it leaves in the log. */
@QuarkusTest
class SignInTest {

    @ConfigProperty(name = "convene.organiser.email")
    String email;

    @ConfigProperty(name = "convene.organiser.password")
    String password;

    private LogCapture securityLog;

    @BeforeEach
    void listen() {
        securityLog = LogCapture.of(SecurityEvents.CATEGORY);
    }

    @AfterEach
    void stopListening() {
        securityLog.close();
    }

    private long timed(String address, String password) {
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("email", address, "password", password)).post("/api/session")
                .then().statusCode(401);
        return System.nanoTime() - start;
    }

    /**
     * An unknown address and a wrong password take alike time: the password is checked against a hash
     * either way. Skipping the hash for an unknown address would make those answers many times faster.
     * Interleaved, and compared by their medians, so that a pause of the machine weighs on neither.
     */
    @Test
    void anUnknownAddressAndAWrongPasswordTakeAlikeTime() {
        timed(email, "warm-up");
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            unknown.add(timed("nobody-" + i + "@example.org", password));
            wrong.add(timed(email, password + i));
        }
        double ratio = (double) median(unknown) / median(wrong);
        assertThat(ratio).as("median time of an unknown address over a wrong password's").isBetween(0.6, 1.6);
    }

    @Test
    void signInsFailuresAndSignOutsAreSecurityEventsWithIdsButNoAddressOrPassword() {
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2.77")
                .body(Map.of("email", stranger, "password", "hunter2-" + stranger)).post("/api/session")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2.78")
                .body(Map.of("email", email, "password", password + "-wrong")).post("/api/session")
                .then().statusCode(401);
        String token = given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2.79")
                .body(Map.of("email", email, "password", password)).post("/api/session")
                .then().statusCode(200).extract().path("token");
        String subject = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        String id = subject.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");

        assertThat(securityLog.lines()).contains("security-event=sign-in-failed organiser=unknown from=192.0.2.77",
                "security-event=sign-in-failed organiser=" + id + " from=192.0.2.78",
                "security-event=sign-in organiser=" + id + " from=192.0.2.79");
        assertThat(String.join("\n", securityLog.lines())).doesNotContain(stranger).doesNotContain(email)
                .doesNotContain(password).doesNotContain("hunter2");
    }

    private static long median(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
