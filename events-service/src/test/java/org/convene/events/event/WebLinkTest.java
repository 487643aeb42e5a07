package org.convene.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class WebLinkTest {

    private final WebLink.Validator validator = new WebLink.Validator();

    @ParameterizedTest
    @ValueSource(strings = { "https://zoom.us/j/123456789?pwd=abc", "http://meet.example.org/room",
            "HTTPS://Example.org/Path?q=a%7Cb#part", "https://[2001:db8::1]:8443/x", "https://xn--bcher-kva.example/" })
    void takesLinksThatAnyServiceCanFollow(String link) {
        assertThat(validator.isValid(link, null)).isTrue();
        assertThat(URI.create(link).getScheme()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "mailto:a@example.org",
            "https://zoom.us/j/1?pwd=a|b", "https://meet.example/{room}", "https://example.org/a b", "https://",
            "https:///path", "example.org/room", "https://example.org/\\path", "https://exa mple.org/" })
    void refusesWhatIsNoWebLinkOrCannotBeParsed(String link) {
        assertThat(validator.isValid(link, null)).isFalse();
    }
}
