package dev.layerscope.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One non-blank line of a CSV file, split into trimmed cells.
 *
 * @param line                     the line number in the file, from 1
 * @param cells                    the cells, quotes removed
 * @param unterminatedQuoteColumn  the column whose quote is never closed, or 0
 */
record CsvRow(int line, List<String> cells, int unterminatedQuoteColumn) {

    /** Splits {@code text} into rows, skipping blank lines, with the delimiter detected on the first line. */
    static List<CsvRow> splitLines(String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        char delimiter = 0;
        List<CsvRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (delimiter == 0) {
                delimiter = detectDelimiter(lines[i]);
            }
            rows.add(split(i + 1, lines[i], delimiter));
        }
        return rows;
    }

    /** Returns ';' or a tab when the line contains more of it than commas, otherwise ','. */
    static char detectDelimiter(String line) {
        long commas = line.chars().filter(c -> c == ',').count();
        long semicolons = line.chars().filter(c -> c == ';').count();
        long tabs = line.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static CsvRow split(int lineNumber, String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return new CsvRow(lineNumber, List.copyOf(cells), quoted ? cells.size() : 0);
    }
}
