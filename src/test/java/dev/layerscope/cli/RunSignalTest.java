package dev.layerscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A headless run in its own JVM, stopped with SIGTERM as a shell's {@code kill} or a job scheduler does. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunSignalTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Interval between two reads of the progress file while awaiting a line. */
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    @TempDir
    Path folder;

    @Test
    void terminatedRunKeepsItsLines() throws Exception {
        Path outputs = Files.createDirectory(folder.resolve("outputs"));
        Path out = outputs.resolve("stats.jsonl");
        Path progress = folder.resolve("progress.txt");
        Process run = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "dev.layerscope.App", "run", "--preset", "relu-he", "--epochs", "10000", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(progress.toFile())
                .start();

        awaitLine(progress, "epoch 1/", run);
        run.destroy();
        assertTrue(run.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the run did not exit after SIGTERM");

        assertEquals(List.of("stats.jsonl"), filesIn(outputs), "no temporary file may stay behind");
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() >= 2, "initialization and at least one epoch: " + lines.size() + " lines");
        for (String line : lines) {
            assertTrue(MAPPER.readTree(line).has("epoch"), line);
        }
        List<String> messages = Files.readAllLines(progress);
        assertTrue(messages.get(messages.size() - 1).contains("stopped by a signal"), messages.toString());
    }

    private static void awaitLine(Path file, String start, Process run) throws IOException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Files.readAllLines(file).stream().noneMatch(line -> line.startsWith(start))) {
            if (!run.isAlive() || Instant.now().isAfter(deadline)) {
                fail("no line starting with '" + start + "': " + Files.readAllLines(file));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
