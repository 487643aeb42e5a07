package org.convene.events;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Prometheus scrapes /q/metrics (the manifests' annotations say so). */
@QuarkusTest
class MetricsTest {

    @Test
    void requestsAreCountedByRouteBesideTheConnectionPoolAndTheKafkaClients() {
        get("/calendar.ics").then().statusCode(200);
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/calendar.ics\"[^}]*} [1-9]")
                .contains("agroal_awaiting_count", "kafka_producer_record_send_total");
    }
}
