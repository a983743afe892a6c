package dev.layerscope.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakMeasuresTest {

    private static final double TOLERANCE = 1e-9;

    private static final String BEFORE = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000          48000  [B (java.base@17.0.15)
               2:           500          12000  java.lang.String (java.base@17.0.15)
               3:            10            640  org.eclipse.jetty.session.ManagedSession
            Total          1510          60640
            """;
    private static final String AFTER = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000          48000  [B (java.base@17.0.15)
               2:           510          12240  java.lang.String (java.base@17.0.15)
               3:            30           1920  org.eclipse.jetty.session.ManagedSession
            Total          1540          62160
            """;

    @Test
    void slopeOfRisingHeap() {
        // 10, 11 and 12 MiB at 0, 30 and 60 minutes lie on a line rising 2 MiB per hour.
        List<double[]> samples = List.of(new double[] {0, 10}, new double[] {1800, 11}, new double[] {3600, 12});

        assertEquals(2.0, SoakBench.slopePerHour(samples), TOLERANCE);
    }

    @Test
    void slopeOfFlatHeap() {
        List<double[]> samples = List.of(new double[] {0, 50}, new double[] {60, 51}, new double[] {120, 50});

        assertEquals(0.0, SoakBench.slopePerHour(samples), TOLERANCE);
    }

    @Test
    void slopeNeedsTwoSamples() {
        assertTrue(Double.isNaN(SoakBench.slopePerHour(List.of(new double[] {0, 50}))));
    }

    @Test
    void histogramParsesClassRows() {
        Map<String, ClassHistogram.Count> counts = ClassHistogram.parse(BEFORE);

        assertEquals(3, counts.size());
        assertEquals(new ClassHistogram.Count(1000, 48000), counts.get("[B"));
        assertEquals(new ClassHistogram.Count(10, 640), counts.get("org.eclipse.jetty.session.ManagedSession"));
    }

    @Test
    void growthListsLargestGrowthFirst() {
        String growth = ClassHistogram.of(BEFORE).growthTo(ClassHistogram.of(AFTER), 2);

        // ManagedSession grew by 20 instances and 1,280 bytes, String by 10 and 240, [B not at all.
        assertEquals("{\"benchmark\": \"soak-class-growth\", \"total_bytes\": +1520, \"classes\": ["
                + "{\"class\": \"org.eclipse.jetty.session.ManagedSession\", \"instances\": +20, \"bytes\": +1280}, "
                + "{\"class\": \"java.lang.String\", \"instances\": +10, \"bytes\": +240}]}", growth);
    }
}
