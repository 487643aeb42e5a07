package org.convene.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RetentionTest {

    @Test
    void aYearAndBatchesOfAThousandByDefault() {
        Retention retention = read(Map.of());

        assertThat(retention.afterEvent()).isEqualTo(Duration.ofDays(365));
        assertThat(retention.batchSize()).isEqualTo(1000);
    }

    @Test
    void anEmptyBatchIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.retention.batch-size", "0")))
                .hasMessageContaining("convene.retention.batch-size must be greater than 0");
    }

    @Test
    void keepingNothingAfterTheEventIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.retention.after-event", "P0D")))
                .hasMessageContaining("convene.retention.after-event must be longer than 0");
    }

    private static Retention read(Map<String, String> properties) {
        return MappedSettings.read(Retention.class, properties);
    }
}
