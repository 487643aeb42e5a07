package org.convene.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A real SMTP server (GreenMail) that keeps every email it receives, whoever it is for, and shows
 * them to a person on a small web page: a list, and each email as HTML and as text. The same page
 * answers {@code /api/messages} in JSON for tests, with the time the server accepted each email, by
 * which the benchmarks time delivery. Emails are saved on stop and loaded on start.
 */
final class MailCatcher implements AutoCloseable {

    private static final String CATCH_ALL = "captured@localhost";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path storeDir;
    private final int smtpPort;
    private final int uiPort;
    private GreenMail greenMail;
    /**
     * Every email as delivered, once per recipient, kept here rather than read back from GreenMail's store,
     * which would make a mailbox per recipient and be walked whole on every read, while SMTP sessions add to
     * it. GreenMail files everything in one catch-all mailbox.
     */
    private final List<Delivered> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer http;
    /**
     * The page reads emails with jakarta.mail, whose content handlers are found through the thread's
     * context class loader: under a Quarkus test that must be this class's loader, not the JVM's.
     */
    private final ExecutorService pageThreads = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "captured-email-page");
        thread.setDaemon(true);
        thread.setContextClassLoader(MailCatcher.class.getClassLoader());
        return thread;
    });

    MailCatcher(Path storeDir, int smtpPort, int uiPort) {
        this.storeDir = storeDir;
        this.smtpPort = smtpPort;
        this.uiPort = uiPort;
    }

    void start() throws Exception {
        Ports.requireFree("SMTP server", smtpPort);
        Ports.requireFree("Captured-email page", uiPort);
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        startInQuietGroup(greenMail);
        GreenMailUser catchAll = greenMail.getUserManager().createUser(CATCH_ALL, CATCH_ALL, CATCH_ALL);
        // GreenMail delivers before it answers the end of the message with 250: the time of delivery is
        // the time of acceptance that a sender sees.
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            received.add(new Delivered(message.getMessage(), Instant.now()));
            return catchAll;
        });
        load();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), uiPort), 0);
        http.createContext("/", this::handle);
        http.setExecutor(pageThreads);
        http.start();
    }

    /**
     * Starts GreenMail from a thread of a group of its own, so that its connection threads, which inherit
     * the group, report a failure by its types alone. By default they print it whole, and GreenMail puts
     * the text read so far in its exception when a client drops the connection in the middle of a
     * message: registrants' names, addresses and link tokens on the console.
     */
    private static void startInQuietGroup(GreenMail greenMail) throws InterruptedException {
        ThreadGroup quiet = new ThreadGroup("smtp") {
            @Override
            public void uncaughtException(Thread thread, Throwable failure) {
                StringBuilder types = new StringBuilder();
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    types.append(types.isEmpty() ? "" : " < ").append(cause.getClass().getName());
                }
                System.err.println("SMTP server: a connection ended in failure (" + types + ")");
            }
        };
        RuntimeException[] failed = new RuntimeException[1];
        Thread starter = new Thread(quiet, () -> {
            try {
                greenMail.start();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "smtp-start");
        starter.start();
        starter.join();
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    String url() {
        return "http://localhost:" + uiPort + "/";
    }

    /** Every email received, oldest first. */
    List<CapturedMail> messages() {
        return messages(true);
    }

    /** @param withParts false for the headers alone: quick enough to poll thousands of emails */
    private List<CapturedMail> messages(boolean withParts) {
        return messages(withParts, null);
    }

    /**
     * @param recipient only the emails to this address (any case), read whole; the others are not parsed, so
     *        that a test awaiting one email does not keep the server parsing thousands while mail arrives
     */
    private List<CapturedMail> messages(boolean withParts, String recipient) {
        Delivered[] all = received.toArray(Delivered[]::new);
        List<CapturedMail> mails = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (recipient == null || isTo(all[i].message(), recipient)) {
                mails.add(capture(i, all[i], withParts));
            }
        }
        mails.sort(Comparator.comparing(CapturedMail::sentAt).thenComparing(CapturedMail::index));
        return mails;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // Answered before the exchange closes, so that the cause reaches the caller.
                send(exchange, 500, "text/plain; charset=utf-8", String.valueOf(e));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/messages")) {
            // The decoded query: parts=none (headers alone) or to=ADDRESS (one recipient's emails, whole).
            String query = Objects.requireNonNullElse(exchange.getRequestURI().getQuery(), "");
            boolean headersOnly = query.equals("parts=none");
            String recipient = query.startsWith("to=") ? query.substring("to=".length()) : null;
            send(exchange, 200, "application/json", JSON.writeValueAsString(messages(!headersOnly, recipient)));
            return;
        }
        List<CapturedMail> mails = messages();
        if (path.equals("/")) {
            send(exchange, 200, "text/html; charset=utf-8", MailPages.list(mails));
        } else if (path.startsWith("/messages/")) {
            CapturedMail mail = find(mails, path.substring("/messages/".length()));
            if (mail == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "No such email");
            } else {
                send(exchange, 200, "text/html; charset=utf-8", MailPages.message(mail));
            }
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found");
        }
    }

    private static CapturedMail find(List<CapturedMail> mails, String id) {
        return mails.stream().filter(m -> String.valueOf(m.index()).equals(id)).findFirst().orElse(null);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getRecipients(RecipientType.TO);
            return to != null && Arrays.stream(to)
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a captured email's recipients", e);
        }
    }

    private static CapturedMail capture(int index, Delivered delivered, boolean withParts) {
        MimeMessage message = delivered.message();
        try {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Enumeration<Header> e = message.getAllHeaders(); e.hasMoreElements();) {
                Header h = e.nextElement();
                headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
            }
            Address[] to = message.getRecipients(RecipientType.TO);
            String[] parts = new String[2];
            List<CapturedMail.Attachment> attachments = new ArrayList<>();
            if (withParts) {
                collectParts(message, parts, attachments);
            }
            Instant sent = message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant();
            return new CapturedMail(index,
                    message.getFrom() == null ? "" : InternetAddress.toUnicodeString(message.getFrom()),
                    to == null ? List.of() : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList(),
                    message.getSubject(), sent, delivered.acceptedAt(), headers, parts[0], parts[1], attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a captured email", e);
        }
    }

    /**
     * Finds the first text/plain part ({@code parts[0]}), the first text/html part ({@code parts[1]}),
     * and keeps every other part as an attachment.
     */
    private static void collectParts(Part part, String[] parts, List<CapturedMail.Attachment> attachments)
            throws MessagingException, IOException {
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (part.isMimeType("text/plain") && parts[0] == null && !attached) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && parts[1] == null && !attached) {
            parts[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectParts(multipart.getBodyPart(i), parts, attachments);
            }
        } else {
            String content;
            try (InputStream in = part.getInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            attachments.add(new CapturedMail.Attachment(part.getFileName(), part.getContentType(), content));
        }
    }

    private void load() throws IOException, MessagingException {
        if (!Files.isDirectory(storeDir)) {
            return;
        }
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(storeDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                MimeMessage message;
                try (InputStream in = Files.newInputStream(file)) {
                    message = new MimeMessage(session, in);
                }
                Instant accepted = Files.getLastModifiedTime(file).toInstant();
                // As delivered: one copy per recipient.
                for (int n = 0; n < message.getAllRecipients().length; n++) {
                    received.add(new Delivered(message, accepted));
                }
            }
        }
    }

    /**
     * One file per distinct email (a copy per recipient is kept only once), whose modification time is
     * when the first copy was accepted.
     */
    private void save() throws IOException, MessagingException {
        Files.createDirectories(storeDir);
        try (Stream<Path> old = Files.list(storeDir)) {
            for (Path file : old.filter(f -> f.toString().endsWith(".eml")).toList()) {
                Files.delete(file);
            }
        }
        List<String> seen = new ArrayList<>();
        int n = 0;
        for (Delivered delivered : received.toArray(Delivered[]::new)) {
            String id = delivered.message().getMessageID();
            if (id != null && seen.contains(id)) {
                continue;
            }
            seen.add(id);
            Path file = storeDir.resolve(String.format("%06d.eml", n++));
            try (OutputStream out = Files.newOutputStream(file)) {
                delivered.message().writeTo(out);
            }
            Files.setLastModifiedTime(file, FileTime.from(delivered.acceptedAt()));
        }
    }

    /** One copy of an email as delivered to one recipient, and when the server accepted it. */
    private record Delivered(MimeMessage message, Instant acceptedAt) {
    }

    @Override
    public void close() throws IOException, MessagingException {
        if (http != null) {
            http.stop(0);
            http = null;
        }
        pageThreads.shutdown();
        if (greenMail != null) {
            save();
            greenMail.stop();
            greenMail = null;
        }
    }
}
