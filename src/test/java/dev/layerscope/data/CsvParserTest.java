package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvParserTest {

    /** Small limits keep the limit cases short: 200 bytes, 6 data rows, 4 columns and 3 classes. */
    private static final CsvLimits SMALL = new CsvLimits(200, 6, 4, 3);

    private static CsvTable parse(String text, CsvOptions options) {
        return CsvParser.parse(text.getBytes(StandardCharsets.UTF_8), options, SMALL);
    }

    private static List<String> problemsOf(String text, CsvOptions options) {
        CsvException error = assertThrows(CsvException.class, () -> parse(text, options));
        return error.problems().stream().map(CsvProblem::describe).toList();
    }

    static Stream<Arguments> badFiles() {
        CsvOptions last = CsvOptions.DEFAULT;
        return Stream.of(
                Arguments.of("empty file", "", last, List.of("the file contains no rows")),
                Arguments.of("blank lines only", "\n \n", last, List.of("the file contains no rows")),
                Arguments.of("one column", "1\n2\n", last,
                        List.of("row 1: the file has 1 column; at least 2 are needed (features and a label)")),
                Arguments.of("too many columns", "1,2,3,4,5\n", last,
                        List.of("row 1: the file has 5 columns; the limit is 4")),
                Arguments.of("too many rows", "1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n", last,
                        List.of("the file has 7 data rows; the limit is 6")),
                Arguments.of("too large", "1,a\n".repeat(51), last,
                        List.of("the file has 204 bytes; the limit is 200 bytes")),
                Arguments.of("header only", "x,y,label\n", last, List.of("the file has a header but no data rows")),
                Arguments.of("label column missing", "1,2,a\n3,4,b\n", new CsvOptions(4, CsvOptions.Header.DETECT),
                        List.of("label column 4 does not exist; the file has 3 columns")),
                Arguments.of("ragged rows", "x,y,label\n1,2,a\n3,b\n4,5,6,a\n", last,
                        List.of("row 3: has 2 columns, expected 3 like row 1",
                                "row 4: has 4 columns, expected 3 like row 1")),
                Arguments.of("non-numeric cell", "1,2,a\n3,abc,b\n", last,
                        List.of("row 2, column 2: invalid number \"abc\"; expected a finite number such as 3, -0.5 or 1e-3")),
                Arguments.of("comma decimal", "1;2,5;a\n3;4;b\n", last,
                        List.of("row 1, column 2: invalid number \"2,5\"; expected a finite number such as 3, -0.5 or 1e-3")),
                Arguments.of("NaN and infinity", "1,NaN,a\n-inf,2,b\n", last,
                        List.of("row 1, column 2: value \"NaN\" is not finite; expected a finite number",
                                "row 2, column 1: value \"-inf\" is not finite; expected a finite number")),
                Arguments.of("overflow", "1,1e999,a\n3,4,b\n", last,
                        List.of("row 1, column 2: value \"1e999\" is too large for a double; expected a finite number")),
                Arguments.of("empty cells", "1,,a\n3,4,\n", last,
                        List.of("row 1, column 2: missing value; expected a finite number",
                                "row 2, column 3: missing label")),
                Arguments.of("unclosed quote", "1,2,a\n3,\"4,b\n", last,
                        List.of("row 2, column 2: a quoted cell is not closed with \"")),
                Arguments.of("single class", "1,2,a\n3,4,a\n", last,
                        List.of("column 3: every row has the label \"a\"; at least 2 classes are needed")),
                Arguments.of("too many classes", "1,a\n2,b\n3,c\n4,d\n", last,
                        List.of("column 2: the label column has 4 distinct values; the limit is 3 classes."
                                + " Check that column 2 is the label column")),
                Arguments.of("label chosen wrongly", "0.1,5\n0.2,6\n0.3,7\n0.4,8\n", new CsvOptions(1, CsvOptions.Header.DETECT),
                        List.of("column 1: the label column has 4 distinct values; the limit is 3 classes."
                                + " Check that column 1 is the label column")),
                Arguments.of("mixed first row", "x,2,a\n3,4,b\n", last,
                        List.of("row 1, column 1: invalid number \"x\"; expected a finite number such as 3, -0.5 or 1e-3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileGetsExactProblems(String name, String text, CsvOptions options, List<String> expected) {
        assertEquals(expected, problemsOf(text, options));
    }

    @Test
    void longCellIsShortenedInProblems() {
        CsvLimits roomy = new CsvLimits(100_000, 6, 4, 3);
        String text = "a,label\n" + "x".repeat(50_000) + ",1\n2,2\n" + "y".repeat(30_000) + ",1\n";

        CsvException error = assertThrows(CsvException.class,
                () -> CsvParser.parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.DEFAULT, roomy));

        List<String> problems = error.problems().stream().map(CsvProblem::describe).toList();
        assertEquals(List.of(
                "row 2, column 1: invalid number \"" + "x".repeat(40) + "...\" (50000 characters);"
                        + " expected a finite number such as 3, -0.5 or 1e-3",
                "row 4, column 1: invalid number \"" + "y".repeat(40) + "...\" (30000 characters);"
                        + " expected a finite number such as 3, -0.5 or 1e-3"), problems);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] latin1 = "1,2,caf\u00e9\n3,4,b\n".getBytes(StandardCharsets.ISO_8859_1);

        CsvException error = assertThrows(CsvException.class,
                () -> CsvParser.parse(latin1, CsvOptions.DEFAULT, SMALL));

        assertEquals("the file is not valid UTF-8 text; save it as UTF-8 CSV", error.getMessage());
    }

    @Test
    void manyProblemsAreCapped() {
        String text = "1,2,a\n" + "x,y,b\n".repeat(15);
        CsvLimits roomy = new CsvLimits(1000, 100, 4, 3);

        CsvException error = assertThrows(CsvException.class,
                () -> CsvParser.parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.DEFAULT, roomy));

        assertEquals(CsvParser.MAX_LISTED_PROBLEMS + 1, error.problems().size());
        assertEquals("row 2, column 1: invalid number \"x\"; expected a finite number such as 3, -0.5 or 1e-3",
                error.problems().get(0).describe());
        // 15 rows with 2 invalid cells each make 30 problems: 20 listed and 10 counted.
        assertEquals("10 more problems are not listed", error.problems().get(CsvParser.MAX_LISTED_PROBLEMS).describe());
    }

    @Test
    void headerNamesFeaturesAndLabelsBecomeClasses() {
        CsvTable table = parse("\uFEFFwidth,\"height, cm\",kind\n1.5,2,cat\n-3,4e-1,dog\n0,0,cat\n",
                CsvOptions.DEFAULT);

        assertEquals(List.of("width", "height, cm"), table.featureNames());
        assertEquals(List.of("cat", "dog"), table.classNames());
        assertArrayEquals(new double[] {1.5, 2, -3, 0.4, 0, 0}, table.samples().features());
        assertArrayEquals(new int[] {0, 1, 0}, table.samples().labels());
    }

    @Test
    void withoutHeaderColumnsAreNumbered() {
        CsvTable table = parse("10,1,2\n2,3,4\r\n\r\n9,5,6\n", new CsvOptions(1, CsvOptions.Header.DETECT));

        assertEquals(List.of("column 2", "column 3"), table.featureNames());
        assertEquals(List.of("2", "9", "10"), table.classNames());
        assertArrayEquals(new int[] {2, 0, 1}, table.samples().labels());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, table.samples().features());
    }

    @Test
    void semicolonsAndTabsAreDetected() {
        CsvTable semicolons = parse("1;2;a\n3;4;b\n", CsvOptions.DEFAULT);
        CsvTable tabs = parse("1\t2\ta\n3\t4\tb\n", CsvOptions.DEFAULT);

        assertArrayEquals(new double[] {1, 2, 3, 4}, semicolons.samples().features());
        assertArrayEquals(new double[] {1, 2, 3, 4}, tabs.samples().features());
    }

    @Test
    void declaredHeaderIsSkippedEvenWhenNumeric() {
        CsvTable table = parse("1,2,3\n4,5,a\n6,7,b\n", new CsvOptions(0, CsvOptions.Header.PRESENT));

        assertEquals(List.of("1", "2"), table.featureNames());
        assertEquals(2, table.samples().sampleCount());
    }
}
