package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret is committed: every file git tracks is scanned ({@link SecretScan}); the image check scans
 * the images with the same rules. The scanner is shown to find each kind of secret it looks for.
 */
class NoSecretsTest {

    private static final Path PROJECT = Path.of(System.getProperty("convene.project-dir", "..")).toAbsolutePath()
            .normalize();

    @Test
    void noFileInTheRepositoryHoldsASecret() throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(PROJECT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listed = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git ls-files").isZero();
        List<Path> files = java.util.Arrays.stream(listed.split("\0")).filter(name -> !name.isEmpty())
                .map(PROJECT::resolve).filter(Files::isRegularFile).toList();
        assertThat(files).as("tracked files").hasSizeGreaterThan(100);

        assertThat(SecretScan.files(files, PROJECT)).isEmpty();
    }

    @Test
    void eachKindOfSecretIsFoundInFilesAndInsideJars(@TempDir Path dir) throws IOException {
        String key = Base64.getMimeEncoder().encodeToString(new byte[600]).replace("A", "Q");
        Files.writeString(dir.resolve("id_rsa"), "-----BEGIN RSA PRIVATE KEY-----\n" + key + "\n-----END RSA PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("OrganiserSecretsTest.java"),
                "assertThat(pem).startsWith(\"-----BEGIN PRIVATE KEY-----\");");
        Files.writeString(dir.resolve("notes.txt"), "token ghp_" + "a".repeat(36) + " and AKIA" + "ABCDEFGHIJKLMNOP");
        Files.writeString(dir.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: convene-links
                stringData:
                  secret: hunter2
                """);
        Files.writeString(dir.resolve("reference.yaml"), """
                env:
                  - name: CONVENE_LINKS_SECRET
                    valueFrom: {secretKeyRef: {name: convene-links, key: secret}}
                """);
        try (OutputStream out = Files.newOutputStream(dir.resolve("service.jar"));
                ZipOutputStream jar = new ZipOutputStream(out)) {
            jar.putNextEntry(new ZipEntry("application.properties"));
            jar.write("""
                    %dev.convene.links.secret=dev-only
                    %test.quarkus.datasource.password=local
                    quarkus.datasource.password=${DB_PASSWORD}
                    convene.links.secret=hunter2
                    %prod.quarkus.mailer.password=hunter2
                    """.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(SecretScan.directory(dir)).extracting(SecretScan.Finding::toString).containsExactlyInAnyOrder(
                "id_rsa: a PEM private key",
                "notes.txt: an AWS access key id",
                "notes.txt: a GitHub token",
                "secret.yaml: a Kubernetes Secret with its data",
                "service.jar!/application.properties: a value for convene.links.secret",
                "service.jar!/application.properties: a value for %prod.quarkus.mailer.password");
    }
}
