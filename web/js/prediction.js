// Pure helpers for the predictions view: the decision boundary of a 2-D dataset as coloured grid
// cells, and sample images with their predicted class. The server sends both in `prediction`
// frames (see predictionView.js for the frame's fields).

import { OKABE_ITO } from './scales.js';

/** Colour of class `classIndex`, from the colour-blind-safe palette. */
export function classColor(classIndex) {
  return OKABE_ITO[classIndex % OKABE_ITO.length];
}

/** Point shape of class `classIndex`, so classes differ in shape as well as colour. */
export const CLASS_SHAPES = Object.freeze(['circle', 'triangle', 'square', 'diamond', 'cross']);

/**
 * Maps data coordinates to canvas pixels for a boundary's extent: x grows rightward, y upward (the
 * canvas's y axis points down, so it is flipped).
 */
export function dataToCanvas(boundary, width, height) {
  const scaleX = width / (boundary.xMax - boundary.xMin);
  const scaleY = height / (boundary.yMax - boundary.yMin);
  return (x, y) => [(x - boundary.xMin) * scaleX, height - (y - boundary.yMin) * scaleY];
}

/**
 * Returns one rectangle per grid cell, {x, y, width, height, color, alpha}, in whole canvas pixels. Cells
 * are row-major with the first row at yMin; alpha grows with the prediction's confidence, from 0.15
 * at chance level to 0.6 at certainty.
 */
export function boundaryCells(boundary, width, height) {
  const cellWidth = width / boundary.columns;
  const cellHeight = height / boundary.rows;
  const chance = 1 / Math.max(2, boundary.classCount || 2);
  const cells = [];
  for (let row = 0; row < boundary.rows; row++) {
    for (let column = 0; column < boundary.columns; column++) {
      const index = row * boundary.columns + column;
      const confidence = boundary.confidence ? boundary.confidence[index] : 1;
      const certainty = Math.max(0, Math.min(1, (confidence - chance) / (1 - chance)));
      // Whole-pixel edges shared by neighbours, so translucent cells neither overlap nor leave gaps.
      const left = Math.round(column * cellWidth);
      const top = Math.round(height - (row + 1) * cellHeight);
      cells.push({
        x: left,
        y: top,
        width: Math.round((column + 1) * cellWidth) - left,
        height: Math.round(height - row * cellHeight) - top,
        color: classColor(boundary.predicted[index]),
        alpha: 0.15 + 0.45 * certainty,
      });
    }
  }
  return cells;
}

/** Checks a boundary's grid sizes; returns an error sentence or null when it is consistent. */
export function boundaryProblem(boundary) {
  const cells = boundary.rows * boundary.columns;
  if (!(boundary.rows > 0 && boundary.columns > 0)) {
    return `the grid needs rows and columns above 0, got ${boundary.rows} × ${boundary.columns}`;
  }
  if (boundary.predicted.length !== cells) {
    return `the grid of ${boundary.rows} × ${boundary.columns} needs ${cells} predictions, got ${boundary.predicted.length}`;
  }
  if (boundary.confidence && boundary.confidence.length !== cells) {
    return `the grid of ${boundary.rows} × ${boundary.columns} needs ${cells} confidences, got ${boundary.confidence.length}`;
  }
  if (!(boundary.xMax > boundary.xMin && boundary.yMax > boundary.yMin)) {
    return 'the extent needs xMax > xMin and yMax > yMin';
  }
  return null;
}

/** Decodes base64 text into bytes (pixel values 0 to 255). */
export function decodePixels(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}

/** Caption of a sample image: its true class, and the prediction when it differs. */
export function sampleCaption(label, predicted, classNames = []) {
  const name = (index) => classNames[index] ?? String(index);
  return label === predicted ? `${name(label)} ✓` : `${name(label)}, predicted ${name(predicted)} ✗`;
}

/** Tooltip of a sample image: its true class, the prediction and, when known, the prediction's probability. */
export function sampleTitle(label, predicted, confidence, classNames = []) {
  const name = (index) => classNames[index] ?? String(index);
  const probability = Number.isFinite(confidence) ? ` with probability ${confidence.toFixed(3)}` : '';
  return `true class ${name(label)}, predicted ${name(predicted)}${probability}`;
}

/**
 * Returns the whole-number zoom that shows an image `width` pixels wide at about `targetPixels` on
 * screen, at least 1: 7 for the 8×8 digits and 2 for 28×28 MNIST at the default 56.
 */
export function sampleZoom(width, targetPixels = 56) {
  return Math.max(1, Math.round(targetPixels / width));
}
