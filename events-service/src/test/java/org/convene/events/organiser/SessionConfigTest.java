package org.convene.events.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;

@Tag("unit")
class SessionConfigTest {

    @Test
    void readsTheLifespansAsOperatorsWriteThem() {
        SessionConfig config = read(Map.of("convene.session.lifespan", "8h", "convene.session.token-lifespan", "15M"));

        assertThat(config.lifespan()).isEqualTo(Duration.ofHours(8));
        assertThat(config.tokenLifespan()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aTokenThatNeverLivesIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.session.lifespan", "8h", "convene.session.token-lifespan", "0s")))
                .hasMessageContaining("convene.session.token-lifespan must be longer than 0");
    }

    @Test
    void aLifespanThatIsNoDurationIsRefusedByName() {
        assertThatThrownBy(
                () -> read(Map.of("convene.session.lifespan", "a day", "convene.session.token-lifespan", "15M")))
                .hasMessageContaining("convene.session.lifespan");
    }

    @Test
    void aMissingLifespanIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("convene.session.token-lifespan", "15M")))
                .hasMessageContaining("convene.session.lifespan");
    }

    @Test
    void theFirstOrganiserIsOptionalAndNamedOrganiser() {
        InitialOrganiserConfig config = new SmallRyeConfigBuilder().withMapping(InitialOrganiserConfig.class).build()
                .getConfigMapping(InitialOrganiserConfig.class);

        assertThat(config.email()).isEmpty();
        assertThat(config.password()).isEmpty();
        assertThat(config.name()).isEqualTo("Organiser");
    }

    private static SessionConfig read(Map<String, String> properties) {
        return MappedSettings.read(SessionConfig.class, properties);
    }
}
