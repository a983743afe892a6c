// Compact text for per-layer settings in a link: layers separated by commas, each written as
// width_activation with optional _bn (batch normalization) and _d<rate> (dropout), as in
// "64_tanh,32_relu_bn_d0.1".

/** Writes hiddenLayers entries ({width, activation, batchNorm, dropout}) as compact text. */
export function encodeLayers(layers) {
  return layers.map((layer) => {
    const parts = [String(layer.width), layer.activation];
    if (layer.batchNorm) {
      parts.push('bn');
    }
    if (layer.dropout) {
      parts.push(`d${layer.dropout}`);
    }
    return parts.join('_');
  }).join(',');
}

/** Reads compact layer text. Returns {value} with the hiddenLayers array, or {error} with what is allowed. */
export function decodeLayers(text) {
  const allowed = 'layers written as width_activation[_bn][_d<dropout>], separated by commas, such as 64_tanh,32_relu_bn';
  const layers = [];
  for (const item of text.split(',')) {
    const [width, activation, ...flags] = item.split('_');
    if (!/^\d+$/.test(width || '') || !/^[a-z][a-z0-9-]*$/.test(activation || '')) {
      return { error: allowed };
    }
    const layer = { width: Number(width), activation };
    for (const flag of flags) {
      if (flag === 'bn') {
        layer.batchNorm = true;
      } else if (/^d(\d+(\.\d+)?|\.\d+)$/.test(flag)) {
        layer.dropout = Number(flag.slice(1));
      } else {
        return { error: allowed };
      }
    }
    layers.push(layer);
  }
  return { value: layers };
}
