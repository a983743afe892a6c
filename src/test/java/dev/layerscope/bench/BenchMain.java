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
            System.err.println("usage: BenchMain training [a,b] [warmup] [repeats] | memory [a,b] | gemm");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "training" -> new TrainingBench(CleanClock.fromEnvironment(), intArg(rest, 1, 2), intArg(rest, 2, 5), System.out)
                    .run(workloads(rest));
            case "memory" -> new MemoryBench(System.out).run(workloads(rest));
            case "gemm" -> dev.layerscope.math.GemmBench.run(System.out);
            default -> {
                System.err.println("unknown benchmark '" + args[0] + "'");
                System.exit(2);
            }
        }
    }

    private static List<Workload> workloads(String[] args) {
        String names = args.length > 0 ? args[0] : "a,b";
        return Arrays.stream(names.split(",")).map(Workload::named).toList();
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
