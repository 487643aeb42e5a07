package org.convene.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ClientAddressTest {

    @Test
    void anIpv4ClientIsItsAddress() {
        assertThat(ClientAddress.limitedAs("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.limitedAs("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void everyAddressOfAnIpv6SubscribersSlash64IsOneClient() {
        String first = ClientAddress.limitedAs("2001:db8:1:2:a1b2:c3d4:e5f6:1");
        assertThat(first).isEqualTo(ClientAddress.limitedAs("2001:db8:1:2::99"))
                .isEqualTo(ClientAddress.limitedAs("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff"))
                .endsWith("/64");
        assertThat(first).isNotEqualTo(ClientAddress.limitedAs("2001:db8:1:3::99"));
    }

    @Test
    void whatIsNoAddressLiteralIsCountedAsItIs() {
        assertThat(ClientAddress.limitedAs("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.limitedAs("")).isEmpty();
    }
}
