package dev.layerscope.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project and Chart.js versions, written into {@code build.properties} by Maven at build time. */
record BuildInfo(String version, String chartJsVersion) {

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the classpath; build with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read build.properties", e);
        }
        return new BuildInfo(properties.getProperty("version"), properties.getProperty("chartjs.version"));
    }

    /** Path of Chart.js in its WebJar, as served by Javalin. */
    String chartJsUrl() {
        return "/webjars/chart.js/" + chartJsVersion + "/dist/chart.umd.min.js";
    }
}
