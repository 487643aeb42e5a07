package org.convene.notification.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;

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
        return new SmallRyeConfigBuilder().withMapping(UnsubscribeConfig.class)
                .withValidator(new BeanValidationConfigValidatorImpl())
                .withSources(new PropertiesConfigSource(Map.of("convene.unsubscribe.url", url), "test", 100))
                .build().getConfigMapping(UnsubscribeConfig.class);
    }
}
