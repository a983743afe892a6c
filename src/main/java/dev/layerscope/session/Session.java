package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.Trainer;
import dev.layerscope.training.TrainerState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One live training session: a trainer, its state machine, the owner's pending commands and the
 * history of statistics.
 *
 * <p>Threads: commands and subscriptions come from web threads and only change fields under this
 * object's lock, then make sure a {@link SessionWorker} slice is queued on the shared pool. The
 * trainer is touched only inside those slices, and a session has at most one slice queued or
 * running, so the trainer is confined to one thread at a time.
 */
public final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** The owner's latest request to the trainer. */
    enum Mode { IDLE, RUN, STEP_EPOCH, STEP_BATCH }

    private final String id;
    private final String ownerKey;
    private final String forkedFrom;
    private final SessionWorker worker;

    // Guarded by this.
    private RunConfig config;
    private SessionState state;
    private Mode mode = Mode.IDLE;
    private final History history = new History();
    private final PendingRebuilds pendingRebuilds = new PendingRebuilds();
    private Prediction prediction;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private long lastUsedNanos = System.nanoTime();
    private boolean closed;

    Session(String id, String ownerKey, String forkedFrom, RunConfig config, Dataset dataset, Trainer trainer,
            SessionState state, List<EpochStats> history, Prediction prediction, TrainingPool pool) {
        this.id = id;
        this.ownerKey = ownerKey;
        this.forkedFrom = forkedFrom;
        this.config = config;
        this.state = state;
        this.prediction = prediction;
        for (EpochStats stats : history) {
            this.history.add(stats);
        }
        this.worker = new SessionWorker(this, pool, trainer, dataset);
    }

    public String id() {
        return id;
    }

    /** Returns the secret that makes a client the owner; never log it. */
    public String ownerKey() {
        return ownerKey;
    }

    /** Returns the id of the session this one was forked from, or null. */
    public String forkedFrom() {
        return forkedFrom;
    }

    /** Returns whether {@code key} is this session's owner key. */
    public boolean isOwnerKey(String key) {
        return Ids.constantTimeEquals(ownerKey, key);
    }

    public synchronized RunConfig config() {
        return config;
    }

    public synchronized SessionState state() {
        return state;
    }

    /** Returns every statistics snapshot so far, oldest first; only the last one keeps its heavy parts. */
    public synchronized List<EpochStats> history() {
        return history.entries();
    }

    public synchronized int listenerCount() {
        return listeners.size();
    }

    /** Registers {@code listener} and returns what it needs to catch up, atomically with respect to events. */
    public synchronized SessionSnapshot subscribe(SessionListener listener) {
        listeners.add(listener);
        lastUsedNanos = System.nanoTime();
        return new SessionSnapshot(config, state, history.entries(), prediction);
    }

    public synchronized void unsubscribe(SessionListener listener) {
        listeners.remove(listener);
        lastUsedNanos = System.nanoTime();
    }

    /** Records use by an HTTP request, which keeps the session from expiring. */
    public synchronized void touch() {
        lastUsedNanos = System.nanoTime();
    }

    synchronized boolean isIdleSince(long thresholdNanos) {
        return listeners.isEmpty() && lastUsedNanos - thresholdNanos < 0;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    // ---- owner commands, called on web threads ----

    /** Trains until the configured number of epochs, a pause, or divergence. */
    public synchronized void start() {
        if (pendingRebuilds.any()) {
            StatusRules.requireTrainable(pendingRebuilds.stateAfter(state), "start");
            pendingRebuilds.setMode(Mode.RUN);
            return;
        }
        StatusRules.requireTrainable(state, "start");
        if (mode == Mode.RUN) {
            return;
        }
        mode = Mode.RUN;
        worker.restartSpeedClock();
        changeStatus(Status.RUNNING);
        worker.wake();
    }

    /** Stops after the step in progress. */
    public synchronized void pause() {
        if (pendingRebuilds.any() && pendingRebuilds.stateAfter(state).status() == Status.RUNNING) {
            pendingRebuilds.setMode(Mode.IDLE);
            return;
        }
        if (state.status() != Status.RUNNING) {
            throw StatusRules.invalidState(state, "pause", "only a running session can be paused");
        }
        mode = Mode.IDLE;
        changeStatus(Status.PAUSED);
    }

    /** Trains to the end of the current epoch, then pauses. */
    public synchronized void stepEpoch() {
        requestStep(Mode.STEP_EPOCH, "stepEpoch");
    }

    /** Runs one optimizer step, then pauses. */
    public synchronized void stepBatch() {
        requestStep(Mode.STEP_BATCH, "stepBatch");
    }

    private void requestStep(Mode stepMode, String command) {
        if (pendingRebuilds.any()) {
            StatusRules.requireStoppedAndTrainable(pendingRebuilds.stateAfter(state), command);
            pendingRebuilds.setMode(stepMode);
            return;
        }
        StatusRules.requireStoppedAndTrainable(state, command);
        mode = stepMode;
        changeStatus(Status.RUNNING);
        worker.wake();
    }

    /** Rebuilds the network from the same configuration and seed and clears the history. */
    public synchronized CompletableFuture<Void> reset() {
        expectRebuild();
        return requestRebuild(config, null);
    }

    /**
     * Replaces the configuration, which must already satisfy the server's limits, and rebuilds as
     * {@link #reset} does. The caller calls {@link #expectRebuild} when the request arrives, before
     * preparing the dataset. The future fails, and nothing changes (a run goes on), when the trainer
     * cannot be built.
     */
    synchronized CompletableFuture<Void> applyConfig(RunConfig newConfig, Dataset newDataset) {
        return requestRebuild(newConfig, newDataset);
    }

    /**
     * Records that a rebuild was requested, so that owner commands from now on apply to the rebuilt
     * trainer. Every call is matched by a rebuild request or by {@link #abandonRebuild}.
     */
    synchronized void expectRebuild() {
        pendingRebuilds.requested();
    }

    /**
     * Records that an expected rebuild will not happen. Commands sent since its request are dropped.
     * NOTE: so a {@code start} sent right after an {@code applyConfig} that fails does nothing; the
     * owner receives the {@code applyConfig} error instead.
     */
    synchronized void abandonRebuild() {
        pendingRebuilds.settled();
    }

    private CompletableFuture<Void> requestRebuild(RunConfig newConfig, Dataset newDataset) {
        CompletableFuture<Void> done = worker.requestRebuild(newConfig, newDataset);
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                abandonRebuild();
            }
        });
        return done;
    }

    /** Changes the learning rate from the next step on, without a reset; the configuration's range applies. */
    public synchronized void setLearningRate(double learningRate) {
        try {
            config.withLearningRate(learningRate);
        } catch (ConfigException e) {
            FieldError error = e.errors().get(0);
            throw new CommandRejectedException(CommandRejectedException.Reason.INVALID_FIELD,
                    "invalid learning rate " + learningRate, "learningRate", error.value(), error.allowed());
        }
        if (pendingRebuilds.any()) {
            pendingRebuilds.setLearningRate(learningRate);
        } else {
            StatusRules.requireNotDiverged(state, "setLearningRate");
        }
        worker.requestLearningRate(learningRate);
        state = state.withLearningRate(learningRate);
        fireState();
    }

    /** Caps epochs per second ({@code 0} for no cap); {@code max} is the server's limit. */
    public synchronized void setSpeed(double epochsPerSecond, double max) {
        if (!(epochsPerSecond >= 0 && epochsPerSecond <= max)) {
            throw new CommandRejectedException(CommandRejectedException.Reason.INVALID_FIELD,
                    "invalid speed " + epochsPerSecond + " epochs per second", "epochsPerSecond",
                    Double.toString(epochsPerSecond), "0 (no cap) to " + max);
        }
        // Adding 0.0 turns -0.0, which JSON would show as "-0.0", into the 0 that means no cap.
        double speed = epochsPerSecond + 0.0;
        state = state.withSpeed(speed);
        fireState();
        worker.speedChanged(speed);
    }

    /**
     * Copies the trainer's state (weights, optimizer state, epoch, step, learning rate), the
     * configuration and the history between two steps, on the training thread.
     */
    CompletableFuture<ForkSource> captureForFork() {
        return worker.captureForFork();
    }

    /** Stops training for good and sends every listener the reason. */
    public synchronized void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        mode = Mode.IDLE;
        notifyListeners(listener -> listener.onClosed(reason));
        listeners.clear();
    }

    // ---- called by the worker on the training thread ----

    synchronized Mode mode() {
        return mode;
    }

    synchronized void pauseAfterStep(Status status) {
        mode = Mode.IDLE;
        changeStatus(status);
    }

    synchronized void recordStep(int epoch, long step, EpochStats stats) {
        state = state.withProgress(epoch, step);
        if (stats != null) {
            history.add(stats);
            notifyEpoch(stats);
        }
    }

    synchronized void recordPrediction(Prediction newPrediction) {
        if (newPrediction == null) {
            return;
        }
        prediction = newPrediction;
        notifyListeners(listener -> listener.onPrediction(newPrediction));
    }

    synchronized void recordBatch(long step, int epoch, double batchLoss) {
        notifyListeners(listener -> listener.onBatch(step, epoch, batchLoss));
    }

    synchronized void recordDivergence(DivergenceReport report) {
        mode = Mode.IDLE;
        state = state.withDivergence(report);
        fireState();
    }

    synchronized void recordRebuild(RunConfig newConfig, EpochStats initial, Prediction initialPrediction) {
        config = newConfig;
        prediction = initialPrediction;
        mode = pendingRebuilds.mode();
        double learningRate = pendingRebuilds.learningRate(initial.learningRate());
        pendingRebuilds.settled();
        history.clear();
        history.add(initial);
        state = new SessionState(mode == Mode.IDLE ? Status.READY : Status.RUNNING, initial.epoch(), initial.step(),
                learningRate, state.epochsPerSecond(), null);
        if (mode == Mode.RUN) {
            worker.restartSpeedClock();
        }
        SessionState rebuiltState = state;
        notifyListeners(listener -> listener.onReset(newConfig, rebuiltState));
        notifyEpoch(initial);
        if (initialPrediction != null) {
            notifyListeners(listener -> listener.onPrediction(initialPrediction));
        }
    }

    synchronized ForkSource forkSource(TrainerState trainerState, Dataset dataset) {
        return new ForkSource(id, config, dataset, trainerState, state, history.entries());
    }

    // ---- helpers, called with the lock held ----

    private void changeStatus(Status status) {
        state = state.withStatus(status);
        fireState();
    }

    private void fireState() {
        SessionState current = state;
        notifyListeners(listener -> listener.onState(current));
    }

    private void notifyEpoch(EpochStats stats) {
        notifyListeners(listener -> listener.onEpoch(stats));
        notifyListeners(listener -> listener.onEpochDetail(stats));
    }

    /**
     * Calls every listener registered now. A listener may unsubscribe meanwhile (a connection that
     * closes on this very thread), and one that fails is logged and skipped, so that a client can
     * never stop training or the other clients.
     */
    private void notifyListeners(Consumer<SessionListener> event) {
        for (SessionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("session {}: a listener failed", id, e);
            }
        }
    }
}
