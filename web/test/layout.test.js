import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateSlots, binRanges, chooseReduction, columnAt, layoutNetwork } from '../js/layout.js';

test('bin ranges cover every position once', () => {
  const ranges = binRanges(10, 3);
  // floor(10 * i / 3) for i = 0..3 gives 0, 3, 6, 10.
  assert.deepEqual(ranges, [[0, 3], [3, 6], [6, 10]]);
});

test('bin ranges never exceed the count', () => {
  assert.deepEqual(binRanges(2, 5), [[0, 1], [1, 2]]);
});

test('narrow layer drawn in full', () => {
  const reduction = chooseReduction({ width: 8, sampleSize: 0 }, 24);
  assert.equal(reduction.mode, 'all');
  assert.equal(reduction.ranges.length, 8);
  assert.equal(reduction.note, '');
});

test('wide layer with sample drawn as sample and says so', () => {
  const reduction = chooseReduction({ width: 512, sampleSize: 16 }, 24);
  assert.equal(reduction.mode, 'sample');
  assert.equal(reduction.ranges.length, 16);
  assert.equal(reduction.note, '16 of 512 units, evenly spaced sample');
});

test('wide layer without sample drawn as bins', () => {
  const reduction = chooseReduction({ width: 784, sampleSize: 0 }, 24);
  assert.equal(reduction.mode, 'bins');
  assert.equal(reduction.ranges.length, 24);
  assert.equal(reduction.note, '784 units in 24 bins');
});

test('sample larger than budget is binned', () => {
  const reduction = chooseReduction({ width: 512, sampleSize: 32 }, 24);
  assert.equal(reduction.mode, 'bins');
  assert.equal(reduction.source, 'sample');
  assert.equal(reduction.note, 'a sample of 32 of 512 units in 24 bins');
});

test('columns run left to right with input first', () => {
  const layout = layoutNetwork({
    inputWidth: 2, layers: [{ width: 4 }, { width: 4 }, { width: 2 }], width: 400, height: 300,
  });
  assert.equal(layout.columns.length, 4);
  assert.equal(layout.columns[0].layerIndex, -1);
  assert.equal(layout.columns[3].layerIndex, 2);
  // Margin 48 on both sides leaves 304 px for three gaps of 304 / 3.
  assert.equal(layout.columns[0].x, 48);
  assert.ok(Math.abs(layout.columns[1].x - (48 + 304 / 3)) < 1e-9);
  assert.equal(layout.columns[3].x, 352);
});

test('default budget draws a 32-unit layer in full', () => {
  const layout = layoutNetwork({ inputWidth: 2, layers: [{ width: 32, sampleSize: 32 }], width: 300, height: 340 });
  assert.equal(layout.columns[1].mode, 'all');
  assert.equal(layout.columns[1].slots.length, 32);
});

test('units stay inside the drawing area', () => {
  const layout = layoutNetwork({ inputWidth: 3, layers: [{ width: 100 }], width: 300, height: 200 });
  for (const column of layout.columns) {
    for (const slot of column.slots) {
      assert.ok(slot.y - column.radius >= 34 - 1e-9, `slot at ${slot.y} overlaps the top label`);
      assert.ok(slot.y + column.radius <= 200 - 40 + 1e-9, `slot at ${slot.y} overlaps the bottom label`);
    }
  }
});

test('slot aggregate gives mean and fraction', () => {
  const slots = [{ start: 0, end: 2 }, { start: 2, end: 5 }];
  assert.deepEqual(aggregateSlots([1, 3, 0, 0, 6], slots), [2, 2]);
  const deadShares = aggregateSlots([true, false, true, true, false], slots);
  assert.equal(deadShares[0], 0.5);
  assert.ok(Math.abs(deadShares[1] - 2 / 3) < 1e-12);
});

test('column lookup by x', () => {
  const layout = layoutNetwork({ inputWidth: 2, layers: [{ width: 2 }, { width: 2 }], width: 296, height: 100 });
  // Columns at 48, 148 and 248; the band of each is 50 px either side.
  assert.equal(columnAt(layout, 150).layerIndex, 0);
  assert.equal(columnAt(layout, 240).layerIndex, 1);
  assert.equal(columnAt(layout, 47).layerIndex, -1);
  assert.equal(columnAt(layout, 400), null);
});
