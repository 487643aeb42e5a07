package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HeaderTextTest {

    @Test
    void lineBreaksAndControlCharactersCannotStartAHeader() {
        assertThat(HeaderText.oneLine("Rally\r\nBcc: evil@example.org")).isEqualTo("Rally Bcc: evil@example.org");
        assertThat(HeaderText.oneLine("a\nb\rc\td\u0000e\u0085f\u2028g\u2029h\u007fi")).isEqualTo("a b c d e f g h i");
    }

    @Test
    void ordinaryTextIsKept() {
        assertThat(HeaderText.oneLine("Bolivia – People Power, Hope & Solidarity"))
                .isEqualTo("Bolivia – People Power, Hope & Solidarity");
    }
}
