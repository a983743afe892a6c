package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.DivergedException;
import dev.layerscope.training.StepResult;
import dev.layerscope.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Trains one session in short slices on the shared {@link TrainingPool}. Owns the session's
 * {@link Trainer}: only {@link #runSlice} touches it, and at most one slice of a session is queued
 * or running, so the trainer is confined to one thread at a time.
 */
final class SessionWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWorker.class);

    /** Time a slice may train before it yields the thread to the next session in the queue. */
    static final long SLICE_NANOS = 50_000_000L;
    /**
     * Minimum time between two predictions while a session runs. A prediction passes the whole
     * decision grid (2,304 points) through the network: for 64 tanh layers of 16 units and 80
     * samples per epoch, a profile gave it 19% of the training thread, against 13% for the training
     * steps and 13% for the statistics. Stepping, the end of a run and a pause always get the
     * prediction of their last epoch.
     */
    static final long PREDICTION_INTERVAL_NANOS = 200_000_000L;

    private final Session session;
    private final TrainingPool pool;

    // Confined to the slice in progress.
    private Trainer trainer;
    private Dataset dataset;
    private long lastPredictionNanos = System.nanoTime() - PREDICTION_INTERVAL_NANOS;
    private boolean predictionSkipped;

    // Guarded by this.
    private boolean sliceQueued;
    private long wakeAtNanos;
    private final List<Consumer<Trainer>> pendingActions = new ArrayList<>();
    private Rebuild pendingRebuild;
    private long epochStartedNanos = System.nanoTime();
    private long nextEpochNotBeforeNanos = System.nanoTime();

    /**
     * A requested rebuild. {@code actionsBefore} were requested before it, such as a fork's capture or
     * a learning rate, and run on the old trainer, so that they do not leak into the rebuilt one.
     */
    private record Rebuild(RunConfig config, Dataset dataset, List<Consumer<Trainer>> actionsBefore,
                           CompletableFuture<Void> done) {
    }

    SessionWorker(Session session, TrainingPool pool, Trainer trainer, Dataset dataset) {
        this.session = session;
        this.pool = pool;
        this.trainer = trainer;
        this.dataset = dataset;
    }

    /** Queues a slice unless one is queued or running already. */
    synchronized void wake() {
        if (sliceQueued) {
            return;
        }
        sliceQueued = true;
        pool.execute(this::runSlice);
    }

    synchronized void restartSpeedClock() {
        epochStartedNanos = System.nanoTime();
        nextEpochNotBeforeNanos = epochStartedNanos;
    }

    /** Shortens a wait for the next epoch when the cap was raised; a lowered cap applies from the next epoch. */
    synchronized void speedChanged(double epochsPerSecond) {
        long now = System.nanoTime();
        long latestStart = now + (epochsPerSecond > 0 ? (long) (1e9 / epochsPerSecond) : 0);
        if (nextEpochNotBeforeNanos - latestStart > 0) {
            nextEpochNotBeforeNanos = latestStart;
            epochStartedNanos = Math.max(now, latestStart);
        }
        wake();
    }

    synchronized void requestLearningRate(double learningRate) {
        pendingActions.add(t -> t.setLearningRate(learningRate));
        wake();
    }

    synchronized CompletableFuture<Void> requestRebuild(RunConfig config, Dataset newDataset) {
        List<Consumer<Trainer>> actionsBefore = new ArrayList<>();
        Rebuild replaced = pendingRebuild;
        if (replaced != null) {
            actionsBefore.addAll(replaced.actionsBefore());
        }
        actionsBefore.addAll(pendingActions);
        pendingActions.clear();
        pendingRebuild = new Rebuild(config, newDataset, actionsBefore, new CompletableFuture<>());
        if (replaced != null) {
            replaced.done().cancel(false);
        }
        wake();
        return pendingRebuild.done();
    }

    synchronized CompletableFuture<ForkSource> captureForFork() {
        CompletableFuture<ForkSource> result = new CompletableFuture<>();
        pendingActions.add(t -> {
            // The source may have diverged after the fork was requested, and its parameters may be NaN.
            if (session.state().status() == Status.DIVERGED) {
                result.completeExceptionally(StatusRules.divergedFork());
            } else {
                result.complete(session.forkSource(t.saveState(), dataset));
            }
        });
        wake();
        return result;
    }

    private void runSlice() {
        Rebuild rebuild;
        synchronized (this) {
            rebuild = pendingRebuild;
            pendingRebuild = null;
        }
        try {
            if (rebuild != null) {
                for (Consumer<Trainer> action : rebuild.actionsBefore()) {
                    action.accept(trainer);
                }
                rebuild(rebuild);
            }
            trainUntilSliceEnds();
        } catch (DivergedException e) {
            predictionSkipped = false;
            LOG.info("session {} diverged: {}", session.id(), e.getMessage());
            session.recordDivergence(DivergenceReport.from(e));
        } catch (RuntimeException e) {
            LOG.error("session {} stopped: training failed", session.id(), e);
            session.recordDivergence(new DivergenceReport(trainer.step(), trainer.epoch(), -1, "internal",
                    "training failed: " + e, "reset the session; if this repeats, report it with the configuration"));
        } finally {
            finishSlice();
        }
    }

    /** Builds the new trainer; when that fails, the old one stays and the request's future reports why. */
    private void rebuild(Rebuild request) {
        Dataset newDataset = request.dataset() != null ? request.dataset() : dataset;
        Trainer rebuilt;
        EpochStats initial;
        Prediction prediction;
        try {
            rebuilt = Trainers.build(request.config(), newDataset);
            initial = rebuilt.initialStats();
            prediction = Predictions.compute(rebuilt, newDataset);
        } catch (RuntimeException e) {
            request.done().completeExceptionally(e);
            return;
        }
        trainer = rebuilt;
        dataset = newDataset;
        predictionSkipped = false;
        session.recordRebuild(request.config(), initial, prediction);
        request.done().complete(null);
    }

    private void trainUntilSliceEnds() {
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        while (applyPendingActions() && !session.isClosed()) {
            Session.Mode mode = session.mode();
            if (mode == Session.Mode.IDLE) {
                recordSkippedPrediction();
                return;
            }
            if (mode == Session.Mode.RUN && !epochMayStart()) {
                return;
            }
            StepResult result = trainer.trainBatch();
            session.recordStep(trainer.epoch(), trainer.step(), result.stats());
            if (result.epochFinished()) {
                recordPredictionIfDue(mode);
            }
            if (stopAfterStep(mode, result) || System.nanoTime() - sliceEnd > 0) {
                return;
            }
        }
    }

    /**
     * Runs the actions requested so far, so that a learning rate set during a slice applies from the
     * next step. Returns false, which ends the slice, when a rebuild is waiting: it comes first.
     */
    private boolean applyPendingActions() {
        List<Consumer<Trainer>> actions;
        synchronized (this) {
            if (pendingRebuild != null) {
                return false;
            }
            actions = List.copyOf(pendingActions);
            pendingActions.clear();
        }
        for (Consumer<Trainer> action : actions) {
            action.accept(trainer);
        }
        return true;
    }

    /** Records the prediction of a finished epoch, unless a run had one less than the interval ago. */
    private void recordPredictionIfDue(Session.Mode mode) {
        long now = System.nanoTime();
        boolean due = mode != Session.Mode.RUN || trainer.finished() || now - lastPredictionNanos >= PREDICTION_INTERVAL_NANOS;
        predictionSkipped = !due;
        if (due) {
            lastPredictionNanos = now;
            session.recordPrediction(Predictions.compute(trainer, dataset));
        }
    }

    /** Records the prediction of the last finished epoch when the run was paused after skipping it. */
    private void recordSkippedPrediction() {
        if (predictionSkipped) {
            predictionSkipped = false;
            lastPredictionNanos = System.nanoTime();
            session.recordPrediction(Predictions.compute(trainer, dataset));
        }
    }

    /** Applies the end of a step to the state machine; returns whether the slice must end. */
    private boolean stopAfterStep(Session.Mode mode, StepResult result) {
        if (mode == Session.Mode.STEP_BATCH) {
            session.recordBatch(result.step(), result.epoch(), result.batchLoss());
        }
        if (trainer.finished()) {
            session.pauseAfterStep(Status.FINISHED);
            return true;
        }
        if (mode == Session.Mode.STEP_BATCH || (mode == Session.Mode.STEP_EPOCH && result.epochFinished())) {
            session.pauseAfterStep(Status.PAUSED);
            return true;
        }
        if (mode == Session.Mode.RUN && result.epochFinished()) {
            return scheduleNextEpoch();
        }
        return false;
    }

    /** Applies the speed cap: the next epoch may start one period after this one started. */
    private boolean scheduleNextEpoch() {
        double epochsPerSecond = session.state().epochsPerSecond();
        long periodNanos = epochsPerSecond > 0 ? (long) (1e9 / epochsPerSecond) : 0;
        synchronized (this) {
            nextEpochNotBeforeNanos = epochStartedNanos + periodNanos;
            epochStartedNanos = Math.max(System.nanoTime(), nextEpochNotBeforeNanos);
            return nextEpochNotBeforeNanos - System.nanoTime() > 0;
        }
    }

    private synchronized boolean epochMayStart() {
        return System.nanoTime() - nextEpochNotBeforeNanos >= 0;
    }

    /**
     * Queues the next slice when there is work. The queued flag is cleared first, so a command that
     * arrives meanwhile queues its own slice. The session's lock is never taken inside this object's
     * lock, because commands take the two in the opposite order.
     */
    private void finishSlice() {
        boolean pending;
        synchronized (this) {
            sliceQueued = false;
            pending = pendingRebuild != null || !pendingActions.isEmpty();
        }
        if (session.isClosed()) {
            return;
        }
        Session.Mode mode = session.mode();
        if (pending || mode == Session.Mode.STEP_BATCH || mode == Session.Mode.STEP_EPOCH) {
            wake();
        } else if (mode == Session.Mode.RUN) {
            wakeAfterSpeedCap();
        }
    }

    private synchronized void wakeAfterSpeedCap() {
        long delayNanos = nextEpochNotBeforeNanos - System.nanoTime();
        if (delayNanos <= 0) {
            wake();
        } else {
            wakeLater(delayNanos);
        }
    }

    /** Queues a slice after a delay, unless an earlier wake-up is already due; the caller holds this lock. */
    private void wakeLater(long delayNanos) {
        long wakeAt = System.nanoTime() + delayNanos;
        if (wakeAtNanos != 0 && wakeAtNanos - wakeAt <= 0) {
            return;
        }
        wakeAtNanos = wakeAt;
        pool.executeLater(() -> {
            synchronized (this) {
                if (wakeAtNanos == wakeAt) {
                    wakeAtNanos = 0;
                }
            }
            wake();
        }, Math.max(1, delayNanos / 1_000_000));
    }
}
