package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets of recent configurations, bundled, generated or uploaded, shared read-only between
 * sessions: a class that opens the same preset builds its dataset once. Keeps the {@value #CAPACITY} most recently used.
 */
final class DatasetCache {

    private static final int CAPACITY = 8;

    private final Map<List<Object>, Dataset> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Dataset> eldest) {
            return size() > CAPACITY;
        }
    };

    private final UploadStore uploads;

    DatasetCache(UploadStore uploads) {
        this.uploads = uploads;
    }

    // NOTE: loading holds the lock, so a slow load (a large bundled set) delays other sessions' creation.
    synchronized Dataset load(RunConfig config) {
        List<Object> key = List.of(config.data(), config.seed());
        Dataset dataset = recent.get(key);
        if (dataset == null) {
            dataset = UploadStore.isUpload(config.data().dataset()) ? uploads.load(config.data(), config.seed())
                    : Datasets.load(config.data(), config.seed());
            recent.put(key, dataset);
        }
        return dataset;
    }
}
