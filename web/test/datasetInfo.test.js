import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDataset, generatedSplit } from '../js/datasetInfo.js';

const DATASETS = [
  { name: 'spirals', description: 'spirals', licence: 'generated', trainSamples: 800, testSamples: 200, features: 2, classNames: ['0', '1'], imageShape: [] },
  { name: 'mnist', description: 'MNIST handwritten digits', licence: 'CC BY-SA 3.0', trainSamples: 6000, testSamples: 1000, features: 784, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], imageShape: [28, 28] },
  { name: 'moons', description: '' },
];

test('image dataset described with shape and licence', () => {
  assert.equal(describeDataset(DATASETS, 'mnist'),
    'MNIST handwritten digits; 784 inputs (28×28 images); 10 classes; 6000 training and 1000 held-out samples; licence CC BY-SA 3.0.');
});

test('synthetic dataset skips repeated name and licence', () => {
  assert.equal(describeDataset(DATASETS, 'spirals'), '2 inputs; 2 classes; 800 training and 200 held-out samples.');
});

test('sparse and unknown datasets', () => {
  assert.equal(describeDataset(DATASETS, 'moons'), '');
  assert.equal(describeDataset(DATASETS, 'cifar'), 'The server does not list a dataset named cifar.');
});

test('synthetic sizes follow settings', () => {
  // 500 samples, 0.3 held out: round(150) = 150 held out, 350 for training.
  assert.equal(describeDataset(DATASETS, 'spirals', { samples: 500, testFraction: 0.3 }),
    '2 inputs; 2 classes; 350 training and 150 held-out samples.');
});

test('real dataset sizes ignore settings', () => {
  assert.match(describeDataset(DATASETS, 'mnist', { samples: 500, testFraction: 0.3 }), /6000 training and 1000 held-out/);
});

test('generated split rounds like server', () => {
  // 25 · 0.1 = 2.5 rounds up to 3, as Java's Math.round does; 10 · 0.05 = 0.5 rounds to 1.
  assert.deepEqual(generatedSplit({ samples: 25, testFraction: 0.1 }), { train: 22, test: 3 });
  assert.deepEqual(generatedSplit({ samples: 10, testFraction: 0.05 }), { train: 9, test: 1 });
});

test('generated split needs valid settings', () => {
  assert.equal(generatedSplit({ samples: Number.NaN, testFraction: 0.2 }), null);
  assert.equal(generatedSplit({ samples: 100, testFraction: 1.5 }), null);
});
