package dev.layerscope.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Parsed options of the {@code run} command. Exactly one of {@code preset} and {@code configFile} is
 * set; {@code epochs} and {@code seed} are null when not given.
 */
record RunOptions(String preset, Path configFile, Integer epochs, Long seed, Path out) {

    static final String USAGE = "usage: run (--preset NAME | --config FILE) [--epochs N] [--seed S] [--out FILE]";

    private static final List<String> OPTIONS = List.of("--preset", "--config", "--epochs", "--seed", "--out");

    /**
     * Parses the arguments after {@code run}.
     *
     * @throws IllegalArgumentException with a one-line message when an option is unknown, repeated,
     *                                  lacks its value or has an invalid one
     */
    static RunOptions parse(String[] args) {
        String preset = null;
        Path configFile = null;
        Integer epochs = null;
        Long seed = null;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
            if (i + 1 >= args.length || args[i + 1].isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (option) {
                case "--preset" -> preset = once(option, preset, value);
                case "--config" -> configFile = Path.of(once(option, configFile, value));
                case "--epochs" -> epochs = Integer.valueOf((int) parseLong(option, once(option, epochs, value), 1, 10_000));
                case "--seed" -> seed = parseLong(option, once(option, seed, value), Long.MIN_VALUE, Long.MAX_VALUE);
                case "--out" -> out = Path.of(once(option, out, value));
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        if ((preset == null) == (configFile == null)) {
            throw new IllegalArgumentException("give exactly one of --preset and --config; " + USAGE);
        }
        return new RunOptions(preset, configFile, epochs, seed, out);
    }

    private static String once(String option, Object previous, String value) {
        if (previous != null) {
            throw new IllegalArgumentException(option + " is given twice");
        }
        return value;
    }

    private static long parseLong(String option, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": invalid value " + value + "; allowed: an integer from "
                    + min + " to " + max, e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(option + ": invalid value " + value + "; allowed: an integer from "
                    + min + " to " + max);
        }
        return parsed;
    }
}
