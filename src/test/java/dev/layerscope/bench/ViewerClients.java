package dev.layerscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The viewers of the {@code viewers} benchmark run by {@link ViewerClientsMain} in a second JVM, so
 * the server's JVM measures the server: no client thread, allocation or collection of its own. Both
 * processes read {@link System#nanoTime()}, which on Linux is the system-wide monotonic clock
 * ({@code CLOCK_MONOTONIC}), so arrival times there and publication times here compare directly;
 * {@link #clockCheck()} tests that assumption on every run.
 */
final class ViewerClients implements AutoCloseable {

    private static final Duration LINE_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int count;

    /**
     * The clock check: whether the child's clock read between two readings here, and their distance
     * in ms; with the child's CPU time used so far.
     */
    record ClockCheck(boolean withinRoundTrip, double roundTripMillis, long cpuNanos) {
    }

    /** What the viewers received, and the CPU time their process had used when it reported. */
    record Report(List<ViewerResult> viewers, long cpuNanos) {
    }

    private ViewerClients(Process process, int count) {
        this.process = process;
        this.count = count;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::readLines, "viewer-clients-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the client process with this JVM's class path and waits until its {@code count} sockets are open. */
    static ViewerClients start(int port, String sessionId, int count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ViewerClientsMain.class.getName(), Integer.toString(port),
                sessionId, Integer.toString(count));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        ViewerClients clients = new ViewerClients(builder.start(), count);
        clients.expect("connected");
        return clients;
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            lines.add("exited");
        } catch (IOException e) {
            lines.add("failed " + e);
        }
    }

    /** Waits up to {@code timeout} for every socket's catch-up frames; returns how many sockets have them. */
    int awaitCaughtUp(Duration timeout) throws IOException {
        commands.println("caught-up " + timeout.toSeconds());
        return Integer.parseInt(expect("caught-up")[1]);
    }

    ClockCheck clockCheck() throws IOException {
        long before = System.nanoTime();
        commands.println("clock");
        String[] words = expect("clock");
        long after = System.nanoTime();
        long theirs = Long.parseLong(words[1]);
        return new ClockCheck(before <= theirs && theirs <= after, (after - before) / 1e6, Long.parseLong(words[2]));
    }

    /**
     * Waits up to {@code timeout} until every socket has {@code expected} epoch frames or was closed,
     * then returns what each received, with latencies from the publication times in {@code published}.
     */
    Report report(int expected, Duration timeout, PublishLog published) throws IOException {
        commands.println("report " + expected + " " + timeout.toSeconds());
        long cpuNanos = Long.parseLong(expect("cpu")[1]);
        List<ViewerResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(parse(expect("viewer"), published));
        }
        expect("end");
        return new Report(results, cpuNanos);
    }

    private static ViewerResult parse(String[] words, PublishLog published) {
        double[] latencies = new double[(words.length - 6) / 2];
        int samples = 0;
        for (int i = 6; i + 1 < words.length; i += 2) {
            Long sent = published.publishedNanos(Long.parseLong(words[i]));
            if (sent != null) {
                latencies[samples++] = (Long.parseLong(words[i + 1]) - sent) / 1e6;
            }
        }
        return new ViewerResult(Integer.parseInt(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3]),
                Long.parseLong(words[4]), words[5].equals("1"), java.util.Arrays.copyOf(latencies, samples));
    }

    private String[] expect(String first) throws IOException {
        String line;
        try {
            line = lines.poll(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the viewer clients", e);
        }
        if (line == null) {
            throw new IOException("the viewer clients printed nothing for " + LINE_TIMEOUT.toMinutes() + " min (expected '"
                    + first + "')");
        }
        String[] words = line.split(" ");
        if (!words[0].equals(first)) {
            throw new IOException("the viewer clients printed '" + shorten(line) + "' (expected '" + first + "')");
        }
        return words;
    }

    private static String shorten(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
