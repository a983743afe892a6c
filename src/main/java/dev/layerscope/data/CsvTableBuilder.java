package dev.layerscope.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Validates the rows of one CSV file and turns them into a {@link CsvTable}; one use per parse. */
final class CsvTableBuilder {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    /** Characters of a cell repeated in a problem message. */
    static final int MAX_QUOTED_CHARS = 40;

    private final CsvParser parser;
    private final List<CsvRow> rows;
    private int columnCount;
    private int labelIndex;

    CsvTableBuilder(CsvParser parser, List<CsvRow> rows) {
        this.parser = parser;
        this.rows = rows;
    }

    CsvTable build() {
        CsvRow first = rows.get(0);
        checkShape(first);
        boolean header = hasHeader(first);
        List<CsvRow> dataRows = header ? rows.subList(1, rows.size()) : rows;
        checkRowCount(dataRows.size());

        int featureCount = columnCount - 1;
        double[] features = new double[dataRows.size() * featureCount];
        String[] labels = new String[dataRows.size()];
        for (int r = 0; r < dataRows.size(); r++) {
            readRow(dataRows.get(r), features, r * featureCount, labels, r);
        }
        if (parser.hasProblems()) {
            throw parser.exception();
        }
        return assemble(header ? first : null, features, featureCount, labels);
    }

    private void checkShape(CsvRow first) {
        columnCount = first.cells().size();
        CsvLimits limits = parser.limits();
        if (columnCount < 2) {
            parser.report(first.line(), 0, "the file has 1 column; at least 2 are needed (features and a label)");
            throw parser.exception();
        }
        if (columnCount > limits.maxColumns()) {
            parser.report(first.line(), 0, "the file has " + columnCount + " columns; the limit is "
                    + limits.maxColumns());
            throw parser.exception();
        }
        int labelColumn = parser.options().labelColumn();
        if (labelColumn > columnCount) {
            parser.report(0, 0, "label column " + labelColumn + " does not exist; the file has " + columnCount
                    + " columns");
            throw parser.exception();
        }
        labelIndex = labelColumn == 0 ? columnCount - 1 : labelColumn - 1;
    }

    private boolean hasHeader(CsvRow first) {
        return switch (parser.options().header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case DETECT -> {
                for (int column = 0; column < first.cells().size(); column++) {
                    String cell = first.cells().get(column);
                    if (column != labelIndex && (DECIMAL.matcher(cell).matches() || NOT_FINITE.matcher(cell).matches())) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    private void checkRowCount(int dataRowCount) {
        if (dataRowCount == 0) {
            parser.report(0, 0, "the file has a header but no data rows");
            throw parser.exception();
        }
        if (dataRowCount > parser.limits().maxRows()) {
            parser.report(0, 0, "the file has " + dataRowCount + " data rows; the limit is "
                    + parser.limits().maxRows());
            throw parser.exception();
        }
    }

    private void readRow(CsvRow row, double[] features, int offset, String[] labels, int index) {
        if (row.unterminatedQuoteColumn() > 0) {
            parser.report(row.line(), row.unterminatedQuoteColumn(), "a quoted cell is not closed with \"");
            return;
        }
        if (row.cells().size() != columnCount) {
            parser.report(row.line(), 0, "has " + row.cells().size() + " columns, expected " + columnCount
                    + " like row " + rows.get(0).line());
            return;
        }
        int featureIndex = 0;
        for (int column = 0; column < columnCount; column++) {
            String cell = row.cells().get(column);
            if (column == labelIndex) {
                labels[index] = cell;
                if (cell.isEmpty()) {
                    parser.report(row.line(), column + 1, "missing label");
                }
            } else {
                features[offset + featureIndex++] = parseFeature(cell, row.line(), column + 1);
            }
        }
    }

    private double parseFeature(String cell, int line, int column) {
        if (cell.isEmpty()) {
            parser.report(line, column, "missing value; expected a finite number");
            return 0;
        }
        if (NOT_FINITE.matcher(cell).matches()) {
            parser.report(line, column, "value " + quote(cell) + " is not finite; expected a finite number");
            return 0;
        }
        if (!DECIMAL.matcher(cell).matches()) {
            parser.report(line, column, "invalid number " + quote(cell) + "; expected a finite number such as 3, -0.5 or 1e-3");
            return 0;
        }
        double value = Double.parseDouble(cell);
        if (Double.isInfinite(value)) {
            parser.report(line, column, "value " + quote(cell) + " is too large for a double; expected a finite number");
        }
        return value;
    }

    private CsvTable assemble(CsvRow header, double[] features, int featureCount, String[] labels) {
        List<String> classNames = classNames(labels);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }
        int[] labelIndices = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labelIndices[i] = classIndex.get(labels[i]);
        }
        List<String> featureNames = new ArrayList<>();
        for (int column = 0; column < columnCount; column++) {
            if (column != labelIndex) {
                String name = header == null ? "" : header.cells().get(column);
                featureNames.add(name.isEmpty() ? "column " + (column + 1) : name);
            }
        }
        return new CsvTable(featureNames, classNames, new LabelledSamples(features, featureCount, labelIndices));
    }

    /** Returns the distinct labels in order, after checking that there are at least 2 and not too many. */
    private List<String> classNames(String[] labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        int labelColumn = labelIndex + 1;
        if (counts.size() == 1) {
            parser.report(0, labelColumn, "every row has the label " + quote(labels[0])
                    + "; at least 2 classes are needed");
            throw parser.exception();
        }
        if (counts.size() > parser.limits().maxClasses()) {
            parser.report(0, labelColumn, "the label column has " + counts.size() + " distinct values; the limit is "
                    + parser.limits().maxClasses() + " classes. Check that column " + labelColumn + " is the label column");
            throw parser.exception();
        }
        List<String> names = new ArrayList<>(counts.keySet());
        boolean numeric = names.stream().allMatch(name -> DECIMAL.matcher(name).matches());
        Comparator<String> byValue = Comparator.comparingDouble(Double::parseDouble);
        names.sort(numeric ? byValue.thenComparing(Comparator.naturalOrder()) : Comparator.naturalOrder());
        return names;
    }

    /** Quotes a cell for a problem message, shortened so that a huge cell does not make a huge message. */
    static String quote(String cell) {
        if (cell.length() <= MAX_QUOTED_CHARS) {
            return "\"" + cell + "\"";
        }
        return "\"" + cell.substring(0, MAX_QUOTED_CHARS) + "...\" (" + cell.length() + " characters)";
    }
}
