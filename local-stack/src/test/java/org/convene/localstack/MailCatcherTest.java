package org.convene.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MailCatcherTest {

    private final Path dir = Path.of("target", "mail-catcher-test-" + UUID.randomUUID());

    @Test
    void aClientThatDropsTheConnectionInTheMiddleOfAMessageLeavesNothingOfItOnTheConsole() throws Exception {
        String marker = "token-" + UUID.randomUUID();
        PrintStream console = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int port = Ports.free();
        try (MailCatcher mail = new MailCatcher(dir, port, Ports.free())) {
            mail.start();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                in.readLine();
                for (String command : new String[] { "HELO test", "MAIL FROM:<events@convene.example>",
                        "RCPT TO:<ana.quispe@example.org>", "DATA" }) {
                    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    in.readLine();
                }
                out.write(("Subject: Ana Quispe\r\n\r\nYour link: " + marker + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // A reset rather than an orderly close: the connection drops mid-message.
                socket.setSoLinger(true, 0);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> printed.toString(StandardCharsets.UTF_8)
                    .contains("SMTP server: a connection ended in failure"));
        } finally {
            System.setErr(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(marker).doesNotContain("ana.quispe")
                .doesNotContain("Ana Quispe");
    }
}
