package dev.layerscope.math;

import smile.math.matrix.Matrix;

/** Random orthogonal matrices for the orthogonal initializer (Saxe, McClelland and Ganguli, 2014). */
public final class Orthogonal {

    private Orthogonal() {
    }

    /**
     * Returns a {@code rows x cols} row-major matrix with orthonormal rows (when {@code rows <= cols})
     * or orthonormal columns (otherwise), drawn uniformly: the Q factor of a Gaussian matrix with the
     * signs fixed by R's diagonal, as Mezzadri (2007) shows is needed for uniformity.
     */
    public static double[] sample(int rows, int cols, RandomStream random) {
        int tall = Math.max(rows, cols);
        int narrow = Math.min(rows, cols);
        Matrix gaussian = new Matrix(tall, narrow);
        for (int j = 0; j < narrow; j++) {
            for (int i = 0; i < tall; i++) {
                gaussian.set(i, j, random.nextGaussian());
            }
        }
        Matrix.QR qr = gaussian.qr();
        Matrix q = qr.Q();
        Matrix r = qr.R();
        double[] result = new double[rows * cols];
        for (int i = 0; i < tall; i++) {
            for (int j = 0; j < narrow; j++) {
                double value = q.get(i, j) * Math.signum(r.get(j, j));
                // Q is tall x narrow; a wide request takes its transpose.
                if (rows >= cols) {
                    result[i * cols + j] = value;
                } else {
                    result[j * cols + i] = value;
                }
            }
        }
        return result;
    }
}
