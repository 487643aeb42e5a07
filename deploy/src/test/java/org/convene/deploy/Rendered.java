package org.convene.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** A kustomization as {@code kubectl kustomize} renders it: the objects an operator would apply. */
final class Rendered {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Rendered() {
    }

    /** The project's own copy if bin/install-kubectl.sh fetched one, else the one on the PATH. */
    private static final Path FETCHED = Path.of("..", ".tools", "bin", "kubectl");

    static List<ObjectNode> render(Path kustomization) throws IOException, InterruptedException {
        String command = Files.isExecutable(FETCHED) ? FETCHED.toString() : "kubectl";
        Process kubectl = new ProcessBuilder(command, "kustomize", kustomization.toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + kustomization + " failed:\n" + output);
        }
        return parse(output);
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (var documents = YAML.readValues(parser, JsonNode.class); documents.hasNext();) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
