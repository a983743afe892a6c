package dev.layerscope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * The destination of the {@code run} command's JSON Lines: standard output, line by line, or a file that
 * appears only complete. File output goes to a temporary file in the target's folder, which
 * {@link #commit()} moves into place; closing without a commit deletes it. A target that exists and is
 * not a regular file, such as {@code /dev/stdout} or a named pipe, is written to directly, because
 * moving a file onto it would replace the device or pipe itself.
 */
final class LineSink implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrintStream stdout;
    private final Path target;
    private final Path temporary;
    private final BufferedWriter writer;
    private boolean committed;

    private LineSink(PrintStream stdout, Path target, Path temporary, BufferedWriter writer) {
        this.stdout = stdout;
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    /**
     * Opens the output before training starts, so that a target that cannot be written fails at once.
     *
     * @throws IOException naming the target when it is a folder or its folder does not exist
     */
    static LineSink open(Path target, PrintStream stdout) throws IOException {
        if (target == null) {
            return new LineSink(stdout, null, null, null);
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder; give a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return new LineSink(null, target, null, Files.newBufferedWriter(target, StandardCharsets.UTF_8));
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist; create it first");
        }
        Path temporary = createTemporary(folder, target);
        return new LineSink(null, target, temporary, Files.newBufferedWriter(temporary, StandardCharsets.UTF_8));
    }

    /**
     * Creates the hidden file that the lines go to until the commit. {@code Files.createTempFile} would
     * create it readable by its owner only, and the output would keep those permissions, so this file
     * gets the default ones (the umask's) like any file the user creates.
     */
    private static Path createTemporary(Path folder, Path target) throws IOException {
        while (true) {
            String suffix = Long.toUnsignedString(RANDOM.nextLong(), Character.MAX_RADIX);
            try {
                return Files.createFile(folder.resolve("." + target.getFileName() + "." + suffix + ".part"));
            } catch (FileAlreadyExistsException e) {
                // Another run chose the same name; draw another.
            }
        }
    }

    void write(String line) throws IOException {
        if (writer == null) {
            stdout.println(line);
            stdout.flush();
            // PrintStream keeps write errors to itself; a full disk or a closed pipe must fail the run.
            if (stdout.checkError()) {
                throw new IOException("standard output could not be written");
            }
        } else {
            writer.write(line);
            writer.write('\n');
        }
    }

    /** Moves the finished file into place, replacing any earlier file of that name. */
    void commit() throws IOException {
        if (writer == null) {
            return;
        }
        writer.close();
        if (temporary == null) {
            committed = true;
            return;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (writer != null && !committed) {
            writer.close();
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
