package dev.layerscope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's threads grouped by name with the digits removed ({@code layerscope-writer},
 * {@code JettyServerThreadPool-N}, ...). Threads the JVM hides from {@link ThreadMXBean} (garbage
 * collection, JIT compilation) are the rest of the process's CPU time, reported as {@code gc-jit-vm}.
 */
final class ThreadCpu {

    private final Map<Long, Long> cpuNanosById = new HashMap<>();
    private final Map<Long, String> groupById = new HashMap<>();
    private final long processCpuNanos;

    private ThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    cpuNanosById.put(info.getThreadId(), cpu);
                    groupById.put(info.getThreadId(), info.getThreadName().replaceAll("\\d+", "N"));
                }
            }
        }
        processCpuNanos = CleanClock.processCpuNanos();
    }

    static ThreadCpu now() {
        return new ThreadCpu();
    }

    /** Returns a JSON object of CPU seconds per thread group from {@code start} to now; threads that ended meanwhile count in the rest. */
    String secondsSince(ThreadCpu start) {
        ThreadCpu end = now();
        Map<String, Double> seconds = new TreeMap<>();
        double named = 0;
        for (Map.Entry<Long, Long> thread : end.cpuNanosById.entrySet()) {
            double used = (thread.getValue() - start.cpuNanosById.getOrDefault(thread.getKey(), 0L)) / 1e9;
            seconds.merge(end.groupById.get(thread.getKey()), used, Double::sum);
            named += used;
        }
        seconds.put("gc-jit-vm", (end.processCpuNanos - start.processCpuNanos) / 1e9 - named);
        return seconds.entrySet().stream()
                .filter(group -> Math.abs(group.getValue()) >= 0.005)
                .map(group -> String.format(Locale.ROOT, "\"%s\": %.2f", group.getKey(), group.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
