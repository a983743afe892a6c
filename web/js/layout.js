// Geometry of the signal-flow canvas: one column of units per layer, input on the left and output
// on the right. A layer wider than the drawing budget is drawn from the server's unit sample, or
// as bins of neighbouring units, and its column carries a note saying so.

export const LAYOUT_DEFAULTS = Object.freeze({
  maxUnitsDrawn: 32,
  marginX: 48,
  labelTop: 34,
  labelBottom: 40,
  maxRadius: 9,
});

/**
 * Lays out columns for `inputWidth` inputs followed by `layers` (each {width, sampleSize}), where
 * sampleSize is how many units the server samples for that layer (0 or absent when it sends none).
 * Returns {columns, width, height}; each column has x, layerIndex (-1 for the input), mode
 * ('all', 'sample' or 'bins'), slots (each with y and the range of drawn positions it covers),
 * radius and a note for reduced columns.
 */
export function layoutNetwork({ inputWidth, layers, width, height, options = {} }) {
  const settings = { ...LAYOUT_DEFAULTS, ...options };
  const specs = [{ layerIndex: -1, width: inputWidth, sampleSize: 0 }]
    .concat(layers.map((layer, i) => ({ layerIndex: i, width: layer.width, sampleSize: layer.sampleSize || 0 })));
  const spacingX = specs.length > 1 ? (width - 2 * settings.marginX) / (specs.length - 1) : 0;
  const columns = specs.map((spec, i) => {
    const x = specs.length > 1 ? settings.marginX + i * spacingX : width / 2;
    return layoutColumn(spec, x, height, settings);
  });
  return { columns, width, height, spacingX };
}

function layoutColumn(spec, x, height, settings) {
  const reduction = chooseReduction(spec, settings.maxUnitsDrawn);
  const top = settings.labelTop;
  const usable = Math.max(1, height - top - settings.labelBottom);
  const step = usable / reduction.ranges.length;
  const radius = Math.max(1.5, Math.min(settings.maxRadius, step * 0.4));
  const slots = reduction.ranges.map((range, i) => ({ y: top + step * (i + 0.5), start: range[0], end: range[1] }));
  return {
    x,
    layerIndex: spec.layerIndex,
    width: spec.width,
    mode: reduction.mode,
    source: reduction.source,
    slots,
    radius,
    note: reduction.note,
  };
}

/**
 * Decides how a layer of `width` units is drawn. Slots index the drawn values: units themselves in
 * mode 'all', positions in the server's sample in mode 'sample', ranges of those in mode 'bins'.
 */
export function chooseReduction({ width, sampleSize }, maxUnitsDrawn) {
  const hasSample = sampleSize > 0 && sampleSize < width;
  const count = hasSample ? sampleSize : width;
  const source = hasSample ? 'sample' : 'units';
  if (count <= maxUnitsDrawn) {
    return {
      mode: hasSample ? 'sample' : 'all',
      source,
      ranges: binRanges(count, count),
      note: hasSample ? `${count} of ${width} units, evenly spaced sample` : '',
    };
  }
  const ranges = binRanges(count, maxUnitsDrawn);
  const what = hasSample ? `a sample of ${count} of ${width} units` : `${width} units`;
  return { mode: 'bins', source, ranges, note: `${what} in ${ranges.length} bins` };
}

/** Splits `count` positions into `bins` contiguous [start, end) ranges whose sizes differ by at most one. */
export function binRanges(count, bins) {
  const binCount = Math.max(1, Math.min(count, bins));
  const ranges = [];
  for (let i = 0; i < binCount; i++) {
    ranges.push([Math.floor((i * count) / binCount), Math.floor(((i + 1) * count) / binCount)]);
  }
  return ranges;
}

/** Mean of values[start..end) for each slot; booleans count as 1 and 0, so a bin reports a fraction. */
export function aggregateSlots(values, slots) {
  return slots.map(({ start, end }) => {
    let sum = 0;
    let n = 0;
    for (let i = start; i < end && i < values.length; i++) {
      sum += Number(values[i]);
      n += 1;
    }
    return n > 0 ? sum / n : NaN;
  });
}

/** Returns the column whose x is nearest to `x`, or null when the point is outside every column's band. */
export function columnAt(layout, x) {
  const half = layout.spacingX > 0 ? layout.spacingX / 2 : layout.width / 2;
  let best = null;
  for (const column of layout.columns) {
    const distance = Math.abs(column.x - x);
    if (distance <= half && (best === null || distance < Math.abs(best.x - x))) {
      best = column;
    }
  }
  return best;
}
