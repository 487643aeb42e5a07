package org.convene.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

class FaultySmtpTest {

    private GreenMail greenMail;
    private FaultySmtp proxy;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = FaultySmtp.start("127.0.0.1", greenMail.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void aSessionLeftAloneIsRelayedAndDelivers() throws Exception {
        deliverNormally("first");

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("first");
        assertThat(proxy.sessions()).isEqualTo(1);
    }

    @Test
    void aRefusedSessionGetsA421GreetingAndTheNextOneWorks() throws Exception {
        proxy.refuseNext(1);
        try (SmtpClient client = new SmtpClient(proxy.port())) {
            assertThat(client.reply()).isEqualTo("421 4.3.2 Service not available, closing transmission channel");
            assertThat(client.isClosedByPeer()).isTrue();
        }

        deliverNormally("after refusal");

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(proxy.sessions()).isEqualTo(2);
    }

    @Test
    void aSessionDroppedAtDataDeliversNothing() throws Exception {
        proxy.dropNextAtData(1);
        try (SmtpClient client = new SmtpClient(proxy.port())) {
            assertThat(client.reply()).startsWith("220");
            assertThat(client.command("EHLO client.test")).startsWith("250");
            assertThat(client.command("MAIL FROM:<sender@convene.test>")).startsWith("250");
            assertThat(client.command("RCPT TO:<someone@convene.test>")).startsWith("250");
            // The command in pieces: the proxy must find it across reads.
            client.write("DA");
            client.write("TA\r");
            client.write("\n");
            assertThat(client.isClosedByPeer()).as("no 354 for the data").isTrue();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        deliverNormally("after drop");

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("after drop");
    }

    @Test
    void aSessionDroppedAfterTheServerAcceptedDeliversButTheClientHearsNothing() throws Exception {
        proxy.acceptThenDropNext(1);
        try (SmtpClient client = new SmtpClient(proxy.port())) {
            client.upToData();
            client.write("Subject: accepted\r\n\r\nbody\r\n.\r\n");
            assertThat(client.isClosedByPeer()).as("no 250 after the data").isTrue();
        }
        // The proxy closed the client only after the server had answered, so the mail is already in.
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("accepted");

        deliverNormally("again");

        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aHungSessionNeverGreetsAndTurningHangOffServesNewSessions() throws Exception {
        proxy.hang(true);
        try (SmtpClient client = new SmtpClient(proxy.port())) {
            client.socket.setSoTimeout(1_000);
            assertThatThrownBy(client::reply).isInstanceOf(SocketTimeoutException.class);
        }
        proxy.hang(false);

        deliverNormally("after hang");

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(proxy.sessions()).isEqualTo(2);
    }

    @Test
    void resetEndsTheSessionsHeldHung() throws Exception {
        proxy.hang(true);
        try (SmtpClient client = new SmtpClient(proxy.port())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.sessions() == 1);
            proxy.reset();
            // The client hears the end of the connection rather than waiting for a greeting.
            assertThat(client.reply()).isNull();
        }
        deliverNormally("after reset");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    private void deliverNormally(String subject) throws IOException {
        try (SmtpClient client = new SmtpClient(proxy.port())) {
            client.upToData();
            client.write("Subject: " + subject + "\r\n\r\nHello.\r\n.\r\n");
            assertThat(client.reply()).startsWith("250");
            assertThat(client.command("QUIT")).startsWith("221");
        }
    }

    /** Just enough SMTP to see every reply the proxy lets through. */
    private static final class SmtpClient implements AutoCloseable {
        final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        SmtpClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        /** Greeting, EHLO, MAIL, RCPT and DATA, each answered as a working server does. */
        void upToData() throws IOException {
            assertThat(reply()).startsWith("220");
            assertThat(command("EHLO client.test")).startsWith("250");
            assertThat(command("MAIL FROM:<sender@convene.test>")).startsWith("250");
            assertThat(command("RCPT TO:<someone@convene.test>")).startsWith("250");
            assertThat(command("DATA")).startsWith("354");
        }

        String command(String line) throws IOException {
            write(line + "\r\n");
            return reply();
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** The last line of a (possibly multi-line) reply, or null at end of stream. */
        String reply() throws IOException {
            String line;
            do {
                line = in.readLine();
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return line;
        }

        /** True when the peer closed or reset the connection without sending anything more. */
        boolean isClosedByPeer() throws IOException {
            try {
                return in.readLine() == null;
            } catch (SocketException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
