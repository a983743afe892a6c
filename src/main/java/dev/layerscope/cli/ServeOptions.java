package dev.layerscope.cli;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.session.Limits;
import dev.layerscope.web.ServerSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the server's settings from {@code --name value} flags and {@code LAYERSCOPE_NAME}
 * environment variables (flags win). Every option is listed in {@link #NAMES} and in
 * {@code docs/server.md}.
 */
final class ServeOptions {

    static final List<String> NAMES = List.of("host", "port", "frame-ancestors", "training-threads", "default-speed",
            "max-queued-bytes", "send-timeout-seconds", "max-parameters", "max-trainer-megabytes",
            "max-total-trainer-megabytes", "max-layers", "max-width", "max-epochs",
            "max-samples", "max-histogram-bins", "max-unit-sample", "max-history-rows", "max-sessions",
            "max-sessions-per-client", "max-viewers", "max-connections-per-client", "max-upload-bytes", "max-uploads", "max-message-bytes", "commands-per-second", "max-epochs-per-second", "idle-seconds");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();

    private ServeOptions() {
    }

    /** Parses flags and environment; throws {@link ConfigException} naming every invalid option. */
    static ServerSettings parse(String[] args, Map<String, String> environment) {
        ServeOptions options = new ServeOptions();
        options.readEnvironment(environment);
        options.readFlags(args);
        ServerSettings settings = options.build();
        if (!options.errors.isEmpty()) {
            throw new ConfigException(options.errors);
        }
        return settings;
    }

    static String environmentName(String option) {
        return "LAYERSCOPE_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private void readEnvironment(Map<String, String> environment) {
        for (String name : NAMES) {
            String value = environment.get(environmentName(name));
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
    }

    private void readFlags(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                errors.add(new FieldError("argument", arg, "--name value options: " + String.join(", ", NAMES)));
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            }
            if (!NAMES.contains(name)) {
                errors.add(new FieldError("--" + name, arg, "one of --" + String.join(", --", NAMES)));
            } else if (value == null) {
                errors.add(new FieldError("--" + name, "(missing)", "a value after --" + name));
            } else {
                values.put(name, value);
            }
        }
    }

    private ServerSettings build() {
        ServerSettings defaults = ServerSettings.defaults(ServerSettings.DEFAULT_PORT);
        Limits l = Limits.DEFAULTS;
        Limits limits = limits(l);
        String frameAncestors = values.getOrDefault("frame-ancestors", defaults.frameAncestors());
        if (frameAncestors.isBlank() || frameAncestors.matches(".*[;,\\r\\n].*")) {
            errors.add(new FieldError("--frame-ancestors", frameAncestors,
                    "CSP sources separated by spaces, for example * or 'self' https://course.example.org"));
        }
        return new ServerSettings(values.getOrDefault("host", defaults.host()),
                (int) integer("port", defaults.port(), 0, 65535), frameAncestors,
                (int) integer("training-threads", defaults.trainingThreads(), 1, 256),
                decimal("default-speed", defaults.defaultEpochsPerSecond(), limits == null ? 0 : limits.maxEpochsPerSecond()),
                integer("max-queued-bytes", defaults.maxQueuedChars(), 64 * 1024, Integer.MAX_VALUE),
                (int) integer("send-timeout-seconds", defaults.sendTimeoutSeconds(), 1, 3600),
                defaults.helloTimeoutSeconds(), defaults.pingSeconds(), limits == null ? l : limits);
    }

    private Limits limits(Limits l) {
        int before = errors.size();
        long maxParameters = integer("max-parameters", l.maxParameters(), 1, Long.MAX_VALUE);
        int maxTrainerMegabytes = (int) integer("max-trainer-megabytes", l.maxTrainerMegabytes(), 1, 1_048_576);
        int maxLayers = (int) integer("max-layers", l.maxLayers(), 1, 64);
        int maxWidth = (int) integer("max-width", l.maxWidth(), 1, 1024);
        int maxEpochs = (int) integer("max-epochs", l.maxEpochs(), 1, 10_000);
        int maxSamples = (int) integer("max-samples", l.maxSamples(), 10, 100_000);
        int maxBins = (int) integer("max-histogram-bins", l.maxHistogramBins(), 2, 200);
        int maxUnitSample = (int) integer("max-unit-sample", l.maxUnitSample(), 1, 256);
        long maxHistoryRows = integer("max-history-rows", l.maxHistoryRows(), 1, Long.MAX_VALUE);
        int maxSessions = (int) integer("max-sessions", l.maxSessions(), 1, 1_000_000);
        int maxViewers = (int) integer("max-viewers", l.maxViewersPerSession(), 1, 1_000_000);
        long maxUpload = integer("max-upload-bytes", l.maxUploadBytes(), 1024, 1L << 30);
        int maxUploads = (int) integer("max-uploads", l.maxUploads(), 1, 10_000);
        int maxMessage = (int) integer("max-message-bytes", l.maxMessageBytes(), 1024, 1024 * 1024);
        int commandsPerSecond = (int) integer("commands-per-second", l.commandsPerSecond(), 1, 10_000);
        int maxSpeed = (int) integer("max-epochs-per-second", l.maxEpochsPerSecond(), 1, 10_000);
        int idleSeconds = (int) integer("idle-seconds", l.idleSeconds(), 1, 30 * 24 * 3600);
        int maxTotalTrainerMegabytes = (int) integer("max-total-trainer-megabytes", l.maxTotalTrainerMegabytes(), 1,
                Integer.MAX_VALUE);
        int maxSessionsPerClient = (int) integer("max-sessions-per-client", l.maxSessionsPerClient(), 1, 1_000_000);
        int maxConnectionsPerClient = (int) integer("max-connections-per-client", l.maxConnectionsPerClient(), 1, 1_000_000);
        if (errors.size() > before) {
            return null;
        }
        return new Limits(maxParameters, maxTrainerMegabytes, maxLayers, maxWidth, maxEpochs, maxSamples, maxBins, maxUnitSample,
                maxHistoryRows, maxSessions, maxViewers, maxUpload, maxUploads, maxMessage, commandsPerSecond, maxSpeed, idleSeconds,
                maxTotalTrainerMegabytes, maxSessionsPerClient, maxConnectionsPerClient);
    }

    private long integer(String name, long fallback, long min, long max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        errors.add(new FieldError("--" + name, text, "an integer from " + min + " to " + max));
        return fallback;
    }

    private double decimal(String name, double fallback, double max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        errors.add(new FieldError("--" + name, text, "a number from 0 (no cap) to " + max + " epochs per second"));
        return fallback;
    }
}
