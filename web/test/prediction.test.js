import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryCells, boundaryProblem, classColor, dataToCanvas, decodePixels, sampleCaption, sampleTitle, sampleZoom } from '../js/prediction.js';

const BOUNDARY = {
  xMin: -1, xMax: 1, yMin: -2, yMax: 2, columns: 2, rows: 2, classCount: 2,
  predicted: [0, 1, 1, 0], confidence: [0.5, 1, 0.75, 1],
};

test('data coordinates map with y flipped', () => {
  const map = dataToCanvas(BOUNDARY, 200, 400);
  assert.deepEqual(map(-1, -2), [0, 400]);
  assert.deepEqual(map(1, 2), [200, 0]);
  assert.deepEqual(map(0, 0), [100, 200]);
});

test('first grid row sits at the bottom', () => {
  const cells = boundaryCells(BOUNDARY, 200, 400);
  assert.equal(cells.length, 4);
  assert.deepEqual([cells[0].x, cells[0].y, cells[0].width, cells[0].height], [0, 200, 100, 200]);
  assert.deepEqual([cells[3].x, cells[3].y], [100, 0]);
  assert.equal(cells[1].color, classColor(1));
});

test('cell opacity follows confidence above chance', () => {
  const cells = boundaryCells(BOUNDARY, 200, 400);
  // Two classes: chance is 0.5, so confidence 0.5 gives 0.15, 1 gives 0.6 and 0.75 gives 0.15 + 0.45 / 2.
  assert.equal(cells[0].alpha, 0.15);
  assert.equal(cells[1].alpha, 0.6);
  assert.ok(Math.abs(cells[2].alpha - 0.375) < 1e-12);
});

test('inconsistent grids are described', () => {
  assert.equal(boundaryProblem(BOUNDARY), null);
  assert.match(boundaryProblem({ ...BOUNDARY, predicted: [0] }), /needs 4 predictions, got 1/);
  assert.match(boundaryProblem({ ...BOUNDARY, confidence: [1, 1] }), /needs 4 confidences, got 2/);
  assert.match(boundaryProblem({ ...BOUNDARY, xMax: -1 }), /xMax > xMin/);
  assert.match(boundaryProblem({ ...BOUNDARY, rows: 0, predicted: [] }), /above 0/);
});

test('pixels decode from base64', () => {
  // "AP8Q" is the base64 of the bytes 0x00, 0xFF, 0x10.
  assert.deepEqual([...decodePixels('AP8Q')], [0, 255, 16]);
});

test('sample captions mark mistakes', () => {
  assert.equal(sampleCaption(3, 3), '3 ✓');
  assert.equal(sampleCaption(1, 7, ['zero', 'one']), 'one, predicted 7 ✗');
});

test('sample titles give the probability when sent', () => {
  assert.equal(sampleTitle(1, 7, 0.4419, ['zero', 'one']), 'true class one, predicted 7 with probability 0.442');
  assert.equal(sampleTitle(3, 3, undefined), 'true class 3, predicted 3');
  assert.equal(sampleTitle(3, 3, NaN), 'true class 3, predicted 3');
});

test('sample zoom gives digits and MNIST a similar size', () => {
  assert.equal(sampleZoom(8), 7);
  assert.equal(sampleZoom(28), 2);
  assert.equal(sampleZoom(200), 1);
});

test('cells tile the canvas without overlap', () => {
  // 320 px over 48 columns is 6.67 px a cell: rounded edges make widths of 6 and 7 that add up exactly.
  const boundary = { ...BOUNDARY, columns: 48, rows: 1, predicted: new Array(48).fill(0), confidence: null };
  const cells = boundaryCells(boundary, 320, 10);
  assert.equal(cells[0].x, 0);
  for (let i = 1; i < cells.length; i++) {
    assert.equal(cells[i].x, cells[i - 1].x + cells[i - 1].width, `cell ${i} starts where cell ${i - 1} ends`);
  }
  assert.equal(cells[47].x + cells[47].width, 320);
});
