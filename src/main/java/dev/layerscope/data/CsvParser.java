package dev.layerscope.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates a CSV file of numeric feature columns and one label column, and reports every
 * problem with its row and column before any of the data is used.
 *
 * <p>Format: UTF-8 (a byte order mark is skipped), one row per line, cells separated by commas, or by
 * semicolons or tabs when the first line contains more of those than commas. A cell may be quoted
 * with double quotes ({@code ""} inside quotes is one quote). Blank lines are skipped. Feature cells
 * must be finite decimal numbers such as {@code 3}, {@code -0.5} or {@code 1e-3}. Labels are any
 * non-empty text; each distinct label is one class.
 */
public final class CsvParser {

    /** At most this many problems are listed; a last line counts the rest. */
    static final int MAX_LISTED_PROBLEMS = 20;

    private final CsvOptions options;
    private final CsvLimits limits;
    private final List<CsvProblem> problems = new ArrayList<>();
    private int unlistedProblems;

    private CsvParser(CsvOptions options, CsvLimits limits) {
        this.options = options;
        this.limits = limits;
    }

    /**
     * Parses {@code bytes} as a CSV file.
     *
     * @throws CsvException listing every problem found (up to {@value #MAX_LISTED_PROBLEMS})
     */
    public static CsvTable parse(byte[] bytes, CsvOptions options, CsvLimits limits) {
        return new CsvParser(options, limits).parseChecked(bytes);
    }

    private CsvTable parseChecked(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new CsvException(List.of(new CsvProblem(0, 0, "the file has " + bytes.length
                    + " bytes; the limit is " + limits.maxBytes() + " bytes")));
        }
        String text = decodeUtf8(bytes);
        List<CsvRow> rows = CsvRow.splitLines(text);
        if (rows.isEmpty()) {
            throw new CsvException(List.of(new CsvProblem(0, 0, "the file contains no rows")));
        }
        CsvTable table = new CsvTableBuilder(this, rows).build();
        if (!problems.isEmpty()) {
            throw exception();
        }
        return table;
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CsvException(List.of(new CsvProblem(0, 0,
                    "the file is not valid UTF-8 text; save it as UTF-8 CSV")));
        }
    }

    CsvOptions options() {
        return options;
    }

    CsvLimits limits() {
        return limits;
    }

    /** Records a problem; past {@value #MAX_LISTED_PROBLEMS} only counts it. */
    void report(int row, int column, String message) {
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new CsvProblem(row, column, message));
        } else {
            unlistedProblems++;
        }
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Stops parsing now with the problems found so far. */
    CsvException exception() {
        List<CsvProblem> listed = new ArrayList<>(problems);
        if (unlistedProblems > 0) {
            listed.add(new CsvProblem(0, 0, unlistedProblems + " more problems are not listed"));
        }
        return new CsvException(listed);
    }
}
