package dev.layerscope.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks that the native memory of dropped trainers is reused: a JVM whose direct-memory limit fits
 * about three trainers builds and drops 30 of them. The JDK frees a direct buffer only when the garbage
 * collector reclaims its owner, and its allocation path runs a collection and retries when the limit
 * is reached, which this test relies on.
 */
class NativeMemoryReuseTest {

    private static final int TRAINERS = 30;
    private static final String LIMIT = "-XX:MaxDirectMemorySize=32m";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void droppedTrainersFreeNativeMemory() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, LIMIT, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TrainerChurn.class.getName(), Integer.toString(TRAINERS));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();

        assertEquals(0, exitCode, output);
        assertTrue(output.startsWith("allocated "), output);
        long allocated = Long.parseLong(output.substring("allocated ".length()).trim());
        // The trainers together need far more than the 32 MiB limit, so memory must have been reused.
        assertTrue(allocated > 8L * 32 * 1024 * 1024, "trainers allocated only " + allocated + " bytes");
    }
}
