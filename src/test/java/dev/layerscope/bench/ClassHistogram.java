package dev.layerscope.bench;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Live instances and bytes per class in this JVM, from the HotSpot diagnostic command
 * {@code GC.class_histogram} (what {@code jcmd PID GC.class_histogram} prints), which runs a full
 * collection first. It keeps the command's text and parses it only when compared, so a histogram
 * held for later adds two objects (a string and its bytes) to the next one, not one per class.
 */
final class ClassHistogram {

    /** Instances and bytes of one class. */
    record Count(long instances, long bytes) {
    }

    private final String text;

    private ClassHistogram(String text) {
        this.text = text;
    }

    /** Wraps the text of a histogram as {@code GC.class_histogram} prints it. */
    static ClassHistogram of(String text) {
        return new ClassHistogram(text);
    }

    static ClassHistogram take() {
        try {
            ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return new ClassHistogram(text);
        } catch (JMException e) {
            throw new IllegalStateException("GC.class_histogram failed: " + e, e);
        }
    }

    /** Parses rows such as {@code "   1:   12345   678900  [B (java.base@17)"}. The header and total rows have no colon. */
    static Map<String, Count> parse(String text) {
        Map<String, Count> counts = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                counts.merge(fields[3], new Count(Long.parseLong(fields[1]), Long.parseLong(fields[2])),
                        (a, b) -> new Count(a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
        }
        return counts;
    }

    /** Returns a JSON line with the {@code limit} classes whose bytes grew most from this histogram to {@code later}. */
    String growthTo(ClassHistogram later, int limit) {
        Map<String, Count> byClass = parse(text);
        Map<String, Count> laterByClass = parse(later.text);
        String rows = laterByClass.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), new Count(
                        entry.getValue().instances() - byClass.getOrDefault(entry.getKey(), new Count(0, 0)).instances(),
                        entry.getValue().bytes() - byClass.getOrDefault(entry.getKey(), new Count(0, 0)).bytes())))
                .sorted(Comparator.comparingLong((Map.Entry<String, Count> entry) -> entry.getValue().bytes()).reversed())
                .limit(limit)
                .map(entry -> String.format(Locale.ROOT, "{\"class\": \"%s\", \"instances\": %+d, \"bytes\": %+d}",
                        entry.getKey(), entry.getValue().instances(), entry.getValue().bytes()))
                .collect(Collectors.joining(", "));
        long totalBytes = totalBytes(laterByClass) - totalBytes(byClass);
        return String.format(Locale.ROOT, "{\"benchmark\": \"soak-class-growth\", \"total_bytes\": %+d, \"classes\": [%s]}",
                totalBytes, rows);
    }

    private static long totalBytes(Map<String, Count> byClass) {
        return byClass.values().stream().mapToLong(Count::bytes).sum();
    }
}
