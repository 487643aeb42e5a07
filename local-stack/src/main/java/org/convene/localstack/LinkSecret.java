package org.convene.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secret that signs registrants' links (cancel, unsubscribe), for registration-service and
 * notification-service. Made on this machine and kept beside the data, so that links in emails
 * already sent keep working after a restart.
 */
public record LinkSecret(String value) {

    private static final String FILE = "link-secret";

    public static LinkSecret generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new LinkSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The one kept in {@code dir} by an earlier start, or a new one, kept there for the next. */
    public static LinkSecret loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new LinkSecret(SecretFiles.read(file).strip());
            }
            LinkSecret secret = generate();
            SecretFiles.write(file, secret.value());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the link secret in " + dir, e);
        }
    }

    /** As Quarkus configuration, for a test resource. */
    public Map<String, String> config() {
        return Map.of("convene.links.secret", value);
    }

    /** As an environment variable, as an operator would set it from a Secret. */
    public Map<String, String> environment() {
        return Map.of("CONVENE_LINKS_SECRET", value);
    }
}
