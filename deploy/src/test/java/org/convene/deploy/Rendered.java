package org.convene.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * A kustomization as {@code kubectl kustomize} renders it: the objects an operator would apply, and the queries
 * the checks share. Each kustomization is rendered once per test run; callers copy an object before changing it.
 */
record Rendered(Path kustomization, List<ObjectNode> objects) {

    static final Path BASE = Path.of("kubernetes", "base");
    static final Path INFRA = Path.of("kubernetes", "infra");
    static final Path DEV = Path.of("kubernetes", "overlays", "dev");
    static final Path PRODUCTION = Path.of("kubernetes", "overlays", "production");
    /** What an operator applies: each brings the services together with what they run against. */
    static final List<Path> OVERLAYS = List.of(DEV, PRODUCTION);
    static final List<Path> ALL = List.of(BASE, INFRA, DEV, PRODUCTION);

    static final Set<String> SERVICES = Set.of("events-service", "registration-service", "notification-service");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The project's own copy if bin/install-kubectl.sh fetched one, else the one on the PATH. */
    private static final Path FETCHED = Path.of("..", ".tools", "bin", "kubectl");
    private static final Map<Path, Rendered> CACHE = new ConcurrentHashMap<>();

    static Rendered of(Path kustomization) {
        return CACHE.computeIfAbsent(kustomization, k -> new Rendered(k, List.copyOf(render(k))));
    }

    private static List<ObjectNode> render(Path kustomization) {
        String command = Files.isExecutable(FETCHED) ? FETCHED.toString() : "kubectl";
        try {
            Process kubectl = new ProcessBuilder(command, "kustomize", kustomization.toString())
                    .redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomization + " failed:\n" + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<ObjectNode> parse(String yaml) throws IOException {
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

    /** The API group, empty for the core group: "kafka.strimzi.io" of "kafka.strimzi.io/v1". */
    static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    List<ObjectNode> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    Set<String> names(String kind) {
        return kind(kind).stream().map(Rendered::name).collect(Collectors.toSet());
    }

    Optional<ObjectNode> find(String kind, String name) {
        return kind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(kustomization + " has no " + kind + " " + name));
    }

    /** The Deployments of Convene's own services. */
    List<ObjectNode> services() {
        return kind("Deployment").stream().filter(d -> SERVICES.contains(name(d))).toList();
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /** The container of one of Convene's services, named as its Deployment. */
    static JsonNode container(JsonNode deployment) {
        for (JsonNode container : podSpec(deployment).path("containers")) {
            if (name(deployment).equals(container.path("name").asText())) {
                return container;
            }
        }
        throw new AssertionError(name(deployment) + " has no container of its name");
    }

    /** A service's configuration: the data of every ConfigMap its container reads whole. */
    Map<String, String> configuration(JsonNode deployment) {
        Map<String, String> data = new HashMap<>();
        for (JsonNode source : container(deployment).path("envFrom")) {
            get("ConfigMap", source.path("configMapRef").path("name").asText()).path("data").properties()
                    .forEach(entry -> data.put(entry.getKey(), entry.getValue().asText()));
        }
        return data;
    }

    /** matchLabels semantics: every label the selector names, with its value. An empty selector matches nothing. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        for (var entry : matchLabels.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return kustomization.toString();
    }
}
