package org.convene.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OutboxRelayConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        OutboxRelayConfig config = read(Map.of());

        assertThat(config.batchSize()).isEqualTo(200);
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.sendTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void readsTheEnvironmentsSpelling() {
        OutboxRelayConfig config = read(Map.of("convene.outbox.batch-size", "50", "convene.outbox.send-timeout", "2M"));

        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.sendTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anEmptyBatchIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.outbox.batch-size", "0")))
                .hasMessageContaining("convene.outbox.batch-size must be greater than 0");
    }

    @Test
    void aBatchSizeThatIsNoNumberIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.outbox.batch-size", "abc")))
                .hasMessageContaining("convene.outbox.batch-size");
    }

    @Test
    void aZeroIntervalIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.outbox.interval", "0s")))
                .hasMessageContaining("convene.outbox.interval must be longer than 0");
    }

    private static OutboxRelayConfig read(Map<String, String> properties) {
        return MappedSettings.read(OutboxRelayConfig.class, properties);
    }
}
