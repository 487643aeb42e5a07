package org.convene.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paths a service answers, read from its sources: each JAX-RS resource's @Path (its class's joined with its
 * methods'), with a sample value in each template parameter, and each static file it serves.
 */
final class ServicePaths {

    /** A value every path parameter of the services accepts: an id, a slug and a UUID all at once. */
    static final String SAMPLE = "3f2b5c9e-0d1a-4c6b-9e8f-1a2b3c4d5e6f";

    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*([^;]+);");
    private static final Pattern TYPE = Pattern.compile(
            "^(public\\s+|final\\s+|abstract\\s+)*(class|interface|record)\\s", Pattern.MULTILINE);

    private ServicePaths() {
    }

    static List<String> of(String service) {
        Path module = Path.of("..", service, "src", "main");
        List<String> sources = read(module.resolve("java"));
        Map<String, String> constants = new HashMap<>();
        for (String source : sources) {
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
        }
        TreeSet<String> paths = new TreeSet<>();
        for (String source : sources) {
            Matcher type = TYPE.matcher(source);
            int declaration = type.find() ? type.start() : 0;
            String resource = null;
            for (int at = source.indexOf("@Path("); at >= 0; at = source.indexOf("@Path(", at + 1)) {
                String path = evaluate(argument(source, at + "@Path(".length()), constants);
                if (at < declaration) {
                    resource = path;
                    paths.add(sample(resource));
                } else if (resource != null) {
                    paths.add(sample(resource + "/" + path));
                }
            }
        }
        Path statics = module.resolve("resources").resolve("META-INF").resolve("resources");
        if (Files.isDirectory(statics)) {
            try (Stream<Path> files = Files.walk(statics)) {
                files.filter(Files::isRegularFile).forEach(f -> paths.add("/" + statics.relativize(f).toString()
                        .replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(paths);
    }

    private static List<String> read(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The annotation's argument: up to its closing parenthesis, outside string literals. */
    private static String argument(String source, int from) {
        boolean quoted = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (c == ')' && !quoted) {
                return source.substring(from, i);
            }
        }
        throw new IllegalStateException("unterminated @Path at " + from);
    }

    /** A constant expression of string literals and String constants joined by +. */
    private static String evaluate(String expression, Map<String, String> constants) {
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        StringBuilder name = new StringBuilder();
        for (char c : (expression + "+").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                value.append(c);
            } else if (c == '+') {
                String constant = name.toString().trim().replaceAll(".*\\.", "");
                if (!constant.isEmpty()) {
                    String definition = constants.get(constant);
                    if (definition == null) {
                        throw new IllegalStateException("no String constant " + constant + " for @Path");
                    }
                    value.append(evaluate(definition, constants));
                }
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        return value.toString();
    }

    /** The path with every {parameter} or {parameter: regex} replaced by a sample value, slashes normalised. */
    private static String sample(String template) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    path.append(SAMPLE);
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        String normalised = ("/" + path).replaceAll("/+", "/");
        return normalised.length() > 1 && normalised.endsWith("/") ? normalised.substring(0, normalised.length() - 1)
                : normalised;
    }
}
