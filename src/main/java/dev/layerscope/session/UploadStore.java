package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.data.CsvDatasets;
import dev.layerscope.data.CsvException;
import dev.layerscope.data.CsvLimits;
import dev.layerscope.data.CsvOptions;
import dev.layerscope.data.DataSpec;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Scaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV files uploaded by users, validated on arrival and kept as bytes under a dataset name
 * ({@value #PREFIX} and a random id) that configurations use in {@code data.dataset}. A session
 * builds its dataset from the bytes with the configuration's scaling, test fraction and seed. At
 * most {@link Limits#maxUploads()} files are kept; the least recently used goes first, and sessions
 * already built from it keep their dataset.
 */
public final class UploadStore {

    /** Start of every upload's dataset name. */
    public static final String PREFIX = "upload-";
    /** Test fraction used only to validate a file on arrival; sessions use their configuration's. */
    private static final double CHECK_TEST_FRACTION = 0.2;
    /**
     * Scaling used only to validate a file on arrival. None, because a column too wide to rescale
     * is still usable without scaling; a configuration that rescales it is rejected instead.
     */
    private static final Scaling CHECK_SCALING = Scaling.NONE;

    /** The summary of an accepted file returned to the uploader. */
    public record UploadInfo(String dataset, String fileName, int features, List<String> classNames, int rows) {
    }

    private record Upload(String fileName, byte[] bytes, CsvOptions options) {
    }

    private final CsvLimits csvLimits;
    private final Map<String, Upload> uploads;

    UploadStore(Limits limits) {
        CsvLimits defaults = CsvLimits.DEFAULT;
        this.csvLimits = new CsvLimits(limits.maxUploadBytes(), defaults.maxRows(), defaults.maxColumns(),
                defaults.maxClasses());
        this.uploads = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Upload> eldest) {
                return size() > limits.maxUploads();
            }
        };
    }

    public static boolean isUpload(String datasetName) {
        return datasetName != null && datasetName.startsWith(PREFIX);
    }

    /**
     * Validates a CSV file and keeps it.
     *
     * @throws dev.layerscope.data.CsvException listing every problem of the file
     */
    public UploadInfo add(String fileName, byte[] bytes, CsvOptions options) {
        Dataset checked = CsvDatasets.fromUpload(fileName, bytes, options, csvLimits, CHECK_SCALING,
                CHECK_TEST_FRACTION, 0);
        String name = PREFIX + Ids.next();
        synchronized (this) {
            uploads.put(name, new Upload(fileName, bytes.clone(), options));
        }
        return new UploadInfo(name, fileName, checked.featureCount(), checked.classNames(),
                checked.train().sampleCount() + checked.test().sampleCount());
    }

    /** Builds the dataset of an upload with the scaling and test fraction of {@code spec}. */
    Dataset load(DataSpec spec, long seed) {
        Upload upload;
        synchronized (this) {
            upload = uploads.get(spec.dataset());
        }
        if (upload == null) {
            throw new ConfigException(new FieldError("data.dataset", spec.dataset(),
                    "a dataset name from /api/meta, or the name POST /api/datasets returned for an upload the"
                            + " server still keeps (it keeps the most recent ones); upload the file again"));
        }
        try {
            return CsvDatasets.fromUpload(upload.fileName(), upload.bytes(), upload.options(), csvLimits, spec, seed);
        } catch (CsvException e) {
            // The file was valid on arrival, so the problem is this configuration's split or scaling.
            List<FieldError> errors = e.problems().stream()
                    .map(problem -> new FieldError("data.dataset", spec.dataset(),
                            "a split and scaling this file allows: " + problem.describe()))
                    .toList();
            throw new ConfigException(errors);
        }
    }
}
