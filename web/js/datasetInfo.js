// One line about the chosen dataset, from the descriptions in /api/meta: what it is, its size, and
// its licence, shown under the dataset control.

/**
 * Describes dataset `name` from the meta entries, or reports that the server does not list it. For a
 * generated set the sizes come from `settings` ({samples, testFraction}, as the builder shows them),
 * because the meta entry gives them only for the server's defaults.
 */
export function describeDataset(datasets, name, settings = {}) {
  const entry = datasets.find((dataset) => dataset.name === name);
  if (!entry) {
    return `The server does not list a dataset named ${name}.`;
  }
  const parts = [];
  if (entry.description && entry.description !== entry.name) {
    parts.push(entry.description);
  }
  if (Number.isInteger(entry.features)) {
    const shape = Array.isArray(entry.imageShape) && entry.imageShape.length > 0 ? ` (${entry.imageShape.join('×')} images)` : '';
    parts.push(`${entry.features} inputs${shape}`);
  }
  if (Array.isArray(entry.classNames) && entry.classNames.length > 0) {
    parts.push(`${entry.classNames.length} classes`);
  }
  const split = entry.licence === 'generated' ? generatedSplit(settings) : null;
  if (split) {
    parts.push(`${split.train} training and ${split.test} held-out samples`);
  } else if (Number.isInteger(entry.trainSamples) && Number.isInteger(entry.testSamples)) {
    parts.push(`${entry.trainSamples} training and ${entry.testSamples} held-out samples`);
  }
  if (entry.licence && entry.licence !== 'generated') {
    parts.push(`licence ${entry.licence}`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : '';
}

/**
 * Returns the split of a generated set as the server makes it: max(1, round(samples · testFraction))
 * held out and the rest for training. Returns null when either setting is not a valid number.
 */
export function generatedSplit({ samples, testFraction }) {
  if (!Number.isInteger(samples) || samples < 2 || !Number.isFinite(testFraction) || testFraction <= 0 || testFraction >= 1) {
    return null;
  }
  const test = Math.max(1, Math.round(samples * testFraction));
  return { train: samples - test, test };
}
