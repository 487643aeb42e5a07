package org.convene.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
        return MappedSettings.read(PublicPages.class, properties);
    }
}
