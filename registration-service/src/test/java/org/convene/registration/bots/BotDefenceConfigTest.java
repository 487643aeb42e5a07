package org.convene.registration.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BotDefenceConfigTest {

    /** As application.properties sets them; the mapping has no defaults of its own. */
    private static final Map<String, String> BOTS = Map.of("convene.bots.proof-of-work.max-number", "100000",
            "convene.bots.proof-of-work.lifetime", "20M", "convene.bots.form-lifetime", "24H",
            "convene.bots.limits.per-address.registrations", "60", "convene.bots.limits.per-address.per", "10M",
            "convene.bots.limits.without-script-per-address.registrations", "10",
            "convene.bots.limits.without-script-per-address.per", "1H",
            "convene.bots.limits.per-email.registrations", "10", "convene.bots.limits.per-email.per", "1H");

    @Test
    void readsTheFormTheProofAndTheLimitsFromOnePrefix() {
        BotDefenceConfig bots = read(with(Map.of()));

        assertThat(bots.formLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(bots.proofOfWork().maxNumber()).isEqualTo(100_000);
        assertThat(bots.proofOfWork().lifetime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(bots.limits().perAddress().counted().per()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bots.limits().perEmail().registrations()).isEqualTo(10);
    }

    @Test
    void aProofThatCostsNothingIsRefusedByName() {
        assertThatThrownBy(() -> read(with(Map.of("convene.bots.proof-of-work.max-number", "0"))))
                .hasMessageContaining("convene.bots.proof-of-work.max-number must be greater than 0");
    }

    @Test
    void aLimitOfNoRegistrationIsRefusedByName() {
        assertThatThrownBy(() -> read(with(Map.of("convene.bots.limits.per-email.registrations", "0"))))
                .hasMessageContaining("convene.bots.limits.per-email.registrations must be greater than 0");
    }

    @Test
    void aFormLifetimeThatIsNoDurationIsRefusedByName() {
        assertThatThrownBy(() -> read(with(Map.of("convene.bots.form-lifetime", "a day"))))
                .hasMessageContaining("convene.bots.form-lifetime");
    }

    /** The settings of application.properties, with {@code changed} over them. */
    static Map<String, String> with(Map<String, String> changed) {
        Map<String, String> properties = new HashMap<>(BOTS);
        properties.putAll(changed);
        return properties;
    }

    static BotDefenceConfig read(Map<String, String> properties) {
        return MappedSettings.read(BotDefenceConfig.class, properties);
    }
}
