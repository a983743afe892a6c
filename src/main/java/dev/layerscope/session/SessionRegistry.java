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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
    private final TrainerBudget budget;
    /** The bytes each live session's trainer has reserved in {@link #budget}, by session id. */
    private final Map<String, Long> trainerBytes = new ConcurrentHashMap<>();
    private final DatasetReservations datasetMemory;
    /** The dataset each live session trains on, counted in {@link #datasetMemory}, by session id. */
    private final Map<String, Dataset> sessionDatasets = new ConcurrentHashMap<>();
    private final ClientQuota quota;
    /** The client that created each live session, by session id. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    public SessionRegistry(Limits limits, TrainingPool pool, double defaultEpochsPerSecond) {
        this.limits = limits;
        this.pool = pool;
        this.defaultEpochsPerSecond = defaultEpochsPerSecond;
        this.uploads = new UploadStore(limits);
        this.datasets = new DatasetCache(uploads);
        this.budget = new TrainerBudget(limits.maxTotalTrainerMegabytes());
        this.datasetMemory = new DatasetReservations(budget);
        this.quota = new ClientQuota(limits.maxSessionsPerClient());
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
        }, pool.buildExecutor());
    }

    /**
     * Builds a session from a valid configuration for {@code client} (the address that asked).
     * Throws {@link ConfigException} for a limit that needs no dataset and
     * {@link TooManySessionsException} at the server's or the client's session limit; the future
     * fails with {@link ConfigException} when the network has too many parameters.
     */
    public CompletableFuture<Session> create(RunConfig config, String client) {
        ConfigLimits.check(config, limits);
        reserveSlot(client);
        CompletableFuture<Session> created = loadDataset(config).thenApplyAsync(dataset -> withBudget(
                Reservation.of(config, dataset), () -> {
                    Trainer trainer = Trainers.build(config, dataset);
                    EpochStats initial = trainer.initialStats();
                    SessionState state = new SessionState(Status.READY, initial.epoch(), initial.step(),
                            initial.learningRate(), defaultEpochsPerSecond, null);
                    return new Session(Ids.next(), Ids.next(), null, config, dataset, trainer, state,
                            List.of(initial), Predictions.compute(trainer, dataset), pool);
                }, client), pool.buildExecutor());
        return releaseSlotOnFailure(created, client);
    }

    /**
     * Copies {@code source} (configuration, seed, weights, optimizer state, history) into a new
     * session owned by {@code client}, within the same limits as {@link #create}.
     */
    public CompletableFuture<Session> fork(Session source, String client) {
        if (source.state().status() == Status.DIVERGED) {
            throw StatusRules.divergedFork();
        }
        reserveSlot(client);
        CompletableFuture<Session> forked = source.captureForFork().thenApplyAsync(copy -> withBudget(
                Reservation.of(copy.config(), copy.dataset()), () -> {
                    Trainer trainer = Trainers.restore(copy.config(), copy.dataset(), copy.trainerState());
                    Status status = copy.state().epoch() == 0 && copy.state().step() == 0 ? Status.READY
                            : trainer.finished() ? Status.FINISHED : Status.PAUSED;
                    SessionState state = new SessionState(status, trainer.epoch(), trainer.step(),
                            copy.state().learningRate(), copy.state().epochsPerSecond(), null);
                    return new Session(Ids.next(), Ids.next(), copy.sourceId(), copy.config(), copy.dataset(),
                            trainer, state, copy.history(), Predictions.compute(trainer, copy.dataset()), pool);
                }, client), pool.buildExecutor());
        return releaseSlotOnFailure(forked, client);
    }

    /**
     * Checks {@code config} against the limits and the memory left for trainers, then rebuilds
     * {@code session} with it. The future fails with {@link ConfigException} when a limit is exceeded.
     */
    public CompletableFuture<Void> applyConfig(Session session, RunConfig config) {
        // Commands that arrive while the dataset loads apply to the new configuration.
        session.expectRebuild();
        AtomicBoolean requested = new AtomicBoolean();
        CompletableFuture<Void> applied;
        try {
            applied = loadDataset(config).thenCompose(dataset -> {
                long bytes = Trainer.estimateMemoryBytes(config, dataset);
                budget.reserve(bytes);
                try {
                    datasetMemory.acquire(dataset, config.data().dataset());
                } catch (RuntimeException e) {
                    budget.release(bytes);
                    throw e;
                }
                requested.set(true);
                return rebuildWithin(session, config, dataset, bytes);
            });
        } catch (RuntimeException e) {
            session.abandonRebuild();
            throw e;
        }
        return applied.whenComplete((ignored, failure) -> {
            if (failure != null && !requested.get()) {
                session.abandonRebuild();
            }
        });
    }

    /** Rebuilds {@code session} with {@code bytes} of the budget reserved, and moves its reservation to them. */
    private CompletableFuture<Void> rebuildWithin(Session session, RunConfig config, Dataset dataset, long bytes) {
        return session.applyConfig(config, dataset).whenComplete((ignored, failure) -> {
            if (failure != null || session.isClosed()) {
                budget.release(bytes);
                datasetMemory.release(dataset);
            } else {
                Long previous = trainerBytes.put(session.id(), bytes);
                budget.release(previous == null ? 0 : previous);
                Dataset previousDataset = sessionDatasets.put(session.id(), dataset);
                if (previousDataset != null) {
                    datasetMemory.release(previousDataset);
                }
            }
        });
    }

    /** Returns the trainer memory that live sessions have reserved, as the engine estimates it. */
    public long reservedTrainerBytes() {
        // Datasets reserve their bytes in the budget under this lock, so the difference is consistent.
        synchronized (datasetMemory) {
            return budget.reservedBytes() - datasetMemory.reservedBytes();
        }
    }

    /** Returns the memory that the datasets of live sessions have reserved, each shared instance once. */
    public long reservedDatasetBytes() {
        return datasetMemory.reservedBytes();
    }

    /** The memory a session being built takes from the budget: its trainer's estimate and its dataset. */
    private record Reservation(long trainerBytes, Dataset dataset, String datasetName) {

        static Reservation of(RunConfig config, Dataset dataset) {
            return new Reservation(Trainer.estimateMemoryBytes(config, dataset), dataset, config.data().dataset());
        }
    }

    /** Reserves the budget for a session, builds it and registers it. A failed build releases the reservation. */
    private Session withBudget(Reservation reservation, Supplier<Session> build, String client) {
        budget.reserve(reservation.trainerBytes());
        try {
            datasetMemory.acquire(reservation.dataset(), reservation.datasetName());
        } catch (RuntimeException e) {
            budget.release(reservation.trainerBytes());
            throw e;
        }
        try {
            Session session = build.get();
            trainerBytes.put(session.id(), reservation.trainerBytes());
            sessionDatasets.put(session.id(), reservation.dataset());
            owners.put(session.id(), client);
            return register(session);
        } catch (RuntimeException | OutOfMemoryError e) {
            budget.release(reservation.trainerBytes());
            datasetMemory.release(reservation.dataset());
            throw e;
        }
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
            Long bytes = trainerBytes.remove(session.id());
            budget.release(bytes == null ? 0 : bytes);
            Dataset dataset = sessionDatasets.remove(session.id());
            if (dataset != null) {
                datasetMemory.release(dataset);
            }
            String client = owners.remove(session.id());
            if (client != null) {
                quota.release(client);
            }
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

    /** Takes a place among the server's sessions and among {@code client}'s, or throws at either limit. */
    private void reserveSlot(String client) {
        quota.reserve(client);
        int taken = slotsTaken.incrementAndGet();
        if (taken > limits.maxSessions()) {
            slotsTaken.decrementAndGet();
            quota.release(client);
            throw TooManySessionsException.onServer(limits.maxSessions());
        }
    }

    private CompletableFuture<Session> releaseSlotOnFailure(CompletableFuture<Session> future, String client) {
        return future.whenComplete((session, failure) -> {
            if (failure != null) {
                slotsTaken.decrementAndGet();
                quota.release(client);
            }
        });
    }

    /** Returns the live sessions that {@code client} owns. */
    public int ownedBy(String client) {
        return quota.owned(client);
    }
}
