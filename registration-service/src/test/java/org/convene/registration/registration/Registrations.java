package org.convene.registration.registration;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.bots.Proofs;
import org.convene.registration.bots.RefusalProblem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Registering through the API, and reading what was stored, for the tests of this package. */
public final class Registrations {

    private Registrations() {
    }

    public static Response register(UUID eventId, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).header(RefusalProblem.PROOF_HEADER, Proofs.fresh()).body(body)
                .when().post("/api/events/{id}/registrations", eventId);
    }

    public static Response register(UUID eventId, String name, String email) {
        return register(eventId, Map.of("name", name, "email", email));
    }

    /** The stored registration with its consent answers loaded. */
    public static Registration stored(UUID registrationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = Registration.findById(registrationId);
            if (registration != null) {
                registration.consents.size();
            }
            return registration;
        });
    }

    public static Registration stored(String registrationId) {
        return stored(UUID.fromString(registrationId));
    }

    public static List<Registration> storedFor(UUID eventId, RegistrationState state) {
        return QuarkusTransaction.requiringNew().call(
                () -> Registration.<Registration> list("eventId = ?1 and state = ?2 order by stateSince, id", eventId, state));
    }
}
