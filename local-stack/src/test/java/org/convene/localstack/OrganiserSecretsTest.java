package org.convene.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OrganiserSecretsTest {

    @Test
    void keptSecretsAreFoundAgainAndReadableByTheOwnerOnly() throws Exception {
        Path dir = Path.of("target", "secrets-" + UUID.randomUUID());
        OrganiserSecrets first = OrganiserSecrets.loadOrCreate(dir, "organiser@example.org");
        OrganiserSecrets again = OrganiserSecrets.loadOrCreate(dir, "organiser@example.org");

        assertThat(again).isEqualTo(first);
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(first.tokenPrivateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(first.tokenPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        try (var files = Files.list(dir)) {
            assertThat(files).allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .isEqualTo("rw-------"));
        }
    }

    @Test
    void theLinkSecretIsKeptOwnerOnlyAndFoundAgain() throws Exception {
        Path dir = Path.of("target", "secrets-" + UUID.randomUUID());
        LinkSecret first = LinkSecret.loadOrCreate(dir);

        assertThat(LinkSecret.loadOrCreate(dir)).isEqualTo(first);
        assertThat(first.value()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(LinkSecret.generate().value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("link-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyNewSetIsDifferent() {
        OrganiserSecrets a = OrganiserSecrets.generate("a@example.org");
        OrganiserSecrets b = OrganiserSecrets.generate("a@example.org");
        assertThat(a.password()).isNotEqualTo(b.password());
        assertThat(a.tokenPrivateKeyPem()).isNotEqualTo(b.tokenPrivateKeyPem());
    }
}
