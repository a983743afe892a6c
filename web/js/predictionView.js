// The predictions card. For 2-D data it draws the decision boundary (grid cells coloured by the
// predicted class, paler where the model is unsure) with held-out points on top. For image data it
// shows a grid of sample images captioned with their class and the prediction. It stays hidden until
// the server sends a `prediction` frame, which has these fields (all but epoch and step optional):
//   boundary   {xMin, xMax, yMin, yMax, columns, rows, predicted[rows·columns], confidence[rows·columns]},
//              row-major with the first row at yMin, confidence the largest softmax probability
//   points     {x[], y[], label[], predicted[]}: held-out points
//   samples    {imageShape [height, width], pixels[] (base64 bytes, 0 to 255), label[], predicted[],
//              confidence[] (optional): the predicted class's probability}
//   classNames [] indexed by class
// The server sends `prediction` frames for 2-D classification data and for image datasets only
// (docs/protocol.md), so other datasets keep the card hidden.

import { createChartCard } from './chartCard.js';
import { el, replaceChildren } from './dom.js';
import { boundaryCells, boundaryProblem, CLASS_SHAPES, classColor, dataToCanvas, decodePixels, sampleCaption, sampleTitle, sampleZoom } from './prediction.js';

const BOUNDARY_SIZE = 320;
// Layout of the PNG export of sample images: the caption line's height and the gap between images, in pixels.
const EXPORT_CAPTION = 16;
const EXPORT_GAP = 8;
const EXPORT_FONT = '11px sans-serif';
// The page's --error colour, for the captions of misclassified images.
const EXPORT_WRONG_COLOUR = '#a33b00';

export function createPredictionView(parent) {
  const card = createChartCard(parent, {
    id: 'chart-prediction',
    title: 'Predictions',
    description: 'Decision boundary on 2-D data (colour: predicted class, paler where unsure; shapes: held-out points by true class), or sample images with their predicted class.',
    xLabel: 'sample',
  });
  card.element.hidden = true;
  card.canvas.width = BOUNDARY_SIZE;
  card.canvas.height = BOUNDARY_SIZE;
  const gallery = el('div', { className: 'sample-grid', 'aria-label': 'Sample images with predictions' });
  const note = el('p', { className: 'chart-note', 'aria-live': 'polite' });
  card.element.append(gallery);
  replaceChildren(card.extra, note);
  let drawnStep = null;
  let drawnPrediction = null;
  const tableData = { datasets: [] };
  const exportImage = () => (drawnPrediction?.boundary || !drawnPrediction?.samples
    ? card.canvas.toDataURL('image/png') : samplesImage(gallery).toDataURL('image/png'));
  card.setChart({ data: tableData, toBase64Image: exportImage });

  function update(run) {
    const prediction = run?.prediction;
    if (!prediction || prediction.step === drawnStep) {
      return;
    }
    drawnStep = prediction.step;
    drawnPrediction = prediction;
    card.element.hidden = false;
    card.canvas.closest('.chart-box').hidden = !prediction.boundary;
    if (prediction.boundary) {
      drawBoundary(prediction);
    }
    drawSamples(prediction);
    note.textContent = `Epoch ${prediction.epoch}.`;
    card.refreshTable();
  }

  function drawBoundary(prediction) {
    const context = card.canvas.getContext('2d');
    const boundary = { ...prediction.boundary, classCount: prediction.classNames?.length };
    context.clearRect(0, 0, BOUNDARY_SIZE, BOUNDARY_SIZE);
    const problem = boundaryProblem(boundary);
    if (problem) {
      note.textContent = `The decision boundary cannot be drawn: ${problem}.`;
      return;
    }
    for (const cell of boundaryCells(boundary, BOUNDARY_SIZE, BOUNDARY_SIZE)) {
      context.globalAlpha = cell.alpha;
      context.fillStyle = cell.color;
      context.fillRect(cell.x, cell.y, cell.width, cell.height);
    }
    context.globalAlpha = 1;
    const points = prediction.points;
    if (points) {
      const toCanvas = dataToCanvas(boundary, BOUNDARY_SIZE, BOUNDARY_SIZE);
      points.x.forEach((x, i) => drawPoint(context, ...toCanvas(x, points.y[i]), points.label[i], points.label[i] !== points.predicted[i]));
      tableData.datasets = ['x', 'y', 'label', 'predicted'].map((field) => ({
        label: field, data: points[field].map((value, i) => ({ x: i, y: value })),
      }));
    }
  }

  function drawSamples(prediction) {
    const samples = prediction.samples;
    gallery.hidden = !samples;
    if (!samples) {
      return;
    }
    const [height, width] = samples.imageShape;
    const zoom = sampleZoom(width);
    replaceChildren(gallery, samples.pixels.map((encoded, i) => {
      const canvas = el('canvas', { width, height, style: `width:${width * zoom}px;height:${height * zoom}px` });
      paintImage(canvas, decodePixels(encoded), width, height);
      const wrong = samples.label[i] !== samples.predicted[i];
      const classNames = prediction.classNames || [];
      const title = sampleTitle(samples.label[i], samples.predicted[i], samples.confidence?.[i], classNames);
      return el('figure', { className: wrong ? 'sample wrong' : 'sample', title }, canvas,
        el('figcaption', {}, sampleCaption(samples.label[i], samples.predicted[i], classNames)));
    }));
    if (!prediction.boundary) {
      const fields = samples.confidence ? ['label', 'predicted', 'confidence'] : ['label', 'predicted'];
      tableData.datasets = fields.map((field) => ({ label: field, data: samples[field].map((value, i) => ({ x: i, y: value })) }));
    }
  }

  return { update };
}

// Draws the gallery's images and captions onto one canvas, in rows of up to 10, for the PNG export.
function samplesImage(gallery) {
  const figures = [...gallery.querySelectorAll('figure')].map((figure) => {
    const image = figure.querySelector('canvas');
    return {
      image,
      width: image.clientWidth || image.width,
      height: image.clientHeight || image.height,
      caption: figure.querySelector('figcaption').textContent,
      wrong: figure.classList.contains('wrong'),
    };
  });
  const output = el('canvas');
  const context = output.getContext('2d');
  context.font = EXPORT_FONT;
  const cellWidth = Math.max(...figures.map((figure) => Math.max(figure.width, context.measureText(figure.caption).width))) + EXPORT_GAP;
  const cellHeight = Math.max(...figures.map((figure) => figure.height)) + EXPORT_CAPTION + EXPORT_GAP;
  const columns = Math.min(10, figures.length);
  output.width = Math.ceil(columns * cellWidth);
  output.height = Math.ceil(figures.length / columns) * cellHeight;
  // Resizing a canvas resets its context, so the font is set again after it.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  context.imageSmoothingEnabled = false;
  context.font = EXPORT_FONT;
  context.textAlign = 'center';
  figures.forEach((figure, i) => {
    const centre = (i % columns) * cellWidth + cellWidth / 2;
    const top = Math.floor(i / columns) * cellHeight + EXPORT_GAP / 2;
    context.drawImage(figure.image, Math.round(centre - figure.width / 2), top, figure.width, figure.height);
    context.fillStyle = figure.wrong ? EXPORT_WRONG_COLOUR : '#000000';
    context.fillText(figure.caption, centre, top + figure.height + EXPORT_CAPTION - 4);
  });
  return output;
}

function paintImage(canvas, bytes, width, height) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const value = 255 - (bytes[i] ?? 0);
    image.data.set([value, value, value, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}

// Draws a held-out point in its class's colour and shape; a misclassified one gets a thick outline.
function drawPoint(context, x, y, label, wrong) {
  const size = 4;
  context.beginPath();
  switch (CLASS_SHAPES[label % CLASS_SHAPES.length]) {
    case 'triangle':
      context.moveTo(x, y - size);
      context.lineTo(x + size, y + size);
      context.lineTo(x - size, y + size);
      context.closePath();
      break;
    case 'square':
      context.rect(x - size, y - size, 2 * size, 2 * size);
      break;
    case 'diamond':
      context.moveTo(x, y - size);
      context.lineTo(x + size, y);
      context.lineTo(x, y + size);
      context.lineTo(x - size, y);
      context.closePath();
      break;
    default:
      context.arc(x, y, size, 0, 2 * Math.PI);
  }
  context.fillStyle = classColor(label);
  context.fill();
  context.lineWidth = wrong ? 2.5 : 1;
  context.strokeStyle = wrong ? '#000' : '#fff';
  context.stroke();
}
