// Drawing primitives of the signal-flow canvas: a column of units with its labels, and the band
// between two columns that carries the backward signal.

import { formatScientific } from './format.js';
import { activationColor, gradientStyle } from './scales.js';

const FONT = '11px system-ui, sans-serif';
const COMPACT_FONT = '9px system-ui, sans-serif';

/** Column spacing in CSS pixels below which labels switch to their compact form. */
export const COMPACT_SPACING = 72;

/**
 * Draws the band from column `left` to column `right`, with an arrow lit by the right layer's ‖∂L/∂a‖
 * when `lit`. A `front` band is the one the backward sweep is crossing, and it gets a tint.
 */
export function drawGradientBand(context, left, right, gradientNorm, lit, { front = false } = {}) {
  const style = gradientStyle(gradientNorm);
  const top = Math.min(left.slots[0].y, right.slots[0].y);
  const bottom = Math.max(left.slots[left.slots.length - 1].y, right.slots[right.slots.length - 1].y);
  const middle = (top + bottom) / 2;
  context.save();
  context.strokeStyle = '#d0d0d0';
  context.lineWidth = 1;
  for (const from of [left.slots[0], left.slots[left.slots.length - 1]]) {
    for (const to of [right.slots[0], right.slots[right.slots.length - 1]]) {
      line(context, left.x, from.y, right.x, to.y);
    }
  }
  if (front) {
    context.fillStyle = 'rgba(213, 94, 0, 0.08)';
    context.fillRect(left.x, top - 10, right.x - left.x, bottom - top + 20);
  }
  if (lit) {
    context.globalAlpha = style.alpha;
    context.strokeStyle = style.color;
    context.lineWidth = style.lineWidth;
    line(context, right.x - right.radius - 2, middle, left.x + left.radius + 2, middle);
    arrowHead(context, left.x + left.radius + 2, middle, style.lineWidth);
  }
  context.restore();
}

/**
 * Draws one column: units filled by mean activation when `coloured`, dead units
 * crossed out, saturated ones ringed twice, the layer label on top and ‖∂L/∂a‖ below.
 */
export function drawColumn(context, column, layer, values, { coloured, front, selected, compact = false }) {
  const range = layer ? activationRange(layer) : 1;
  context.save();
  if (front) {
    context.fillStyle = 'rgba(230, 159, 0, 0.18)';
    context.fillRect(column.x - 16, column.slots[0].y - column.radius - 4, 32, column.slots[column.slots.length - 1].y - column.slots[0].y + 2 * column.radius + 8);
  }
  if (selected) {
    context.fillStyle = 'rgba(0, 114, 178, 0.08)';
    const top = column.slots[0].y - column.radius - 6;
    const bottom = column.slots[column.slots.length - 1].y + column.radius + 6;
    context.fillRect(column.x - 22, top, 44, bottom - top);
  }
  column.slots.forEach((slot, i) => {
    const activation = values ? values.activation[i] : NaN;
    context.beginPath();
    context.arc(column.x, slot.y, column.radius, 0, 2 * Math.PI);
    context.fillStyle = coloured && layer && values ? activationColor(activation, range) : '#f4f4f4';
    context.fill();
    context.lineWidth = 1;
    context.strokeStyle = '#666';
    context.stroke();
    if (coloured && values && values.saturated[i] >= 0.5) {
      context.beginPath();
      context.arc(column.x, slot.y, column.radius + 2.5, 0, 2 * Math.PI);
      context.lineWidth = 1.5;
      context.strokeStyle = '#CC79A7';
      context.stroke();
    }
    if (coloured && values && values.dead[i] >= 0.5) {
      cross(context, column.x, slot.y, column.radius);
    }
  });
  drawLabels(context, column, layer, compact);
  context.restore();
}

// Compact labels, for columns too close for full ones, drop the activation name and put every
// second column's gradient norm one line lower so neighbours do not overlap.
function drawLabels(context, column, layer, compact) {
  const top = column.slots[0].y - column.radius - 8;
  const stagger = compact && layer && layer.layerIndex % 2 === 1 ? 11 : 0;
  const bottom = column.slots[column.slots.length - 1].y + column.radius + 14 + stagger;
  context.fillStyle = '#222';
  context.font = compact ? COMPACT_FONT : FONT;
  context.textAlign = 'center';
  const name = compact ? `L${layer?.layerIndex}` : `L${layer?.layerIndex} ${shortName(layer?.activationName ?? '')}`;
  context.fillText(layer ? name : 'input', column.x, top - 10);
  context.fillText(layer ? `${layer.width}` : `${column.width}`, column.x, top + 2);
  if (layer) {
    context.fillText(formatScientific(layer.activationGradientNorm, compact ? 0 : 1), column.x, bottom);
  }
  if (column.note) {
    context.fillStyle = '#555';
    context.fillText(column.mode === 'bins' ? 'binned' : 'sample', column.x, bottom + (compact ? 22 - stagger : 13));
  }
}

// Largest magnitude expected of the activation, so colours use the full scale.
function activationRange(layer) {
  const bounded = ['sigmoid', 'tanh', 'softmax'];
  if (bounded.includes(layer.activationName)) {
    return 1;
  }
  const extreme = Math.max(Math.abs(layer.activation.min), Math.abs(layer.activation.max));
  return Number.isFinite(extreme) && extreme > 0 ? extreme : 1;
}

function shortName(name) {
  return name.length > 8 ? `${name.slice(0, 7)}…` : name;
}

function line(context, x1, y1, x2, y2) {
  context.beginPath();
  context.moveTo(x1, y1);
  context.lineTo(x2, y2);
  context.stroke();
}

function arrowHead(context, x, y, width) {
  const size = 4 + width;
  context.beginPath();
  context.moveTo(x, y);
  context.lineTo(x + size, y - size / 2);
  context.lineTo(x + size, y + size / 2);
  context.closePath();
  context.fillStyle = context.strokeStyle;
  context.fill();
}

function cross(context, x, y, radius) {
  const r = radius * 0.8;
  context.strokeStyle = '#000';
  context.lineWidth = 1.5;
  line(context, x - r, y - r, x + r, y + r);
  line(context, x - r, y + r, x + r, y - r);
}
