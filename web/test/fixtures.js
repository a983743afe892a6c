// Builders of statistics records for the tests, with every field the schema requires.

import { addStats, createHistory } from '../js/runHistory.js';

export function summary(mean, std) {
  return { count: 100, mean, std, min: mean - 2 * std, max: mean + 2 * std };
}

/** Builds an EpochStats whose layer i has activationGradientNorm gradientNorms[i]. */
export function epochStats(epoch, gradientNorms, overrides = {}) {
  return {
    epoch,
    step: epoch * 25,
    trainLoss: 1 / (epoch + 1),
    trainAccuracy: 0.5,
    testLoss: 1.1 / (epoch + 1),
    testAccuracy: 0.45,
    learningRate: 0.1,
    samplesPerSecond: 1000,
    layers: gradientNorms.map((norm, i) => ({
      layerIndex: i,
      fanIn: i === 0 ? 2 : 8,
      width: 8,
      activationName: 'sigmoid',
      preActivation: summary(0, 1),
      activation: summary(0.5, 0.2 + 0.1 * i),
      saturatedFraction: 0.1 * i,
      deadFraction: 0,
      weightGradient: summary(0, norm),
      weightGradientNorm: norm * 2,
      biasGradientNorm: norm,
      activationGradientNorm: norm,
      weightNorm: 3,
      updateRatio: norm / 10,
      predictedVariance: 0.05 * (i + 1),
    })),
    ...overrides,
  };
}

/** Builds a run history holding `statsList`, added in order, with room for `capacity` snapshots. */
export function historyOf(statsList, capacity) {
  const history = createHistory(capacity);
  for (const stats of statsList) {
    addStats(history, stats);
  }
  return history;
}
