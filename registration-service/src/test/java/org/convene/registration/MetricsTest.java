package org.convene.registration;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Prometheus scrapes /q/metrics (the manifests' annotations say so): requests are counted by route. */
@QuarkusTest
class MetricsTest {

    @Test
    void requestsAreCountedByRouteNotByAddress() {
        get("/events/no-such-event").then().statusCode(404);
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        // One series per route, whatever the address asked for: a series per address would grow without end.
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/events/\\{address}\"[^}]*} [1-9]")
                .doesNotContain("no-such-event");
    }

    /** What the README's alert rules read: the consumers' lag, from the Kafka clients themselves. */
    @Test
    void theConsumersLagIsThereToAlertOn() {
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
