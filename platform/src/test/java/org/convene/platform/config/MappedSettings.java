package org.convene.platform.config;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;

/**
 * A settings mapping read from properties alone, as Quarkus reads it at start: its spelling of durations
 * ({@code 15M}, {@code 2D}) and Bean Validation of every value, so that a bad one fails naming its key. The
 * unit tests of each service's settings use it, and so need no Quarkus start.
 */
public final class MappedSettings {

    private MappedSettings() {
    }

    public static <T> T read(Class<T> mapping, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(mapping)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidator(new BeanValidationConfigValidatorImpl())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build().getConfigMapping(mapping);
    }
}
