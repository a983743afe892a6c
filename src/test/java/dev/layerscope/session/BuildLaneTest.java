package dev.layerscope.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BuildLaneTest {

    private static final long DEADLINE_SECONDS = 10;
    private static final int BUILDS = 4;

    @Test
    void buildsLeaveThreadsForTraining() throws InterruptedException {
        try (TrainingPool pool = new TrainingPool(2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch buildsDone = new CountDownLatch(BUILDS);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            for (int i = 0; i < BUILDS; i++) {
                pool.buildExecutor().execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        buildsDone.countDown();
                    }
                });
            }
            CountDownLatch trained = new CountDownLatch(1);

            // The first build holds one thread until released; a training slice must still get the other.
            pool.execute(trained::countDown);

            assertTrue(trained.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "the training task waited behind the builds");
            release.countDown();
            assertTrue(buildsDone.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "the builds did not finish");
            assertEquals(1, mostAtOnce.get(), "builds that ran at the same time");
        }
    }

    @Test
    void failingBuildDoesNotStopTheLane() throws InterruptedException {
        try (TrainingPool pool = new TrainingPool(1)) {
            CountDownLatch next = new CountDownLatch(1);

            pool.buildExecutor().execute(() -> {
                throw new IllegalStateException("a build that fails on purpose");
            });
            pool.buildExecutor().execute(next::countDown);

            assertTrue(next.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "the build after a failed one never ran");
        }
    }
}
