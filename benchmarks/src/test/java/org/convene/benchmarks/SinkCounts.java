package org.convene.benchmarks;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When postfix's smtp-sink accepted each message. With {@code -c} it rewrites a status line
 * ({@code sess=… quit=… mesg=N}, ended by a carriage return) whenever a session ends or a message's end
 * ({@code .}) is received, just before it answers 250. {@link #main} reads those lines from standard input
 * and writes {@code <epoch milliseconds> <messages>} each time the count rises, by this machine's clock as
 * the line arrives. Only the JDK: bench runs it with the compiled test classes alone.
 */
public final class SinkCounts {

    private static final Pattern MESSAGES = Pattern.compile("mesg=(\\d+)");

    private SinkCounts() {
    }

    /** Reads smtp-sink's status lines from standard input until it ends; writes the counts to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        try (Reader in = new InputStreamReader(System.in, StandardCharsets.US_ASCII);
                Writer out = Files.newBufferedWriter(Path.of(args[0]))) {
            StringBuilder line = new StringBuilder();
            long counted = 0;
            int c;
            while ((c = in.read()) != -1) {
                if (c != '\r' && c != '\n') {
                    line.append((char) c);
                    continue;
                }
                Matcher messages = MESSAGES.matcher(line);
                if (messages.find() && Long.parseLong(messages.group(1)) > counted) {
                    counted = Long.parseLong(messages.group(1));
                    out.write(System.currentTimeMillis() + " " + counted + "\n");
                }
                line.setLength(0);
                // Written out whenever the sink is quiet, so that a reader of the file sees the latest count.
                if (!in.ready()) {
                    out.flush();
                }
            }
        }
    }

    /** How many messages the sink had accepted by the log's last line (0 before any). */
    static long latest(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long tail = Math.max(0, file.length() - 64);
            byte[] bytes = new byte[(int) (file.length() - tail)];
            file.seek(tail);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n");
            // The last line may be half written; the one before it is whole.
            for (int i = lines.length - 1; i >= 0; i--) {
                String[] fields = lines[i].split(" ");
                if (fields.length == 2 && (i < lines.length - 1 || bytes[bytes.length - 1] == '\n')) {
                    return Long.parseLong(fields[1]);
                }
            }
            return 0;
        }
    }

    /** When each message was accepted (epoch milliseconds): element {@code k - 1} for the k-th message. */
    static long[] acceptedAt(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        long[] times = new long[lines.isEmpty() ? 0 : Integer.parseInt(lines.getLast().split(" ")[1])];
        int counted = 0;
        for (String line : lines) {
            String[] fields = line.split(" ");
            int count = Integer.parseInt(fields[1]);
            // Should the count rise by more than one from one line to the next, those messages share its time.
            Arrays.fill(times, counted, count, Long.parseLong(fields[0]));
            counted = count;
        }
        return times;
    }
}
