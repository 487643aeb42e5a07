package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NameIsolationTest {

    @Test
    void aNameWithDirectionalFormattingIsIsolatedSoThatItCannotTurnTheWordsAfterItAround() {
        assertThat(EmailWriter.isolated("Ana \u202Egnp.exe")).isEqualTo("\u2068Ana \u202Egnp.exe\u2069");
        assertThat(EmailWriter.isolated("\u2067x")).isEqualTo("\u2068\u2067x\u2069");
    }

    @Test
    void everyOtherNameIsKeptAsItIs() {
        assertThat(EmailWriter.isolated("Ana Quispe")).isEqualTo("Ana Quispe");
        assertThat(EmailWriter.isolated("عائشة")).isEqualTo("عائشة");
        assertThat(EmailWriter.isolated(null)).isNull();
    }
}
