package dev.layerscope.data;

/**
 * Limits on an uploaded CSV file, checked before anything else is done with it. The server may set
 * its own; {@link #DEFAULT} fits a teaching server where several sessions share one machine.
 *
 * @param maxBytes   largest accepted file size in bytes
 * @param maxRows    largest number of data rows, the header not counted
 * @param maxColumns largest number of columns, the label column included
 * @param maxClasses largest number of distinct labels
 */
public record CsvLimits(long maxBytes, int maxRows, int maxColumns, int maxClasses) {

    /** 10 MB, 100,000 rows, 1,000 columns and 100 classes. */
    public static final CsvLimits DEFAULT = new CsvLimits(10_000_000L, 100_000, 1_000, 100);

    public CsvLimits {
        if (maxBytes < 1 || maxRows < 2 || maxColumns < 2 || maxClasses < 2) {
            throw new IllegalArgumentException("invalid CSV limits: maxBytes=" + maxBytes + ", maxRows=" + maxRows
                    + ", maxColumns=" + maxColumns + ", maxClasses=" + maxClasses
                    + "; allowed: maxBytes >= 1 and the others >= 2");
        }
    }
}
