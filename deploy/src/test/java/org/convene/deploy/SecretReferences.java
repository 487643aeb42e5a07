package org.convene.deploy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.convene.deploy.OperatorSecrets.Secret;

/** Every Secret the rendered objects read, with the keys and type they need of it. */
final class SecretReferences {

    private SecretReferences() {
    }

    /** The Secrets an operator person creates; not those Strimzi makes (see {@link #madeByStrimzi}). */
    static Map<String, Secret> of(Rendered rendered) {
        Map<String, String> types = new HashMap<>();
        Map<String, Set<String>> keys = new HashMap<>();
        Set<String> strimzi = madeByStrimzi(rendered).keySet();
        for (JsonNode deployment : rendered.kind("Deployment")) {
            for (JsonNode container : Rendered.podSpec(deployment).path("containers")) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode() && !strimzi.contains(ref.path("name").asText())) {
                        add(types, keys, ref.path("name").asText(), "Opaque", Set.of(ref.path("key").asText()));
                    }
                }
            }
        }
        // CloudNativePG reads a role's name and password from a basic-auth Secret.
        for (JsonNode cluster : rendered.kind("Cluster")) {
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                add(types, keys, role.path("passwordSecret").path("name").asText(), "kubernetes.io/basic-auth",
                        Set.of("username", "password"));
            }
        }
        for (JsonNode ingress : rendered.kind("Ingress")) {
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                add(types, keys, tls.path("secretName").asText(), "kubernetes.io/tls", Set.of("tls.crt", "tls.key"));
            }
        }
        Map<String, Secret> secrets = new HashMap<>();
        types.forEach((name, type) -> secrets.put(name, new Secret(type, Set.copyOf(keys.get(name)))));
        return secrets;
    }

    /**
     * The Secrets Strimzi makes for the rendered resources, with the keys it puts in them: one per SCRAM
     * KafkaUser (its password and JAAS configuration), and the cluster CA's certificate of each Kafka.
     */
    static Map<String, Secret> madeByStrimzi(Rendered rendered) {
        Map<String, Secret> secrets = new HashMap<>();
        for (JsonNode user : rendered.kind("KafkaUser")) {
            if ("scram-sha-512".equals(user.path("spec").path("authentication").path("type").asText())) {
                secrets.put(Rendered.name(user), new Secret("Opaque", Set.of("password", "sasl.jaas.config")));
            }
        }
        for (JsonNode kafka : rendered.kind("Kafka")) {
            secrets.put(Rendered.name(kafka) + "-cluster-ca-cert", new Secret("Opaque", Set.of("ca.crt", "ca.p12",
                    "ca.password")));
        }
        return secrets;
    }

    /** A typed reference (basic-auth, TLS) decides the type; a plain key reference fits any. */
    private static void add(Map<String, String> types, Map<String, Set<String>> keys, String name, String type,
            Set<String> needed) {
        types.merge(name, type, (known, added) -> known.equals("Opaque") ? added : known);
        keys.computeIfAbsent(name, n -> new HashSet<>()).addAll(needed);
    }
}
