package dev.layerscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerscope.config.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RunCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return RunCommand.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private List<String> errorLines() {
        return stderr.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> filesInFolder() throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyPresetWritesOneLinePerEpoch() throws IOException {
        for (String preset : Presets.names()) {
            Path out = folder.resolve(preset + ".jsonl");
            int depth = Presets.load(preset).network().hiddenLayers().size();

            int status = run("--preset", preset, "--epochs", "2", "--out", out.toString());

            assertEquals(0, status, preset + ": " + stderr);
            List<String> lines = Files.readAllLines(out);
            assertEquals(3, lines.size(), preset + ": initialization and two epochs");
            for (int epoch = 0; epoch < lines.size(); epoch++) {
                JsonNode stats = MAPPER.readTree(lines.get(epoch));
                assertEquals(epoch, stats.get("epoch").asInt(), preset);
                assertEquals(depth + 1, stats.get("layers").size(), preset + " layers");
                assertTrue(stats.get("trainLoss").isNumber(), preset + " trainLoss");
                assertTrue(stats.get("layers").get(0).get("preActivation").get("histogram").get("counts").isArray(), preset);
            }
        }
        assertEquals(Presets.names().size(), filesInFolder().size(), "no temporary files left: " + filesInFolder());
    }

    @Test
    void progressGoesToStandardError() {
        int status = run("--preset", "relu-he", "--epochs", "2", "--seed", "5");

        assertEquals(0, status);
        List<String> progress = errorLines();
        assertEquals(3, progress.size(), progress.toString());
        assertTrue(progress.get(2).startsWith("epoch 2/2"), progress.get(2));
        assertTrue(progress.get(2).contains("samples/s"), progress.get(2));
        assertEquals(3, stdout.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void invalidConfigListsEachFieldAndWritesNothing() throws IOException {
        Path config = folder.resolve("bad.json");
        Files.writeString(config, "{\"network\": {\"width\": 0, \"activation\": \"relu6\"}, \"training\": {\"epochs\": -3}}");
        Path out = folder.resolve("out.jsonl");

        int status = run("--config", config.toString(), "--out", out.toString());

        assertEquals(RunCommand.INVALID_INPUT, status);
        List<String> lines = errorLines();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("network.width: invalid value 0; allowed: an integer from 1 to 1024"), lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.contains("network.activation: invalid value \"relu6\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("training.epochs: invalid value -3")), lines.toString());
        assertEquals(List.of("bad.json"), filesInFolder());
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void divergedRunKeepsLinesAndExitsNonZero() throws IOException {
        Path config = folder.resolve("huge.json");
        Files.writeString(config, """
                {"seed": 1, "data": {"dataset": "spirals", "samples": 200},
                 "network": {"depth": 6, "width": 16, "activation": "leaky-relu"},
                 "training": {"learningRate": 1000, "batchSize": 20, "epochs": 5}}
                """);
        Path out = folder.resolve("huge.jsonl");

        int status = run("--config", config.toString(), "--out", out.toString());

        assertEquals(RunCommand.DIVERGED, status);
        assertEquals(1, Files.readAllLines(out).size(), "the statistics at initialization");
        String last = errorLines().get(errorLines().size() - 1);
        assertTrue(last.contains("diverged at step"), last);
        assertTrue(last.contains("of layer"), last);
    }

    @Test
    void badOptionsAreRejected() {
        assertEquals(RunCommand.INVALID_INPUT, run("--preset", "relu-he", "--epochs", "zero"));
        assertEquals(RunCommand.INVALID_INPUT, run("--preset", "relu-he", "--config", "x.json"));
        assertEquals(RunCommand.INVALID_INPUT, run("--preset", "nope"));
        assertEquals(RunCommand.INVALID_INPUT, run("--verbose", "1"));
        assertEquals(RunCommand.INVALID_INPUT, run("--config", folder.resolve("missing.json").toString()));
        assertEquals(5, errorLines().size(), errorLines().toString());
        assertTrue(errorLines().get(0).contains("--epochs: invalid value zero"), errorLines().get(0));
    }

    @Test
    void unwritableOutputFails() {
        Path out = folder.resolve("no-such-folder").resolve("out.jsonl");

        int status = run("--preset", "relu-he", "--epochs", "1", "--out", out.toString());

        assertEquals(RunCommand.WRITE_FAILED, status);
        assertFalse(Files.exists(out));
    }

    @Test
    void outputFolderProblemsFailBeforeTraining() throws IOException {
        Path missingFolder = folder.resolve("no-such-folder").resolve("out.jsonl");

        int missing = run("--preset", "relu-he", "--epochs", "1", "--out", missingFolder.toString());
        int isFolder = run("--preset", "relu-he", "--epochs", "1", "--out", folder.toString());

        assertEquals(RunCommand.WRITE_FAILED, missing);
        assertEquals(RunCommand.WRITE_FAILED, isFolder);
        assertTrue(Files.isDirectory(folder));
        assertEquals(2, errorLines().size(), "no progress lines, one error each: " + errorLines());
        assertTrue(errorLines().get(0).contains("does not exist"), errorLines().get(0));
        assertTrue(errorLines().get(1).contains("is a folder"), errorLines().get(1));
    }

    @Test
    void fullStandardOutputFails() {
        PrintStream full = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true, StandardCharsets.UTF_8);

        int status = RunCommand.execute(new String[] {"--preset", "relu-he", "--epochs", "1"}, full,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertEquals(RunCommand.WRITE_FAILED, status);
        assertTrue(errorLines().get(errorLines().size() - 1).contains("standard output"), errorLines().toString());
    }

    @Test
    void inputProblemsGetOneLineEach() throws IOException {
        Path empty = Files.writeString(folder.resolve("empty.json"), "");
        Path latin1 = Files.write(folder.resolve("latin1.json"), new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':',
                '"', (byte) 0xE9, '"', '}'});
        Path noImages = Files.writeString(folder.resolve("folder.json"),
                "{\"data\": {\"dataset\": \"mnist\", \"directory\": \"" + folder.toString().replace("\\", "/") + "\"}}");

        assertEquals(RunCommand.INVALID_INPUT, run("--config", empty.toString()));
        assertEquals(RunCommand.INVALID_INPUT, run("--config", latin1.toString()));
        assertEquals(RunCommand.INVALID_INPUT, run("--config", noImages.toString(), "--epochs", "1"));
        assertEquals(RunCommand.INVALID_INPUT, run("--preset", "relu-he", "--verbose"));
        assertEquals(RunCommand.INVALID_INPUT, run("--preset", "relu-he", "--out", ""));

        List<String> lines = errorLines();
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("(document): invalid value empty"), lines.get(0));
        assertTrue(lines.get(1).contains("not valid UTF-8"), lines.get(1));
        assertTrue(lines.get(2).contains("could not load dataset mnist"), lines.get(2));
        assertTrue(lines.get(3).contains("unknown option --verbose"), lines.get(3));
        assertTrue(lines.get(4).contains("--out needs a value"), lines.get(4));
    }

    @Test
    void configFileProblemsNameTheFile() throws IOException {
        Path missing = folder.resolve("missing.json");
        Path large = Files.writeString(folder.resolve("large.json"),
                "{}" + " ".repeat(RunCommand.MAX_CONFIG_FILE_BYTES));

        assertEquals(RunCommand.INVALID_INPUT, run("--config", missing.toString()));
        assertEquals(RunCommand.INVALID_INPUT, run("--config", folder.toString()));
        assertEquals(RunCommand.INVALID_INPUT, run("--config", large.toString()));

        List<String> lines = errorLines();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(missing + ": no such file"), lines.get(0));
        assertTrue(lines.get(1).contains(folder + " is a folder"), lines.get(1));
        assertTrue(lines.get(2).contains(large + " is larger than " + RunCommand.MAX_CONFIG_FILE_BYTES + " bytes"),
                lines.get(2));
    }

    @Test
    void outputFileGetsDefaultPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path reference = Files.createFile(folder.resolve("reference.txt"));
        Path out = folder.resolve("stats.jsonl");

        int status = run("--preset", "relu-he", "--epochs", "1", "--out", out.toString());

        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
    }

    @Test
    void endlessConfigFileIsRejected() {
        Path zeros = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zeros), "/dev/zero is not available");

        int status = run("--config", zeros.toString());

        assertEquals(RunCommand.INVALID_INPUT, status);
        assertTrue(errorLines().get(0).contains("is larger than"), errorLines().toString());
    }

    @Test
    void namedPipeOutputIsWrittenNotReplaced() throws Exception {
        Path pipe = folder.resolve("stats.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllLines(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        int status = run("--preset", "relu-he", "--epochs", "1", "--out", pipe.toString());

        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        assertEquals(2, read.get(30, TimeUnit.SECONDS).size(), "initialization and one epoch");
        assertFalse(Files.isRegularFile(pipe), "the pipe must not be replaced by a file");
        assertEquals(List.of("stats.pipe"), filesInFolder());
    }
}
