package org.convene.events;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Prometheus scrapes /q/metrics (the manifests' annotations say so): requests are counted by route. */
@QuarkusTest
class MetricsTest {

    @Test
    void requestsAreCountedByRouteForPrometheus() {
        get("/calendar.ics").then().statusCode(200);
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/calendar.ics\"[^}]*} [1-9]");
    }
}
