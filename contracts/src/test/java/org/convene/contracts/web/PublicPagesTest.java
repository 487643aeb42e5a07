package org.convene.contracts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;

@Tag("unit")
class PublicPagesTest {

    @Test
    void addressesAPathWithoutADoubleSlash() {
        PublicPages pages = read(Map.of("convene.public-pages.url", "https://events.example.org/"));

        assertThat(pages.address("/events/abc")).isEqualTo("https://events.example.org/events/abc");
    }

    @Test
    void aRelativeAddressIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.public-pages.url", "/events")))
                .hasMessageContaining("convene.public-pages.url")
                .hasMessageContaining("absolute");
    }

    @Test
    void anotherSchemeIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.public-pages.url", "ftp://events.example.org")))
                .hasMessageContaining("convene.public-pages.url");
    }

    @Test
    void aMissingAddressIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("convene.public-pages.url");
    }

    private static PublicPages read(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(PublicPages.class)
                .withValidator(new BeanValidationConfigValidatorImpl())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build().getConfigMapping(PublicPages.class);
    }
}
