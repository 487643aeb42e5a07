package org.convene.notification.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UnsubscribeConfigTest {

    @Test
    void readsThePublicHost() {
        assertThat(read("https://events.example.org").url()).isEqualTo("https://events.example.org");
    }

    @Test
    void aRelativeAddressIsRefusedByName() {
        assertThatThrownBy(() -> read("/unsubscribe"))
                .hasMessageContaining("convene.unsubscribe.url must be an absolute http or https URL");
    }

    private static UnsubscribeConfig read(String url) {
        return MappedSettings.read(UnsubscribeConfig.class, Map.of("convene.unsubscribe.url", url));
    }
}
