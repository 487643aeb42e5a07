package org.convene.platform.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class EmailAddressTest {

    /** Every character RFC 5322 allows in an atom, alone and between letters. */
    static Stream<String> everyAtextCharacter() {
        return "!#$%&'*+/=?^_`{|}~-".chars()
                .mapToObj(c -> String.valueOf((char) c))
                .flatMap(c -> Stream.of(c + "@example.org", "a" + c + "b@example.org"));
    }

    @ParameterizedTest
    @MethodSource("everyAtextCharacter")
    void takesEveryAtextCharacterAsItIs(String address) {
        assertThat(EmailAddress.deliverable(address)).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ana@example.org", "Ana.Quispe+bolivia@Example.ORG", "a{b@x.org", "100%@x.org",
            "o'neil@mail.example.co.uk", "x@a-b.example", "1@2.example" })
    void takesOrdinaryAndUnusualAddresses(String address) {
        assertThat(EmailAddress.isAcceptable(address)).isTrue();
    }

    @Test
    void keepsTheLocalPartsCaseAndLowersTheDomain() {
        assertThat(EmailAddress.deliverable("Ana.Quispe@Example.ORG")).contains("Ana.Quispe@example.org");
    }

    @Test
    void sendsAnInternationalisedDomainInItsAsciiForm() {
        assertThat(EmailAddress.deliverable("ana@bücher.example")).contains("ana@xn--bcher-kva.example");
        assertThat(EmailAddress.deliverable("ana@correo.bolivia\u3002example")).contains("ana@correo.bolivia.example");
    }

    @Test
    void takesTheLongestLocalPartAndWholeAddressAndNoLonger() {
        String local = "a".repeat(64);
        assertThat(EmailAddress.isAcceptable(local + "@example.org")).isTrue();
        assertThat(EmailAddress.isAcceptable(local + "a@example.org")).isFalse();
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        String longest = local + "@" + domain;
        assertThat(longest).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(EmailAddress.isAcceptable(longest)).isTrue();
        assertThat(EmailAddress.isAcceptable(local + "@" + domain.replace(".org", "d.org"))).isFalse();
        assertThat(EmailAddress.isAcceptable("a@" + "b".repeat(64) + ".org")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "@", "ana", "ana@", "@example.org", "ana@example", "ana@example.", "ana@.example.org",
            "ana@example..org", "a..b@example.org", ".ana@example.org", "ana.@example.org", "\"a b\"@example.org",
            "\"ana\"@example.org", "ana@[192.0.2.1]", "ana@192.0.2.1", "ana@-example.org", "ana@example-.org",
            "ana@exa_mple.org", "a b@example.org", "a,b@example.org", "a(b)@example.org", "a\\b@example.org",
            "a\"b@example.org", "a<b@example.org", "a;b@example.org", "a:b@example.org", "a@b@example.org",
            "<ana@example.org>", "Ana <ana@example.org>", "ana@example.org\r\nBcc: x@example.org", "ana\u0000@example.org",
            "ñandú@example.org", "ana@exa mple.org", " ana@example.org", "ana@example.org " })
    void refusesWhatSomeServerOnTheWayWouldNot(String address) {
        assertThat(EmailAddress.deliverable(address)).isEmpty();
    }

    @Test
    void refusesNothingAtAll() {
        assertThat(EmailAddress.isAcceptable(null)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("everyAtextCharacter")
    void writesAMailtoUriThatReadsBackAsTheAddress(String address) {
        URI uri = EmailAddress.mailto(address);
        assertThat(uri.getScheme()).isEqualTo("mailto");
        assertThat(uri.getSchemeSpecificPart()).isEqualTo(address);
        assertThat(URI.create(uri.toString())).isEqualTo(uri);
    }

    @Test
    void encodesWhatAUriDoesNotAllow() {
        assertThat(EmailAddress.mailto("100%@x.org").toString()).isEqualTo("mailto:100%25@x.org");
        assertThat(EmailAddress.mailto("a{b|c}@bücher.example").toString())
                .isEqualTo("mailto:a%7Bb%7Cc%7D@xn--bcher-kva.example");
    }

    @Test
    void refusesToSendToAnAddressItDoesNotTakeWithoutNamingIt() {
        assertThatThrownBy(() -> EmailAddress.forSending("\"a b\"@example.org"))
                .isInstanceOf(UndeliverableAddressException.class)
                .hasMessageNotContaining("example.org");
        assertThatThrownBy(() -> EmailAddress.mailto("a b@example.org")).isInstanceOf(UndeliverableAddressException.class);
    }
}
