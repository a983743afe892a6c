package dev.layerscope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a headless run end cleanly on Ctrl+C or SIGTERM. The JVM runs shutdown hooks and then halts
 * without unwinding the main thread, so without this an output file would stay behind as its
 * hidden temporary {@code .part} file. The hook signals the training loop to stop and waits until the
 * lines written so far are in place, at most {@value #WAIT_SECONDS} seconds.
 */
final class StopSignal {

    private static final long WAIT_SECONDS = 10;

    private final CountDownLatch outputDone = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "layerscope-run-stop");
    private volatile boolean requested;

    private StopSignal() {
    }

    /** Installs the shutdown hook; call {@link #finished()} when the output is complete. */
    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Returns whether the process is shutting down, so the run must stop after the current step. */
    boolean requested() {
        return requested;
    }

    /** Releases a waiting hook, or removes the hook when the run ended on its own. */
    void finished() {
        outputDone.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook is running: it returns now that the output is done.
        }
    }

    private void stopAndWait() {
        requested = true;
        try {
            outputDone.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
