package dev.layerscope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Times repeated runs of one piece of work on a shared machine. Each run also measures the foreign CPU
 * load: cores kept busy by other processes during the run, that is the busy time in /proc/stat minus
 * this process's CPU time, over the wall time. Runs with more than {@code maxForeignCores} are set aside
 * and replaced, up to three times as many runs as requested; when fewer than three clean runs remain,
 * the least loaded runs are used. The peers' Python scripts apply the same rule, so rates compare.
 */
final class CleanClock {

    /**
     * One timed run: wall seconds, CPU seconds of the calling thread, foreign cores, and a value the work
     * returned (for example a rate). The calling thread runs OpenBLAS itself when OpenBLAS has one
     * thread, and its CPU time is less disturbed than wall time by other processes.
     */
    record Run(double seconds, double threadCpuSeconds, double foreignCores, double value) {
    }

    /** The runs used for the median, and how many runs were clean and timed. */
    record Result(List<Run> runs, int cleanRuns, int timedRuns) {
    }

    /** USER_HZ, the unit of /proc/stat: 100 on every x86-64 Linux kernel ({@code getconf CLK_TCK}). */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final double maxForeignCores;

    CleanClock(double maxForeignCores) {
        this.maxForeignCores = maxForeignCores;
    }

    /** Reads the foreign-load limit from the environment variable MAX_FOREIGN, as the peers do (default 0.1). */
    static CleanClock fromEnvironment() {
        String value = System.getenv("MAX_FOREIGN");
        return new CleanClock(value == null ? 0.1 : Double.parseDouble(value));
    }

    /**
     * Runs {@code work} {@code warmup} times untimed, then until {@code repeats} clean runs are timed or
     * {@code 3 * repeats} runs are spent. {@code work} returns a value kept with its run.
     */
    Result time(int warmup, int repeats, java.util.function.DoubleSupplier work) {
        for (int i = 0; i < warmup; i++) {
            work.getAsDouble();
        }
        List<Run> clean = new ArrayList<>();
        List<Run> dirty = new ArrayList<>();
        for (int i = 0; i < 3 * repeats && clean.size() < repeats; i++) {
            Run run = timeOnce(work);
            (run.foreignCores() <= maxForeignCores ? clean : dirty).add(run);
        }
        if (clean.size() >= 3) {
            return new Result(clean, clean.size(), clean.size() + dirty.size());
        }
        List<Run> all = new ArrayList<>(clean);
        all.addAll(dirty);
        all.sort(Comparator.comparingDouble(Run::foreignCores));
        return new Result(all.subList(0, Math.min(repeats, all.size())), clean.size(), clean.size() + dirty.size());
    }

    private static Run timeOnce(java.util.function.DoubleSupplier work) {
        var threads = ManagementFactory.getThreadMXBean();
        double busyBefore = busySeconds();
        long cpuBefore = processCpuNanos();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        double value = work.getAsDouble();
        double seconds = (System.nanoTime() - started) / 1e9;
        double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuBefore) / 1e9;
        double own = (processCpuNanos() - cpuBefore) / 1e9;
        double foreign = Math.max(0.0, (busySeconds() - busyBefore - own) / seconds);
        return new Run(seconds, threadCpu, foreign, value);
    }

    /** Busy CPU seconds of the whole machine since boot: user to steal, minus idle and iowait. */
    static double busySeconds() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
