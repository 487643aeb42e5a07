package org.convene.deploy;

import java.net.URI;
import java.util.Map;

/** Where a service's configuration sends it: Kafka, PostgreSQL, the OpenTelemetry collector, the SMTP relay. */
record Endpoints(URI kafka, URI database, URI collector, URI smtp) {

    static Endpoints of(Map<String, String> configuration) {
        String smtpHost = configuration.get("QUARKUS_MAILER_HOST");
        return new Endpoints(
                URI.create("kafka://" + configuration.get("KAFKA_BOOTSTRAP_SERVERS")),
                URI.create(configuration.get("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst("^jdbc:", "")),
                URI.create(configuration.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")),
                smtpHost == null ? null
                        : URI.create("smtp://" + smtpHost + ":" + configuration.get("QUARKUS_MAILER_PORT")));
    }

    /** The database's name, from the JDBC URL's path. */
    String databaseName() {
        return database.getPath().substring(1);
    }

    /** A service name such as otel-collector.observability.svc names its namespace second. */
    String collectorNamespace() {
        return collector.getHost().split("\\.")[1];
    }
}
