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
 * Checks that a seeded run gives the same bits with one and with two OpenBLAS threads. OpenBLAS reads
 * its thread count once, when it loads, so each run is a JVM of its own.
 */
class BlasThreadsTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneAndTwoThreadsGiveSameBits() throws IOException, InterruptedException {
        String oneThread = fingerprint("1");
        String twoThreads = fingerprint("2");

        assertTrue(oneThread.matches("[0-9a-f]+ [0-9a-f]+"), oneThread);
        assertEquals(oneThread, twoThreads);
    }

    private static String fingerprint(String threads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TrainerFingerprint.class.getName()));
        builder.environment().put("OPENBLAS_NUM_THREADS", threads);
        Process process = builder.redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exitCode = process.waitFor();

        assertEquals(0, exitCode, output);
        return output;
    }
}
