package org.convene.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for secrets where none may be: in the repository's files and in what the images carry (the
 * services' jars, read entry by entry, and their configuration). A secret here is key material (a PEM
 * private key with its body, a token of a known issuer's shape, a signed JWT), a configuration property
 * named like a secret with a value of its own outside the {@code %dev} and {@code %test} profiles, or a
 * Kubernetes Secret with its data written out. Secrets come from the environment (README, SECURITY.md).
 * <p>
 * Run on a directory as a program too, for the image check: {@code java -cp deploy/target/test-classes
 * org.convene.deploy.SecretScan DIR}; it prints each finding and exits 1 if there is any.
 */
final class SecretScan {

    /** One secret found: where, and what kind (never the value itself, which would spread it). */
    record Finding(String where, String kind) {
        @Override
        public String toString() {
            return where + ": " + kind;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("a PEM private key", Pattern.compile(
                    "-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----\\s*(\\S+:[^\\n]*\\n)*\\s*[A-Za-z0-9+/=]{40,}")),
            new Rule("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Rule("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
            new Rule("a Slack token", Pattern.compile("\\bxox[abpr]-[A-Za-z0-9-]{10,}")),
            new Rule("a signed JWT", Pattern.compile(
                    "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}")));

    /** A property whose name says it holds a secret; its value must come from elsewhere. */
    private static final Pattern SECRET_PROPERTY = Pattern.compile(
            "^\\s*([%A-Za-z0-9_.\"-]*(password|secret|sign-key|signkey|private-key|privatekey|api-key|apikey|credentials)"
                    + "[A-Za-z0-9_.\"-]*)\\s*[=:]\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** Profiles for a developer's machine and the tests only; the README says their values are not secrets. */
    private static final Pattern NOT_FOR_PRODUCTION = Pattern.compile("^\\s*%(dev|test)[.,]");
    private static final Pattern KUBERNETES_SECRET_WITH_DATA = Pattern.compile(
            "(?m)^kind:\\s*Secret\\s*$[\\s\\S]*?^(data|stringData):\\s*$\\s*^\\s+\\S+:\\s*\\S");

    private record Rule(String kind, Pattern pattern) {
    }

    private SecretScan() {
    }

    /** Every file under {@code root}, jars and zips entry by entry. */
    static List<Finding> directory(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files(files.filter(Files::isRegularFile).toList(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The given files; {@code root} only shortens the names in the findings. */
    static List<Finding> files(List<Path> files, Path root) {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            try {
                if (isArchive(name)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        archive(name, in, findings);
                    }
                } else if (Files.size(file) < 5_000_000) {
                    text(name, Files.readAllBytes(file), findings);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return findings;
    }

    private static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".zip");
    }

    private static void archive(String name, InputStream in, List<Finding> findings) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
            if (entry.isDirectory() || entry.getName().endsWith(".class")) {
                continue;
            }
            String inner = name + "!/" + entry.getName();
            if (isArchive(entry.getName())) {
                archive(inner, zip, findings);
            } else {
                text(inner, zip.readNBytes(5_000_000), findings);
            }
        }
    }

    static void text(String where, byte[] bytes, List<Finding> findings) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                findings.add(new Finding(where, rule.kind()));
            }
        }
        String lower = where.toLowerCase(Locale.ROOT);
        if (isConfiguration(lower)) {
            Matcher property = SECRET_PROPERTY.matcher(text);
            while (property.find()) {
                String key = property.group(1);
                String value = property.group(3).strip();
                if (!NOT_FOR_PRODUCTION.matcher(key).find() && !fromElsewhere(value)) {
                    findings.add(new Finding(where, "a value for " + key));
                }
            }
        }
        if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && KUBERNETES_SECRET_WITH_DATA.matcher(text).find()) {
            findings.add(new Finding(where, "a Kubernetes Secret with its data"));
        }
    }

    /**
     * Where a value would be configured: the services' and libraries' configuration files, not every
     * properties file (a library's messages and documentation name passwords by the hundred).
     */
    private static boolean isConfiguration(String lowerName) {
        String file = lowerName.substring(lowerName.lastIndexOf('/') + 1);
        return file.endsWith(".env") || (file.startsWith("application") && file.endsWith(".properties"))
                || file.equals("microprofile-config.properties");
    }

    /** A reference to the environment or a file, a placeholder, or a name (not a value) such as a file path. */
    private static boolean fromElsewhere(String value) {
        return value.startsWith("${") || value.startsWith("<") || value.startsWith("/") || value.startsWith("file:")
                || value.equalsIgnoreCase("changeme");
    }

    public static void main(String[] arguments) {
        List<Finding> findings = new ArrayList<>();
        for (String argument : arguments) {
            findings.addAll(directory(Path.of(argument)));
        }
        findings.forEach(finding -> System.out.println("SECRET? " + finding));
        System.out.println(findings.size() + " possible secrets in " + String.join(", ", arguments));
        System.exit(findings.isEmpty() ? 0 : 1);
    }
}
