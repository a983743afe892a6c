package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every live session by id: creates them (on the training pool, since building a network and its
 * dataset is work too), forks them, and removes those idle for longer than {@link Limits#idleSeconds()}.
 */
public final class SessionRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Limits limits;
    private final TrainingPool pool;
    private final double defaultEpochsPerSecond;
    private final UploadStore uploads;
    private final DatasetCache datasets;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger slotsTaken = new AtomicInteger();

    public SessionRegistry(Limits limits, TrainingPool pool, double defaultEpochsPerSecond) {
        this.limits = limits;
        this.pool = pool;
        this.defaultEpochsPerSecond = defaultEpochsPerSecond;
        this.uploads = new UploadStore(limits);
        this.datasets = new DatasetCache(uploads);
        long sweepMillis = Math.max(100, Math.min(30_000, limits.idleSeconds() * 1000L / 4));
        pool.scheduleAtFixedRate(this::expireIdle, sweepMillis);
    }

    public Limits limits() {
        return limits;
    }

    /** The uploaded CSV files that configurations may name in {@code data.dataset}. */
    public UploadStore uploads() {
        return uploads;
    }

    public Optional<Session> find(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    public int size() {
        return sessions.size();
    }

    /**
     * Checks {@code config} against the limits, then loads its dataset on the training pool and
     * checks the parameter count and the history size. Limits that need no dataset throw
     * {@link ConfigException} at once; the others fail the future with it.
     */
    public CompletableFuture<Dataset> loadDataset(RunConfig config) {
        ConfigLimits.check(config, limits);
        return CompletableFuture.supplyAsync(() -> {
            Dataset dataset = datasets.load(config);
            ConfigLimits.checkWithDataset(config, dataset, limits);
            return dataset;
        }, pool.executor());
    }

    /**
     * Builds a session from a valid configuration. Throws {@link ConfigException} for a limit that
     * needs no dataset and {@link TooManySessionsException} at the session limit; the future fails
     * with {@link ConfigException} when the network has too many parameters.
     */
    public CompletableFuture<Session> create(RunConfig config) {
        ConfigLimits.check(config, limits);
        reserveSlot();
        CompletableFuture<Session> created = loadDataset(config).thenApplyAsync(dataset -> {
            Trainer trainer = Trainers.build(config, dataset);
            EpochStats initial = trainer.initialStats();
            SessionState state = new SessionState(Status.READY, initial.epoch(), initial.step(),
                    initial.learningRate(), defaultEpochsPerSecond, null);
            return register(new Session(Ids.next(), Ids.next(), null, config, dataset, trainer, state,
                    List.of(initial), Predictions.compute(trainer, dataset), pool));
        }, pool.executor());
        return releaseSlotOnFailure(created);
    }

    /** Copies {@code source} (configuration, seed, weights, optimizer state, history) into a new session. */
    public CompletableFuture<Session> fork(Session source) {
        if (source.state().status() == Status.DIVERGED) {
            throw new CommandRejectedException(CommandRejectedException.Reason.INVALID_STATE,
                    "a diverged session cannot be forked; fork it before it diverges or reset it",
                    "status", "diverged", "ready, running, paused or finished");
        }
        reserveSlot();
        CompletableFuture<Session> forked = source.captureForFork().thenApplyAsync(copy -> {
            Trainer trainer = Trainers.restore(copy.config(), copy.dataset(), copy.trainerState());
            Status status = copy.state().epoch() == 0 && copy.state().step() == 0 ? Status.READY
                    : trainer.finished() ? Status.FINISHED : Status.PAUSED;
            SessionState state = new SessionState(status, trainer.epoch(), trainer.step(),
                    copy.state().learningRate(), copy.state().epochsPerSecond(), null);
            return register(new Session(Ids.next(), Ids.next(), copy.sourceId(), copy.config(), copy.dataset(),
                    trainer, state, copy.history(), Predictions.compute(trainer, copy.dataset()), pool));
        }, pool.executor());
        return releaseSlotOnFailure(forked);
    }

    /** Closes and removes every session unused for longer than the idle limit. */
    void expireIdle() {
        long threshold = System.nanoTime() - limits.idleSeconds() * 1_000_000_000L;
        for (Session session : sessions.values()) {
            if (session.isIdleSince(threshold)) {
                remove(session, "expired after " + limits.idleSeconds() + " seconds without use");
            }
        }
    }

    @Override
    public void close() {
        for (Session session : sessions.values()) {
            remove(session, "the server is shutting down");
        }
    }

    private void remove(Session session, String reason) {
        if (sessions.remove(session.id(), session)) {
            slotsTaken.decrementAndGet();
            session.close(reason);
            LOG.info("session {} closed: {}", session.id(), reason);
        }
    }

    private Session register(Session session) {
        sessions.put(session.id(), session);
        if (session.forkedFrom() != null) {
            LOG.info("session {} forked from {} at epoch {}", session.id(), session.forkedFrom(), session.state().epoch());
        } else {
            LOG.info("session {} created: {} hidden layers on '{}'", session.id(),
                    session.history().get(0).layers().size() - 1, session.config().data().dataset());
        }
        return session;
    }

    private void reserveSlot() {
        int taken = slotsTaken.incrementAndGet();
        if (taken > limits.maxSessions()) {
            slotsTaken.decrementAndGet();
            throw new TooManySessionsException(limits.maxSessions());
        }
    }

    private CompletableFuture<Session> releaseSlotOnFailure(CompletableFuture<Session> future) {
        return future.whenComplete((session, failure) -> {
            if (failure != null) {
                slotsTaken.decrementAndGet();
            }
        });
    }
}
