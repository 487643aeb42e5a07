package org.convene.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a real SMTP server that can be told to fail, so that tests can see
 * how an SMTP client retries when the server refuses, loses or half-delivers a message, or never
 * answers. Sessions it leaves alone are relayed byte for byte.
 *
 * <p>When several faults are armed, a new session gets the first of: hang, refuse, drop after data,
 * accept then drop. Each armed fault is used up by the sessions it is applied to.
 */
public final class FaultySmtp implements AutoCloseable {

    private static final byte[] REFUSAL = "421 4.3.2 Service not available, closing transmission channel\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** A line holding only a dot ends DATA; dot-stuffing keeps it out of message bodies. */
    private static final byte[] TERMINATOR = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The DATA command, at the start of a line (the EHLO before it always ends one). */
    private static final byte[] DATA_COMMAND = "\nDATA\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private enum Fault { NONE, HANG, REFUSE, DROP_AT_DATA, ACCEPT_THEN_DROP }

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final ThreadFactory threads = Thread.ofVirtual().name("faulty-smtp-", 0).factory();
    /** Every socket still open, so that close() also ends hung and relayed sessions. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** The sessions held hung, ended by reset(): a client without a read timeout would wait on them for ever. */
    private final Set<Socket> hung = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessions = new AtomicInteger();
    private int refuse;
    private int dropAtData;
    private int acceptThenDrop;
    private boolean hang;

    private FaultySmtp(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /** Binds a free loopback port outside the ephemeral range, so that it cannot collide with the stack's. */
    public static FaultySmtp start(String targetHost, int targetPort) {
        int port = Ports.free();
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        FaultySmtp proxy = new FaultySmtp(new InetSocketAddress(targetHost, targetPort), listener);
        proxy.threads.newThread(proxy::acceptLoop).start();
        return proxy;
    }

    /** The port clients must be configured with instead of the real server's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Imitates a server that is overloaded or shutting down: the client should retry later. */
    public synchronized void refuseNext(int sessions) {
        refuse = requireCount(sessions);
    }

    /**
     * Imitates a connection lost before the server took the message, so that a retry must send it
     * again: the session is cut when the client sends DATA, before the server sees it (a server cut
     * off in the middle of a message would throw in its own threads, which is not what is tested).
     */
    public synchronized void dropNextAtData(int sessions) {
        dropAtData = requireCount(sessions);
    }

    /**
     * Imitates a connection lost after the server took the message but before the client heard so:
     * the case where a retry delivers the message twice.
     */
    public synchronized void acceptThenDropNext(int sessions) {
        acceptThenDrop = requireCount(sessions);
    }

    /** Imitates a server that never answers, for tests of the client's timeouts; sessions already hung stay hung. */
    public synchronized void hang(boolean on) {
        hang = on;
    }

    /**
     * Back to relaying every new session faithfully, whatever an earlier test armed, and ends the sessions
     * held hung, as a real server's own timeout would: none is left holding a place in the client's pool.
     */
    public synchronized void reset() {
        refuse = 0;
        dropAtData = 0;
        acceptThenDrop = 0;
        hang = false;
        for (Socket socket : hung) {
            release(socket);
        }
        hung.clear();
    }

    /** Lets a test see that the client did (or did not) retry. */
    public int sessions() {
        return sessions.get();
    }

    /** Also ends sessions still open, hung ones included, so that no test leaks a client waiting on them. */
    @Override
    public void close() {
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private static int requireCount(int sessions) {
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions must not be negative: " + sessions);
        }
        return sessions;
    }

    private synchronized Fault nextFault() {
        if (hang) {
            return Fault.HANG;
        }
        if (refuse > 0) {
            refuse--;
            return Fault.REFUSE;
        }
        if (dropAtData > 0) {
            dropAtData--;
            return Fault.DROP_AT_DATA;
        }
        if (acceptThenDrop > 0) {
            acceptThenDrop--;
            return Fault.ACCEPT_THEN_DROP;
        }
        return Fault.NONE;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(client);
            Fault fault = nextFault();
            if (fault == Fault.HANG) {
                hung.add(client);
            }
            // Counted once its fault is set, so that a test that saw the session may act on it.
            sessions.incrementAndGet();
            if (fault == Fault.HANG) {
                continue; // held open, never read nor written, until reset() or close()
            }
            threads.newThread(() -> serve(client, fault)).start();
        }
    }

    private void serve(Socket client, Fault fault) {
        if (fault == Fault.REFUSE) {
            try {
                client.getOutputStream().write(REFUSAL);
                client.getOutputStream().flush();
            } catch (IOException ignored) {
                // the client left first; nothing to refuse
            } finally {
                release(client);
            }
            return;
        }
        Socket server = new Socket();
        open.add(server);
        try {
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            release(client);
            release(server);
            return;
        }
        new Relay(client, server, fault).start();
    }

    private void release(Socket socket) {
        closeQuietly(socket);
        open.remove(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed or broken: either way it is gone
        }
    }

    /** One relayed session: a thread per direction. */
    private final class Relay {
        private final Socket client;
        private final Socket server;
        private final Fault fault;
        /** Set before the terminator reaches the server, so that its reply is never relayed. */
        private volatile boolean dropNextReply;
        private final AtomicInteger directionsDone = new AtomicInteger();

        Relay(Socket client, Socket server, Fault fault) {
            this.client = client;
            this.server = server;
            this.fault = fault;
        }

        void start() {
            threads.newThread(this::clientToServer).start();
            threads.newThread(this::serverToClient).start();
        }

        private void clientToServer() {
            byte[] buffer = new byte[8192];
            byte[] watched = fault == Fault.DROP_AT_DATA ? DATA_COMMAND : TERMINATOR;
            // The last bytes of the previous read: what is watched for may be split across reads.
            byte[] tail = new byte[watched.length - 1];
            int tailLength = 0;
            boolean watching = fault == Fault.DROP_AT_DATA || fault == Fault.ACCEPT_THEN_DROP;
            try {
                InputStream in = client.getInputStream();
                OutputStream out = server.getOutputStream();
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (watching) {
                        int end = indexAfter(watched, tail, tailLength, buffer, n);
                        if (end >= 0 && fault == Fault.DROP_AT_DATA) {
                            // Forward the line break before DATA, never the command itself.
                            int start = Math.max(0, end - watched.length + 1);
                            out.write(buffer, 0, start);
                            out.flush();
                            abort();
                            return;
                        }
                        if (end >= 0) {
                            dropNextReply = true;
                            watching = false;
                        } else {
                            tailLength = keepTail(tail, tailLength, buffer, n);
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                server.shutdownOutput(); // the client has finished sending; let the server answer
                finished();
            } catch (IOException e) {
                abort();
            }
        }

        private void serverToClient() {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = server.getInputStream();
                OutputStream out = client.getOutputStream();
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (dropNextReply) {
                        // The server has taken the message; the client must not learn it.
                        abort();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                client.shutdownOutput();
                finished();
            } catch (IOException e) {
                abort();
            }
        }

        private void finished() {
            if (directionsDone.incrementAndGet() == 2) {
                abort();
            }
        }

        private void abort() {
            release(client);
            release(server);
        }
    }

    // Index in buffer just past the first occurrence of pattern, which may begin in tail; -1 if none.
    private static int indexAfter(byte[] pattern, byte[] tail, int tailLength, byte[] buffer, int length) {
        int total = tailLength + length;
        for (int start = 0; start + pattern.length <= total; start++) {
            boolean match = true;
            for (int k = 0; k < pattern.length && match; k++) {
                int i = start + k;
                byte b = i < tailLength ? tail[i] : buffer[i - tailLength];
                match = b == pattern[k];
            }
            if (match) {
                return start + pattern.length - tailLength;
            }
        }
        return -1;
    }

    // Keeps the last bytes seen, so that a terminator split across reads is still found.
    private static int keepTail(byte[] tail, int tailLength, byte[] buffer, int length) {
        int keep = Math.min(tail.length, tailLength + length);
        byte[] joined = new byte[keep];
        for (int j = 0; j < keep; j++) {
            int i = tailLength + length - keep + j;
            joined[j] = i < tailLength ? tail[i] : buffer[i - tailLength];
        }
        System.arraycopy(joined, 0, tail, 0, keep);
        return keep;
    }
}
