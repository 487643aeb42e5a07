package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convene.deploy.OperatorSecrets.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Secrets an overlay reads are exactly those its kustomization.yaml tells the operator to create. */
class OperatorSecretsTest {

    /** "#   name (type): KEY, KEY," continued on lines of the form "#     KEY, KEY". */
    private static final Pattern ENTRY = Pattern.compile("^#   ([a-z0-9-]+) \\(([^)]+)\\): (.+)$");
    private static final Pattern CONTINUATION = Pattern.compile("^#     (\\S.*)$");

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void theDocumentedSecretsAreTheOnesTheOverlayReads(Path overlay) throws IOException {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.names("Secret")).as("no Secret is committed").isEmpty();
        assertThat(documented(overlay)).isEqualTo(OperatorSecrets.ALL);
        assertThat(SecretReferences.of(rendered)).isEqualTo(OperatorSecrets.ALL);
    }

    private static Map<String, Secret> documented(Path overlay) throws IOException {
        Map<String, Secret> secrets = new HashMap<>();
        String name = null;
        String type = null;
        Set<String> keys = new LinkedHashSet<>();
        for (String line : Files.readAllLines(overlay.resolve("kustomization.yaml"))) {
            Matcher entry = ENTRY.matcher(line);
            Matcher continuation = CONTINUATION.matcher(line);
            if (entry.matches()) {
                if (name != null) {
                    secrets.put(name, new Secret(type, Set.copyOf(keys)));
                }
                name = entry.group(1);
                type = entry.group(2);
                keys = new LinkedHashSet<>(split(entry.group(3)));
            } else if (name != null && continuation.matches()) {
                keys.addAll(split(continuation.group(1)));
            }
        }
        if (name != null) {
            secrets.put(name, new Secret(type, Set.copyOf(keys)));
        }
        return secrets;
    }

    private static List<String> split(String keys) {
        return List.of(keys.trim().split("\\s*,\\s*")).stream().filter(k -> !k.isEmpty()).toList();
    }
}
