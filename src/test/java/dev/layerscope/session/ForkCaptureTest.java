package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fork copies its source between two steps, after the request was checked. The source may diverge
 * in between, so the copy itself must reject a diverged source, whose parameters may be NaN.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForkCaptureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();
    /** 20 ReLU layers with N(0, 100^2) weights and a learning rate of 1000 diverge within a few steps. */
    private static final String EXPLODING = """
            {"seed": 3, "data": {"dataset": "spirals", "samples": 200},
             "network": {"depth": 20, "width": 16, "activation": "relu", "init": {"kind": "normal", "sigma": 100}},
             "training": {"optimizer": "sgd", "learningRate": 1000, "batchSize": 32, "epochs": 20}}""";

    @Test
    void captureOfDivergedSourceFails() {
        try (TrainingPool pool = new TrainingPool(1)) {
            SessionRegistry registry = new SessionRegistry(Limits.DEFAULTS, pool, 0);
            Session source = registry.create(RunConfig.fromJson(EXPLODING), "client").join();
            source.start();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (source.state().status() != Status.DIVERGED) {
                if (Instant.now().isAfter(deadline)) {
                    fail("the source did not diverge: " + source.state());
                }
                LockSupport.parkNanos(POLL_NANOS);
            }

            CompletableFuture<ForkSource> capture = source.captureForFork();

            CompletionException failure = assertThrows(CompletionException.class, capture::join);
            CommandRejectedException rejected = assertInstanceOf(CommandRejectedException.class, failure.getCause());
            assertEquals(CommandRejectedException.Reason.INVALID_STATE, rejected.reason());
            assertEquals("status", rejected.error().field());
            registry.close();
        }
    }
}
