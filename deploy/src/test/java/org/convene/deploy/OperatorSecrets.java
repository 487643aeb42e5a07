package org.convene.deploy;

import java.util.Map;
import java.util.Set;

/**
 * The Secrets the operator creates before applying an overlay; nothing in the repository holds their values.
 * The one list of them: each overlay's kustomization.yaml documents exactly these (OperatorSecretsTest).
 */
final class OperatorSecrets {

    record Secret(String type, Set<String> keys) {
    }

    private static final String OPAQUE = "Opaque";
    private static final String BASIC_AUTH = "kubernetes.io/basic-auth";

    static final Map<String, Secret> ALL = Map.of(
            "events-service-secrets", new Secret(OPAQUE, Set.of("SMALLRYE_JWT_SIGN_KEY", "MP_JWT_VERIFY_PUBLICKEY",
                    "CONVENE_ORGANISER_EMAIL", "CONVENE_ORGANISER_PASSWORD", "QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY")),
            "registration-service-secrets", new Secret(OPAQUE, Set.of("MP_JWT_VERIFY_PUBLICKEY",
                    "CONVENE_LINKS_SECRET")),
            "notification-service-secrets", new Secret(OPAQUE, Set.of("CONVENE_LINKS_SECRET")),
            "convene-db-events", new Secret(BASIC_AUTH, Set.of("username", "password")),
            "convene-db-registrations", new Secret(BASIC_AUTH, Set.of("username", "password")),
            "convene-db-notifications", new Secret(BASIC_AUTH, Set.of("username", "password")),
            "smtp-relay-credentials", new Secret(OPAQUE, Set.of("username", "password")),
            "convene-tls", new Secret("kubernetes.io/tls", Set.of("tls.crt", "tls.key")));

    private OperatorSecrets() {
    }
}
