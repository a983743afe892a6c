// The rows of the layer-details panel as [name, value] text pairs. Pure, so the wording of values
// that are not defined (NaN from the server) is tested without a page.

import { formatNumber, formatPercent, formatScientific } from './format.js';

/** Returns the details of `layer` (one entry of EpochStats.layers); `isOutput` marks the output layer. */
export function layerRows(layer, { isOutput = false, epoch = null } = {}) {
  return [
    ['units', `${layer.width} (fan-in ${layer.fanIn})`],
    ['activation function', layer.activationName],
    ['pre-activation z mean ± std', `${formatNumber(layer.preActivation.mean)} ± ${formatNumber(layer.preActivation.std)}`],
    ['activation a mean ± std', `${formatNumber(layer.activation.mean)} ± ${formatNumber(layer.activation.std)}`],
    ['Var(a) measured / predicted', `${formatScientific(layer.activation.std ** 2)} / ${predictedText(layer, isOutput)}`],
    ['saturated units', saturatedText(layer, isOutput)],
    ['dead units', Number.isNaN(layer.deadFraction) ? `not defined: ${layer.activationName} units cannot die` : formatPercent(layer.deadFraction)],
    ['‖∂L/∂a‖', formatScientific(layer.activationGradientNorm)],
    ['‖∂L/∂W‖', formatScientific(layer.weightGradientNorm)],
    ['‖∂L/∂b‖', formatScientific(layer.biasGradientNorm)],
    ['‖W‖', formatNumber(layer.weightNorm)],
    ['update / weight ratio', updateRatioText(layer, epoch)],
  ];
}

function predictedText(layer, isOutput) {
  if (!Number.isNaN(layer.predictedVariance)) {
    return formatScientific(layer.predictedVariance);
  }
  return isOutput
    ? '— (no prediction for the output layer, whose values feed the loss directly)'
    : `— (the initialization formula gives no prediction for ${layer.activationName} units here)`;
}

function saturatedText(layer, isOutput) {
  if (!Number.isNaN(layer.saturatedFraction)) {
    return formatPercent(layer.saturatedFraction);
  }
  if (isOutput) {
    return 'not measured for the output layer';
  }
  // The server measures saturation only for sigmoid and tanh (NaN for every other function).
  return `not defined for ${layer.activationName} units: only sigmoid and tanh flatten on both sides and saturate`;
}

function updateRatioText(layer, epoch) {
  if (!Number.isNaN(layer.updateRatio)) {
    return formatScientific(layer.updateRatio);
  }
  return epoch === 0 ? 'not defined at initialization (no update yet)' : '— (no update in this snapshot)';
}
