package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.convene.contracts.delivery.EmailKind;
import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MailConfigTest {

    /** The dispatcher's keys as application.properties sets them; it sets no default for them. */
    private static final Map<String, String> DISPATCHER = Map.of("convene.mail.dispatch-interval", "1s",
            "convene.mail.batch-size", "100", "convene.mail.send-timeout", "30s",
            "convene.mail.rate-per-second", "0");

    @Test
    void readsTheDispatcherAndTheRetriesFromOnePrefix() {
        MailConfig mail = read(with("convene.mail.retry.lifetime-by-kind.organiser_message", "2D"));

        assertThat(mail.batchSize()).isEqualTo(100);
        assertThat(mail.sendTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.ratePerSecond()).isZero();
        assertThat(mail.retry().firstPause()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.retry().relayMaxPause()).isEqualTo(Duration.ofMinutes(5));
        assertThat(mail.retry().lifetimeOf(EmailKind.ORGANISER_MESSAGE)).isEqualTo(Duration.ofDays(2));
        assertThat(mail.retry().lifetimeOf(EmailKind.CONFIRMATION)).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void anEmptyBatchIsRefusedByName() {
        assertThatThrownBy(() -> read(with("convene.mail.batch-size", "0")))
                .hasMessageContaining("convene.mail.batch-size must be greater than 0");
    }

    @Test
    void aNegativeRateIsRefusedByName() {
        assertThatThrownBy(() -> read(with("convene.mail.rate-per-second", "-1")))
                .hasMessageContaining("convene.mail.rate-per-second");
    }

    @Test
    void aRetryWithoutPauseIsRefusedByName() {
        assertThatThrownBy(() -> read(with("convene.mail.retry.first-pause", "0s")))
                .hasMessageContaining("convene.mail.retry.first-pause must be longer than 0");
    }

    static Map<String, String> with(String key, String value) {
        Map<String, String> properties = new HashMap<>(DISPATCHER);
        properties.put(key, value);
        return properties;
    }

    static MailConfig read(Map<String, String> properties) {
        return MappedSettings.read(MailConfig.class, properties);
    }
}
