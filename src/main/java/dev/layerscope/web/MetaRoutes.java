package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.config.Presets;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.DatasetInfo;
import dev.layerscope.data.Datasets;
import dev.layerscope.session.Limits;
import dev.layerscope.session.SessionRegistry;
import dev.layerscope.web.protocol.ProtocolVersion;
import io.javalin.http.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /health}, {@code /api/meta} and {@code /api/presets/{name}}. */
final class MetaRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(MetaRoutes.class);

    record Preset(String name, String description, JsonNode config) {
    }

    /** One dataset for the page; {@code description} is the dataset's title. */
    record DatasetEntry(String name, String description, String source, String licence, int trainSamples,
                        int testSamples, int features, List<String> classNames, int[] imageShape) {

        static DatasetEntry of(DatasetInfo info) {
            return new DatasetEntry(info.name(), info.title(), info.source(), info.licence(), info.trainSamples(),
                    info.testSamples(), info.features(), info.classNames(), info.imageShape());
        }
    }

    record Meta(String version, int protocolVersion, String chartJsUrl, List<Preset> presets,
                List<DatasetEntry> datasets, Limits limits) {
    }

    private final SessionRegistry registry;
    private final Meta meta;

    MetaRoutes(SessionRegistry registry, BuildInfo build) {
        this.registry = registry;
        this.meta = new Meta(build.version(), ProtocolVersion.CURRENT, build.chartJsUrl(), presets(), datasets(),
                registry.limits());
    }

    void health(Context ctx) {
        HttpResponses.json(ctx, 200, Map.of("status", "ok", "sessions", registry.size()));
    }

    void meta(Context ctx) {
        HttpResponses.json(ctx, 200, meta);
    }

    void preset(Context ctx) {
        String name = ctx.pathParam("name");
        if (!Presets.names().contains(name)) {
            throw new HttpException(404, HttpError.of("unknown preset", "name", SessionRoutes.shorten(name),
                    String.join(", ", Presets.names())));
        }
        HttpResponses.json(ctx, 200, ConfigJson.tree(Presets.load(name)));
    }

    private static List<Preset> presets() {
        List<Preset> presets = new ArrayList<>();
        for (String name : Presets.names()) {
            try {
                RunConfig config = Presets.load(name);
                presets.add(new Preset(name, config.description(), ConfigJson.tree(config)));
            } catch (RuntimeException e) {
                // A broken preset file is a packaging error; the server still starts and lists the others.
                LOG.error("preset '{}' left out of /api/meta: {}", name, e.getMessage());
            }
        }
        return presets;
    }

    private static List<DatasetEntry> datasets() {
        List<DatasetEntry> datasets = new ArrayList<>();
        for (String name : Datasets.names()) {
            try {
                datasets.add(DatasetEntry.of(Datasets.info(name)));
            } catch (RuntimeException e) {
                // A missing or damaged data file is an installation error; the other datasets stay usable.
                LOG.error("dataset '{}' left out of /api/meta: {}", name, e.getMessage());
            }
        }
        return datasets;
    }
}
