package dev.layerscope.data;

/**
 * How to read a CSV file.
 *
 * @param labelColumn the label column, counted from 1 as a spreadsheet does; 0 selects the last column
 * @param header      whether the first row names the columns
 */
public record CsvOptions(int labelColumn, Header header) {

    /** Whether the first row is a header. */
    public enum Header {
        /** The first row is a header when none of its feature cells is a number. */
        DETECT,
        PRESENT,
        ABSENT
    }

    /** The last column is the label and the header is detected. */
    public static final CsvOptions DEFAULT = new CsvOptions(0, Header.DETECT);

    public CsvOptions {
        if (labelColumn < 0) {
            throw new IllegalArgumentException("invalid labelColumn " + labelColumn
                    + "; allowed: 0 (the last column) or a column number from 1");
        }
        if (header == null) {
            throw new IllegalArgumentException("header must be DETECT, PRESENT or ABSENT, not null");
        }
    }
}
