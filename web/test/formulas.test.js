import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heVariance, lecunVariance, sigmoidChainBound, sigmoidDerivative, xavierVariance } from '../js/formulas.js';

const RELATIVE = 1e-4;

function assertClose(actual, expected) {
  assert.ok(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected), `${actual} is not within ${RELATIVE} of ${expected}`);
}

test('sigmoid derivative at lecture points', () => {
  // σ′(x) = e^−x / (1 + e^−x)²:
  //   x = 0:   1 / 4 = 0.25
  //   x = 3:   0.0497871 / 1.0497871² = 0.0497871 / 1.1020529 = 0.0451767
  //   x = 10:  4.539993e-5 / (1.0000454)² = 4.539581e-5
  //   x = 100: e^−100 = 3.720076e-44, and the denominator rounds to 1.
  assertClose(sigmoidDerivative(0), 0.25);
  assertClose(sigmoidDerivative(3), 0.0451767);
  assertClose(sigmoidDerivative(10), 4.539581e-5);
  assertClose(sigmoidDerivative(100), 3.720076e-44);
});

test('sigmoid derivative is symmetric', () => {
  assert.equal(sigmoidDerivative(-3), sigmoidDerivative(3));
});

test('initializer variances', () => {
  assert.equal(xavierVariance(32, 32), 2 / 64);
  assert.equal(heVariance(32), 1 / 16);
  assert.equal(lecunVariance(50), 0.02);
});

test('sigmoid chain bound', () => {
  // Ten layers: 0.25^10 = 9.5367e-7.
  assertClose(sigmoidChainBound(10), 9.5367e-7);
});
