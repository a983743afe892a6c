package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's limits, documented in {@code docs/server.md}. Every one can be changed by a flag or
 * an environment variable. They protect the machine that all users share: configurations beyond
 * them are rejected with an error that names the limit, never clamped.
 *
 * @param maxParameters        weights, biases and batch-norm parameters of one network
 * @param maxTrainerMegabytes  memory of one trainer (parameters, optimizer state, per-sample buffers) as
 *                             the engine estimates it, in MiB; the dataset is not counted
 * @param maxLayers            hidden layers of one network
 * @param maxWidth             units of one hidden layer
 * @param maxEpochs            {@code training.epochs}
 * @param maxSamples           {@code data.samples}
 * @param maxHistogramBins     {@code stats.histogramBins}
 * @param maxUnitSample        {@code stats.unitSample}, the units per layer sent to the page
 * @param maxHistoryRows       statistics a run may keep, counted as snapshots times layers (one CSV row
 *                             each); a snapshot is taken every epoch and every {@code stats.everySteps} steps
 * @param maxSessions          sessions that exist at once on the server
 * @param maxViewersPerSession open connections to one session, the owner's included
 * @param maxUploadBytes       body of a dataset upload
 * @param maxUploads           uploaded datasets kept at once; beyond it the least recently used is dropped
 * @param maxMessageBytes      JSON request body or WebSocket message
 * @param commandsPerSecond    WebSocket messages per second and connection (bursts of twice as many pass)
 * @param maxEpochsPerSecond   the highest speed cap an owner may set (0 always means no cap)
 * @param idleSeconds          a session without connections or requests for this long is removed
 * @param maxTotalTrainerMegabytes memory of every session's trainer together, as the engine estimates it,
 *                             in MiB; by default half of the JVM's maximum heap ({@code -Xmx})
 * @param maxSessionsPerClient sessions that one client address may own at once, so that one browser or
 *                             script cannot take every session of {@code maxSessions}
 * @param maxConnectionsPerClient WebSocket connections that one client address may hold open at once, so
 *                             that one script cannot use up the server's file descriptors
 */
public record Limits(long maxParameters, int maxTrainerMegabytes, int maxLayers, int maxWidth, int maxEpochs, int maxSamples,
                     int maxHistogramBins, int maxUnitSample, long maxHistoryRows, int maxSessions, int maxViewersPerSession,
                     long maxUploadBytes, int maxUploads, int maxMessageBytes, int commandsPerSecond, int maxEpochsPerSecond,
                     int idleSeconds, int maxTotalTrainerMegabytes, int maxSessionsPerClient,
                     int maxConnectionsPerClient) {

    /** Default of {@code maxSessionsPerClient}: room for a class behind one address, each student with a comparison. */
    public static final int DEFAULT_SESSIONS_PER_CLIENT = 50;

    /** Default of {@code maxConnectionsPerClient}: a class of a few hundred behind one address, with several tabs each. */
    public static final int DEFAULT_CONNECTIONS_PER_CLIENT = 2000;

    public static final Limits DEFAULTS = new Limits(1_000_000, 256, 64, 1024, 2000, 60_000, 100, 64, 200_000, 200, 500,
            10L * 1024 * 1024, 20, 64 * 1024, 10, 100, 1800);

    /** Limits with {@code maxTotalTrainerMegabytes} at its default, half of the JVM's maximum heap. */
    public Limits(long maxParameters, int maxTrainerMegabytes, int maxLayers, int maxWidth, int maxEpochs, int maxSamples,
                  int maxHistogramBins, int maxUnitSample, long maxHistoryRows, int maxSessions, int maxViewersPerSession,
                  long maxUploadBytes, int maxUploads, int maxMessageBytes, int commandsPerSecond, int maxEpochsPerSecond,
                  int idleSeconds) {
        this(maxParameters, maxTrainerMegabytes, maxLayers, maxWidth, maxEpochs, maxSamples, maxHistogramBins,
                maxUnitSample, maxHistoryRows, maxSessions, maxViewersPerSession, maxUploadBytes, maxUploads,
                maxMessageBytes, commandsPerSecond, maxEpochsPerSecond, idleSeconds, defaultTotalTrainerMegabytes(),
                DEFAULT_SESSIONS_PER_CLIENT, DEFAULT_CONNECTIONS_PER_CLIENT);
    }

    /** Returns half of the JVM's maximum heap in MiB, the default of {@code maxTotalTrainerMegabytes}. */
    public static int defaultTotalTrainerMegabytes() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / (1024 * 1024)));
    }

    /** Returns these limits with another {@code maxTotalTrainerMegabytes}. */
    public Limits withMaxTotalTrainerMegabytes(int megabytes) {
        return new Limits(maxParameters, maxTrainerMegabytes, maxLayers, maxWidth, maxEpochs, maxSamples,
                maxHistogramBins, maxUnitSample, maxHistoryRows, maxSessions, maxViewersPerSession, maxUploadBytes,
                maxUploads, maxMessageBytes, commandsPerSecond, maxEpochsPerSecond, idleSeconds, megabytes,
                maxSessionsPerClient, maxConnectionsPerClient);
    }

    /** Returns these limits with another {@code maxSessionsPerClient}. */
    public Limits withMaxSessionsPerClient(int sessions) {
        return new Limits(maxParameters, maxTrainerMegabytes, maxLayers, maxWidth, maxEpochs, maxSamples,
                maxHistogramBins, maxUnitSample, maxHistoryRows, maxSessions, maxViewersPerSession, maxUploadBytes,
                maxUploads, maxMessageBytes, commandsPerSecond, maxEpochsPerSecond, idleSeconds, maxTotalTrainerMegabytes,
                sessions, maxConnectionsPerClient);
    }

    /** Returns these limits with another {@code maxConnectionsPerClient}. */
    public Limits withMaxConnectionsPerClient(int connections) {
        return new Limits(maxParameters, maxTrainerMegabytes, maxLayers, maxWidth, maxEpochs, maxSamples,
                maxHistogramBins, maxUnitSample, maxHistoryRows, maxSessions, maxViewersPerSession, maxUploadBytes,
                maxUploads, maxMessageBytes, commandsPerSecond, maxEpochsPerSecond, idleSeconds, maxTotalTrainerMegabytes,
                maxSessionsPerClient, connections);
    }

    public Limits {
        List<FieldError> errors = new ArrayList<>();
        requirePositive(errors, "maxParameters", maxParameters);
        requirePositive(errors, "maxTrainerMegabytes", maxTrainerMegabytes);
        requirePositive(errors, "maxLayers", maxLayers);
        requirePositive(errors, "maxWidth", maxWidth);
        requirePositive(errors, "maxEpochs", maxEpochs);
        requirePositive(errors, "maxSamples", maxSamples);
        requirePositive(errors, "maxHistogramBins", maxHistogramBins);
        requirePositive(errors, "maxUnitSample", maxUnitSample);
        requirePositive(errors, "maxHistoryRows", maxHistoryRows);
        requirePositive(errors, "maxSessions", maxSessions);
        requirePositive(errors, "maxViewersPerSession", maxViewersPerSession);
        requirePositive(errors, "maxUploadBytes", maxUploadBytes);
        requirePositive(errors, "maxUploads", maxUploads);
        requirePositive(errors, "maxMessageBytes", maxMessageBytes);
        requirePositive(errors, "commandsPerSecond", commandsPerSecond);
        requirePositive(errors, "maxEpochsPerSecond", maxEpochsPerSecond);
        requirePositive(errors, "idleSeconds", idleSeconds);
        requirePositive(errors, "maxTotalTrainerMegabytes", maxTotalTrainerMegabytes);
        requirePositive(errors, "maxSessionsPerClient", maxSessionsPerClient);
        requirePositive(errors, "maxConnectionsPerClient", maxConnectionsPerClient);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    private static void requirePositive(List<FieldError> errors, String field, long value) {
        if (value < 1) {
            errors.add(new FieldError(field, Long.toString(value), "an integer >= 1"));
        }
    }
}
