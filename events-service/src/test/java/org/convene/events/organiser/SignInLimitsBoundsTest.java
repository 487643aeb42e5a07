package org.convene.events.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.convene.platform.config.MappedSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SignInLimitsBoundsTest {

    /** As application.properties sets them. */
    private static final Map<String, String> LIMITS = Map.of("convene.sign-in.limits.per-account.attempts", "10",
            "convene.sign-in.limits.per-account.per", "15M", "convene.sign-in.limits.per-address.attempts", "50",
            "convene.sign-in.limits.per-address.per", "15M");

    @Test
    void readsBothLimits() {
        SignInLimits limits = read(LIMITS);

        assertThat(limits.perAccount().counted().per()).isEqualTo(Duration.ofMinutes(15));
        assertThat(limits.perAddress().attempts()).isEqualTo(50);
    }

    @Test
    void noAttemptAtAllIsRefusedByName() {
        assertThatThrownBy(() -> read(with("convene.sign-in.limits.per-account.attempts", "0")))
                .hasMessageContaining("convene.sign-in.limits.per-account.attempts must be greater than 0");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> properties = new HashMap<>(LIMITS);
        properties.put(key, value);
        return properties;
    }

    private static SignInLimits read(Map<String, String> properties) {
        return MappedSettings.read(SignInLimits.class, properties);
    }
}
