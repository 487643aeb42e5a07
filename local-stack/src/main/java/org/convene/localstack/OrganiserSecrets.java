package org.convene.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * What the local stack gives events-service so that organisers can sign in: the key pair that signs
 * and checks their tokens, and the first organiser's address and password. Made here, on this
 * machine, and kept beside the data they belong to; never committed anywhere.
 */
public record OrganiserSecrets(String email, String password, String tokenPrivateKeyPem, String tokenPublicKeyPem) {

    public static final String DEFAULT_EMAIL = "organiser@convene.localhost";

    private static final String PRIVATE_KEY = "token-private.pem";
    private static final String PUBLIC_KEY = "token-public.pem";
    private static final String PASSWORD = "organiser-password";

    public static OrganiserSecrets generate(String email) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] password = new byte[15];
            new SecureRandom().nextBytes(password);
            return new OrganiserSecrets(email, Base64.getUrlEncoder().withoutPadding().encodeToString(password),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    /** The ones kept in {@code dir} by an earlier start, or new ones, kept there for the next. */
    public static OrganiserSecrets loadOrCreate(Path dir, String email) {
        try {
            if (Files.exists(dir.resolve(PASSWORD))) {
                return new OrganiserSecrets(email, read(dir, PASSWORD), read(dir, PRIVATE_KEY), read(dir, PUBLIC_KEY));
            }
            OrganiserSecrets secrets = generate(email);
            write(dir, PRIVATE_KEY, secrets.tokenPrivateKeyPem());
            write(dir, PUBLIC_KEY, secrets.tokenPublicKeyPem());
            write(dir, PASSWORD, secrets.password());
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the organiser secrets in " + dir, e);
        }
    }

    /** As Quarkus configuration, for a test resource. */
    public Map<String, String> config() {
        return Map.of(
                "smallrye.jwt.sign.key", tokenPrivateKeyPem,
                "mp.jwt.verify.publickey", tokenPublicKeyPem,
                "convene.organiser.email", email,
                "convene.organiser.password", password);
    }

    /** As environment variables, as an operator would set them from a Secret. */
    public Map<String, String> environment() {
        return Map.of(
                "SMALLRYE_JWT_SIGN_KEY", tokenPrivateKeyPem,
                "MP_JWT_VERIFY_PUBLICKEY", tokenPublicKeyPem,
                "CONVENE_ORGANISER_EMAIL", email,
                "CONVENE_ORGANISER_PASSWORD", password);
    }

    /** Only what checks tokens, for a service that must not sign them or know the password. */
    public Map<String, String> verifierEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", tokenPublicKeyPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String read(Path dir, String name) throws IOException {
        return SecretFiles.read(dir.resolve(name));
    }

    private static void write(Path dir, String name, String content) throws IOException {
        SecretFiles.write(dir.resolve(name), content);
    }
}
