package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfirmationDurationTest {

    @Test
    void durationsReadNaturally() {
        assertThat(ConfirmationEmail.duration(90)).isEqualTo("1 hour 30 minutes");
        assertThat(ConfirmationEmail.duration(120)).isEqualTo("2 hours");
        assertThat(ConfirmationEmail.duration(45)).isEqualTo("45 minutes");
        assertThat(ConfirmationEmail.duration(61)).isEqualTo("1 hour 1 minute");
    }
}
