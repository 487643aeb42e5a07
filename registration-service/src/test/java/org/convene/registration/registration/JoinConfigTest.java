package org.convene.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class JoinConfigTest {

    @Test
    void readsHowLongBeforeTheStartTheLinkOpens() {
        assertThat(read("15M").opensBefore()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read("0s").opensBefore()).isZero();
    }

    @Test
    void aLinkThatOpensAfterTheStartIsRefusedByName() {
        assertThatThrownBy(() -> read("-5M"))
                .hasMessageContaining("convene.join.opens-before must be longer than or equal to 0");
    }

    private static JoinConfig read(String opensBefore) {
        return MappedSettings.read(JoinConfig.class, Map.of("convene.join.opens-before", opensBefore));
    }
}
