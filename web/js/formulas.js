// Closed-form quantities the lessons put beside the live charts.

/** Derivative of the logistic sigmoid, σ(x)·σ(−x), which stays accurate for large |x| where 1 − σ(x) rounds to 0. */
export function sigmoidDerivative(x) {
  const e = Math.exp(-Math.abs(x));
  return e / ((1 + e) * (1 + e));
}

/** Xavier (Glorot) weight variance 2 / (n_in + n_out), which keeps forward and backward variance near constant for tanh-like units. */
export function xavierVariance(fanIn, fanOut) {
  return 2 / (fanIn + fanOut);
}

/** He weight variance 2 / n_in, which makes up for ReLU zeroing half its inputs. */
export function heVariance(fanIn) {
  return 2 / fanIn;
}

/** LeCun weight variance 1 / n_in, which SELU's self-normalisation assumes. */
export function lecunVariance(fanIn) {
  return 1 / fanIn;
}

/**
 * Upper bound on how much a backward signal keeps after `depth` sigmoid layers whose weights have
 * magnitude around `weightScale`: each layer multiplies by at most max σ′ = 1/4 times the weight.
 */
export function sigmoidChainBound(depth, weightScale = 1) {
  return (0.25 * weightScale) ** depth;
}
