package dev.layerscope.data;

import dev.layerscope.math.RandomStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Two-dimensional classification sets generated from a seed. Clean points lie roughly in
 * [-1, 1] x [-1, 1]; each class has the same number of samples (up to one); the label is decided on
 * the clean point, then Gaussian noise of standard deviation {@code spec.noise()} is added to both
 * coordinates.
 */
final class SyntheticSets {

    /** Turns each spiral arm makes from the centre to the rim. */
    private static final double SPIRAL_TURNS = 1.75;
    /** Standard deviation of each Gaussian blob before noise is added. */
    private static final double BLOB_SIGMA = 0.2;
    /** Cells per side of the checkerboard. */
    private static final int CHECKERBOARD_CELLS = 4;
    /** Distance that XOR points keep from the axes, so that the clean set is separable. */
    private static final double XOR_MARGIN = 0.05;

    private SyntheticSets() {
    }

    static Dataset spirals(DataSpec spec, long seed) {
        int arms = spec.arms();
        return generate(spec, seed, "spirals", armNames(arms),
                "generated: " + arms + " interleaved spiral arms, " + SPIRAL_TURNS + " turns each",
                (label, random, point) -> {
                    double t = random.nextDouble();
                    double angle = 2 * Math.PI * (SPIRAL_TURNS * t + (double) label / arms);
                    point[0] = t * Math.cos(angle);
                    point[1] = t * Math.sin(angle);
                });
    }

    static Dataset circles(DataSpec spec, long seed) {
        return generate(spec, seed, "circles", List.of("inner", "outer"),
                "generated: a disc of radius 0.5 inside a ring from radius 0.7 to 1",
                (label, random, point) -> {
                    double radius = label == 0 ? 0.5 * random.nextDouble() : 0.7 + 0.3 * random.nextDouble();
                    double angle = 2 * Math.PI * random.nextDouble();
                    point[0] = radius * Math.cos(angle);
                    point[1] = radius * Math.sin(angle);
                });
    }

    static Dataset xor(DataSpec spec, long seed) {
        return generate(spec, seed, "xor", List.of("same sign", "opposite sign"),
                "generated: uniform points, class by whether x and y have the same sign",
                (label, random, point) -> {
                    double x = XOR_MARGIN + (1 - XOR_MARGIN) * random.nextDouble();
                    double y = XOR_MARGIN + (1 - XOR_MARGIN) * random.nextDouble();
                    boolean flipX = random.nextDouble() < 0.5;
                    point[0] = flipX ? -x : x;
                    // Same sign for class 0, opposite signs for class 1.
                    point[1] = (flipX == (label == 0)) ? -y : y;
                });
    }

    static Dataset gaussians(DataSpec spec, long seed) {
        return generate(spec, seed, "gaussians", List.of("lower left", "upper right"),
                "generated: two Gaussian blobs of standard deviation " + BLOB_SIGMA + " around (-0.5, -0.5) and (0.5, 0.5)",
                (label, random, point) -> {
                    double centre = label == 0 ? -0.5 : 0.5;
                    point[0] = centre + BLOB_SIGMA * random.nextGaussian();
                    point[1] = centre + BLOB_SIGMA * random.nextGaussian();
                });
    }

    static Dataset moons(DataSpec spec, long seed) {
        return generate(spec, seed, "moons", List.of("upper moon", "lower moon"),
                "generated: two interleaved half circles, scaled into [-1, 1]",
                (label, random, point) -> {
                    double angle = Math.PI * random.nextDouble();
                    double x = label == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
                    double y = label == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
                    // The raw moons span x in [-1, 2] and y in [-0.5, 1]; centre and scale them.
                    point[0] = (x - 0.5) / 1.5;
                    point[1] = (y - 0.25) / 1.5;
                });
    }

    static Dataset checkerboard(DataSpec spec, long seed) {
        return generate(spec, seed, "checkerboard", List.of("dark", "light"),
                "generated: uniform points on a " + CHECKERBOARD_CELLS + " x " + CHECKERBOARD_CELLS + " checkerboard",
                (label, random, point) -> {
                    // Draw until the point falls on a cell of the requested colour (half do, on average).
                    do {
                        point[0] = 2 * random.nextDouble() - 1;
                        point[1] = 2 * random.nextDouble() - 1;
                    } while (checkerboardColour(point[0], point[1]) != label);
                });
    }

    private static int checkerboardColour(double x, double y) {
        int column = Math.min(CHECKERBOARD_CELLS - 1, (int) ((x + 1) / 2 * CHECKERBOARD_CELLS));
        int row = Math.min(CHECKERBOARD_CELLS - 1, (int) ((y + 1) / 2 * CHECKERBOARD_CELLS));
        return (column + row) % 2;
    }

    /** Writes one clean point of class {@code label} into {@code point}. */
    @FunctionalInterface
    private interface PointGenerator {
        void generate(int label, RandomStream random, double[] point);
    }

    private static Dataset generate(DataSpec spec, long seed, String name, List<String> classNames,
                                    String source, PointGenerator generator) {
        RandomStream random = RandomStream.derive(seed, name.hashCode());
        int classes = classNames.size();
        int samples = spec.samples();
        double[] features = new double[samples * 2];
        int[] labels = new int[samples];
        double[] point = new double[2];
        for (int i = 0; i < samples; i++) {
            int label = i % classes;
            generator.generate(label, random, point);
            labels[i] = label;
            features[2 * i] = point[0] + spec.noise() * random.nextGaussian();
            features[2 * i + 1] = point[1] + spec.noise() * random.nextGaussian();
        }
        return split(spec, name, source, classNames, features, labels, random);
    }

    private static Dataset split(DataSpec spec, String name, String source, List<String> classNames,
                                 double[] features, int[] labels, RandomStream random) {
        int samples = labels.length;
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        random.shuffle(order);
        int testCount = Math.max(1, (int) Math.round(samples * spec.testFraction()));
        int[] testRows = java.util.Arrays.copyOfRange(order, 0, testCount);
        int[] trainRows = java.util.Arrays.copyOfRange(order, testCount, samples);
        return new Dataset(name, source, "generated", classNames, new int[0],
                select(features, labels, trainRows, classNames.size()),
                select(features, labels, testRows, classNames.size()));
    }

    private static Split select(double[] features, int[] labels, int[] rows, int classes) {
        double[] selectedFeatures = new double[rows.length * 2];
        double[] targets = new double[rows.length * classes];
        int[] selectedLabels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            selectedFeatures[2 * i] = features[2 * row];
            selectedFeatures[2 * i + 1] = features[2 * row + 1];
            selectedLabels[i] = labels[row];
            targets[i * classes + labels[row]] = 1.0;
        }
        return new Split(rows.length, 2, selectedFeatures, classes, targets, selectedLabels);
    }

    private static List<String> armNames(int arms) {
        List<String> names = new ArrayList<>();
        for (int arm = 1; arm <= arms; arm++) {
            names.add("arm " + arm);
        }
        return names;
    }
}
