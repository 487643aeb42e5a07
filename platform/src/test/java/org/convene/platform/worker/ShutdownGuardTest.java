package org.convene.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ShutdownGuardTest {

    private final ShutdownGuard guard = new ShutdownGuard();

    @Test
    void aJobThatFailsWhileTheServiceRunsFailsAsEver() {
        assertThatThrownBy(() -> guard.run("A job", () -> {
            throw new IllegalStateException("a real failure");
        })).hasMessage("a real failure");
    }

    @Test
    void aJobThatFailsBecauseTheServiceStopsUnderItEndsQuietly() {
        guard.run("A job", () -> {
            guard.stopping();
            throw new IllegalStateException("EntityManagerFactory is closed");
        });
    }

    @Test
    void noJobStartsOnceTheServiceIsStopping() {
        List<String> ran = new ArrayList<>();
        guard.run("A job", () -> ran.add("before"));
        guard.stopping();
        guard.run("A job", () -> ran.add("after"));
        assertThat(ran).containsExactly("before");
    }
}
