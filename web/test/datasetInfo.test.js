import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDataset } from '../js/datasetInfo.js';

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
