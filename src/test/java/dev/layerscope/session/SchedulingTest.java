package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.training.TrainerStatesForTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SchedulingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static RunConfig config(int epochs) {
        return RunConfig.fromJson("""
                {"seed": 11, "data": {"dataset": "spirals", "samples": 400},
                 "network": {"depth": 4, "width": 16, "activation": "tanh"},
                 "training": {"batchSize": 16, "epochs": %d}, "stats": {"histogramBins": 10, "unitSample": 4}}"""
                .formatted(epochs));
    }

    @Test
    void sessionsShareOneThreadRoundRobin() {
        try (TrainingPool pool = new TrainingPool(1)) {
            SessionRegistry registry = new SessionRegistry(Limits.DEFAULTS, pool, 0);
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(registry.create(config(2000), "client").join());
            }

            for (Session session : sessions) {
                session.start();
            }
            await(() -> sessions.stream().allMatch(session -> session.state().epoch() >= 3), "every session at epoch 3");

            // With one thread and 50 ms slices, a session that hogged the thread would be far ahead.
            // Round-robin keeps them within a few epochs of each other.
            int slowest = sessions.stream().mapToInt(session -> session.state().epoch()).min().orElseThrow();
            int fastest = sessions.stream().mapToInt(session -> session.state().epoch()).max().orElseThrow();
            for (Session session : sessions) {
                session.pause();
            }
            assertTrue(fastest < 2000, "no session finished while another had barely started");
            assertTrue(fastest - slowest <= 20, "epochs ranged from " + slowest + " to " + fastest);
            registry.close();
        }
    }

    @Test
    void speedCapSpacesEpochs() {
        try (TrainingPool pool = new TrainingPool(1)) {
            SessionRegistry registry = new SessionRegistry(Limits.DEFAULTS, pool, 0);
            Session session = registry.create(config(5), "client").join();
            session.setSpeed(10, Limits.DEFAULTS.maxEpochsPerSecond());

            long started = System.nanoTime();
            session.start();
            await(() -> session.state().status() == Status.FINISHED, "the run to finish");
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            // At 10 epochs per second, epoch k + 1 starts no sooner than 100 ms after epoch k started,
            // so 5 epochs take at least 4 * 100 ms (the last one needs no wait after it).
            assertTrue(elapsedMillis >= 400, "5 epochs took only " + elapsedMillis + " ms");
            assertEquals(5, session.state().epoch());
            registry.close();
        }
    }

    @Test
    void raisingSpeedCutsTheWait() {
        try (TrainingPool pool = new TrainingPool(1)) {
            SessionRegistry registry = new SessionRegistry(Limits.DEFAULTS, pool, 0);
            Session session = registry.create(config(3), "client").join();
            // One epoch every 1,000 s: after the first epoch the run would wait for a quarter of an hour.
            session.setSpeed(0.001, Limits.DEFAULTS.maxEpochsPerSecond());
            session.start();
            await(() -> session.state().epoch() == 1, "the first epoch");

            session.setSpeed(0, Limits.DEFAULTS.maxEpochsPerSecond());

            await(() -> session.state().status() == Status.FINISHED, "the run to finish without a cap");
            assertEquals(3, session.state().epoch());
            registry.close();
        }
    }

    @Test
    void forkCopiesWeightsExactly() {
        try (TrainingPool pool = new TrainingPool(1)) {
            SessionRegistry registry = new SessionRegistry(Limits.DEFAULTS, pool, 0);
            Session source = registry.create(config(5), "client").join();
            source.stepEpoch();
            await(() -> source.state().status() == Status.PAUSED, "the first epoch");
            source.stepBatch();
            await(() -> source.state().step() > source.history().get(1).step(), "one more step");

            Session fork = registry.fork(source, "client").join();
            ForkSource original = source.captureForFork().join();
            ForkSource copy = fork.captureForFork().join();

            assertEquals(original.trainerState().step(), copy.trainerState().step());
            assertEquals(original.trainerState().epoch(), copy.trainerState().epoch());
            assertTrue(TrainerStatesForTest.sameParameters(original.trainerState(), copy.trainerState()),
                    "weights, biases and optimizer state are equal bit for bit");
            assertEquals(source.history(), fork.history());
            assertEquals(source.config(), fork.config());
            registry.close();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
