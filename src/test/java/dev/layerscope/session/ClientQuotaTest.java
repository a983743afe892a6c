package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientQuotaTest {

    private static final RunConfig SMALL = RunConfig.fromJson("""
            {"seed": 3, "data": {"dataset": "xor", "samples": 100},
             "network": {"depth": 1, "width": 4}, "training": {"epochs": 2}}""");

    @Test
    void clientAtLimitLeavesOthersFree() {
        Limits twoPerClient = Limits.DEFAULTS.withMaxSessionsPerClient(2);
        try (TrainingPool pool = new TrainingPool(1); SessionRegistry registry = new SessionRegistry(twoPerClient, pool, 0)) {
            Session first = registry.create(SMALL, "198.51.100.7").join();
            registry.create(SMALL, "198.51.100.7").join();

            TooManySessionsException rejected = assertThrows(TooManySessionsException.class,
                    () -> registry.create(SMALL, "198.51.100.7"));
            assertEquals("maxSessionsPerClient", rejected.limitName());
            assertThrows(TooManySessionsException.class, () -> registry.fork(first, "198.51.100.7"));

            Session other = registry.create(SMALL, "203.0.113.9").join();
            registry.fork(first, "203.0.113.9").join();
            assertEquals(2, registry.ownedBy("198.51.100.7"));
            assertEquals(2, registry.ownedBy("203.0.113.9"));
            assertEquals(4, registry.size());
            assertTrue(other.id().length() > 0);
        }
    }

    @Test
    void expiredSessionsFreeTheirPlace() {
        Limits onePerClient = Limits.DEFAULTS.withMaxSessionsPerClient(1);
        Limits quickExpiry = new Limits(onePerClient.maxParameters(), onePerClient.maxTrainerMegabytes(),
                onePerClient.maxLayers(), onePerClient.maxWidth(), onePerClient.maxEpochs(), onePerClient.maxSamples(),
                onePerClient.maxHistogramBins(), onePerClient.maxUnitSample(), onePerClient.maxHistoryRows(),
                onePerClient.maxSessions(), onePerClient.maxViewersPerSession(), onePerClient.maxUploadBytes(),
                onePerClient.maxUploads(), onePerClient.maxMessageBytes(), onePerClient.commandsPerSecond(),
                onePerClient.maxEpochsPerSecond(), 1, onePerClient.maxTotalTrainerMegabytes(), 1,
                onePerClient.maxConnectionsPerClient());
        try (TrainingPool pool = new TrainingPool(1); SessionRegistry registry = new SessionRegistry(quickExpiry, pool, 0)) {
            registry.create(SMALL, "198.51.100.7").join();
            assertThrows(TooManySessionsException.class, () -> registry.create(SMALL, "198.51.100.7"));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (registry.ownedBy("198.51.100.7") > 0) {
                assertTrue(Instant.now().isBefore(deadline), "the idle session was never removed");
                Thread.onSpinWait();
            }
            registry.create(SMALL, "198.51.100.7").join();
            assertEquals(1, registry.ownedBy("198.51.100.7"));
        }
    }

    @Test
    void failedBuildsFreeTheirPlace() {
        // 1 MiB for all trainers together: 4 layers of 512 units hold 3 x 512 x 512 weights (6 MiB) alone.
        Limits tight = Limits.DEFAULTS.withMaxTotalTrainerMegabytes(1).withMaxSessionsPerClient(1);
        RunConfig tooLarge = RunConfig.fromJson("""
                {"data": {"dataset": "xor", "samples": 100}, "network": {"depth": 4, "width": 512}}""");
        try (TrainingPool pool = new TrainingPool(1); SessionRegistry registry = new SessionRegistry(tight, pool, 0)) {
            assertThrows(RuntimeException.class, () -> registry.create(tooLarge, "198.51.100.7").join());

            assertEquals(0, registry.ownedBy("198.51.100.7"));
            registry.create(SMALL, "198.51.100.7").join();
        }
    }
}
