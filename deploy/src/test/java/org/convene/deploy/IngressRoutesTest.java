package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Ingress sends every path a service answers (its JAX-RS resources and static files, read from its sources)
 * to that service, and never /q/. Routing is reproduced as ingress-nginx does it with use-regex: each path a
 * regular expression, case-insensitive, anchored at the start only, the longest path tried first.
 */
class IngressRoutesTest {

    private record Route(Pattern path, int length, String service) {
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void everyEndpointReachesItsServiceAndNothingElseIsRouted(Path overlay) {
        List<Route> routes = routes(Rendered.of(overlay));
        for (String service : Rendered.SERVICES) {
            List<String> paths = ServicePaths.of(service);
            assertThat(paths).as(service).isNotEmpty();
            for (String path : paths) {
                assertThat(route(routes, path)).as("%s of %s", path, service).contains(service);
            }
        }
        for (String internal : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/")) {
            assertThat(route(routes, internal)).as(internal).isEmpty();
        }
    }

    @Test
    void theRegistrationsApiIsToldApartFromTheEventsApi() {
        List<Route> routes = routes(Rendered.of(Rendered.PRODUCTION));
        String event = "/api/events/" + ServicePaths.SAMPLE;
        assertThat(route(routes, event)).contains("events-service");
        assertThat(route(routes, event + "/mailings")).contains("events-service");
        assertThat(route(routes, event + "/registrations")).contains("registration-service");
        assertThat(route(routes, "/")).contains("registration-service");
        assertThat(route(routes, "/unsubscribe/" + ServicePaths.SAMPLE)).contains("notification-service");
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void theIngressIsOneTlsHostOnIngressNginxInRegexMode(Path overlay) {
        JsonNode ingress = Rendered.of(overlay).get("Ingress", "convene");
        assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/use-regex").asText())
                .isEqualTo("true");
        String host = ingress.path("spec").path("rules").get(0).path("host").asText();
        assertThat(ingress.path("spec").path("tls").get(0).path("hosts").get(0).asText()).isEqualTo(host);
        assertThat(ingress.findValuesAsText("pathType")).containsOnly("ImplementationSpecific");
        for (JsonNode deployment : Rendered.of(overlay).services()) {
            assertThat(Rendered.of(overlay).configuration(deployment).get("CONVENE_PUBLIC_PAGES_URL"))
                    .isEqualTo("https://" + host);
        }
    }

    private static List<Route> routes(Rendered rendered) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode ingress : rendered.kind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String expression = path.path("path").asText();
                    routes.add(new Route(Pattern.compile(expression, Pattern.CASE_INSENSITIVE), expression.length(),
                            path.path("backend").path("service").path("name").asText()));
                }
            }
        }
        routes.sort(Comparator.comparingInt(Route::length).reversed());
        return routes;
    }

    private static Optional<String> route(List<Route> routes, String path) {
        return routes.stream().filter(r -> r.path().matcher(path).lookingAt()).map(Route::service).findFirst();
    }
}
