package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.convene.localstack.run.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code ./run} starts listens on loopback only, as the README says: the back office, the organiser
 * API, Kafka, PostgreSQL and the SMTP server are not for the network the machine is on. Read from the
 * kernel's own table of listening sockets, so no traffic leaves the machine to show it.
 */
@ExtendWith(SystemUnderTestExtension.class)
class LoopbackOnlyTest {

    /**
     * {@code /proc/net/tcp*}: state 0A is LISTEN; addresses are hexadecimal, each 32-bit word in the host's
     * byte order (little-endian here), so 127.0.0.1 is {@code 0100007F}.
     */
    private static final String LISTEN = "0A";
    private static final String IPV6_LOOPBACK = "00000000000000000000000001000000";
    private static final String IPV4_MAPPED = "0000000000000000FFFF0000";

    private final SystemUnderTest system;

    LoopbackOnlyTest(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void everyServiceAndThePartsOfTheStackListenOnLoopbackOnly() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (ServiceProcess service : system.services().all()) {
            ports.add(service.port());
        }
        ports.add(system.stack().smtpPort());
        ports.add(URI.create("kafka://" + system.stack().kafkaBootstrapServers()).getPort());
        ports.add(URI.create(system.stack().jdbcUrl("events").substring("jdbc:".length())).getPort());
        ports.add(URI.create(system.stack().mailPageUrl()).getPort());

        for (int port : ports) {
            List<String> addresses = listeningAddresses(port);
            assertThat(addresses).as("addresses listening on port %d", port).isNotEmpty()
                    .allMatch(LoopbackOnlyTest::isLoopback);
        }
    }

    /** 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into IPv6 (a Java server bound to 127.0.0.1 on a dual socket). */
    static boolean isLoopback(String hex) {
        return hex.length() == 8 && hex.endsWith("7F") || hex.equals(IPV6_LOOPBACK)
                || hex.length() == 32 && hex.startsWith(IPV4_MAPPED) && hex.endsWith("7F");
    }

    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.strip().split("\\s+");
                String[] local = columns[1].split(":");
                if (local[1].equals(hexPort) && columns[3].equals(LISTEN)) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }
}
