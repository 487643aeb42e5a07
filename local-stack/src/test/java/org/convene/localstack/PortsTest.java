package org.convene.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portsHandedOutAreDistinctAndNeverOnesTheKernelGivesToOutgoingConnections() throws IOException {
        // Outgoing connections take their local port from the ephemeral range; open a few to learn it.
        int lowestOutgoing = Integer.MAX_VALUE;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 20; i++) {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    lowestOutgoing = Math.min(lowestOutgoing, client.getLocalPort());
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = Ports.free();
            assertThat(port).isLessThan(lowestOutgoing);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }

    @Test
    void aTakenPortIsNamedWithItsComponent() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree("Kafka", taken.getLocalPort()))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("Kafka")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }
}
