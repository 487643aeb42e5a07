package org.convene.registration.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EmbedConfigTest {

    @Test
    void noOriginsUnlessSet() {
        assertThat(read(Map.of()).allowedOrigins()).isEmpty();
    }

    @Test
    void readsCommaSeparatedOrigins() {
        assertThat(read(Map.of("convene.embed.allowed-origins", "https://friends.example.org,http://localhost:3000"))
                .allowedOrigins()).contains(List.of("https://friends.example.org", "http://localhost:3000"));
    }

    @Test
    void anAddressWithAPathIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.embed.allowed-origins",
                "https://friends.example.org,https://friends.example.org/events")))
                .hasMessageContaining("convene.embed.allowed-origins")
                .hasMessageContaining("must be origins such as https://friendsofbolivia.org");
    }

    @Test
    void aHostAloneIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.embed.allowed-origins", "friends.example.org")))
                .hasMessageContaining("convene.embed.allowed-origins");
    }

    private static EmbedConfig read(Map<String, String> properties) {
        return MappedSettings.read(EmbedConfig.class, properties);
    }
}
