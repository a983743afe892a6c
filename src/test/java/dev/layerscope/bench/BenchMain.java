package dev.layerscope.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the benchmarks, run by {@code scripts/bench.sh} or {@code mvn -Pbench test-compile
 * exec:exec -Dbench.args="training a,b"}. Every benchmark prints one JSON object per line.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain training [a,b] [warmup] [repeats] | memory [a,b] | gemm | ceiling | loops | viewers [count] [epochs] [epochsPerSecond] [process|in-process] [warmupEpochs]"
                    + " | frame | page [depth] [epochs] [epochsPerSecond] | sessions [count] [windowSeconds] | soak [seconds] [sessions] [viewersPerSession]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        run(args[0], rest);
        // HTTP client and server threads of the load benchmarks are not all daemons: end the JVM here.
        System.exit(0);
    }

    private static void run(String benchmark, String[] rest) throws Exception {
        switch (benchmark) {
            case "training" -> new TrainingBench(CleanClock.fromEnvironment(), intArg(rest, 1, 2), intArg(rest, 2, 5), System.out)
                    .run(workloads(rest));
            case "memory" -> new MemoryBench(System.out).run(workloads(rest));
            case "gemm" -> dev.layerscope.math.GemmBench.run(System.out);
            case "ceiling" -> dev.layerscope.math.GemmBench.ceiling(System.out);
            case "loops" -> dev.layerscope.math.LoopBench.run(System.out);
            case "sessions" -> new SessionsBench(System.out).run(intArg(rest, 0, 50), intArg(rest, 1, 30));
            case "soak" -> new SoakBench(System.out).run(intArg(rest, 0, 600), intArg(rest, 1, 10), intArg(rest, 2, 10));
            case "page" -> new PageBench(System.out).run(intArg(rest, 0, 64), intArg(rest, 1, 10_000), doubleArg(rest, 2, 50));
            case "frame" -> new FrameBench(System.out).run();
            case "viewers" -> new ViewersBench(System.out).run(intArg(rest, 0, 1000), intArg(rest, 1, 100), doubleArg(rest, 2, 5.0),
                    ViewersBench.Clients.named(rest.length > 3 ? rest[3] : "process"), intArg(rest, 4, 20));
            default -> {
                System.err.println("unknown benchmark '" + benchmark + "'");
                System.exit(2);
            }
        }
    }

    private static List<Workload> workloads(String[] args) {
        String names = args.length > 0 ? args[0] : "a,b";
        return Arrays.stream(names.split(",")).map(Workload::named).toList();
    }

    private static double doubleArg(String[] args, int index, double fallback) {
        return args.length > index ? Double.parseDouble(args[index]) : fallback;
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
