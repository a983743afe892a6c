package dev.layerscope.data;

/**
 * One problem found in a CSV file. Rows are the file's line numbers counted from 1 (a header is
 * line 1), columns are counted from 1; 0 means the problem concerns the whole file or the whole row.
 *
 * @param row     the line number, or 0
 * @param column  the column number, or 0
 * @param message what is wrong and what is expected, for example {@code invalid number "abc"; expected a finite number}
 */
public record CsvProblem(int row, int column, String message) {

    /** Formats the problem with its place, for example {@code row 3, column 2: invalid number "abc"; ...}. */
    public String describe() {
        if (row == 0 && column == 0) {
            return message;
        }
        if (column == 0) {
            return "row " + row + ": " + message;
        }
        if (row == 0) {
            return "column " + column + ": " + message;
        }
        return "row " + row + ", column " + column + ": " + message;
    }
}
