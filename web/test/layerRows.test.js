import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerRows } from '../js/layerRows.js';
import { epochStats } from './fixtures.js';

function row(rows, name) {
  return rows.find(([label]) => label === name)[1];
}

function reluLayer() {
  return { ...epochStats(0, [1e-2]).layers[0], activationName: 'relu', saturatedFraction: Number.NaN, deadFraction: 0.25 };
}

test('hidden relu saturation explained', () => {
  const text = row(layerRows(reluLayer(), { isOutput: false, epoch: 3 }), 'saturated units');

  assert.match(text, /not defined for relu units/);
  assert.doesNotMatch(text, /output layer/);
});

test('output saturation not measured', () => {
  const text = row(layerRows(reluLayer(), { isOutput: true, epoch: 3 }), 'saturated units');

  assert.equal(text, 'not measured for the output layer');
});

test('update ratio at init explained', () => {
  const layer = { ...reluLayer(), updateRatio: Number.NaN };

  const text = row(layerRows(layer, { epoch: 0 }), 'update / weight ratio');

  assert.equal(text, 'not defined at initialization (no update yet)');
});

test('output predicted variance shown as dash', () => {
  const layer = { ...reluLayer(), predictedVariance: Number.NaN };

  const text = row(layerRows(layer, { isOutput: true, epoch: 2 }), 'Var(a) measured / predicted');

  assert.match(text, / \/ — \(no prediction for the output layer/);
});

test('no row shows raw NaN', () => {
  const layer = { ...reluLayer(), updateRatio: Number.NaN, predictedVariance: Number.NaN, deadFraction: Number.NaN };

  for (const isOutput of [false, true]) {
    for (const [name, value] of layerRows(layer, { isOutput, epoch: 0 })) {
      assert.doesNotMatch(value, /NaN/, `${name}: ${value}`);
    }
  }
});
