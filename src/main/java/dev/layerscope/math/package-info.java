/**
 * Numerical building blocks: native arrays and the matrix products on them through Smile's BLAS
 * binding, orthogonal matrices, and the seeded random streams that make runs reproducible. The only
 * package that imports {@code smile.*}.
 */
package dev.layerscope.math;
