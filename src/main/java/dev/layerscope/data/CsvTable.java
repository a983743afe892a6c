package dev.layerscope.data;

import java.util.List;

/**
 * A validated CSV table: numeric features, row-major, unscaled, and one class index per row.
 *
 * @param featureNames the header's names of the feature columns, or {@code "column N"} without a header
 * @param classNames   the distinct labels: sorted by value when every label is a number, else alphabetically
 * @param samples      the features and the index into {@code classNames} of each row, in file order
 */
public record CsvTable(List<String> featureNames, List<String> classNames, LabelledSamples samples) {

    public CsvTable {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }
}
