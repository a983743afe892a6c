package dev.layerscope.cli;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.Presets;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.DivergedException;
import dev.layerscope.training.StepResult;
import dev.layerscope.training.Trainer;
import dev.layerscope.web.protocol.StatsJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code run} command: trains one configuration headless and writes one JSON object per statistics
 * snapshot (initialization, every epoch, and every N steps when configured) as JSON Lines, with a
 * progress line per epoch on standard error.
 */
public final class RunCommand {

    /** Exit status when the options or the configuration are invalid. */
    public static final int INVALID_INPUT = 2;
    /** Exit status when training diverged; the lines up to the divergence are still written. */
    public static final int DIVERGED = 3;
    /**
     * Exit status when a signal (Ctrl+C, SIGTERM) stopped the run. The lines before it are kept, and the
     * process itself exits with the shell's status for the signal, such as 130 or 143.
     */
    public static final int INTERRUPTED = 130;
    /** Exit status when the output could not be written. */
    public static final int WRITE_FAILED = 1;
    /**
     * Maximum size of a {@code --config} file. A configuration is a few kilobytes, and the bound keeps
     * an endless input such as {@code /dev/zero} from exhausting the heap.
     */
    static final int MAX_CONFIG_FILE_BYTES = 1024 * 1024;

    private RunCommand() {
    }

    /** Runs the command with the arguments after {@code run} and returns the exit status. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        RunConfig config;
        RunOptions options;
        try {
            options = RunOptions.parse(args);
            config = loadConfig(options);
        } catch (ConfigException e) {
            printFieldErrors(e, err);
            return INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return INVALID_INPUT;
        } catch (CharacterCodingException e) {
            err.println("run: could not read the configuration file: it is not valid UTF-8 text; save it as UTF-8");
            return INVALID_INPUT;
        } catch (NoSuchFileException e) {
            err.println("run: could not read the configuration file " + e.getFile() + ": no such file");
            return INVALID_INPUT;
        } catch (IOException e) {
            err.println("run: could not read the configuration file: " + e.getMessage());
            return INVALID_INPUT;
        }
        Trainer trainer;
        try {
            Dataset dataset = Datasets.load(config.data(), config.seed());
            trainer = new Trainer(config, dataset);
        } catch (ConfigException e) {
            printFieldErrors(e, err);
            return INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("run: invalid configuration: " + e.getMessage());
            return INVALID_INPUT;
        } catch (UncheckedIOException e) {
            // A dataset folder (data.directory or LAYERSCOPE_DATASET_FOLDERS) without readable IDX files.
            err.println("run: could not load dataset " + config.data().dataset() + ": " + e.getMessage());
            return INVALID_INPUT;
        }
        StopSignal stop = StopSignal.install();
        try (LineSink sink = LineSink.open(options.out(), out)) {
            int status = train(trainer, sink, err, stop);
            sink.commit();
            return status;
        } catch (IOException e) {
            err.println("run: could not write " + options.out() + ": " + e.getMessage());
            return WRITE_FAILED;
        } finally {
            stop.finished();
        }
    }

    private static void printFieldErrors(ConfigException e, PrintStream err) {
        for (FieldError error : e.errors()) {
            err.println("invalid configuration: " + error.message());
        }
    }

    private static RunConfig loadConfig(RunOptions options) throws IOException {
        RunConfig config = options.preset() != null
                ? Presets.load(options.preset())
                : RunConfig.fromJson(readConfigFile(options.configFile()));
        if (options.epochs() != null) {
            config = config.withEpochs(options.epochs());
        }
        if (options.seed() != null) {
            config = config.withSeed(options.seed());
        }
        return config;
    }

    /** Reads a configuration file of at most {@link #MAX_CONFIG_FILE_BYTES} as UTF-8. */
    private static String readConfigFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder; give a configuration file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_CONFIG_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_CONFIG_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_CONFIG_FILE_BYTES
                    + " bytes; a configuration is a small JSON object (see the files in presets/)");
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static int train(Trainer trainer, LineSink sink, PrintStream err, StopSignal stop) throws IOException {
        int epochs = trainer.config().training().epochs();
        EpochStats initial = trainer.initialStats();
        sink.write(StatsJson.toLine(initial));
        reportProgress(err, initial, epochs);
        while (!trainer.finished()) {
            if (stop.requested()) {
                err.println("run: stopped by a signal at step " + trainer.step() + " with " + trainer.epoch()
                        + " of " + epochs + " epochs complete; the lines written so far are kept");
                return INTERRUPTED;
            }
            StepResult result;
            try {
                result = trainer.trainBatch();
            } catch (DivergedException e) {
                err.println("run: " + e.getMessage());
                return DIVERGED;
            }
            if (result.stats() != null) {
                sink.write(StatsJson.toLine(result.stats()));
                if (result.epochFinished()) {
                    reportProgress(err, result.stats(), epochs);
                }
            }
        }
        return 0;
    }

    private static void reportProgress(PrintStream err, EpochStats stats, int epochs) {
        err.println(String.format(Locale.ROOT, "epoch %d/%d  step %d  train loss %.4f  test loss %.4f  test accuracy %.3f  %.0f samples/s",
                stats.epoch(), epochs, stats.step(), stats.trainLoss(), stats.testLoss(), stats.testAccuracy(),
                stats.samplesPerSecond()));
    }
}
