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
 * and checks their tokens, the first organiser's address and password, and the key that signs the back
 * office's CSRF tokens. Made here, on this
 * machine, and kept beside the data they belong to; never committed anywhere.
 */
public record OrganiserSecrets(String email, String password, String tokenPrivateKeyPem, String tokenPublicKeyPem,
        String csrfKey) {

    public static final String DEFAULT_EMAIL = "organiser@convene.localhost";

    private static final String PRIVATE_KEY = "token-private.pem";
    private static final String PUBLIC_KEY = "token-public.pem";
    private static final String PASSWORD = "organiser-password";
    private static final String CSRF_KEY = "csrf-key";

    public static OrganiserSecrets generate(String email) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] password = new byte[15];
            new SecureRandom().nextBytes(password);
            return new OrganiserSecrets(email, Base64.getUrlEncoder().withoutPadding().encodeToString(password),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    randomKey());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    /** The ones kept in {@code dir} by an earlier start, or new ones, kept there for the next. */
    public static OrganiserSecrets loadOrCreate(Path dir, String email) {
        try {
            if (Files.exists(dir.resolve(PASSWORD))) {
                // A directory from before the CSRF key existed gets one now.
                if (!Files.exists(dir.resolve(CSRF_KEY))) {
                    write(dir, CSRF_KEY, randomKey());
                }
                return new OrganiserSecrets(email, read(dir, PASSWORD), read(dir, PRIVATE_KEY), read(dir, PUBLIC_KEY),
                        read(dir, CSRF_KEY));
            }
            OrganiserSecrets secrets = generate(email);
            write(dir, PRIVATE_KEY, secrets.tokenPrivateKeyPem());
            write(dir, PUBLIC_KEY, secrets.tokenPublicKeyPem());
            write(dir, PASSWORD, secrets.password());
            write(dir, CSRF_KEY, secrets.csrfKey());
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
                "convene.organiser.password", password,
                "quarkus.rest-csrf.token-signature-key", csrfKey);
    }

    /** As environment variables, as an operator would set them from a Secret. */
    public Map<String, String> environment() {
        return Map.of(
                "SMALLRYE_JWT_SIGN_KEY", tokenPrivateKeyPem,
                "MP_JWT_VERIFY_PUBLICKEY", tokenPublicKeyPem,
                "CONVENE_ORGANISER_EMAIL", email,
                "CONVENE_ORGANISER_PASSWORD", password,
                "QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY", csrfKey);
    }

    /** Only what checks tokens, for a service that must not sign them or know the password. */
    public Map<String, String> verifierEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", tokenPublicKeyPem);
    }

    /** 32 random bytes, as the CSRF filter's HMAC key: it takes 32 characters or more. */
    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
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
