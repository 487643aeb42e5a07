package org.convene.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Checks and finds loopback ports. */
public final class Ports {

    /*
     * Ports are handed out below the kernel's ephemeral range on purpose. A port taken from that range
     * (bind to port 0) is free when chosen, but the stack binds it seconds later, after PostgreSQL has
     * started and clients have opened connections; any outgoing connection may take the same number
     * as its local port in between (CI once failed so, on the Kafka controller's port). Outgoing
     * connections never use ports outside the ephemeral range.
     */
    private static final int LOWEST = 20000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** Fails with a message that names the component and the port, before anything binds it. */
    public static void requireFree(String component, int port) {
        if (!isFree(port)) {
            throw new PortTakenException(component, port);
        }
    }

    /**
     * A port that is free now, outside the range the kernel gives to outgoing connections, and not
     * handed out before by this JVM: for stacks and services that must not collide with another.
     */
    public static synchronized int free() {
        int end = ephemeralRangeStart();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + end);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux publishes the range; elsewhere its usual start (IANA's dynamic ports begin at 49152). */
    private static int ephemeralRangeStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
            return Math.max(LOWEST + 1000, start);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
