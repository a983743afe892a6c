package dev.layerscope.math;

/**
 * A seeded pseudo-random stream whose whole state is one {@code long}, so that a paused run can be
 * saved and resumed bit for bit. The generator is SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), the same mixing that {@link java.util.SplittableRandom}
 * uses. Not thread-safe: one stream per purpose and per thread.
 */
public final class RandomStream {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    public RandomStream(long state) {
        this.state = state;
    }

    /**
     * Derives an independent stream for one purpose (initialization, shuffling, dropout, ...) from a
     * run seed, so that adding draws for one purpose never shifts the numbers of another.
     */
    public static RandomStream derive(long seed, long purpose) {
        return new RandomStream(mix(seed ^ mix(purpose * GOLDEN_GAMMA + GOLDEN_GAMMA)));
    }

    /** Returns the whole state, which {@link #setState} accepts to continue the stream exactly. */
    public long state() {
        return state;
    }

    public void setState(long newState) {
        state = newState;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Returns a value uniformly distributed in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Returns a value uniformly distributed in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** Returns a standard normal value (Box-Muller transform; each call uses two uniforms). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Shuffles {@code values} in place (Fisher-Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
