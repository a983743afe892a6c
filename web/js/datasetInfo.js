// One line about the chosen dataset, from the descriptions in /api/meta: what it is, its size, and
// its licence, shown under the dataset control.

/** Describes dataset `name` from the meta entries, or reports that the server does not list it. */
export function describeDataset(datasets, name) {
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
  if (Number.isInteger(entry.trainSamples) && Number.isInteger(entry.testSamples)) {
    parts.push(`${entry.trainSamples} training and ${entry.testSamples} held-out samples`);
  }
  if (entry.licence && entry.licence !== 'generated') {
    parts.push(`licence ${entry.licence}`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : '';
}
