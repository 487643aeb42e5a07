package org.convene.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;

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
        // Quarkus' own spelling of durations (15M), as the service reads them.
        return new SmallRyeConfigBuilder().withMapping(JoinConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidator(new BeanValidationConfigValidatorImpl())
                .withSources(new PropertiesConfigSource(Map.of("convene.join.opens-before", opensBefore), "test", 100))
                .build().getConfigMapping(JoinConfig.class);
    }
}
